import { describe, expect, it } from 'vitest';
import {
  EdtfError,
  edtfBounds,
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

  it('says how long ago, from the platform', () => {
    const now = new Date('2025-07-20T12:00:00Z');
    expect(formatRelativeTime(new Date('2025-07-20T09:00:00Z'), { now })).toBe(
      '3 hours ago',
    );
    expect(formatRelativeTime('2025-07-20T11:59:30Z', { now })).toBe(
      '30 seconds ago',
    );
    expect(formatRelativeTime('2025-07-20T12:00:00Z', { now })).toBe('now');
    expect(formatRelativeTime('2025-07-20T11:15:00Z', { now })).toBe(
      '45 minutes ago',
    );
    expect(formatRelativeTime('2025-07-20T14:00:00Z', { now })).toBe(
      'in 2 hours',
    );
    expect(formatRelativeTime('2025-07-19T12:00:00Z', { now })).toBe(
      'yesterday',
    );
    expect(formatRelativeTime('2025-07-16T12:00:00Z', { now })).toBe(
      '4 days ago',
    );
    expect(formatRelativeTime('2025-07-10T12:00:00Z', { now })).toBe(
      'last week',
    );
    expect(formatRelativeTime('2025-07-01T12:00:00Z', { now })).toBe(
      '2 weeks ago',
    );
    expect(formatRelativeTime('2025-05-25T12:00:00Z', { now })).toBe(
      '2 months ago',
    );
    expect(formatRelativeTime('2024-03-01T12:00:00Z', { now })).toBe(
      'last year',
    );
    expect(
      formatRelativeTime('2025-07-20T12:00:00Z', { now, locale: 'fr' }),
    ).toBe('maintenant');
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
