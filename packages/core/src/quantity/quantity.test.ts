import { describe, expect, it } from 'vitest';
import {
  expectLinear,
  PROTOTYPE_KEYS,
  type Shape,
} from '../text/expect-linear.js';
import { countWork } from '../text/work.js';
import {
  addQuantities,
  extractQuantities,
  formatQuantity,
  parseQuantity,
  quantityBounds,
  QuantitySchema,
  type Quantity,
} from './index.js';

const bounds = (text: string) => {
  const q = parseQuantity(text);
  if (!q) throw new Error(`did not parse: ${text}`);
  return quantityBounds(q);
};

describe('parseQuantity follows the phrase table', () => {
  it.each([
    ['271', 271, 271],
    ['two hundred seventy-one', 271, 271],
    ['1.5 million', 1_500_000, 1_500_000],
    ['more than 1,000', 1001, Infinity],
    ['over 1,000', 1001, Infinity],
    ['at least 5', 5, Infinity],
    ['5 or more', 5, Infinity],
    ['fewer than 10', 0, 9],
    ['less than 10', 0, 9],
    ['under 10', 0, 9],
    ['up to 40', 0, 40],
    ['at most 40', 0, 40],
    ['about 100', 90, 110],
    ['around 100', 90, 110],
    ['approximately 100', 90, 110],
    ['roughly 100', 90, 110],
    ['some 100', 90, 110],
    ['nearly 100', 90, 99],
    ['almost 100', 90, 99],
    ['between 5 and 10', 5, 10],
    ['5 to 10', 5, 10],
    ['5–10', 5, 10],
    ['a few', 2, 5],
    ['several', 3, 9],
    ['dozens of', 24, 99],
    ['scores of', 40, 99],
    ['hundreds of', 200, 999],
    ['thousands of', 2000, 9999],
    ['tens of thousands of', 20_000, 99_999],
    ['millions of', 2_000_000, 999_999_999],
    ['billions of', 2_000_000_000, 999_999_999_999],
  ])('reads "%s" as [%d, %d]', (text, min, max) => {
    expect(bounds(text)).toEqual({ min, max });
  });

  it('marks about, nearly and vague words as approximate kinds', () => {
    expect(parseQuantity('about 100')?.kind).toBe('about');
    expect(parseQuantity('nearly 100')?.kind).toBe('nearly');
    expect(parseQuantity('hundreds of')?.kind).toBe('vague');
  });
});

describe('parseQuantity reads numbers in words and digits', () => {
  it.each([
    ['one', 1],
    ['nineteen', 19],
    ['ninety-nine', 99],
    ['a hundred', 100],
    ['two hundred and seventy-one', 271],
    ['one thousand two hundred', 1200],
    ['three million', 3_000_000],
    ['five billion', 5_000_000_000],
    ['twenty one', 21],
    ['1,000,000', 1_000_000],
    ['2.25 billion', 2_250_000_000],
    ['10 thousand', 10_000],
    ['TWO HUNDRED', 200],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseQuantity(text)).toMatchObject({ kind: 'exact', value });
  });

  it('keeps the noun and the wording', () => {
    expect(parseQuantity('more than 200 Vietnamese nationals')).toEqual({
      kind: 'more-than',
      value: 200,
      noun: 'Vietnamese nationals',
      text: 'more than 200 Vietnamese nationals',
    });
  });

  it('carries USD for dollars and the dollar sign', () => {
    expect(parseQuantity('billions of dollars')).toMatchObject({
      kind: 'vague',
      term: 'billions',
      unit: 'USD',
    });
    expect(parseQuantity('$1.5 billion')).toMatchObject({
      kind: 'exact',
      value: 1_500_000_000,
      unit: 'USD',
    });
    expect(parseQuantity('about 300 US dollars')).toMatchObject({
      kind: 'about',
      value: 300,
      unit: 'USD',
    });
  });

  it.each([
    '',
    'hello',
    'one two',
    'two hundred hundred',
    'thousand million',
    '2.5 people',
    'more than',
    'between 10 and 5',
    '1.2345678 million',
    '271 <script>',
  ])('refuses "%s"', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('returns undefined, quickly, for a megabyte of text and for random Unicode', () => {
    expect(parseQuantity('more than '.repeat(100_000))).toBeUndefined();
    expect(parseQuantity('9'.repeat(1_000_000))).toBeUndefined();
    let random = '';
    for (let i = 0; i < 200; i += 1)
      random += String.fromCodePoint(
        Math.floor(Math.random() * 0x10ffff) & 0xffff,
      );
    expect(() => parseQuantity(random)).not.toThrow();
    expect(parseQuantity(undefined as unknown as string)).toBeUndefined();
  });

  it('produces only quantities the schema accepts', () => {
    for (const text of [
      '271',
      'more than 1,000',
      'between 5 and 10',
      'hundreds of computers',
      'billions of dollars',
    ]) {
      expect(QuantitySchema.safeParse(parseQuantity(text)).success).toBe(true);
    }
  });
});

describe('extractQuantities', () => {
  const seed =
    'Cambodian authorities have arrested more than 1,000 individuals. The coordinated raids, which took place over several days in mid-July 2025, ' +
    'across at least five provinces. Among those arrested were more than 200 Vietnamese nationals, 271 Indonesians, 27 Chinese, 75 Taiwanese, 85 Cambodians. ' +
    'Authorities seized hundreds of computers. More than 100,000 people may be trapped, generating billions of dollars annually.';

  it('finds every figure of the seed text with its span', () => {
    const found = extractQuantities(seed);
    expect(found.map((m) => m.text)).toEqual([
      'more than 1,000',
      'several',
      'at least five',
      'more than 200',
      '271',
      '27',
      '75',
      '85',
      'hundreds of',
      'More than 100,000',
      'billions of dollars',
    ]);
    for (const m of found) expect(seed.slice(m.start, m.end)).toBe(m.text);
  });

  it('ignores years, dates, ordinals, times and percentages', () => {
    const text =
      'On 15 July 2025, July 16 and 2025-07-17 at 10:30, the 3rd raid, the 21st, took 50% and 12 percent; one of them in 1999.';
    expect(extractQuantities(text)).toEqual([]);
  });

  it('counts a year-like figure when a qualifier makes it a count', () => {
    expect(
      extractQuantities('more than 2000 people').map((m) => m.quantity),
    ).toEqual([{ kind: 'more-than', value: 2000, text: 'more than 2000' }]);
  });

  it('stays linear on a megabyte of text', () => {
    const text = 'more than 1,000 people and '.repeat(40_000);
    expect(extractQuantities(text)).toHaveLength(40_000);
  });
});

describe('formatQuantity', () => {
  const cases: Quantity[] = [
    { kind: 'exact', value: 271 },
    { kind: 'exact', value: 1_500_000 },
    { kind: 'exact', value: 1_234_567 },
    { kind: 'more-than', value: 1000 },
    { kind: 'at-least', value: 5, noun: 'provinces' },
    { kind: 'fewer-than', value: 10 },
    { kind: 'up-to', value: 40 },
    { kind: 'about', value: 100 },
    { kind: 'nearly', value: 1 },
    { kind: 'between', min: 5, max: 10 },
    { kind: 'vague', term: 'scores' },
    { kind: 'vague', term: 'tens-of-thousands', noun: 'people' },
    { kind: 'vague', term: 'billions', unit: 'USD' },
    { kind: 'exact', value: 2_250_000_000, unit: 'USD' },
    { kind: 'exact', value: 0 },
  ];

  it.each(cases)('round-trips %j with the same bounds', (q) => {
    const text = formatQuantity(q);
    expect(quantityBounds(parseQuantity(text)!)).toEqual(quantityBounds(q));
  });

  it('writes the words readers expect', () => {
    expect(formatQuantity({ kind: 'more-than', value: 1000 })).toBe(
      'more than 1,000',
    );
    expect(formatQuantity({ kind: 'exact', value: 1_500_000 })).toBe(
      '1.5 million',
    );
    expect(
      formatQuantity({ kind: 'vague', term: 'hundreds', noun: 'computers' }),
    ).toBe('hundreds of computers');
    expect(
      formatQuantity({ kind: 'vague', term: 'billions', unit: 'USD' }),
    ).toBe('billions of dollars');
    expect(
      formatQuantity(
        { kind: 'more-than', value: 200, noun: 'Vietnamese nationals' },
        'en',
        { noun: false },
      ),
    ).toBe('more than 200');
  });

  it('uses the locale for digits', () => {
    expect(formatQuantity({ kind: 'more-than', value: 1000 }, 'de')).toBe(
      'more than 1.000',
    );
  });
});

describe('addQuantities', () => {
  it('adds bounds', () => {
    expect(
      addQuantities(
        { kind: 'more-than', value: 200 },
        { kind: 'exact', value: 271 },
      ),
    ).toEqual({ kind: 'at-least', value: 472 });
    expect(
      addQuantities({ kind: 'exact', value: 2 }, { kind: 'exact', value: 3 }),
    ).toEqual({ kind: 'exact', value: 5 });
    expect(
      addQuantities(
        { kind: 'vague', term: 'a-few' },
        { kind: 'up-to', value: 10 },
      ),
    ).toEqual({ kind: 'between', min: 2, max: 15 });
  });

  it('keeps a unit', () => {
    expect(
      addQuantities(
        { kind: 'exact', value: 1, unit: 'USD' },
        { kind: 'exact', value: 2 },
      ),
    ).toMatchObject({ unit: 'USD' });
  });
});

describe('QuantitySchema', () => {
  it('says what is wrong', () => {
    const r = QuantitySchema.safeParse({ kind: 'between', min: 10, max: 5 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['max'],
      message: 'The lower figure of a range must not exceed the upper one.',
    });
    expect(
      QuantitySchema.safeParse({ kind: 'exact', value: -1 }).error?.issues[0]
        ?.message,
    ).toBe('A count cannot be negative.');
  });
});

describe('words that name properties of every object', () => {
  it.each(PROTOTYPE_KEYS)('are not numbers, scales or units: %s', (word) => {
    expect(parseQuantity(word)).toBeUndefined();
    expect(parseQuantity(`${word} hundred`)).toBeUndefined();
    expect(parseQuantity(`more than ${word}`)).toBeUndefined();
    expect(
      extractQuantities(`${word} ${word.toLowerCase()} 271 ${word}`),
    ).toEqual([
      {
        quantity: { kind: 'exact', value: 271, text: '271' },
        start: 2 * word.length + 2,
        end: 2 * word.length + 5,
        text: '271',
      },
    ]);
  });

  it.each(PROTOTYPE_KEYS.filter((word) => word !== '__proto__'))(
    'are read as what is counted: %s',
    (word) => {
      expect(parseQuantity(`5 ${word}`)).toEqual({
        kind: 'exact',
        value: 5,
        noun: word,
        text: `5 ${word}`,
      });
      expect(parseQuantity(`1,000 ${word}`)).toEqual({
        kind: 'exact',
        value: 1000,
        noun: word,
        text: `1,000 ${word}`,
      });
      expect(parseQuantity(`hundreds of ${word}`)).toEqual({
        kind: 'vague',
        term: 'hundreds',
        noun: word,
        text: `hundreds of ${word}`,
      });
    },
  );

  it('reads no noun with underscores', () => {
    expect(parseQuantity('5 __proto__')).toBeUndefined();
  });

  it.each(PROTOTYPE_KEYS)(
    'are refused as a vague term or a kind: %s',
    (word) => {
      const vague = { kind: 'vague', term: word } as unknown as Quantity;
      expect(() => quantityBounds(vague)).toThrow(
        `"${word}" is not a vague quantity`,
      );
      expect(() => formatQuantity(vague)).toThrow(TypeError);
      const odd = { kind: word, value: 1 } as unknown as Quantity;
      expect(() => quantityBounds(odd)).toThrow('is not a kind of quantity');
      expect(() => formatQuantity(odd)).toThrow('is not a kind of quantity');
    },
  );

  it.each(PROTOTYPE_KEYS)(
    'are written as given when they are a unit: %s',
    (word) => {
      expect(formatQuantity({ kind: 'exact', value: 5, unit: word })).toBe(
        `5 ${word}`,
      );
    },
  );
});

describe('reading hostile text', () => {
  it('reads a decimal with a long run of zeros by its digits', () => {
    expect(parseQuantity(`1.${'0'.repeat(200)} million`)).toMatchObject({
      kind: 'exact',
      value: 1_000_000,
    });
    const zeros = `1.${'0'.repeat(50_000)}1 million people`;
    expect(extractQuantities(zeros)).toEqual([]);
    expect(extractQuantities(`1.5${'0'.repeat(50_000)} million`)).toHaveLength(
      1,
    );
  });

  it('reads no more than a phrase’s length of a long text', () => {
    const steps = countWork(() => parseQuantity('1,000 '.repeat(50_000))).steps;
    expect(steps).toBe(0);
    const phrase = countWork(() =>
      parseQuantity('more than 1,000 people'),
    ).steps;
    expect(phrase).toBeGreaterThanOrEqual('more than 1,000 people'.length);
    expect(phrase).toBeLessThan(8 * 'more than 1,000 people'.length);
  });

  const shapes: Record<string, Shape> = {
    'digits with grouping commas': (n) => `1${',000'.repeat(n / 4)}`,
    'broken grouping commas': (n) => '1,0'.repeat(n / 3),
    'a long digit run': (n) => '9'.repeat(n),
    'a decimal of zeros before a scale': (n) => `1.${'0'.repeat(n)}1 million`,
    'digits and dashes': (n) => '5-'.repeat(n / 2),
    dashes: (n) => '-'.repeat(n),
    dots: (n) => '.'.repeat(n),
    brackets: (n) => '('.repeat(n),
    'almost dates': (n) => '2025-07-'.repeat(n / 8),
    'a date with a long time': (n) => `2025-07-15T${'1'.repeat(n)}`,
    'almost times': (n) => '1:'.repeat(n / 2),
    'a long word': (n) => 'x'.repeat(n),
    'a long hyphenated word': (n) => 'a-'.repeat(n / 2),
    'tens joined by hyphens': (n) => 'seventy-'.repeat(n / 8),
    'qualifiers without figures': (n) => 'more than '.repeat(n / 10),
    'ranges without ends': (n) => 'between 1 and '.repeat(n / 14),
    'number words that do not join': (n) => 'one two '.repeat(n / 8),
    'hundreds and ands': (n) => 'two hundred and '.repeat(n / 16),
    'vague words': (n) => 'hundreds of '.repeat(n / 12),
    'currency signs': (n) => '$'.repeat(n),
    ordinals: (n) => 'the 1st '.repeat(n / 8),
    'accented letters': (n) => 'e\u0301'.repeat(n / 2),
    'astral letters': (n) => '𝐀'.repeat(n / 2),
  };

  it.each(Object.entries(shapes))('extracts linearly from %s', (_, shape) => {
    expectLinear(shape, extractQuantities);
  });
});
