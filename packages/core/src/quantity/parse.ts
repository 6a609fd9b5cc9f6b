import { matchQuantityAt } from './match.js';
import type { Quantity } from './schema.js';
import { isNumberWord, tokenize } from './tokens.js';

/** Longer input is not a quantity phrase; refusing it early keeps hostile input cheap. */
const MAX_PHRASE_LENGTH = 300;
const NOUN = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;

/**
 * Reads a figure as a news report writes it, optionally followed by what it counts.
 * Returns `undefined` when the text is not one quantity phrase.
 *
 * @example
 * parseQuantity('more than 200 Vietnamese nationals')
 * // { kind: 'more-than', value: 200, noun: 'Vietnamese nationals', text: 'more than 200 Vietnamese nationals' }
 * parseQuantity('billions of dollars') // { kind: 'vague', term: 'billions', unit: 'USD', ... }
 */
export function parseQuantity(text: string): Quantity | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_PHRASE_LENGTH)
    return undefined;
  const tokens = tokenize(trimmed);
  const match = matchQuantityAt(tokens, 0);
  if (!match) return undefined;
  // "one two", "two hundred hundred": numbers that do not read as one are not a noun
  const after = tokens[match.next];
  if (after?.type === 'number' || isNumberWord(after)) return undefined;
  const rest =
    match.next < tokens.length
      ? trimmed.slice(tokens[match.next]!.start).trim()
      : '';
  if (rest !== '' && !NOUN.test(rest)) return undefined;
  const quantity: Quantity = { ...match.quantity, text: trimmed };
  if (rest !== '') quantity.noun = rest;
  return quantity;
}
