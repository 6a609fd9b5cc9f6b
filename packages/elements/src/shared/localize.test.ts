import { matchLocale as matchCoreLocale } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  inLocale,
  matchLocale,
  msg,
  type PluralForms,
  plural,
  resetStrings,
  setStrings,
} from './localize.js';

/**
 * A count's forms as the built files write them (scripts/compact-messages.ts): the forms whose
 * English is "other"'s are 0, and "other" looks up the id of the form it is asked for.
 */
const compacted = (n: number) =>
  ({
    one: () => msg(`${n} reply`, { id: 'comments.loaded-more.one' }),
    two: 0,
    few: 0,
    many: 0,
    other: (form = 'other') =>
      msg(`${n} replies`, { id: `comments.loaded-more.${form}` }),
  }) as unknown as PluralForms;

describe('plural', () => {
  afterEach(() => resetStrings('ar'));

  it('words a form written once in English by its own id, as Arabic has it', () => {
    setStrings('ar', {
      'comments.loaded-more.one': 'رد واحد',
      'comments.loaded-more.two': 'ردّان',
      'comments.loaded-more.few': 'ثلاثة ردود',
      'comments.loaded-more.many': 'أحد عشر ردًا',
      'comments.loaded-more.other': 'مئة رد',
    });
    expect(
      [1, 2, 3, 11, 100].map((n) =>
        inLocale('ar', () => plural(n, compacted(n))),
      ),
    ).toEqual(['رد واحد', 'ردّان', 'ثلاثة ردود', 'أحد عشر ردًا', 'مئة رد']);
  });

  it('writes the English of "other" for a form written once, where a language has no words for it', () => {
    expect(inLocale('ar', () => plural(2, compacted(2)))).toBe('2 replies');
    expect(inLocale('en', () => plural(1, compacted(1)))).toBe('1 reply');
    expect(inLocale('en', () => plural(5, compacted(5)))).toBe('5 replies');
  });

  it('says "other" for a form it was not given, under the id of "other"', () => {
    setStrings('ar', {
      'comments.loaded-more.other': 'ردود',
      'comments.loaded-more.zero': 'لا ردود',
    });
    // Arabic's 0 is "zero", which these forms do not give: "other" speaks, as its own id.
    expect(inLocale('ar', () => plural(0, compacted(0)))).toBe('ردود');
  });
});

describe('matchLocale', () => {
  it('reads a tag as core does, so the elements and core’s messages agree on its language', () => {
    const tags = [
      'km-KH',
      'in-ID',
      'zh-TW',
      'zh-Hant-CN',
      'zh-x-hant',
      'ZH_hk',
      'ar-EG',
      'fr',
      '',
      '__proto__',
      `zh-${'x'.repeat(200)}-TW`,
    ];
    expect(tags.map(matchLocale)).toEqual(tags.map((t) => matchCoreLocale(t)));
    expect(matchLocale('in-ID')).toBe('id');
    expect(matchLocale(null)).toBe('en');
  });
});
