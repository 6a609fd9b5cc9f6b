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
 * Core's own writers of dates, relative times, lists and country names, for a language the
 * platform lacks. They are needed only once a catalogue has words for such a language, and
 * those arrive only through `addLocale` and `setMessages`, which provide them: a page in
 * English never carries them.
 */
export interface OwnWriters {
  /**
   * Whether core writes `locale` in its catalogue's words rather than by `service`: when the
   * platform lacks the language and a catalogue words `code`, one of the words that service
   * would write.
   */
  wanted(service: IntlService, locale: string, code: TextCode): boolean;
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
 * `service` (see `OwnWriters.wanted`): a catalogue words the language (a shipped locale added
 * with `addLocale` or `loadLocale`, or a site's `setMessages`) and the platform lacks it.
 * Otherwise undefined: Intl writes, as it writes English.
 */
export function ownWriters(
  service: IntlService,
  locale: string,
  code: TextCode,
): OwnWriters | undefined {
  const writers = providedWriters();
  return writers?.wanted(service, locale, code) ? writers : undefined;
}
