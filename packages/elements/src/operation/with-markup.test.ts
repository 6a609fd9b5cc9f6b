import { describe, expect, it } from 'vitest';
import { capitalize, markupList, SLOTS, withMarkup } from './with-markup.js';

const [a, b] = SLOTS;
const bold = (text: string) => (first: boolean) => ({ text, first });

describe('withMarkup', () => {
  it('puts each value where the translation puts it, and says whether it opens the sentence', () => {
    expect(withMarkup(`${a} arrested`, [bold('more than 1,000')])).toEqual([
      { text: 'more than 1,000', first: true },
      ' arrested',
    ]);
    expect(withMarkup(`Số người bị bắt: ${a}`, [bold('hơn 1.000')])).toEqual([
      'Số người bị bắt: ',
      { text: 'hơn 1.000', first: false },
    ]);
    // Word order differs: the second value may come first.
    expect(withMarkup(`${b}、${a}`, [bold('x'), bold('y')])).toEqual([
      { text: 'y', first: true },
      '、',
      { text: 'x', first: false },
    ]);
  });

  it('counts only visible text as coming before a value', () => {
    expect(withMarkup(`  ${a}`, [bold('x')])).toEqual([
      '  ',
      { text: 'x', first: true },
    ]);
  });

  it('leaves out a slot that has no value, and a value the wording leaves out', () => {
    const calls: string[] = [];
    const value = (name: string) => () => {
      calls.push(name);
      return name;
    };
    expect(withMarkup(`By ${a} ${b}`, [value('names')])).toEqual([
      'By ',
      'names',
      ' ',
    ]);
    expect(withMarkup('Updated', [value('date')])).toEqual(['Updated']);
    expect(calls).toEqual(['names']);
  });

  it('keeps a site’s wording whole, whatever it holds', () => {
    const odd = '{0} <b>__proto__</b> constructor \uE00F';
    expect(withMarkup(odd, [])).toEqual([odd]);
    const many = `${a}`.repeat(50_000);
    let calls = 0;
    const out = withMarkup(many, [
      () => {
        calls += 1;
        return '';
      },
    ]);
    expect(calls).toBe(50_000);
    expect(out).toHaveLength(50_000);
  });
});

describe('markupList', () => {
  it('keeps its items in order between the language’s separators', () => {
    const items = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(
      markupList(items, new Intl.ListFormat('en', { type: 'conjunction' })),
    ).toEqual([items[0], ', ', items[1], ', and ', items[2]]);
    const chinese = markupList(
      items,
      new Intl.ListFormat('zh-Hans', { type: 'conjunction' }),
    );
    expect(chinese.filter((part) => typeof part !== 'string')).toEqual(items);
    expect(chinese.join('')).toContain('、');
  });
});

describe('capitalize', () => {
  it('capitalizes by the language’s rules, and leaves scripts without case alone', () => {
    expect(capitalize('hơn 1.000', 'vi')).toBe('Hơn 1.000');
    expect(capitalize('ច្រើនជាង ១០០០', 'km')).toBe('ច្រើនជាង ១០០០');
    expect(capitalize('', 'en')).toBe('');
    expect(capitalize('𝒶bc', 'en')).toBe('𝒶bc');
  });
});
