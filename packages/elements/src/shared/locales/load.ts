import type { Locale, LocaleModule } from '../localize.js';

/**
 * Each language's strings, imported the first time an element needs them, and added to
 * core's messages: a bundler, and the script-tag loader's build, make each a chunk of its
 * own. The all-in-one script swaps this module for `url.ts`, which fetches the same modules
 * from beside the script.
 */
export async function loadLocale(locale: Locale): Promise<LocaleModule> {
  const [module, { addLocale }] = await Promise.all([
    importLocale(locale),
    import('./add.js'),
  ]);
  addLocale(module);
  return module;
}

function importLocale(locale: Locale): Promise<LocaleModule> {
  switch (locale) {
    case 'km':
      return import('../../locales/km.js');
    case 'vi':
      return import('../../locales/vi.js');
    case 'id':
      return import('../../locales/id.js');
    case 'th':
      return import('../../locales/th.js');
    case 'zh-Hans':
      return import('../../locales/zh-Hans.js');
    case 'zh-Hant':
      return import('../../locales/zh-Hant.js');
    case 'ar':
      return import('../../locales/ar.js');
    default:
      return Promise.reject(new Error(`No strings for ${locale}.`));
  }
}
