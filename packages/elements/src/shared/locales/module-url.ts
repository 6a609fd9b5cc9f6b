import type { Locale, LocaleModule } from '../localize.js';

/**
 * For a script that is one ES module (the moderation page's): its languages are modules beside
 * it (`locales/km.js` …), each fetched the first time an element needs it.
 */
export function loadLocale(locale: Locale): Promise<LocaleModule> {
  return import(
    /* @vite-ignore */ new URL(`locales/${locale}.js`, import.meta.url).href
  );
}
