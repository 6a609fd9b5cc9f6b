import {
  differenceInCalendarDays,
  differenceInCalendarMonths,
  differenceInCalendarYears,
} from 'date-fns';
import type { RelativeUnit } from '../messages/en-relative.js';
import { intlLocale } from '../messages/locale.js';
import { ownWriters } from '../messages/platform.js';
import { dateWriter, writeDateTime } from './words.js';

export interface FormatRelativeOptions {
  /** The moment to measure from. Default: now. */
  now?: Date;
  /**
   * BCP 47 locale: Intl's words, or its catalogue's where the platform has no data for it
   * (Chromium has no Khmer). Default "en".
   */
  locale?: string;
}

/** What `formatRelativeTime` uses of `Intl.RelativeTimeFormat`. */
export interface RelativeWriter {
  format(value: number, unit: RelativeUnit): string;
}

/** Intl formatters are slow to make and cheap to use: a thread of comments reuses them. */
const formatters = new Map<string, RelativeWriter>();

function relativeWriter(locale: string): RelativeWriter {
  const own = ownWriters('RelativeTimeFormat', locale, 'relative-now');
  // A tag Intl cannot read ("not a tag", a megabyte of subtags) is English, not a RangeError.
  const tag = intlLocale(locale);
  // A tag is read from its first 128 characters (see `MAX_TAG`): so is the key.
  const key = `${!own} ${tag} ${String(locale).slice(0, 128)}`;
  let writer = formatters.get(key);
  if (!writer) {
    writer = own
      ? own.relative(locale, tag)
      : new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    // A page may set any lang; the cache stays small whatever it sets.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, writer);
  }
  return writer;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or until) a moment is, as a reader says it: "3 hours ago", "yesterday",
 * "last week", "2 months ago". Seconds, minutes and hours count elapsed time; days, months
 * and years count the calendar, so yesterday evening is "yesterday" this morning.
 *
 * @example
 * formatRelativeTime(new Date(Date.now() - 3 * 3600e3)) // '3 hours ago'
 */
export function formatRelativeTime(
  date: Date | string,
  options: FormatRelativeOptions = {},
): string {
  const then = typeof date === 'string' ? new Date(date) : date;
  const now = options.now ?? new Date();
  const rtf = relativeWriter(options.locale ?? 'en');
  const elapsed = then.getTime() - now.getTime();
  // The reader's calendar, daylight saving and all: date-fns reads the local time zone.
  const days = differenceInCalendarDays(then, now);
  const months = differenceInCalendarMonths(then, now);
  const size = Math.abs(elapsed);
  if (size < MINUTE) return rtf.format(Math.trunc(elapsed / 1000), 'second');
  if (size < HOUR) return rtf.format(Math.trunc(elapsed / MINUTE), 'minute');
  if (size < DAY && days === 0)
    return rtf.format(Math.trunc(elapsed / HOUR), 'hour');
  if (Math.abs(days) < 7) return rtf.format(days || Math.sign(elapsed), 'day');
  if (Math.abs(days) < 28 || months === 0)
    return rtf.format(Math.trunc(days / 7), 'week');
  if (Math.abs(months) < 12) return rtf.format(months, 'month');
  return rtf.format(
    differenceInCalendarYears(then, now) || Math.sign(elapsed),
    'year',
  );
}

/**
 * A moment as a full date and time in the reader's time zone: "July 15, 2025 at 10:30 AM".
 *
 * @example
 * formatDateTime('2025-07-15T10:30:00Z', { locale: 'en-GB', timeZone: 'UTC' }) // '15 July 2025 at 10:30'
 */
export function formatDateTime(
  date: Date | string,
  options: { locale?: string; timeZone?: string } = {},
): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  return writeDateTime(d, options.locale ?? 'en', options.timeZone);
}

export interface FormatDateOptions {
  /**
   * BCP 47 locale: Intl's words, or its catalogue's where the platform has no data for it.
   * Default "en".
   */
  locale?: string;
  /** The zone whose calendar day is written. Default: the reader's. */
  timeZone?: string;
}

/**
 * A day as a reader reads it in running text: "July 15, 2025", "15 កក្កដា 2025".
 *
 * @example
 * formatDate('2025-07-15T10:30:00Z', { locale: 'en-GB', timeZone: 'UTC' }) // '15 July 2025'
 */
export function formatDate(
  date: Date | string,
  options: FormatDateOptions = {},
): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  return dateWriter(options.locale ?? 'en', 'day', options.timeZone).format(d);
}
