import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatList, listFormat } from './list.js';
import * as id from './locales/id.js';
import * as km from './locales/km.js';
import * as zhHans from './locales/zh-Hans.js';
import { withoutLanguage } from './without-language.test-support.js';
import { addLocale, setMessages } from './catalogues.js';

beforeAll(() => {
  for (const module of [km, id, zhHans]) addLocale(module);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('lists where the platform has no data for the language', () => {
  it('join the last item with Khmer’s “and”, not Intl’s English', () => {
    withoutLanguage('km');
    expect(formatList(['ក', 'ខ', 'គ'], { locale: 'km' })).toBe('ក, ខ និង គ');
    expect(formatList(['ក', 'ខ'], { locale: 'km' })).toBe('ក និង ខ');
    expect(formatList(['ក'], { locale: 'km' })).toBe('ក');
    expect(formatList([], { locale: 'km' })).toBe('');
  });

  it('say no “and” in a narrow list', () => {
    withoutLanguage('km');
    expect(formatList(['ក', 'ខ', 'គ'], { locale: 'km', style: 'narrow' })).toBe(
      'ក, ខ, គ',
    );
  });

  it('say what the platform says where it has the language', () => {
    const lists = [['A'], ['A', 'B'], ['A', 'B', 'C'], ['A', 'B', 'C', 'D']];
    for (const locale of ['zh-Hans', 'id']) {
      const byIntl = lists.map((l) => formatList(l, { locale }));
      withoutLanguage('*');
      expect(
        lists.map((l) => formatList(l, { locale })),
        locale,
      ).toEqual(byIntl);
      vi.unstubAllGlobals();
    }
    // Khmer's platform data joins a pair with a zero-width space ("A និង\u200BB"); the
    // catalogue writes a space. Longer lists read the same.
    const byIntl = lists.slice(2).map((l) => formatList(l, { locale: 'km' }));
    withoutLanguage('km');
    expect(lists.slice(2).map((l) => formatList(l, { locale: 'km' }))).toEqual(
      byIntl,
    );
  });

  it('give each item as an element between the language’s words, for markup', () => {
    withoutLanguage('km');
    expect(listFormat({ locale: 'km' }).formatToParts(['ក', 'ខ', 'គ'])).toEqual(
      [
        { type: 'element', value: 'ក' },
        { type: 'literal', value: ', ' },
        { type: 'element', value: 'ខ' },
        { type: 'literal', value: ' និង ' },
        { type: 'element', value: 'គ' },
      ],
    );
    expect(listFormat({ locale: 'km' }).resolvedOptions().style).toBe('long');
  });

  it('follow a site’s wording, and English’s where that wording loses an item', () => {
    withoutLanguage('km');
    try {
      setMessages('km', { 'list-and': '{first} ហើយនិង {last}' });
      expect(formatList(['ក', 'ខ'], { locale: 'km' })).toBe('ក ហើយនិង ខ');
      setMessages('km', { 'list-and': '{first} និង' });
      expect(formatList(['ក', 'ខ'], { locale: 'km' })).toBe('ក and ខ');
      setMessages('km', { 'list-and': '{last} {first}' });
      expect(formatList(['ក', 'ខ'], { locale: 'km' })).toBe('ក and ខ');
    } finally {
      setMessages('km', { 'list-and': km.messages['list-and'] });
    }
  });

  it('keeps items whose text looks like a placeholder as they are', () => {
    withoutLanguage('km');
    expect(formatList(['{last}', '{first}', '$&'], { locale: 'km' })).toBe(
      '{last}, {first} និង $&',
    );
  });

  it('writes a list in one pass, however long', () => {
    withoutLanguage('km');
    const parts = (n: number) =>
      listFormat({ locale: 'km' }).formatToParts(
        Array.from({ length: n }, (_, i) => String(i)),
      );
    // Every item once, one literal between each two: nothing is copied per item.
    expect(parts(20_000)).toHaveLength(2 * 20_000 - 1);
    expect(
      formatList(['a', 'b', 'c'].concat(Array(5).fill('x')), { locale: 'km' }),
    ).toBe('a, b, c, x, x, x, x និង x');
  });

  it('leave English and a language no catalogue words to Intl', () => {
    withoutLanguage('*');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(listFormat({ locale: 'fr' })).toBeInstanceOf(Intl.ListFormat);
  });
});
