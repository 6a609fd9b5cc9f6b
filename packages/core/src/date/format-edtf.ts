/**
 * EDTF dates in words, apart from the relative times comments show, so that a page with
 * comments and no fact box never loads the EDTF reader.
 */
import {
  endOfMonth,
  endOfYear,
  isEqual,
  startOfMonth,
  startOfYear,
} from 'date-fns';
import { type DateWordCode, englishDateWords } from '../messages/en-date.js';
import { wordsFor } from '../messages/lookup.js';
import { EARLIEST, edtfBounds, edtfQualifiers, IN_UTC } from './edtf.js';
import { dateWriter } from './words.js';

export interface FormatEdtfOptions {
  /**
   * BCP 47 locale. Dates are written by Intl in it, or in its catalogue's words where the
   * platform has no data for it (Chromium has no Khmer); the words for an approximate or
   * uncertain date and an open end come from its catalogue (`addLocale`), else English.
   * Default "en".
   */
  locale?: string;
}

/**
 * An EDTF date or interval in words: the dates from the platform's Intl, else from the
 * locale's catalogue where the platform lacks the language; the qualifiers and open ends
 * from the locale's catalogue.
 *
 * @example
 * formatEdtf('2025-07-1X') // 'July 10 – 19, 2025'
 * formatEdtf('2025-07~') // 'July 2025 (approximate)'
 * formatEdtf('2025-07~', { locale: 'vi' }) // 'khoảng tháng 7, 2025', once Vietnamese is added
 */
export function formatEdtf(
  edtf: string,
  options: FormatEdtfOptions = {},
): string {
  const words = options.locale ?? 'en';
  const { start, end } = edtfBounds(edtf);
  const fmt = dateWriter(words, 'day', 'UTC');
  const say = (code: DateWordCode, date: string) =>
    wordsFor(englishDateWords, code, { date }, words);
  let text: string;
  if (!end) text = say('date-from', fmt.format(start));
  else if (isEqual(start, EARLIEST)) text = say('date-until', fmt.format(end));
  else if (isWholeYears(start, end))
    text = dateWriter(words, 'year', 'UTC').formatRange(start, end);
  else if (isWholeMonths(start, end))
    text = dateWriter(words, 'month', 'UTC').formatRange(start, end);
  else text = fmt.formatRange(start, end);
  const q = edtfQualifiers(edtf);
  if (q.approximate && q.uncertain)
    return say('date-approximate-uncertain', text);
  if (q.approximate) return say('date-approximate', text);
  if (q.uncertain) return say('date-uncertain', text);
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
