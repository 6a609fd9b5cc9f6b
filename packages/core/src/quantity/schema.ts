import * as z from 'zod/mini';
import { articleIssue as issue } from '../messages/article-issue.js';
import { string, stringThat, wellFormed } from '../validation/text.js';

/**
 * Vague count words and their bounds. These conventions are Dateline's own, not a standard;
 * they are documented in the README's quantity table.
 */
export const VAGUE_TERMS = {
  'a-few': { min: 2, max: 5, words: 'a few' },
  several: { min: 3, max: 9, words: 'several' },
  dozens: { min: 24, max: 99, words: 'dozens of' },
  scores: { min: 40, max: 99, words: 'scores of' },
  hundreds: { min: 200, max: 999, words: 'hundreds of' },
  thousands: { min: 2_000, max: 9_999, words: 'thousands of' },
  'tens-of-thousands': {
    min: 20_000,
    max: 99_999,
    words: 'tens of thousands of',
  },
  millions: { min: 2_000_000, max: 999_999_999, words: 'millions of' },
  billions: { min: 2_000_000_000, max: 999_999_999_999, words: 'billions of' },
} as const;

export type VagueTerm = keyof typeof VAGUE_TERMS;

/** Qualifiers that bound a single number N. */
export const SINGLE_QUALIFIERS = [
  'exact',
  'more-than',
  'at-least',
  'fewer-than',
  'up-to',
  'about',
  'nearly',
] as const;

export type SingleQualifier = (typeof SINGLE_QUALIFIERS)[number];

const count = z
  .custom<number>((value) => typeof value === 'number', issue('count-type'))
  .check(
    z.refine(Number.isInteger, { ...issue('count-not-whole'), abort: true }),
    z.refine((n) => n >= 0, issue('count-negative')),
    z.refine((n) => n <= Number.MAX_SAFE_INTEGER, issue('count-too-large')),
  );

/** Words a report gives, bounded: what is counted, and the figure as written. */
const words = (what: string, max: number) =>
  z.optional(
    string(issue('text-type', { what })).check(
      wellFormed,
      z.refine((s) => s.length <= max, issue('text-too-long', { what, max })),
    ),
  );

/** What every quantity may carry besides its figure. */
const quantityExtras = {
  /** ISO 4217 code when the figure is money ("billions of dollars" → "USD"). */
  unit: z.optional(
    stringThat((s) => /^[A-Z]{3}$/.test(s), issue('unit-invalid')),
  ),
  /** What is counted, as the report says it ("Vietnamese nationals"). */
  noun: words('What is counted', 200),
  /** The report's own wording of the figure ("more than 200"). */
  text: words('The wording of a figure', 500),
};

const SingleQuantitySchema = z.object({
  kind: z.enum(SINGLE_QUALIFIERS),
  value: count,
  ...quantityExtras,
});

const RangeQuantitySchema = z
  .object({
    kind: z.literal('between'),
    min: count,
    max: count,
    ...quantityExtras,
  })
  .check(
    z.refine((q) => q.min <= q.max, {
      ...issue('range-reversed'),
      path: ['max'],
    }),
  );

const VagueQuantitySchema = z.object({
  kind: z.literal('vague'),
  term: z.enum(Object.keys(VAGUE_TERMS) as [VagueTerm, ...VagueTerm[]]),
  ...quantityExtras,
});

/** A count as a news report gives it: exact, bounded on one side, a range, or a vague word. */
export const QuantitySchema = z.discriminatedUnion('kind', [
  SingleQuantitySchema,
  RangeQuantitySchema,
  VagueQuantitySchema,
]);

export type Quantity = z.infer<typeof QuantitySchema>;

/** Inclusive integer bounds of a quantity; `max` is `Infinity` when the figure is open. */
export interface QuantityBounds {
  min: number;
  max: number;
}
