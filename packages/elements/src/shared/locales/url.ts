import { addLocale } from '@dateline/core';
import type { Locale, LocaleModule } from '../localize.js';

/**
 * Where the all-in-one script was fetched from, read while it runs: its languages are ES
 * modules beside it (`locales/km.js` …), each fetched the first time an element needs it,
 * and added to core's messages.
 */
const base =
  (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;

export async function loadLocale(locale: Locale): Promise<LocaleModule> {
  const module: LocaleModule = await import(
    /* @vite-ignore */ new URL(`locales/${locale}.js`, base).href
  );
  addLocale(module);
  return module;
}
