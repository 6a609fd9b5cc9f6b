import * as z from 'zod/mini';

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

const count = z.number({ error: 'A count must be a number.' }).check(
  z.refine(Number.isInteger, { error: 'A count must be a whole number.' }),
  z.gte(0, { error: 'A count cannot be negative.' }),
  z.lte(Number.MAX_SAFE_INTEGER, {
    error: 'That count is too large to store exactly.',
  }),
);

/** What every quantity may carry besides its figure. */
const quantityExtras = {
  /** ISO 4217 code when the figure is money ("billions of dollars" → "USD"). */
  unit: z.optional(
    z.string().check(
      z.regex(/^[A-Z]{3}$/, {
        error: 'A unit is an ISO 4217 code such as USD.',
      }),
    ),
  ),
  /** What is counted, as the report says it ("Vietnamese nationals"). */
  noun: z.optional(z.string().check(z.maxLength(200))),
  /** The report's own wording of the figure ("more than 200"). */
  text: z.optional(z.string().check(z.maxLength(500))),
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
      error: 'The lower figure of a range must not exceed the upper one.',
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
