/**
 * Bounds of Extended Date/Time Format strings (ISO 8601-2): level 0 and the level-1 features
 * Dateline needs — qualifiers `~ ? %`, unspecified `X` digits, and intervals with open `..`
 * or unknown (empty) ends. Hand-written: the maintained EDTF libraries pull in a grammar
 * runtime many times the size of this file, and we only need bounds. The calendar (month
 * lengths, leap years, ends of days) is date-fns's.
 */
import {
  addMinutes,
  type ContextFn,
  endOfDay,
  getDaysInMonth,
  isAfter,
  isLeapYear,
} from 'date-fns';
import { tick } from '../text/work.js';

/** Start and end of an EDTF string, in UTC: start of the first day, end of the last day. */
export interface EdtfBounds {
  start: Date;
  /** `undefined` when the interval is open or its end is unknown. */
  end: Date | undefined;
}

/** The error `edtfBounds` throws; its message says what is wrong with the string. */
export class EdtfError extends Error {
  override name = 'EdtfError';
  constructor(
    message: string,
    /** The string that was refused (shortened when long). */
    readonly input: string,
  ) {
    super(message);
  }
}

/**
 * A Date whose calendar is UTC: its local getters and setters are the UTC ones, so date-fns,
 * which reads the local calendar, computes in UTC whatever the time zone of the process (what
 * `UTCDate` of `@date-fns/utc` does). It only lives inside date-fns calls; callers get plain
 * Dates.
 */
export class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  // Arguments pass on as given: a setter treats a missing one and `undefined` differently.
  override setFullYear(...args: [number, number?, number?]): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: [number, number?]): number {
    return this.setUTCMonth(...args);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(...args: [number, number?, number?, number?]): number {
    return this.setUTCHours(...args);
  }
  override setMinutes(...args: [number, number?, number?]): number {
    return this.setUTCMinutes(...args);
  }
  override setSeconds(...args: [number, number?]): number {
    return this.setUTCSeconds(...args);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

/** The date-fns option that makes a function compute in UTC. */
export const IN_UTC: { in: ContextFn<UtcDate> } = {
  in: (value) => new UtcDate(value instanceof Date ? value.getTime() : value),
};

/** Midnight UTC at the start of a calendar day; years 0–99 are those years, not 1900–1999. */
function utcDay(year: number, month: number, day: number): UtcDate {
  const date = new UtcDate(0);
  date.setFullYear(year, month - 1, day);
  return date;
}

function plain(date: Date): Date {
  return new Date(date.getTime());
}

const MAX_LENGTH = 64;
/** The earliest instant a JavaScript Date holds: the start of an interval open at its start. */
export const EARLIEST = new Date(-8.64e15);
const DATE = /^[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?)?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:(Z)|([+-])(\d{2}):(\d{2}))?$/;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function show(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** Whether `value`, written with as many digits as `pattern`, fits it ("1X" fits 10–19). */
function fits(pattern: string, value: number): boolean {
  tick();
  let rest = value;
  for (let k = pattern.length - 1; k >= 0; k -= 1) {
    const digit = pattern.charCodeAt(k) - 0x30;
    if (pattern[k] !== 'X' && digit !== rest % 10) return false;
    rest = Math.floor(rest / 10);
  }
  return rest === 0;
}

/**
 * The first value (the last, when `last`) that a pattern allows in [from, to] and `accept`
 * takes. It walks the values the pattern's `X` digits can spell, in order, so "1X" costs ten
 * steps and "00" one, and it stops at the first taken.
 */
function firstAllowed(
  pattern: string,
  from: number,
  to: number,
  last: boolean,
  accept: (value: number) => boolean = () => true,
): number | undefined {
  const count = 10 ** (pattern.split('X').length - 1);
  for (let k = 0; k < count; k += 1) {
    tick();
    // The X digits spell `spelled`, most significant first, so values come in order.
    let spelled = last ? count - 1 - k : k;
    let scale = count;
    let value = 0;
    for (const ch of pattern) {
      let digit = ch.charCodeAt(0) - 0x30;
      if (ch === 'X') {
        scale /= 10;
        digit = Math.floor(spelled / scale);
        spelled %= scale;
      }
      value = value * 10 + digit;
    }
    if (value >= from && value <= to && accept(value)) return value;
  }
  return undefined;
}

/** Values in [from, to] that fit a pattern, ascending: months and days, 31 at most. */
function matching(pattern: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += 1) if (fits(pattern, v)) out.push(v);
  return out;
}

/**
 * The first (or last) leap year a four-digit pattern such as "XXX1" allows. Whether a year
 * is leap turns on its last two digits, and for a year ending 00 on its first two as well:
 * so the search tries the allowed endings with the first allowed century, and the allowed
 * centuries with the ending 00, each stopping at its first leap year, never every year.
 */
function leapYear(pattern: string, last: boolean): number | undefined {
  const centuries = pattern.slice(0, 2);
  const endings = pattern.slice(2);
  const isLeap = (year: number) => isLeapYear(utcDay(year, 1, 1), IN_UTC);
  const candidates: number[] = [];
  const century = firstAllowed(centuries, 0, 99, last);
  const ending =
    century === undefined
      ? undefined
      : firstAllowed(endings, 1, 99, last, (e) => isLeap(century * 100 + e));
  if (century !== undefined && ending !== undefined)
    candidates.push(century * 100 + ending);
  if (fits(endings, 0)) {
    const leapCentury = firstAllowed(centuries, 0, 99, last, (c) =>
      isLeap(c * 100),
    );
    if (leapCentury !== undefined) candidates.push(leapCentury * 100);
  }
  if (candidates.length === 0) return undefined;
  return last ? Math.max(...candidates) : Math.min(...candidates);
}

type Day = readonly [year: number, month: number, day: number];

/**
 * The first (or last) day that a date pattern allows and the calendar has. Month lengths do
 * not depend on the year but February's; so when the first year the pattern allows has no
 * such day, only a leap year can (February 29), and the first leap year is the one to try.
 */
function boundDay(
  yearPattern: string,
  months: readonly number[],
  days: readonly number[],
  last: boolean,
): Day | undefined {
  const inYear = (year: number): Day | undefined => {
    for (const month of last ? [...months].reverse() : months) {
      const length = getDaysInMonth(utcDay(year, month, 1), IN_UTC);
      const fitting = days.filter((d) => d <= length);
      if (fitting.length)
        return [year, month, last ? fitting.at(-1)! : fitting[0]!];
    }
    return undefined;
  };
  const year = Number(yearPattern.replaceAll('X', last ? '9' : '0'));
  const found = inYear(year);
  if (found || !months.includes(2) || !days.includes(29)) return found;
  const leap = leapYear(yearPattern, last);
  return leap === undefined ? undefined : inYear(leap);
}

/** Bounds of a date and time such as 2025-07-15T10:30:00Z; without a zone it is UTC. */
function dateTimeBounds(
  m: RegExpExecArray,
  whole: string,
): { start: Date; end: Date } {
  const [year, month, day, hours, minutes, seconds] = m
    .slice(1, 7)
    .map(Number) as [number, number, number, number, number, number];
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  const wrong =
    month < 1 || month > 12
      ? `has no month ${m[2]}: months run from 01 to 12`
      : day < 1 || day > getDaysInMonth(utcDay(year, month, 1), IN_UTC)
        ? `does not exist: ${MONTH_NAMES[month - 1]} ${year} has no day ${m[3]}`
        : hours > 23 || minutes > 59 || seconds > 59
          ? `has no time ${m[4]}:${m[5]}:${m[6]}: times run from 00:00:00 to 23:59:59`
          : offsetHours > 23 || offsetMinutes > 59
            ? `has no time zone offset ${m[8]}${m[9]}:${m[10]}`
            : undefined;
  if (wrong) throw new EdtfError(`${show(whole)} ${wrong}.`, whole);
  const local = utcDay(year, month, day);
  local.setHours(hours, minutes, seconds);
  const sign = m[8] === '-' ? -1 : 1;
  // 10:30+07:00 is 03:30 UTC: take the offset away.
  const t = plain(
    addMinutes(local, -sign * (offsetHours * 60 + offsetMinutes), IN_UTC),
  );
  return { start: t, end: t };
}

/** Bounds of one date (no interval), e.g. "2025", "2025-07", "2025-07-1X", "2025-07-15~". */
function dateBounds(raw: string, whole: string): { start: Date; end: Date } {
  tick(raw.length);
  const s = /[~?%]$/.test(raw) ? raw.slice(0, -1) : raw;
  const dateTime = DATE_TIME.exec(s);
  if (dateTime) return dateTimeBounds(dateTime, whole);
  if (!DATE.test(s)) {
    throw new EdtfError(
      `${show(whole)} is not an EDTF date: expected a date such as 2025, 2025-07, 2025-07-15 or 2025-07-1X, optionally followed by ~, ? or %, or an interval such as 2025-07-10/2025-07-19.`,
      whole,
    );
  }
  const [yp, mp, dp] = s.split('-') as [
    string,
    string | undefined,
    string | undefined,
  ];
  const months = matching(mp ?? 'XX', 1, 12);
  if (months.length === 0)
    throw new EdtfError(
      `${show(whole)} has no month ${mp}: months run from 01 to 12.`,
      whole,
    );
  const days = matching(dp ?? 'XX', 1, 31);
  if (days.length === 0) {
    throw new EdtfError(
      `${show(whole)} has no day ${dp}: days run from 01 to 31.`,
      whole,
    );
  }
  const first = boundDay(yp, months, days, false);
  const last = boundDay(yp, months, days, true);
  if (!first || !last) {
    const month =
      mp && !mp.includes('X') ? MONTH_NAMES[Number(mp) - 1] : 'that month';
    throw new EdtfError(
      `${show(whole)} does not exist: ${month} has no day ${dp}.`,
      whole,
    );
  }
  return {
    start: plain(utcDay(...first)),
    end: plain(endOfDay(utcDay(...last), IN_UTC)),
  };
}

/**
 * Start and end of an EDTF date or interval, in UTC. Throws an `EdtfError` that says what is
 * wrong when the string is not valid EDTF. A date and time without a zone is read as UTC.
 *
 * Its work is bounded: past trimming, it reads at most 64 characters, and an `X` digit is
 * never expanded into every value it could stand for.
 *
 * @example
 * edtfBounds('2025-07-1X') // { start: 2025-07-10T00:00:00.000Z, end: 2025-07-19T23:59:59.999Z }
 * edtfBounds('2025-07-10/..') // { start: 2025-07-10T00:00:00.000Z, end: undefined }
 */
export function edtfBounds(edtf: string): EdtfBounds {
  if (typeof edtf !== 'string')
    throw new EdtfError('An EDTF date must be a string.', String(edtf));
  const s = edtf.trim();
  if (s === '')
    throw new EdtfError(
      'The date is empty: expected an EDTF date such as 2025-07-15.',
      s,
    );
  if (s.length > MAX_LENGTH)
    throw new EdtfError(
      `${show(s)} is too long to be an EDTF date or interval.`,
      s.slice(0, 40),
    );
  const parts = s.split('/');
  if (parts.length > 2)
    throw new EdtfError(
      `${show(s)} has more than one "/": an interval has two ends.`,
      s,
    );
  if (parts.length === 1) return dateBounds(s, s);

  const [a, b] = parts as [string, string];
  if ((a === '' || a === '..') && (b === '' || b === '..')) {
    throw new EdtfError(`${show(s)} has neither a start nor an end.`, s);
  }
  const start = a === '' || a === '..' ? EARLIEST : dateBounds(a, s).start;
  const end = b === '' || b === '..' ? undefined : dateBounds(b, s).end;
  if (end && isAfter(start, end))
    throw new EdtfError(`${show(s)} ends before it starts.`, s);
  return { start, end };
}

/** Whether a string is valid EDTF as `edtfBounds` reads it. */
export function isEdtf(edtf: string): boolean {
  try {
    edtfBounds(edtf);
    return true;
  } catch {
    return false;
  }
}

/** What the qualifiers of an EDTF date say. */
export function edtfQualifiers(edtf: string): {
  uncertain: boolean;
  approximate: boolean;
} {
  const q = /[~?%]$/.exec(edtf.trim())?.[0];
  return {
    uncertain: q === '?' || q === '%',
    approximate: q === '~' || q === '%',
  };
}
