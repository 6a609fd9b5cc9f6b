import { intlLocale } from './locale.js';
import { reworded } from './lookup.js';
import { providedWriters } from './own-registry.js';
import type { CountryNameCode, TextCode } from './types.js';
import type { RelativeWriter } from '../date/format.js';
import type { DatePrecision, DateWriter } from '../date/words.js';

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
 * Core's own writers of dates, relative times, lists and country names, for a language the
 * platform lacks. They are needed only once a catalogue has words for such a language, and
 * those arrive only through `addLocale` and `setMessages`, which provide them: a page in
 * English never carries them.
 */
export interface OwnWriters {
  /** Dates to a precision, as `Intl.DateTimeFormat` writes them. */
  date(
    locale: string,
    tag: string,
    precision: DatePrecision,
    timeZone: string | undefined,
  ): DateWriter;
  /** A date and time of day ("July 15, 2025 at 10:30"). */
  dateTime(
    date: Date,
    locale: string,
    tag: string,
    timeZone: string | undefined,
  ): string;
  /** Relative times, as `Intl.RelativeTimeFormat` writes them with `numeric: 'auto'`. */
  relative(locale: string, tag: string): RelativeWriter;
  /** Lists, in the shape of `Intl.ListFormat`. */
  list(locale: string, style: 'long' | 'narrow'): Intl.ListFormat;
  /** A country's name, for a code the catalogue names. */
  country(code: CountryNameCode, locale: string): string;
}

/**
 * Core's own writers when it writes `locale` in its catalogue's words rather than by
 * `service`: when the platform lacks the language and a catalogue words it (a shipped locale
 * added with `addLocale` or `loadLocale`, or a site's `setMessages`), `code` being one of the
 * words that service would write. Otherwise undefined: Intl writes, as it writes English.
 */
export function ownWriters(
  service: IntlService,
  locale: string,
  code: TextCode,
): OwnWriters | undefined {
  const writers = providedWriters();
  return writers &&
    !platformSpeaks(service, intlLocale(locale)) &&
    reworded(code, { locale }) !== undefined
    ? writers
    : undefined;
}
