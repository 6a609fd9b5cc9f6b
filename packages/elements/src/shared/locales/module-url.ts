import { addLocale } from '@dateline/core';
import type { Locale, LocaleModule } from '../localize.js';

/**
 * For a script that is one ES module (the moderation page's): its languages are modules beside
 * it (`locales/km.js` …), each fetched the first time an element needs it, and added to
 * core's messages.
 */
export async function loadLocale(locale: Locale): Promise<LocaleModule> {
  const module: LocaleModule = await import(
    /* @vite-ignore */ new URL(`locales/${locale}.js`, import.meta.url).href
  );
  addLocale(module);
  return module;
}
