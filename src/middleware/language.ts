import { matchLocale, type SupportedLocale } from '@dateline/core';
import { loadLocale } from '@dateline/core/locales';
import type { Context, MiddlewareHandler } from 'hono';
import {
  fillText,
  SERVICE_WORDS,
  type ServiceCatalogue,
  type ServiceWordCode,
} from '../messages/index.js';

/**
 * How much of an Accept-Language header is read, and how many of its entries: browsers send
 * a handful of tags in under a hundred characters, so a longer header is cut, never scanned.
 */
const MAX_HEADER = 1024;
const MAX_ENTRIES = 32;

/** A language range (RFC 4647): `*`, or subtags of letters and digits joined by hyphens. */
const RANGE = /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;
/** A quality value (RFC 9110): 0 to 1, at most three decimals. */
const QUALITY = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The language ranges of an Accept-Language header, most wanted first: by quality, then in
 * the order sent. Ranges with q=0 (not wanted) and entries that are not well formed are left
 * out. Reads at most the first kilobyte and 32 entries, whatever the header holds.
 *
 * @example
 * acceptedLanguages('vi;q=0.8, km-KH, en;q=0.5') // ['km-KH', 'vi', 'en']
 */
export function acceptedLanguages(header: string | undefined | null): string[] {
  if (typeof header !== 'string') return [];
  const ranges: { range: string; q: number; order: number }[] = [];
  const entries = header.slice(0, MAX_HEADER).split(',', MAX_ENTRIES);
  for (const [order, entry] of entries.entries()) {
    const [range = '', ...params] = entry.split(';');
    const tag = range.trim();
    if (!RANGE.test(tag)) continue;
    let q = 1;
    let wellFormed = true;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=', 2);
      if (name.trim().toLowerCase() !== 'q') continue;
      const text = value.trim();
      if (!QUALITY.test(text)) wellFormed = false;
      else q = Number(text);
    }
    if (wellFormed && q > 0) ranges.push({ range: tag, q, order });
  }
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges.map((r) => r.range);
}

/**
 * The shipped locale that best serves a request's Accept-Language: the first range, in the
 * reader's order of preference, that a shipped locale serves; English otherwise.
 *
 * @example
 * readerLocale('fr-CA, km;q=0.5') // 'km'
 * readerLocale(undefined) // 'en'
 */
export function readerLocale(
  header: string | undefined | null,
): SupportedLocale {
  return matchLocale(acceptedLanguages(header));
}

/**
 * Chooses the language an answer is written in, as `pageLanguage` does, with core's
 * catalogue for it loaded (for an answer that holds core's messages); says so on the answer
 * (`Content-Language`) and tells caches that the answer depends on the request's language
 * (`Vary: Accept-Language`). Call it only for an answer whose words it then chooses, so that
 * nothing else varies by language.
 *
 * @example
 * const locale = await answerLanguage(c);
 * return fail(c, 400, { code: 'invalid', fields: fieldErrors(error, { locale }) });
 */
export async function answerLanguage(c: Context): Promise<SupportedLocale> {
  const locale = pageLanguage(c);
  try {
    await loadLocale(locale);
    return locale;
  } catch {
    // A catalogue that cannot be loaded must not turn a refusal into a failure: say it in
    // English, the whole answer alike.
    pageLanguages.set(c, 'en');
    c.header('Content-Language', 'en');
    return 'en';
  }
}

/**
 * The language of a page: `?lang=` when it names one of the service's (a link can choose),
 * else the first the browser prefers that it has (`Accept-Language`, by quality), else
 * English.
 *
 * @example
 * pageLocale(undefined, 'fr-FR, km;q=0.8, en;q=0.5') // 'km'
 * pageLocale('zh-TW', 'en') // 'zh-Hant'
 * pageLocale('fr', 'ar, en;q=0.5') // 'ar'
 */
export function pageLocale(
  lang: string | undefined,
  acceptLanguage: string | undefined | null,
): SupportedLocale {
  return matchLocale([
    ...(lang === undefined ? [] : [lang]),
    ...acceptedLanguages(acceptLanguage),
  ]);
}

/**
 * Chooses the language of a page the service writes itself (its words are in the service:
 * nothing to load), as `pageLocale` does, and says so as `answerLanguage` does.
 */
export function pageLanguage(c: Context): SupportedLocale {
  let locale = pageLanguages.get(c);
  if (!locale) {
    // Once per request, however many parts of the page ask: `Vary` names the header once.
    locale = saidIn(
      c,
      pageLocale(c.req.query('lang'), c.req.header('accept-language')),
    );
    pageLanguages.set(c, locale);
  }
  return locale;
}

const pageLanguages = new WeakMap<Context, SupportedLocale>();

const WORDS = 'dateline.words';

/** Makes `words` (the shipped ones, or a site's) the words of every answer below it. */
export function serviceWords(words: ServiceCatalogue): MiddlewareHandler {
  return async (c, next) => {
    c.set(WORDS as never, words as never);
    await next();
  };
}

/** The service's words for this request's answer: a site's where it gave its own. */
export function wordsOf(c: Context): ServiceCatalogue {
  return (
    (c.get(WORDS as never) as ServiceCatalogue | undefined) ?? SERVICE_WORDS
  );
}

/**
 * The service's own words for a request's answer, in the language `pageLanguage` chooses
 * (and says it chose), with their placeholders filled.
 *
 * @example
 * const { say } = wordsFor(c);
 * fail(c, 400, { code: 'invalid', message: say('api-not-json') });
 */
export function wordsFor(c: Context): {
  locale: SupportedLocale;
  say: (
    code: ServiceWordCode,
    values?: Readonly<Record<string, string | number>>,
  ) => string;
} {
  const locale = pageLanguage(c);
  const words = wordsOf(c)[locale];
  return { locale, say: (code, values = {}) => fillText(words[code], values) };
}

function saidIn(c: Context, locale: SupportedLocale): SupportedLocale {
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language', { append: true });
  return locale;
}
