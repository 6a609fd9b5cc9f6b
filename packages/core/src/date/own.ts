/**
 * Dates and relative times in a catalogue's words, for a language the platform's Intl lacks
 * (Chromium has no Khmer, and its Intl would write "July 10 – 19, 2025" on a Khmer page). A
 * page gets this code only with such a catalogue (see `OwnWriters`).
 */
import {
  type CalendarWordCode,
  englishCalendarWords,
} from '../messages/en-calendar.js';
import {
  englishRelativeCounts,
  englishRelativeWords,
  type RelativeUnit,
  type RelativeWordCode,
} from '../messages/en-relative.js';
import { pluralFor, wordsFor } from '../messages/lookup.js';
import type { RelativeWriter } from './format.js';
import type { DatePrecision, DateWriter } from './words.js';

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

type CalendarWords = (
  code: CalendarWordCode,
  params?: Record<string, string>,
) => string;

/** The catalogue's calendar words for `locale`, filled. */
const calendarWords =
  (locale: string): CalendarWords =>
  (code, params) =>
    wordsFor(englishCalendarWords, code, params, locale);

/** A month's name (1 to 12) as a full date writes it. */
const monthName = (say: CalendarWords, month: number) =>
  say(`month-${month as 1}`);

/** Dates in the catalogue's words, laid out as its patterns say. */
export function ownDateWriter(
  locale: string,
  tag: string,
  precision: DatePrecision,
  timeZone: string | undefined,
): DateWriter {
  const say = calendarWords(locale);
  const year = (f: Fields) => digits(f.year, tag);
  const day = (f: Fields) => digits(f.day, tag);
  const month = (f: Fields) => monthName(say, f.month);
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

/** A date and time of day in the catalogue's words, the time on the 24-hour clock. */
export function ownDateTime(
  date: Date,
  locale: string,
  tag: string,
  timeZone: string | undefined,
): string {
  const at = fieldsOf(date, timeZone);
  const say = calendarWords(locale);
  return say('date-at-time', {
    date: say('date-day', {
      day: digits(at.day, tag),
      month: monthName(say, at.month),
      year: digits(at.year, tag),
    }),
    time: say('time-of-day', {
      hour: digits(at.hour, tag),
      minute: digits(at.minute, tag, 2),
    }),
  });
}

/** The moments a reader names, by unit: one before, one after. */
const NAMED: Partial<
  Record<RelativeUnit, readonly [RelativeWordCode, RelativeWordCode]>
> = {
  day: ['relative-yesterday', 'relative-tomorrow'],
  week: ['relative-last-week', 'relative-next-week'],
  month: ['relative-last-month', 'relative-next-month'],
  year: ['relative-last-year', 'relative-next-year'],
};

/** Relative times in the catalogue's words, as Intl writes them with `numeric: 'auto'`. */
export function ownRelative(locale: string, tag: string): RelativeWriter {
  return {
    format(value, unit) {
      if (!Number.isFinite(value))
        throw new RangeError(`A relative time needs a number, not ${value}.`);
      const say = (code: RelativeWordCode) =>
        wordsFor(englishRelativeWords, code, undefined, locale);
      if (value === 0) return say('relative-now');
      const named = NAMED[unit];
      if (named && Math.abs(value) === 1) return say(named[value < 0 ? 0 : 1]);
      const n = Math.abs(value);
      const code =
        value < 0
          ? (`relative-${unit}s-ago` as const)
          : (`relative-in-${unit}s` as const);
      return pluralFor(englishRelativeCounts, code, n, locale).replaceAll(
        '{n}',
        digits(n, tag),
      );
    },
  };
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
