import { beforeAll, describe, expect, it } from 'vitest';
import * as ar from '../messages/locales/ar.js';
import * as id from '../messages/locales/id.js';
import * as km from '../messages/locales/km.js';
import * as th from '../messages/locales/th.js';
import * as vi from '../messages/locales/vi.js';
import * as zhHans from '../messages/locales/zh-Hans.js';
import * as zhHant from '../messages/locales/zh-Hant.js';
import { addLocale, setMessages } from '../messages/catalogues.js';
import {
  formatQuantity,
  parseQuantity,
  quantityBounds,
  type Quantity,
} from './index.js';

describe('formatQuantity before a locale is added', () => {
  it('writes English words with the locale’s digits', () => {
    expect(formatQuantity({ kind: 'more-than', value: 1000 }, 'vi')).toBe(
      'more than 1.000',
    );
    // English scale words belong to English digits only.
    expect(formatQuantity({ kind: 'exact', value: 1_500_000 }, 'vi')).toBe(
      '1.500.000',
    );
  });
});

describe('formatQuantity in every shipped language', () => {
  beforeAll(() => {
    for (const module of [km, vi, id, th, zhHans, zhHant, ar])
      addLocale(module);
  });

  it.each([
    ['en', 'more than 1,000'],
    ['km', 'ជាង 1,000'],
    ['vi', 'hơn 1.000'],
    ['id', 'lebih dari 1.000'],
    ['th', 'มากกว่า 1,000'],
    ['zh-Hans', '超过1,000'],
    ['zh-CN', '超过1,000'],
    ['zh-Hant', '超過1,000'],
    ['zh-TW', '超過1,000'],
    ['ar', 'أكثر من 1,000'],
    // The digits a tag asks for: Khmer's, Eastern Arabic.
    ['km-u-nu-khmr', 'ជាង ១.០០០'],
    ['ar-EG', 'أكثر من ١٬٠٠٠'],
  ])('writes "more than 1,000" in %s: %s', (locale, text) => {
    expect(formatQuantity({ kind: 'more-than', value: 1000 }, locale)).toBe(
      text,
    );
  });

  it.each([
    ['en', '1.5 million', '1,234,567'],
    ['vi', '1,5 triệu', '1.234.567'],
    ['id', '1,5 juta', '1.234.567'],
    ['th', '1.5 ล้าน', '1,234,567'],
    ['zh-Hans', '150万', '1,234,567'],
    ['zh-Hant', '150萬', '1,234,567'],
    ['ar', '1.5 مليون', '1,234,567'],
  ])(
    'writes a round million in words in %s, and an odd one in digits',
    (locale, round, odd) => {
      expect(formatQuantity({ kind: 'exact', value: 1_500_000 }, locale)).toBe(
        round,
      );
      expect(formatQuantity({ kind: 'exact', value: 1_234_567 }, locale)).toBe(
        odd,
      );
    },
  );

  it.each([
    ['en', 'billions of dollars', 'between 5 and 10 dollars'],
    ['km', 'រាប់ពាន់លាន ដុល្លារ', 'ពី 5 ដល់ 10 ដុល្លារ'],
    ['vi', 'hàng tỷ USD', 'từ 5 đến 10 USD'],
    ['id', 'miliaran dolar AS', 'antara 5 dan 10 dolar AS'],
    ['th', 'หลายพันล้านดอลลาร์สหรัฐ', 'ระหว่าง 5 ถึง 10 ดอลลาร์สหรัฐ'],
    ['zh-Hans', '数十亿美元', '5至10美元'],
    ['zh-Hant', '數十億美元', '5至10美元'],
    ['ar', 'مليارات الدولارات', 'بين 5 و10 دولارات'],
  ])('names money in %s: %s; %s', (locale, vague, range) => {
    expect(
      formatQuantity({ kind: 'vague', term: 'billions', unit: 'USD' }, locale),
    ).toBe(vague);
    expect(
      formatQuantity({ kind: 'between', min: 5, max: 10, unit: 'USD' }, locale),
    ).toBe(range);
  });

  it('gives a currency the form its figure takes', () => {
    const dollars = (value: number, locale: string) =>
      formatQuantity({ kind: 'exact', value, unit: 'USD' }, locale);
    expect(dollars(1, 'en')).toBe('1 dollar');
    expect(dollars(2, 'en')).toBe('2 dollars');
    // Arabic: a plural from 3 to 10, an accusative singular from 11 to 99, else the singular.
    expect(dollars(5, 'ar')).toBe('5 دولارات');
    expect(dollars(15, 'ar')).toBe('15 دولارًا');
    expect(dollars(1000, 'ar')).toBe('1,000 دولار');
    expect(
      formatQuantity({ kind: 'about', value: 2e9, unit: 'USD' }, 'ar'),
    ).toBe('نحو 2 مليار دولار');
  });

  it('puts what is counted where the language puts it', () => {
    const q: Quantity = { kind: 'more-than', value: 200 };
    expect(formatQuantity({ ...q, noun: 'ជនជាតិវៀតណាម' }, 'km')).toBe(
      'ជនជាតិវៀតណាម ជាង 200',
    );
    expect(formatQuantity({ ...q, noun: 'ชาวเวียดนาม' }, 'th')).toBe(
      'ชาวเวียดนาม มากกว่า 200',
    );
    expect(formatQuantity({ ...q, noun: 'người Việt Nam' }, 'vi')).toBe(
      'hơn 200 người Việt Nam',
    );
    expect(formatQuantity({ ...q, noun: '越南人' }, 'zh-Hans')).toBe(
      '超过200越南人',
    );
    expect(
      formatQuantity(
        { kind: 'vague', term: 'hundreds', noun: 'máy tính' },
        'vi',
      ),
    ).toBe('hàng trăm máy tính');
    expect(formatQuantity({ kind: 'vague', term: 'hundreds' }, 'id')).toBe(
      'ratusan',
    );
    expect(
      formatQuantity({ ...q, noun: 'ជនជាតិវៀតណាម' }, 'km', { noun: false }),
    ).toBe('ជាង 200');
  });

  it('keeps English round-tripping through parseQuantity', () => {
    for (const q of [
      { kind: 'exact', value: 1, unit: 'USD' },
      { kind: 'exact', value: 1, unit: 'KHR' },
      { kind: 'vague', term: 'scores' },
      { kind: 'between', min: 5, max: 10, unit: 'EUR' },
      { kind: 'nearly', value: 2_000_000, noun: 'people' },
    ] satisfies Quantity[]) {
      const parsed = parseQuantity(formatQuantity(q));
      expect(parsed && quantityBounds(parsed)).toEqual(quantityBounds(q));
      expect(parsed?.unit).toBe(q.unit);
    }
  });

  it('lets a site reword a language’s quantity words', () => {
    setMessages('vi-x-site', { 'quantity-more-than': 'trên {n}' });
    expect(
      formatQuantity({ kind: 'more-than', value: 1000 }, 'vi-x-site'),
    ).toBe('trên 1.000');
    // Other codes of the language stay the shipped ones.
    expect(formatQuantity({ kind: 'about', value: 1000 }, 'vi-x-site')).toBe(
      'khoảng 1.000',
    );
  });

  it('writes English for a tag that is not one, and never throws', () => {
    for (const odd of ['not a tag!', '', 'x'.repeat(10_000), '__proto__'])
      expect(formatQuantity({ kind: 'more-than', value: 1000 }, odd)).toBe(
        'more than 1,000',
      );
  });
});
