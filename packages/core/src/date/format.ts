import { intlFormat, intlFormatDistance } from 'date-fns';
import { EARLIEST, edtfBounds, edtfQualifiers } from './edtf.js';

export interface FormatEdtfOptions {
  /** BCP 47 locale. Default "en". */
  locale?: string;
}

/**
 * An EDTF date or interval in words, from the platform's Intl (no locale data shipped).
 *
 * @example
 * formatEdtf('2025-07-1X') // 'July 10 – 19, 2025'
 * formatEdtf('2025-07~') // 'July 2025 (approximate)'
 */
export function formatEdtf(edtf: string, options: FormatEdtfOptions = {}): string {
  const locale = options.locale ?? 'en';
  const { start, end } = edtfBounds(edtf);
  const fmt = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  const months = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' });
  const years = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' });
  let text: string;
  if (!end) text = `${fmt.format(start)} –`;
  else if (start.getTime() === EARLIEST.getTime()) text = `– ${fmt.format(end)}`;
  else if (isWholeYears(start, end)) text = start.getUTCFullYear() === end.getUTCFullYear() ? years.format(start) : years.formatRange(start, end);
  else if (isWholeMonths(start, end)) text = sameMonth(start, end) ? months.format(start) : months.formatRange(start, end);
  else text = sameDay(start, end) ? fmt.format(start) : fmt.formatRange(start, end);
  const q = edtfQualifiers(edtf);
  if (q.approximate && q.uncertain) return `${text} (approximate, uncertain)`;
  if (q.approximate) return `${text} (approximate)`;
  if (q.uncertain) return `${text} (uncertain)`;
  return text;
}

function nextDay(d: Date): Date {
  return new Date(d.getTime() + 1);
}
function sameDay(a: Date, b: Date) {
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}
function sameMonth(a: Date, b: Date) {
  return a.toISOString().slice(0, 7) === b.toISOString().slice(0, 7);
}
function isWholeMonths(start: Date, end: Date) {
  return start.getUTCDate() === 1 && nextDay(end).getUTCDate() === 1 && start.getUTCHours() === 0;
}
function isWholeYears(start: Date, end: Date) {
  return isWholeMonths(start, end) && start.getUTCMonth() === 0 && nextDay(end).getUTCMonth() === 0;
}

export interface FormatRelativeOptions {
  /** The moment to measure from. Default: now. */
  now?: Date;
  /** BCP 47 locale. Default "en". */
  locale?: string;
}

/**
 * How long ago (or until) a moment is, as a reader says it: "3 hours ago", "yesterday".
 *
 * @example
 * formatRelativeTime(new Date(Date.now() - 3 * 3600e3)) // '3 hours ago'
 */
export function formatRelativeTime(date: Date | string, options: FormatRelativeOptions = {}): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  return intlFormatDistance(d, options.now ?? new Date(), { locale: options.locale ?? 'en' });
}

/**
 * A moment as a full date and time in the reader's time zone: "July 15, 2025 at 10:30 AM".
 *
 * @example
 * formatDateTime('2025-07-15T10:30:00Z', { locale: 'en-GB', timeZone: 'UTC' }) // '15 July 2025 at 10:30'
 */
export function formatDateTime(date: Date | string, options: { locale?: string; timeZone?: string } = {}): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  return intlFormat(
    d,
    { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: options.timeZone },
    { locale: options.locale ?? 'en' },
  );
}
