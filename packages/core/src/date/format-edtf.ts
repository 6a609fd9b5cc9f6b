/**
 * EDTF dates in words, apart from the relative times comments show, so that a page with
 * comments and no fact box never loads the EDTF reader.
 */
import {
  endOfMonth,
  endOfYear,
  isEqual,
  isSameDay,
  isSameMonth,
  isSameYear,
  startOfMonth,
  startOfYear,
} from 'date-fns';
import { EARLIEST, edtfBounds, edtfQualifiers, IN_UTC } from './edtf.js';

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
export function formatEdtf(
  edtf: string,
  options: FormatEdtfOptions = {},
): string {
  const locale = options.locale ?? 'en';
  const { start, end } = edtfBounds(edtf);
  const fmt = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const months = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  });
  const years = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
  });
  let text: string;
  if (!end) text = `${fmt.format(start)} –`;
  else if (isEqual(start, EARLIEST)) text = `– ${fmt.format(end)}`;
  else if (isWholeYears(start, end))
    text = isSameYear(start, end, IN_UTC)
      ? years.format(start)
      : years.formatRange(start, end);
  else if (isWholeMonths(start, end))
    text = isSameMonth(start, end, IN_UTC)
      ? months.format(start)
      : months.formatRange(start, end);
  else
    text = isSameDay(start, end, IN_UTC)
      ? fmt.format(start)
      : fmt.formatRange(start, end);
  const q = edtfQualifiers(edtf);
  if (q.approximate && q.uncertain) return `${text} (approximate, uncertain)`;
  if (q.approximate) return `${text} (approximate)`;
  if (q.uncertain) return `${text} (uncertain)`;
  return text;
}

/** Whether [start, end] runs from the start of a month to the end of one, in UTC. */
function isWholeMonths(start: Date, end: Date): boolean {
  return (
    isEqual(start, startOfMonth(start, IN_UTC)) &&
    isEqual(end, endOfMonth(end, IN_UTC))
  );
}

/** Whether [start, end] runs from the start of a year to the end of one, in UTC. */
function isWholeYears(start: Date, end: Date): boolean {
  return (
    isEqual(start, startOfYear(start, IN_UTC)) &&
    isEqual(end, endOfYear(end, IN_UTC))
  );
}
