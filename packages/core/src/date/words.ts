/**
 * Dates in a reader's language: by the platform's Intl where it has the language, else in
 * the words of the language's catalogue (a browser may ship without a language's data:
 * Chromium has no Khmer, and its Intl would write "July 10 – 19, 2025" on a Khmer page).
 */
import { intlLocale } from '../messages/locale.js';
import { ownWriters } from '../messages/platform.js';

/** How much of a date is written: "July 10, 2025", "July 2025", "2025". */
export type DatePrecision = 'day' | 'month' | 'year';

/** A date, or two, in words; the shape of the part of `Intl.DateTimeFormat` core uses. */
export interface DateWriter {
  format(date: Date): string;
  formatRange(start: Date, end: Date): string;
}

const FIELDS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  year: { year: 'numeric' },
};

/** Intl formatters are slow to make and cheap to use: a page reuses a handful. */
const writers = new Map<string, DateWriter>();

/** Core's own writers when a date in `locale` is written in the catalogue's words. */
const ownWords = (locale: string) =>
  ownWriters('DateTimeFormat', locale, 'month-1');

/**
 * Writes dates to `precision` in `locale` (BCP 47; a tag Intl cannot read is English), in
 * `timeZone` (default: the reader's).
 *
 * @example
 * dateWriter('km', 'day', 'UTC').formatRange(new Date('2025-07-10'), new Date('2025-07-19'))
 * // '10 – 19 កក្កដា 2025', by Intl or by the Khmer catalogue where Intl has no Khmer
 */
export function dateWriter(
  locale: string,
  precision: DatePrecision,
  timeZone?: string,
): DateWriter {
  const own = ownWords(locale);
  const tag = intlLocale(locale);
  // A tag is read from its first 128 characters (see `MAX_TAG`): so is the key.
  const key = `${!own} ${tag} ${String(locale).slice(0, 128)} ${precision} ${timeZone}`;
  let writer = writers.get(key);
  if (!writer) {
    writer = own
      ? own.date(locale, tag, precision, timeZone)
      : new Intl.DateTimeFormat(tag, { ...FIELDS[precision], timeZone });
    // A page may set any lang; the cache stays small whatever it sets.
    if (writers.size >= 64) writers.clear();
    writers.set(key, writer);
  }
  return writer;
}

/**
 * A date and time of day, "July 15, 2025 at 10:30 AM", in `locale` and `timeZone` (default:
 * the reader's).
 */
export function writeDateTime(
  date: Date,
  locale: string,
  timeZone?: string,
): string {
  const tag = intlLocale(locale);
  const own = ownWords(locale);
  if (own) return own.dateTime(date, locale, tag, timeZone);
  const key = `time ${tag} ${timeZone}`;
  let writer = writers.get(key);
  if (!writer) {
    writer = new Intl.DateTimeFormat(tag, {
      ...FIELDS.day,
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
    });
    if (writers.size >= 64) writers.clear();
    writers.set(key, writer);
  }
  return writer.format(date);
}
