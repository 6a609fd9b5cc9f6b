import type { Locale, LocaleModule } from '../localize.js';

/**
 * Fetches a language's strings through `load.ts`, which is itself fetched with the first
 * language a page needs: a page in English never loads it. The files that are one script
 * each (the all-in-one bundle, the moderation page's module) swap this module for the one
 * that fetches by URL (`url.ts`, `module-url.ts`), which must run as the script does.
 */
export async function loadLocale(locale: Locale): Promise<LocaleModule> {
  const { loadLocale: load } = await import('./load.js');
  return load(locale);
}
