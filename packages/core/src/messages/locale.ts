/**
 * The languages core ships messages for. English is the source every other falls back to;
 * each other is a module of its own (`@dateline/core/locales/km` …), loaded only by a page
 * that needs it.
 */
export const SUPPORTED_LOCALES = [
  'en',
  'km',
  'vi',
  'id',
  'th',
  'zh-Hans',
  'zh-Hant',
  'ar',
] as const;

/** One of the languages core ships messages for. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Longer than any tag a person or browser writes: a tag is read from its first this many
 * characters, so a hostile one (a megabyte of subtags from a request header) costs no more.
 */
export const MAX_TAG = 128;
/** How many tags of a list (`navigator.languages`, a parsed Accept-Language) are tried. */
const MAX_TAGS = 32;

/** Regions whose Chinese readers read Traditional characters. */
const TRADITIONAL_REGIONS: ReadonlySet<string> = new Set(['tw', 'hk', 'mo']);

/** Chinese by script when the tag names one, else by region: Taiwan, Hong Kong, Macau read Traditional. */
function chinese(subtags: readonly string[]): SupportedLocale {
  let region: string | undefined;
  for (let i = 1; i < subtags.length; i += 1) {
    const subtag = subtags[i]!;
    // A singleton starts an extension or private use ("-u-…", "-x-…"): the rest is no script or region.
    if (subtag.length <= 1) break;
    if (subtag === 'hant') return 'zh-Hant';
    if (subtag === 'hans') return 'zh-Hans';
    if (region === undefined && subtag.length === 2) region = subtag;
  }
  return region !== undefined && TRADITIONAL_REGIONS.has(region)
    ? 'zh-Hant'
    : 'zh-Hans';
}

/** The shipped locale a single tag names, or undefined when it names none. */
export function shippedLocaleOf(tag: unknown): SupportedLocale | undefined {
  if (typeof tag !== 'string') return undefined;
  // "zh_TW" is how POSIX locales and some platforms write "zh-TW".
  const subtags = tag.slice(0, MAX_TAG).trim().toLowerCase().split(/[-_]/);
  switch (subtags[0]) {
    case 'en':
    case 'km':
    case 'vi':
    case 'id':
    case 'th':
    case 'ar':
      return subtags[0];
    // The code Indonesian had before 1989, which older Java and Android still send.
    case 'in':
      return 'id';
    case 'zh':
      return chinese(subtags);
    default:
      return undefined;
  }
}

/**
 * The shipped locale that best serves a BCP 47 tag, or the first of a list of tags (most
 * preferred first, as `navigator.languages` or a parsed Accept-Language gives them) that
 * one serves; English when none does. Case does not matter. Chinese goes by script, then by
 * region: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*` read Traditional, `zh`, `zh-CN`, `zh-SG`
 * and `zh-Hans-*` Simplified. Any other tag goes by its language subtag (`km-KH` is `km`).
 * Never throws: a tag that is not one, or not a string, is English.
 *
 * @example
 * matchLocale('zh-TW') // 'zh-Hant'
 * matchLocale('km-KH') // 'km'
 * matchLocale(['fr-CA', 'vi']) // 'vi'
 * matchLocale('not a tag') // 'en'
 */
export function matchLocale(tags: string | readonly string[]): SupportedLocale {
  if (!Array.isArray(tags)) return shippedLocaleOf(tags) ?? 'en';
  const count = Math.min(tags.length, MAX_TAGS);
  for (let i = 0; i < count; i += 1) {
    const found = shippedLocaleOf(tags[i]);
    if (found) return found;
  }
  return 'en';
}

/**
 * A tag Intl accepts, for formatting numbers and dates: the one given when Intl knows how
 * to read it, else English. A tag from a page or a request must never turn into a RangeError.
 */
export function intlLocale(tag: unknown): string {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > MAX_TAG)
    return 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
