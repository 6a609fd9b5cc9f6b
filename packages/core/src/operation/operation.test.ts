import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../article/schema.js';
import {
  arrestBreakdown,
  checkOperation,
  OperationSchema,
  type Operation,
} from './index.js';

const article = ArticleSchema.parse(
  JSON.parse(
    readFileSync(
      new URL(
        '../../../../examples/data/cambodia-crackdown-2025.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ),
);
const seed = article.body.find((b) => b.type === 'operation')!.operation;
const copy = (): Operation => structuredClone(seed);

describe('the seed operation', () => {
  it('validates', () => {
    expect(OperationSchema.safeParse(seed).success).toBe(true);
  });

  it('breaks the arrests down by nationality', () => {
    const b = arrestBreakdown(seed);
    expect(b.rows.map((r) => [r.country, r.demonym, r.count?.text])).toEqual([
      ['VN', 'Vietnamese', 'more than 200 Vietnamese nationals'],
      ['ID', 'Indonesians', '271 Indonesians'],
      ['CN', 'Chinese', '27 Chinese'],
      ['TW', 'Taiwanese', '75 Taiwanese'],
      ['KH', 'Cambodians', '85 Cambodians'],
      ['TH', 'Thais', undefined],
      ['BD', 'Bangladeshis', undefined],
      ['MM', 'Myanmar nationals', undefined],
    ]);
    expect(b.named).toEqual({ kind: 'at-least', value: 659 });
    // "more than 200" and "more than 1,000" are open, so the rest could be anything from 0 up
    expect(b.unaccounted).toEqual({ kind: 'at-least', value: 0 });
    expect(b.unaccountedAtMinimum).toBe(342);
  });

  it('gets flagged only for Poipet, a city counted among the provinces', () => {
    expect(checkOperation(seed)).toEqual([
      {
        code: 'place-kind-mismatch',
        message: 'Poipet is a city in Banteay Meanchey (KH-1), not a province.',
        path: ['locations', 'named', 2],
      },
    ]);
  });
});

describe('checkOperation', () => {
  const codes = (op: Operation) => checkOperation(op).map((i) => i.code);

  it('flags counts by nationality that exceed the total', () => {
    const op = copy();
    op.arrests.total = { kind: 'exact', value: 500 };
    expect(codes(op)).toContain('arrests-exceed-total');
    expect(
      checkOperation(op).find((i) => i.code === 'arrests-exceed-total')
        ?.message,
    ).toBe(
      'The arrests by nationality add up to at least 659, more than the total of 500.',
    );
  });

  it('flags a nationality counted twice or both counted and named', () => {
    const op = copy();
    op.arrests.byNationality.push({
      country: 'VN',
      count: { kind: 'exact', value: 3 },
    });
    op.arrests.namedWithoutCount.push('ID');
    expect(
      checkOperation(op)
        .filter((i) => i.code === 'duplicate-nationality')
        .map((i) => i.path),
    ).toEqual([
      ['arrests', 'byNationality', 5, 'country'],
      ['arrests', 'namedWithoutCount', 3],
    ]);
  });

  it('flags a place the gazetteer does not know', () => {
    const op = copy();
    op.locations.named.push({ name: 'Atlantis' });
    expect(checkOperation(op).at(-1)).toMatchObject({
      code: 'unknown-place',
      path: ['locations', 'named', 5],
    });
  });

  it('flags a recorded place that is not what the name resolves to', () => {
    const op = copy();
    op.locations.named[3]!.place = {
      name: 'Pursat',
      kind: 'province',
      country: 'KH',
      subdivision: 'KH-15',
    };
    expect(codes(op)).toContain('place-mismatch');
  });

  it('flags a complete list shorter than the count, and a count shorter than the list', () => {
    const short = copy();
    short.locations.complete = true;
    short.locations.named = short.locations.named.slice(0, 3);
    expect(codes(short)).toContain('too-few-locations');
    const long = copy();
    long.locations.count = { kind: 'exact', value: 3 };
    expect(codes(long)).toContain('locations-exceed-count');
  });
});
