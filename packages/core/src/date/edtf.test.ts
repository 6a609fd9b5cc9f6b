import { describe, expect, it } from 'vitest';
import { countWork } from '../text/work.js';
import {
  EdtfError,
  edtfBounds,
  isEdtf,
  edtfQualifiers,
  formatEdtf,
  formatDateTime,
  formatRelativeTime,
} from './index.js';

const iso = (s: string) => {
  const { start, end } = edtfBounds(s);
  return [start.toISOString(), end?.toISOString()];
};

describe('edtfBounds', () => {
  it.each([
    ['2025', '2025-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'],
    ['2025-07', '2025-07-01T00:00:00.000Z', '2025-07-31T23:59:59.999Z'],
    ['2025-07-15', '2025-07-15T00:00:00.000Z', '2025-07-15T23:59:59.999Z'],
    ['2025-07-1X', '2025-07-10T00:00:00.000Z', '2025-07-19T23:59:59.999Z'],
    ['2025-07-3X', '2025-07-30T00:00:00.000Z', '2025-07-31T23:59:59.999Z'],
    ['2025-02-XX', '2025-02-01T00:00:00.000Z', '2025-02-28T23:59:59.999Z'],
    ['2024-02-XX', '2024-02-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
    ['2025-XX', '2025-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'],
    ['2025-1X', '2025-10-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'],
    ['201X', '2010-01-01T00:00:00.000Z', '2019-12-31T23:59:59.999Z'],
    ['20XX', '2000-01-01T00:00:00.000Z', '2099-12-31T23:59:59.999Z'],
    ['0050', '0050-01-01T00:00:00.000Z', '0050-12-31T23:59:59.999Z'],
    ['2025-07-15~', '2025-07-15T00:00:00.000Z', '2025-07-15T23:59:59.999Z'],
    ['2025-07?', '2025-07-01T00:00:00.000Z', '2025-07-31T23:59:59.999Z'],
    ['2025%', '2025-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'],
    [
      '2025-07-10/2025-07-19',
      '2025-07-10T00:00:00.000Z',
      '2025-07-19T23:59:59.999Z',
    ],
    [
      '2025-07-15T10:30:00Z',
      '2025-07-15T10:30:00.000Z',
      '2025-07-15T10:30:00.000Z',
    ],
  ])('bounds %s', (s, start, end) => {
    expect(iso(s)).toEqual([start, end]);
  });

  it('leaves the end undefined for open and unknown ends', () => {
    expect(iso('2025-07-10/..')).toEqual([
      '2025-07-10T00:00:00.000Z',
      undefined,
    ]);
    expect(iso('2025-07/')).toEqual(['2025-07-01T00:00:00.000Z', undefined]);
  });

  it('starts an interval open at its start at the earliest date', () => {
    expect(edtfBounds('../2025-07-19').start.getTime()).toBe(-8.64e15);
  });

  it.each([
    ['2025-02-30', 'does not exist'],
    ['2025-02-3X', 'does not exist'],
    ['2025-13', 'no month 13'],
    ['2025-07-32', 'no day 32'],
    ['2025-07-1Y', 'not an EDTF date'],
    ['July 2025', 'not an EDTF date'],
    ['2025-07-19/2025-07-10', 'ends before it starts'],
    ['../..', 'neither a start nor an end'],
    ['2025/2026/2027', 'more than one "/"'],
    ['', 'empty'],
  ])('refuses %j saying it %s', (s, words) => {
    expect(() => edtfBounds(s)).toThrow(EdtfError);
    expect(() => edtfBounds(s)).toThrow(words);
  });

  it('refuses a megabyte without echoing it', () => {
    const err = (() => {
      try {
        edtfBounds('2'.repeat(1_000_000));
      } catch (e) {
        return e as EdtfError;
      }
    })();
    expect(err?.message.length).toBeLessThan(120);
  });

  it('never throws anything but EdtfError on random input', () => {
    for (let i = 0; i < 500; i += 1) {
      const s = Array.from(
        { length: 1 + (i % 30) },
        () => '0123456789-X/.~?%T:Z'[Math.floor(Math.random() * 20)],
      ).join('');
      try {
        edtfBounds(s);
      } catch (e) {
        expect(e).toBeInstanceOf(EdtfError);
      }
    }
  });

  it.each([
    ['XXXX-02-29', '0000-02-29T00:00:00.000Z', '9996-02-29T23:59:59.999Z'],
    ['19XX-02-29', '1904-02-29T00:00:00.000Z', '1996-02-29T23:59:59.999Z'],
    ['1X00-02-29', '1200-02-29T00:00:00.000Z', '1600-02-29T23:59:59.999Z'],
    ['XXX1-02-2X', '0001-02-20T00:00:00.000Z', '9991-02-28T23:59:59.999Z'],
    ['XXXX-XX-3X', '0000-01-30T00:00:00.000Z', '9999-12-31T23:59:59.999Z'],
    ['0000', '0000-01-01T00:00:00.000Z', '0000-12-31T23:59:59.999Z'],
    ['0099-12', '0099-12-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z'],
  ])(
    'finds the days February 29 and short months allow in %s',
    (s, start, end) => {
      expect(iso(s)).toEqual([start, end]);
    },
  );

  it.each([
    ['XXX1-02-29', 'does not exist'],
    ['XX10-02-29', 'does not exist'],
    ['XXXX-02-3X', 'does not exist'],
    ['XXXX-X4-31', 'does not exist'],
  ])('refuses %j, whose day no year has, saying it %s', (s, words) => {
    expect(() => edtfBounds(s)).toThrow(words);
  });

  it.each([
    ['2025-07-15T10:30:00+07:00', '2025-07-15T03:30:00.000Z'],
    ['2025-07-15T10:30:00-10:00', '2025-07-15T20:30:00.000Z'],
    ['2025-07-15T10:30:00', '2025-07-15T10:30:00.000Z'],
    ['0050-07-15T10:30:00Z', '0050-07-15T10:30:00.000Z'],
  ])(
    'reads the date and time %s as the moment %s, in any time zone',
    (s, at) => {
      expect(iso(s)).toEqual([at, at]);
    },
  );

  it.each([
    ['2025-02-30T10:00:00Z', 'February 2025 has no day 30'],
    ['2025-13-01T10:00:00Z', 'no month 13'],
    ['2025-07-15T24:00:00Z', 'has no time 24:00:00'],
    ['2025-07-15T10:60:00Z', 'has no time 10:60:00'],
    ['2025-07-15T10:00:00+24:00', 'has no time zone offset +24:00'],
  ])('refuses the date and time %j saying it %s', (s, words) => {
    expect(() => edtfBounds(s)).toThrow(EdtfError);
    expect(() => edtfBounds(s)).toThrow(words);
  });

  it.each([
    'XXXX-XX-XX',
    'XXX1-02-29',
    'XXXX-02-3X',
    'XXXX-XX-XX/XXXX-XX-XX',
    'XXX1-02-29/XXX1-02-29',
    'XX10-02-29/XX10-02-29',
    '1X00-02-29/1X00-02-29',
    'X'.repeat(64),
    '~'.repeat(64),
    '.'.repeat(64),
    '-'.repeat(64),
    '..'.repeat(16),
    '2025-07-15~?%',
    `${'2025-07-15T10:30:00Z'}/${'2025-07-1X~'}`,
  ])('bounds its work on %s, never trying every year an X allows', (s) => {
    const { steps } = countWork(() => isEdtf(s));
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(2000);
  });

  it('reads none of a long string past its length', () => {
    const { steps } = countWork(() =>
      isEdtf(`2025-07-1X${'X'.repeat(100_000)}`),
    );
    expect(steps).toBe(0);
    const padded = countWork(() =>
      edtfBounds(`${' '.repeat(100_000)}2025-07-1X `),
    );
    expect(padded.result.start.toISOString()).toBe('2025-07-10T00:00:00.000Z');
    expect(padded.steps).toBeLessThanOrEqual(2000);
  });

  it('reads qualifiers', () => {
    expect(edtfQualifiers('2025-07~')).toEqual({
      uncertain: false,
      approximate: true,
    });
    expect(edtfQualifiers('2025-07%')).toEqual({
      uncertain: true,
      approximate: true,
    });
  });
});

describe('date formatting', () => {
  it('writes EDTF in words', () => {
    // ICU puts thin spaces around the range dash
    expect(formatEdtf('2025-07-1X')).toBe('July 10\u2009–\u200919, 2025');
    expect(formatEdtf('2025-07-1X', { locale: 'en-GB' })).toBe(
      '10\u2009–\u200919 July 2025',
    );
    expect(formatEdtf('2025-07~')).toBe('July 2025 (approximate)');
    expect(formatEdtf('2025')).toBe('2025');
  });

  it('writes whole months and years as such, and a moment as its day', () => {
    expect(formatEdtf('2025-07/2025-09')).toBe(
      'July\u2009–\u2009September 2025',
    );
    expect(formatEdtf('2024/2025')).toBe('2024\u2009–\u20092025');
    expect(formatEdtf('2025-07-01T00:00:00Z')).toBe('July 1, 2025');
    expect(formatEdtf('2025-12-31/2026-01-01')).toBe(
      'December 31, 2025\u2009–\u2009January 1, 2026',
    );
    expect(formatEdtf('2025-07-10/..')).toBe('July 10, 2025 –');
    expect(formatEdtf('../2025-07-19')).toBe('– July 19, 2025');
  });

  // Relative times count the reader's calendar, so the moments are built in the local time
  // zone: the answers are then the same in Honolulu (UTC−10) and Kiritimati (UTC+14).
  const july = (day: number, hours: number, minutes = 0, seconds = 0) =>
    new Date(2025, 6, day, hours, minutes, seconds);

  it('says how long ago, from the platform, in any time zone', () => {
    const now = july(20, 12);
    const ago = (then: Date) => formatRelativeTime(then, { now });
    expect(ago(july(20, 9))).toBe('3 hours ago');
    expect(ago(july(20, 11, 59, 30))).toBe('30 seconds ago');
    expect(ago(july(20, 12))).toBe('now');
    expect(ago(july(20, 11, 15))).toBe('45 minutes ago');
    expect(ago(july(20, 14))).toBe('in 2 hours');
    expect(ago(july(19, 12))).toBe('yesterday');
    expect(ago(july(16, 12))).toBe('4 days ago');
    expect(ago(july(10, 12))).toBe('last week');
    expect(ago(july(1, 12))).toBe('2 weeks ago');
    expect(ago(new Date(2025, 4, 25, 12))).toBe('2 months ago');
    expect(ago(new Date(2024, 2, 1, 12))).toBe('last year');
    expect(formatRelativeTime(july(20, 12), { now, locale: 'fr' })).toBe(
      'maintenant',
    );
  });

  it('calls last evening yesterday in the morning, by the reader’s calendar', () => {
    expect(formatRelativeTime(july(19, 22), { now: july(20, 8) })).toBe(
      'yesterday',
    );
    expect(formatRelativeTime(july(20, 0, 30), { now: july(19, 23) })).toBe(
      'tomorrow',
    );
  });

  it('reads a moment given as an ISO string', () => {
    expect(
      formatRelativeTime('2025-07-20T11:59:30Z', {
        now: new Date('2025-07-20T12:00:00Z'),
      }),
    ).toBe('30 seconds ago');
  });

  it('writes a full date and time', () => {
    expect(
      formatDateTime('2025-07-15T10:30:00Z', {
        locale: 'en-GB',
        timeZone: 'UTC',
      }),
    ).toBe('15 July 2025 at 10:30');
  });
});
