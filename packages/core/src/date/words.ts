/**
 * Dates in a reader's language: by the platform's Intl where it has the language, else in
 * the words of the language's catalogue (a browser may ship without a language's data:
 * Chromium has no Khmer, and its Intl would write "July 10 – 19, 2025" on a Khmer page).
 */
import {
  type CalendarWordCode,
  englishCalendarWords,
} from '../messages/en-calendar.js';
import { intlLocale } from '../messages/locale.js';
import { wordsFor } from '../messages/lookup.js';
import { digits, writesOwnWords } from '../messages/platform.js';

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

/** Which words a date in `locale` is written in: Intl's, or the catalogue's. */
function ownWords(locale: string): boolean {
  return writesOwnWords('DateTimeFormat', locale, 'month-1');
}

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
  // A tag is read from its first 128 characters (see `lookupKeys`): so is the key.
  const key = `${own} ${tag} ${String(locale).slice(0, 128)} ${precision} ${timeZone}`;
  let writer = writers.get(key);
  if (!writer) {
    writer = own
      ? ownWriter(locale, tag, precision, timeZone)
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
  if (!ownWords(locale)) {
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
  const at = fieldsOf(date, timeZone);
  const say = (code: CalendarWordCode, params: Record<string, string>) =>
    wordsFor(englishCalendarWords, code, params, locale);
  return say('date-at-time', {
    date: say('date-day', {
      day: digits(at.day, tag),
      month: monthName(at.month, locale),
      year: digits(at.year, tag),
    }),
    time: say('time-of-day', {
      hour: digits(at.hour, tag),
      minute: digits(at.minute, tag, 2),
    }),
  });
}

interface Fields {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment's calendar fields in a time zone (the reader's when none is named). */
function fieldsOf(date: Date, timeZone: string | undefined): Fields {
  // As Intl does: a date that is not one is an error, never "NaN".
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  if (timeZone === undefined || timeZone.toUpperCase() === 'UTC') {
    const utc = timeZone !== undefined;
    return {
      year: utc ? date.getUTCFullYear() : date.getFullYear(),
      month: (utc ? date.getUTCMonth() : date.getMonth()) + 1,
      day: utc ? date.getUTCDate() : date.getDate(),
      hour: utc ? date.getUTCHours() : date.getHours(),
      minute: utc ? date.getUTCMinutes() : date.getMinutes(),
    };
  }
  // Another zone's fields, as figures: English is the one language every platform has.
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    if (zoneFormats.size >= 64) zoneFormats.clear();
    zoneFormats.set(timeZone, format);
  }
  const fields: Fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0 };
  for (const part of format.formatToParts(date))
    if (part.type in fields)
      fields[part.type as keyof Fields] = Number(part.value);
  return fields;
}

/** A month's name as a full date writes it, from the catalogue. */
function monthName(month: number, locale: string): string {
  return wordsFor(
    englishCalendarWords,
    `month-${month as 1}`,
    undefined,
    locale,
  );
}

/** Dates in the catalogue's words, laid out as its patterns say. */
function ownWriter(
  locale: string,
  tag: string,
  precision: DatePrecision,
  timeZone: string | undefined,
): DateWriter {
  const say = (code: CalendarWordCode, params: Record<string, string>) =>
    wordsFor(englishCalendarWords, code, params, locale);
  const year = (f: Fields) => digits(f.year, tag);
  const day = (f: Fields) => digits(f.day, tag);
  const month = (f: Fields) => monthName(f.month, locale);
  const whole = (f: Fields) =>
    precision === 'year'
      ? say('date-year', { year: year(f) })
      : precision === 'month'
        ? say('date-month', { month: month(f), year: year(f) })
        : say('date-day', { day: day(f), month: month(f), year: year(f) });
  return {
    format: (date) => whole(fieldsOf(date, timeZone)),
    formatRange(start, end) {
      const a = fieldsOf(start, timeZone);
      const b = fieldsOf(end, timeZone);
      const sameYear = a.year === b.year;
      const sameMonth = sameYear && a.month === b.month;
      // As Intl does: a range within what the precision shows is one date.
      if (
        sameYear &&
        (precision === 'year' ||
          (sameMonth && (precision === 'month' || a.day === b.day)))
      )
        return whole(a);
      if (precision === 'day' && sameMonth)
        return say('date-days-in-month', {
          from: day(a),
          to: day(b),
          month: month(a),
          year: year(a),
        });
      if (precision === 'day' && sameYear)
        return say('date-days-in-year', {
          from: day(a),
          fromMonth: month(a),
          to: day(b),
          toMonth: month(b),
          year: year(a),
        });
      if (precision === 'month' && sameYear)
        return say('date-months-in-year', {
          fromMonth: month(a),
          toMonth: month(b),
          year: year(a),
        });
      if (precision === 'year')
        return say('date-years', { from: year(a), to: year(b) });
      return say('date-range', { from: whole(a), to: whole(b) });
    },
  };
}
