import { beforeAll, describe, expect, it } from 'vitest';
import * as ar from '../messages/locales/ar.js';
import * as km from '../messages/locales/km.js';
import * as vi from '../messages/locales/vi.js';
import * as zhHans from '../messages/locales/zh-Hans.js';
import { addLocale } from '../messages/catalogues.js';
import { formatDateTime, formatEdtf, formatRelativeTime } from './index.js';

describe('formatEdtf in a reader’s language', () => {
  it('says "approximate" in English until the language is added', () => {
    expect(formatEdtf('2025-07~', { locale: 'vi' })).toBe(
      'tháng 7 năm 2025 (approximate)',
    );
  });

  describe('once added', () => {
    beforeAll(() => {
      for (const module of [km, vi, zhHans, ar]) addLocale(module);
    });

    it.each([
      ['vi', '2025-07~', 'khoảng tháng 7 năm 2025'],
      ['vi', '2025?', '2025 (chưa chắc chắn)'],
      ['km', '2025-07-10/..', 'ចាប់ពី 10 កក្កដា 2025'],
      ['km', '../2025-07-19', 'រហូតដល់ 19 កក្កដា 2025'],
      ['zh-Hans', '2025-07-10/..', '2025年7月10日起'],
      ['zh-Hans', '2025-07%', '约2025年7月（尚不确定）'],
      ['ar', '2025-07~', 'حوالي يوليو 2025'],
      ['ar', '../2025-07-19', 'حتى 19 يوليو 2025'],
      ['km-u-nu-khmr', '2025?', '២០២៥ (មិនទាន់ច្បាស់លាស់)'],
    ])('%s: %s is %s', (locale, edtf, text) => {
      expect(formatEdtf(edtf, { locale })).toBe(text);
    });

    it('keeps English as it was', () => {
      expect(formatEdtf('2025-07~')).toBe('July 2025 (approximate)');
      expect(formatEdtf('2025-07-10/..')).toBe('July 10, 2025 –');
      expect(formatEdtf('2025-07%')).toBe('July 2025 (approximate, uncertain)');
    });
  });
});

describe('dates for a tag that is not one', () => {
  it.each(['not a tag!', '', 'x'.repeat(500), '__proto__'])(
    'are written in English for %j, never a RangeError',
    (locale) => {
      expect(formatEdtf('2025-07~', { locale })).toBe(
        'July 2025 (approximate)',
      );
      expect(
        formatDateTime('2025-07-15T10:30:00Z', { locale, timeZone: 'UTC' }),
      ).toBe(formatDateTime('2025-07-15T10:30:00Z', { timeZone: 'UTC' }));
      const now = new Date(2025, 6, 15, 13);
      expect(
        formatRelativeTime(new Date(now.getTime() - 3 * 3600e3), {
          now,
          locale,
        }),
      ).toBe('3 hours ago');
    },
  );
});
