import { matchQuantityAt, type PhraseMatch } from './match.js';
import type { Quantity } from './schema.js';
import { tokenize, type Token } from './tokens.js';

/** A quantity found in running text, with its place in that text. */
export interface QuantityMatch {
  quantity: Quantity;
  /** Index of the first character of the phrase. */
  start: number;
  /** Index just past the phrase. */
  end: number;
  /** The phrase as written. */
  text: string;
}

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

function isMonth(t: Token | undefined): boolean {
  // "mid-July", "early-March": the month is the last part of the word
  return (
    t?.type === 'word' &&
    MONTHS.has(t.lower.slice(t.lower.lastIndexOf('-') + 1))
  );
}

/** A bare figure that reads as a year, a day of a month or a percentage is not a count. */
function isNotACount(
  tokens: readonly Token[],
  i: number,
  match: PhraseMatch,
): boolean {
  const t = tokens[i]!;
  const q = match.quantity;
  const next = match.next;
  const after = tokens[next];
  if (
    after?.type === 'percent' ||
    after?.lower === 'percent' ||
    (after?.lower === 'per' && tokens[next + 1]?.lower === 'cent')
  ) {
    return true;
  }
  if (!match.bare || q.kind !== 'exact') return false;
  if (
    t.type === 'number' &&
    /^\d{4}$/.test(t.text) &&
    q.value >= 1000 &&
    q.value <= 2999
  )
    return true;
  if (
    q.value >= 1 &&
    q.value <= 31 &&
    (isMonth(tokens[i - 1]) ||
      isMonth(after) ||
      (after?.lower === 'of' && isMonth(tokens[next + 1])))
  ) {
    return true;
  }
  // "one of the", "one another": a pronoun, not a count
  if (
    t.lower === 'one' &&
    (after?.lower === 'of' ||
      after?.lower === 'another' ||
      after?.lower === 'by')
  )
    return true;
  return false;
}

/**
 * Finds every quantity in running text with its span. Years ("2025"), dates ("15 July",
 * "2025-07-15"), ordinals ("1st", "third") and percentages are skipped.
 *
 * @example
 * extractQuantities('arrested more than 1,000 in mid-July 2025')
 * // [{ quantity: { kind: 'more-than', value: 1000, ... }, start: 9, end: 25, text: 'more than 1,000' }]
 */
export function extractQuantities(text: string): QuantityMatch[] {
  if (typeof text !== 'string') return [];
  const tokens = tokenize(text);
  const found: QuantityMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = matchQuantityAt(tokens, i);
    if (!m || isNotACount(tokens, i, m)) {
      i += 1;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[m.next - 1]!.end;
    const phrase = text.slice(start, end);
    // The match made this quantity for us alone: give it its wording in place.
    m.quantity.text = phrase;
    found.push({
      quantity: m.quantity,
      start,
      end,
      text: phrase,
    });
    i = m.next;
  }
  return found;
}
