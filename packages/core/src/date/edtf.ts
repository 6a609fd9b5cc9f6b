/**
 * Bounds of Extended Date/Time Format strings (ISO 8601-2): level 0 and the level-1 features
 * Dateline needs — qualifiers `~ ? %`, unspecified `X` digits, and intervals with open `..`
 * or unknown (empty) ends. Hand-written: the maintained EDTF libraries pull in a grammar
 * runtime many times the size of this file, and we only need bounds.
 */

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

const MAX_LENGTH = 64;
/** The earliest instant a JavaScript Date holds: the start of an interval open at its start. */
export const EARLIEST = new Date(-8.64e15);
const DATE = /^(\d|X){4}(?:-(\d|X){2}(?:-(\d|X){2})?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?$/;
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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Values in [from, to] whose digits match a pattern such as "1X" (X is any digit). */
function matching(pattern: string, from: number, to: number): number[] {
  const out: number[] = [];
  const re = new RegExp(`^${pattern.replaceAll('X', '\\d')}$`);
  for (let v = from; v <= to; v += 1)
    if (re.test(String(v).padStart(pattern.length, '0'))) out.push(v);
  return out;
}

function dayBounds(
  year: number,
  month: number,
  day: number,
  end: boolean,
): Date {
  const d = new Date(
    Date.UTC(
      year,
      month - 1,
      day,
      end ? 23 : 0,
      end ? 59 : 0,
      end ? 59 : 0,
      end ? 999 : 0,
    ),
  );
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  d.setUTCFullYear(year);
  return d;
}

/** Bounds of one date (no interval), e.g. "2025", "2025-07", "2025-07-1X", "2025-07-15~". */
function dateBounds(raw: string, whole: string): { start: Date; end: Date } {
  const s = raw.replace(/[~?%]$/, '');
  if (DATE_TIME.test(s)) {
    const t = new Date(s);
    if (Number.isNaN(t.getTime()))
      throw new EdtfError(
        `${show(whole)} is not a valid date and time.`,
        whole,
      );
    return { start: t, end: t };
  }
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
  const years = matching(yp, 0, 9999);
  const months = mp === undefined ? matching('XX', 1, 12) : matching(mp, 1, 12);
  if (months.length === 0)
    throw new EdtfError(
      `${show(whole)} has no month ${mp}: months run from 01 to 12.`,
      whole,
    );
  if (dp !== undefined && matching(dp, 1, 31).length === 0) {
    throw new EdtfError(
      `${show(whole)} has no day ${dp}: days run from 01 to 31.`,
      whole,
    );
  }
  const daysOf = (y: number, m: number) =>
    matching(dp ?? 'XX', 1, daysInMonth(y, m));

  // The first and last (year, month, day) that the pattern allows and the calendar has.
  let start: Date | undefined;
  for (const y of years) {
    for (const m of months) {
      const days = daysOf(y, m);
      if (days.length) {
        start = dayBounds(y, m, days[0]!, false);
        break;
      }
    }
    if (start) break;
  }
  let end: Date | undefined;
  for (let yi = years.length - 1; yi >= 0 && !end; yi -= 1) {
    for (let mi = months.length - 1; mi >= 0; mi -= 1) {
      const days = daysOf(years[yi]!, months[mi]!);
      if (days.length) {
        end = dayBounds(years[yi]!, months[mi]!, days.at(-1)!, true);
        break;
      }
    }
  }
  if (!start || !end) {
    const month =
      mp && !mp.includes('X') ? MONTH_NAMES[Number(mp) - 1] : 'that month';
    throw new EdtfError(
      `${show(whole)} does not exist: ${month} has no day ${dp}.`,
      whole,
    );
  }
  return { start, end };
}

/**
 * Start and end of an EDTF date or interval, in UTC. Throws an `EdtfError` that says what is
 * wrong when the string is not valid EDTF.
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
  if (end && start > end)
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
