import { type SupportedLocale, matchLocale } from './locale.js';
import { addLocale } from './catalogues.js';
import type { LocaleModule } from './types.js';

/**
 * Each shipped locale's module, imported only when asked for: a bundler makes each a file
 * of its own, and a page fetches only the one its reader needs.
 */
const MODULES: Readonly<
  Record<Exclude<SupportedLocale, 'en'>, () => Promise<LocaleModule>>
> = {
  km: () => import('./locales/km.js'),
  vi: () => import('./locales/vi.js'),
  id: () => import('./locales/id.js'),
  th: () => import('./locales/th.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
  ar: () => import('./locales/ar.js'),
};

const loading = new Map<SupportedLocale, Promise<void>>();

/**
 * Loads and adds (`addLocale`) the shipped catalogue that best serves a tag or a list of tags
 * (see `matchLocale`), once; resolves to the locale it chose. English needs nothing loaded.
 * A failed load (the network, say) is not remembered, so the next call tries again.
 *
 * @example
 * const locale = await loadLocale(navigator.languages); // 'km' for a reader in Khmer
 * validate(NewCommentSchema, form, { locale });
 */
export async function loadLocale(
  tags: string | readonly string[],
): Promise<SupportedLocale> {
  const locale = matchLocale(tags);
  if (locale === 'en') return locale;
  let load = loading.get(locale);
  if (!load) {
    load = MODULES[locale]().then(addLocale);
    loading.set(locale, load);
    load.catch(() => loading.delete(locale));
  }
  await load;
  return locale;
}
