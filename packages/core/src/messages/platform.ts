import { intlLocale } from './locale.js';
import { reworded } from './lookup.js';
import type { TextCode } from './types.js';

/** The Intl services whose words core can stand in for. */
export type IntlService =
  | 'DateTimeFormat'
  | 'RelativeTimeFormat'
  | 'ListFormat'
  | 'DisplayNames';

/**
 * The platform's answers, per service function: they do not change while a page lives, and a
 * polyfill that replaces a service later (FormatJS's, say) is asked afresh.
 */
const answers = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether the platform's Intl has `service`'s data for `tag`. A browser may ship without a
 * language's data (Chromium has no Khmer), and Intl then writes in its own default language
 * without a word of warning: only `supportedLocalesOf` tells.
 */
export function platformSpeaks(service: IntlService, tag: string): boolean {
  const made = (Intl as unknown as Record<string, unknown>)[service] as
    | { supportedLocalesOf?: (tags: string[]) => string[] }
    | undefined;
  const ask = made?.supportedLocalesOf;
  if (typeof ask !== 'function') return false;
  let known = answers.get(ask);
  if (!known) {
    known = new Map();
    answers.set(ask, known);
  }
  let speaks = known.get(tag);
  if (speaks === undefined) {
    try {
      speaks = ask.call(made, [tag]).length > 0;
    } catch {
      speaks = false;
    }
    // A page may set any lang; what is kept stays small whatever it sets.
    if (known.size >= 64) known.clear();
    known.set(tag, speaks);
  }
  return speaks;
}

/**
 * Whether core writes `locale` in its catalogue's words rather than by `service`: when the
 * platform lacks the language and a catalogue words it (a shipped locale added with
 * `addLocale` or `loadLocale`, or a site's `setMessages`), `code` being one of the words
 * that service would write. Otherwise Intl writes, as it writes English.
 */
export function writesOwnWords(
  service: IntlService,
  locale: string,
  code: TextCode,
): boolean {
  return (
    !platformSpeaks(service, intlLocale(locale)) &&
    reworded(code, { locale }) !== undefined
  );
}

const digitFormats = new Map<string, Intl.NumberFormat>();

/**
 * A whole number in the digits `tag` asks for ("km-u-nu-khmr" writes ២០២៥), without grouping,
 * as dates write days and years: Intl's number data is in every platform for every numbering
 * system, even where it has no data for the language.
 */
export function digits(n: number, tag: string, pad = 1): string {
  const key = `${tag} ${pad}`;
  let format = digitFormats.get(key);
  if (!format) {
    let numberingSystem: string | undefined;
    try {
      numberingSystem = new Intl.Locale(tag).numberingSystem;
    } catch {
      numberingSystem = undefined;
    }
    const options: Intl.NumberFormatOptions = {
      useGrouping: false,
      minimumIntegerDigits: pad,
    };
    try {
      format = new Intl.NumberFormat('en', { ...options, numberingSystem });
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    if (digitFormats.size >= 64) digitFormats.clear();
    digitFormats.set(key, format);
  }
  return format.format(n);
}
