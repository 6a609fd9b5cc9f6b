import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as ar from '../messages/locales/ar.js';
import * as id from '../messages/locales/id.js';
import * as km from '../messages/locales/km.js';
import * as th from '../messages/locales/th.js';
import * as zhHans from '../messages/locales/zh-Hans.js';
import { addLocale, setMessages } from '../messages/catalogues.js';
import { withoutLanguage } from '../messages/without-language.test-support.js';
import {
  formatDate,
  formatDateTime,
  formatEdtf,
  formatRelativeTime,
} from './index.js';

beforeAll(() => {
  for (const module of [km, id, th, zhHans, ar]) addLocale(module);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('dates where the platform has no data for the language', () => {
  it('are written in Khmer from the catalogue, not in Intl’s English', () => {
    withoutLanguage('km');
    expect(formatEdtf('2025-07-1X', { locale: 'km' })).toBe(
      '10 – 19 កក្កដា 2025',
    );
    expect(formatEdtf('2025-07~', { locale: 'km' })).toBe('ប្រហែល កក្កដា 2025');
    expect(formatEdtf('2025-07-10/..', { locale: 'km-KH' })).toBe(
      'ចាប់ពី 10 កក្កដា 2025',
    );
  });

  // Node carries every language's data: its Intl is the reference the catalogue's words follow.
  const edtfs = [
    '2025-07-15',
    '2025-07-1X',
    '2025-07-10/2025-08-19',
    '2024-07-10/2025-08-19',
    '2025-07',
    '2025-07/2025-09',
    '2024-07/2025-09',
    '2025',
    '2024/2025',
    '2025-07-10/..',
    '../2025-07-19',
    '2025-07~',
    '2025?',
  ];
  it.each(['km', 'id', 'ar'])(
    'are written in %s as the platform writes them where it has the language',
    (locale) => {
      const byIntl = edtfs.map((e) => formatEdtf(e, { locale }));
      withoutLanguage('*');
      expect(edtfs.map((e) => formatEdtf(e, { locale }))).toEqual(byIntl);
    },
  );

  it('are written in Chinese and Thai in the catalogue’s order', () => {
    withoutLanguage('*');
    expect(formatEdtf('2025-07-1X', { locale: 'zh-Hans' })).toBe(
      '2025年7月10日至19日',
    );
    expect(formatEdtf('2025-07/2025-09', { locale: 'zh-Hans' })).toBe(
      '2025年7月至9月',
    );
    expect(formatEdtf('2024/2025', { locale: 'zh-Hans' })).toBe('2024至2025年');
    expect(formatEdtf('2025-07-15', { locale: 'th' })).toBe(
      '15 กรกฎาคม ค.ศ. 2025',
    );
  });

  it('keep the digits a tag asks for', () => {
    withoutLanguage('km');
    expect(formatEdtf('2025-07-1X', { locale: 'km-u-nu-khmr' })).toBe(
      '១០ – ១៩ កក្កដា ២០២៥',
    );
  });

  it('are the platform’s for a language no catalogue words, whatever it writes', () => {
    withoutLanguage('*');
    expect(formatEdtf('2025-07-1X', { locale: 'fr' })).toBe(
      'July 10\u2009–\u200919, 2025',
    );
  });

  it('are Intl’s where the platform has the language, whatever the catalogue says', () => {
    setMessages('km', { 'month-7': 'ខែប្រាំពីរ' });
    try {
      expect(formatEdtf('2025-07', { locale: 'km' })).toBe('កក្កដា 2025');
      withoutLanguage('km');
      expect(formatEdtf('2025-07', { locale: 'km' })).toBe('ខែប្រាំពីរ 2025');
    } finally {
      setMessages('km', { 'month-7': km.messages['month-7'] });
    }
  });

  it('write a day and a time in the reader’s zone', () => {
    withoutLanguage('km');
    const at = '2025-07-15T22:05:00Z';
    expect(formatDateTime(at, { locale: 'km', timeZone: 'UTC' })).toBe(
      '15 កក្កដា 2025 នៅម៉ោង 22:05',
    );
    expect(
      formatDateTime(at, { locale: 'km', timeZone: 'Asia/Phnom_Penh' }),
    ).toBe('16 កក្កដា 2025 នៅម៉ោង 5:05');
    expect(formatDate(at, { locale: 'km', timeZone: 'Asia/Phnom_Penh' })).toBe(
      '16 កក្កដា 2025',
    );
    expect(formatDate(at, { locale: 'km', timeZone: 'UTC' })).toBe(
      '15 កក្កដា 2025',
    );
  });

  it('leave English to Intl', () => {
    withoutLanguage('*');
    expect(formatEdtf('2025-07-1X')).toBe('July 10\u2009–\u200919, 2025');
    expect(formatDate('2025-07-15T10:30:00Z', { timeZone: 'UTC' })).toBe(
      'July 15, 2025',
    );
  });
});

describe('relative times where the platform has no data for the language', () => {
  // Midday where the tests run, so hours ago and ahead stay on that day in every zone.
  const now = new Date(2025, 6, 15, 13);
  const ago = (ms: number, locale: string) =>
    formatRelativeTime(new Date(now.getTime() - ms), { now, locale });
  const HOUR = 3600e3;
  const DAY = 24 * HOUR;

  it('are written in Khmer from the catalogue, not in Intl’s English', () => {
    withoutLanguage('km');
    expect(ago(3 * HOUR, 'km')).toBe('3 ម៉ោងមុន');
    expect(ago(5_000, 'km')).toBe('5 វិនាទីមុន');
    expect(ago(0, 'km')).toBe('ឥឡូវនេះ');
    expect(ago(DAY, 'km')).toBe('ម្សិលមិញ');
    expect(ago(-DAY, 'km')).toBe('ថ្ងៃស្អែក');
    expect(ago(10 * DAY, 'km')).toBe('សប្ដាហ៍មុន');
    expect(ago(40 * DAY, 'km')).toBe('ខែមុន');
    expect(ago(3 * 365 * DAY, 'km')).toBe('3 ឆ្នាំមុន');
    expect(ago(-3 * HOUR, 'km')).toBe('3 ម៉ោងទៀត');
  });

  it('say in Khmer what the platform says where it has Khmer', () => {
    const moments = [5_000, 3 * 60e3, 3 * HOUR, DAY, 3 * DAY, 10 * DAY];
    // Intl marks Khmer's word breaks with zero-width spaces the catalogue leaves out.
    const byIntl = moments.map((ms) => ago(ms, 'km').replaceAll('\u200B', ''));
    withoutLanguage('km');
    expect(moments.map((ms) => ago(ms, 'km'))).toEqual(byIntl);
  });

  it('take the plural form of the count in Arabic', () => {
    withoutLanguage('*');
    expect(ago(HOUR, 'ar')).toBe('قبل ساعة واحدة');
    expect(ago(2 * HOUR, 'ar')).toBe('قبل ساعتين');
    expect(ago(3 * HOUR, 'ar')).toBe('قبل 3 ساعات');
    expect(ago(11 * HOUR, 'ar')).toBe('قبل 11 ساعة');
  });

  it('are Intl’s for English and for a language no catalogue words', () => {
    withoutLanguage('*');
    expect(ago(3 * HOUR, 'fr')).toBe('3 hours ago');
    expect(ago(3 * HOUR, 'en')).toBe('3 hours ago');
  });
});

describe('own words for what is not a date or not a tag', () => {
  it('refuse a date that is not one, as Intl does', () => {
    withoutLanguage('km');
    expect(() => formatDate(new Date(Number.NaN), { locale: 'km' })).toThrow(
      RangeError,
    );
    expect(() =>
      formatRelativeTime(new Date(Number.NaN), { locale: 'km' }),
    ).toThrow(RangeError);
  });

  it('write a tag Intl cannot read in English, and any number of tags in their language', () => {
    withoutLanguage('km');
    const huge = `km-${'a1b2c3d4-'.repeat(50_000)}x`;
    expect(
      formatDate('2025-07-15T10:30:00Z', { locale: huge, timeZone: 'UTC' }),
    ).toBe(
      formatDate('2025-07-15T10:30:00Z', { locale: 'en', timeZone: 'UTC' }),
    );
    for (let i = 0; i < 200; i += 1)
      expect(formatEdtf('2025', { locale: `km-x-${i}` })).toBe('2025');
  });
});
