import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { englishMessages as en } from '../messages/index.js';
import { OperationSchema } from '../operation/schema.js';
import { PlaceSchema } from '../place/resolve.js';
import { CountryCodeSchema, SubdivisionCodeSchema } from './country.js';
import { fieldErrors, validate } from './field-errors.js';
import { text } from './article-text.js';
import { isWellFormed } from './text.js';

describe('fieldErrors', () => {
  it('reports fields named like Object.prototype’s keys', () => {
    const schema = z.record(z.string(), z.number());
    const result = schema.safeParse({
      constructor: 'x',
      __proto__: 'y',
      toString: 'z',
    });
    const errors = fieldErrors(result.error!);
    expect(Object.keys(errors).sort()).toEqual(['constructor', 'toString']);
    // A "__proto__" path is a field too, kept as an own property.
    const proto = z
      .object({})
      .check(z.refine(() => false, { path: ['__proto__'], error: 'No.' }));
    const protoErrors = fieldErrors(proto.safeParse({}).error!);
    expect(Object.keys(protoErrors)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(protoErrors)).toBe(Object.prototype);
  });

  it('keeps the first message of each field, keyed by its dotted path', () => {
    expect(
      validate(z.object({ author: z.object({ email: z.string() }) }), {
        author: { email: 1 },
      }),
    ).toMatchObject({
      ok: false,
      errors: { 'author.email': expect.any(String) },
    });
  });
});

describe('text()', () => {
  const headline = z.object({ headline: text('The headline') });

  it('trims, normalises to NFC and refuses empty text', () => {
    expect(headline.parse({ headline: '  Cafe\u0301  ' })).toEqual({
      headline: 'Café',
    });
    expect(validate(headline, { headline: ' \n ' })).toEqual({
      ok: false,
      errors: { headline: 'The headline cannot be empty.' },
    });
    expect(validate(headline, { headline: 7 })).toEqual({
      ok: false,
      errors: { headline: 'The headline must be text.' },
    });
  });

  it('refuses text that is not well-formed, or stacks more marks than NFC can sort at once', () => {
    expect(validate(headline, { headline: 'Raid \uD83D' })).toEqual({
      ok: false,
      errors: { headline: en['text-malformed'] },
    });
    expect(
      validate(headline, { headline: `Raid${'\u0301'.repeat(31)}` }),
    ).toEqual({ ok: false, errors: { headline: en['text-stacked-marks'] } });
    expect(
      validate(headline, { headline: `Raid${'\u0301'.repeat(30)}` }).ok,
    ).toBe(true);
  });
});

describe('isWellFormed', () => {
  it('tells whole surrogate pairs from lone halves', () => {
    expect(isWellFormed('')).toBe(true);
    expect(isWellFormed('Dara 😀 ស៊ុន')).toBe(true);
    expect(isWellFormed('\uD83D\uDE00'.repeat(50_000))).toBe(true);
    for (const bad of [
      '\uD800',
      '\uDC00',
      'a\uD800b',
      '\uDC00\uD800',
      'x\uD83D',
    ]) {
      expect(isWellFormed(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('agrees with the platform on every shape of one and two code units', () => {
    const units = [0x41, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000];
    const platform = (s: string) =>
      (s as unknown as { isWellFormed(): boolean }).isWellFormed();
    for (const a of units) {
      expect(isWellFormed(String.fromCharCode(a))).toBe(
        platform(String.fromCharCode(a)),
      );
      for (const b of units) {
        const s = String.fromCharCode(a, b);
        expect(isWellFormed(s), s).toBe(platform(s));
      }
    }
  });
});

describe('CountryCodeSchema', () => {
  it('is the one country pattern for operations and places', () => {
    for (const good of ['KH', 'VN']) {
      expect(CountryCodeSchema.safeParse(good).success).toBe(true);
    }
    for (const bad of ['kh', 'KHM', 'K', '', 'Cambodia', 'KH\n', 7, null]) {
      expect(validate(CountryCodeSchema, bad)).toEqual({
        ok: false,
        errors: { '': en['country-invalid'] },
      });
    }
    const place = { name: 'Phnom Penh', kind: 'municipality', country: 'kh' };
    expect(validate(PlaceSchema, place)).toMatchObject({
      errors: { country: en['country-invalid'] },
    });
    expect(
      validate(OperationSchema, {
        arrests: { byNationality: [], namedWithoutCount: ['Vietnam'] },
      }),
    ).toMatchObject({
      errors: { 'arrests.namedWithoutCount.0': en['country-invalid'] },
    });
  });

  it('checks subdivisions the same way', () => {
    expect(SubdivisionCodeSchema.safeParse('KH-12').success).toBe(true);
    expect(validate(SubdivisionCodeSchema, 'KH12')).toEqual({
      ok: false,
      errors: { '': en['subdivision-invalid'] },
    });
  });
});
