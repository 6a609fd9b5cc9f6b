import type {
  PluralMessage,
  QuantityWordCode,
  UnitCountCode,
} from './types.js';

/** The currencies `formatQuantity` names in words; any other is written as its ISO 4217 code. */
export const WORDED_UNITS = ['USD', 'EUR', 'KHR'] as const;
export type WordedUnit = (typeof WORDED_UNITS)[number];

/**
 * English for `formatQuantity`, written so that `parseQuantity` reads it back with the same
 * bounds. `{n}`, `{min}` and `{max}` are figures already written the locale's way;
 * `{quantity}` is the figure in words, `{what}` what is counted, `{unit}` its currency.
 */
export const englishQuantityWords: Readonly<Record<QuantityWordCode, string>> =
  {
    'quantity-more-than': 'more than {n}',
    'quantity-at-least': 'at least {n}',
    'quantity-fewer-than': 'fewer than {n}',
    'quantity-up-to': 'up to {n}',
    'quantity-about': 'about {n}',
    'quantity-nearly': 'nearly {n}',
    'quantity-between': 'between {min} and {max}',
    // Each vague term alone, then before what it counts.
    'quantity-a-few': 'a few',
    'quantity-several': 'several',
    'quantity-dozens': 'dozens',
    // "scores" alone is a word of sport; only "scores of" reads as a count.
    'quantity-scores': 'scores of',
    'quantity-hundreds': 'hundreds',
    'quantity-thousands': 'thousands',
    'quantity-tens-of-thousands': 'tens of thousands',
    'quantity-millions': 'millions',
    'quantity-billions': 'billions',
    'quantity-a-few-of': 'a few {what}',
    'quantity-several-of': 'several {what}',
    'quantity-dozens-of': 'dozens of {what}',
    'quantity-scores-of': 'scores of {what}',
    'quantity-hundreds-of': 'hundreds of {what}',
    'quantity-thousands-of': 'thousands of {what}',
    'quantity-tens-of-thousands-of': 'tens of thousands of {what}',
    'quantity-millions-of': 'millions of {what}',
    'quantity-billions-of': 'billions of {what}',
    'quantity-counted': '{quantity} {what}',
    'quantity-amount': '{quantity} {unit}',
    // A currency after a vague term: "billions of dollars".
    'unit-USD': 'dollars',
    'unit-EUR': 'euros',
    'unit-KHR': 'riels',
  };

/** A currency after a figure, by the figure's plural category: "1 dollar", "5 dollars". */
export const englishUnitCounts: Readonly<Record<UnitCountCode, PluralMessage>> =
  {
    'unit-USD-counted': { one: 'dollar', other: 'dollars' },
    'unit-EUR-counted': { one: 'euro', other: 'euros' },
    'unit-KHR-counted': { one: 'riel', other: 'riels' },
  };
