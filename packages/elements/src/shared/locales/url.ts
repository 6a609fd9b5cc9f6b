import type { Locale, LocaleModule } from '../localize.js';

/**
 * Where the all-in-one script was fetched from, read while it runs: its languages are ES
 * modules beside it (`locales/km.js` …), each fetched the first time an element needs it.
 */
const base =
  (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;

export function loadLocale(locale: Locale): Promise<LocaleModule> {
  return import(/* @vite-ignore */ new URL(`locales/${locale}.js`, base).href);
}
