import type { Quantity, SingleQualifier, VagueTerm } from './schema.js';
import { readNumber, type Token } from './tokens.js';

/** Qualifier phrases, longest first so "more than" wins over a bare number. */
const QUALIFIERS: ReadonlyArray<
  readonly [words: readonly string[], kind: SingleQualifier | 'between']
> = [
  [['more', 'than'], 'more-than'],
  [['over'], 'more-than'],
  [['at', 'least'], 'at-least'],
  [['fewer', 'than'], 'fewer-than'],
  [['less', 'than'], 'fewer-than'],
  [['under'], 'fewer-than'],
  [['up', 'to'], 'up-to'],
  [['at', 'most'], 'up-to'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['between'], 'between'],
];

/** Vague phrases; `of` after the plural words is optional ("thousands fled", "hundreds of computers"). */
const VAGUE: ReadonlyArray<
  readonly [words: readonly string[], term: VagueTerm, ofRequired: boolean]
> = [
  [['tens', 'of', 'thousands'], 'tens-of-thousands', false],
  [['a', 'few'], 'a-few', false],
  [['several'], 'several', false],
  [['dozens'], 'dozens', false],
  [['scores'], 'scores', true],
  [['hundreds'], 'hundreds', false],
  [['thousands'], 'thousands', false],
  [['millions'], 'millions', false],
  [['billions'], 'billions', false],
];

/**
 * Currency words and signs; the unit is an ISO 4217 code. A Map: the words come from user
 * text, and "constructor" must not find Object's.
 */
const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['usd', 'USD'],
  ['€', 'EUR'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['eur', 'EUR'],
  ['riel', 'KHR'],
  ['riels', 'KHR'],
  ['khr', 'KHR'],
]);

export interface PhraseMatch {
  quantity: Quantity;
  /** Index of the first token after the phrase. */
  next: number;
  /** Whether the figure is a bare number with no qualifier (years and days are bare). */
  bare: boolean;
}

function wordsAt(
  tokens: readonly Token[],
  i: number,
  words: readonly string[],
): boolean {
  for (let k = 0; k < words.length; k += 1) {
    const t = tokens[i + k];
    if (t?.type !== 'word' || t.lower !== words[k]) return false;
  }
  return true;
}

function readMoney(tokens: readonly Token[], i: number) {
  const t = tokens[i];
  const sign = t?.type === 'currency' ? CURRENCIES.get(t.text) : undefined;
  const n = readNumber(tokens, sign ? i + 1 : i);
  return n && { value: n.value, next: n.next, unit: sign };
}

/** Reads a currency word right after a figure ("1,000 dollars", "billions of dollars"). */
function readUnit(
  tokens: readonly Token[],
  i: number,
): { unit: string; next: number } | undefined {
  let j = i;
  if (tokens[j]?.lower === 'us' && tokens[j + 1]?.lower.startsWith('dollar'))
    j += 1;
  const t = tokens[j];
  const unit = t?.type === 'word' ? CURRENCIES.get(t.lower) : undefined;
  return unit ? { unit, next: j + 1 } : undefined;
}

function withUnit(q: Quantity, unit: string | undefined): Quantity {
  return unit ? { ...q, unit } : q;
}

/** Matches one quantity phrase starting at token `i`. */
export function matchQuantityAt(
  tokens: readonly Token[],
  i: number,
): PhraseMatch | undefined {
  const type = tokens[i]?.type;
  // A quantity starts with a word, a figure or a currency sign; nothing else need be tried.
  if (type !== 'word' && type !== 'number' && type !== 'currency')
    return undefined;
  if (type === 'word')
    return matchWordsAt(tokens, i) ?? matchFigureAt(tokens, i);
  return matchFigureAt(tokens, i);
}

/** A phrase that starts with words: vague ("hundreds of") or a qualifier ("more than 200"). */
function matchWordsAt(
  tokens: readonly Token[],
  i: number,
): PhraseMatch | undefined {
  for (const [words, term, ofRequired] of VAGUE) {
    if (!wordsAt(tokens, i, words)) continue;
    let next = i + words.length;
    const hasOf = tokens[next]?.lower === 'of';
    if (ofRequired && !hasOf) continue;
    if (hasOf) next += 1;
    const unit = readUnit(tokens, next);
    return {
      quantity: withUnit({ kind: 'vague', term }, unit?.unit),
      next: unit?.next ?? next,
      bare: false,
    };
  }

  for (const [words, kind] of QUALIFIERS) {
    if (!wordsAt(tokens, i, words)) continue;
    const first = readMoney(tokens, i + words.length);
    if (!first) continue;
    if (kind === 'between') {
      if (tokens[first.next]?.lower !== 'and') continue;
      const second = readMoney(tokens, first.next + 1);
      if (!second || second.value < first.value) continue;
      return finish(
        { kind: 'between', min: first.value, max: second.value },
        tokens,
        second.next,
        first.unit ?? second.unit,
        false,
      );
    }
    return finish(
      { kind, value: first.value },
      tokens,
      first.next,
      first.unit,
      false,
    );
  }

  return undefined;
}

/** A phrase that starts with a figure: exact, "200 or more", or a range "200 to 300". */
function matchFigureAt(
  tokens: readonly Token[],
  i: number,
): PhraseMatch | undefined {
  const n = readMoney(tokens, i);
  if (!n) return undefined;
  // "200 or more", "200 to 300", "200–300"
  if (tokens[n.next]?.lower === 'or' && tokens[n.next + 1]?.lower === 'more') {
    return finish(
      { kind: 'at-least', value: n.value },
      tokens,
      n.next + 2,
      n.unit,
      false,
    );
  }
  const joiner = tokens[n.next];
  if (joiner && (joiner.lower === 'to' || joiner.type === 'dash')) {
    const second = readMoney(tokens, n.next + 1);
    if (
      second &&
      second.value >= n.value &&
      (joiner.type !== 'dash' || joiner.end === tokens[n.next + 1]!.start)
    ) {
      return finish(
        { kind: 'between', min: n.value, max: second.value },
        tokens,
        second.next,
        n.unit ?? second.unit,
        false,
      );
    }
  }
  return finish(
    { kind: 'exact', value: n.value },
    tokens,
    n.next,
    n.unit,
    true,
  );
}

function finish(
  q: Quantity,
  tokens: readonly Token[],
  next: number,
  unit: string | undefined,
  bare: boolean,
): PhraseMatch {
  const after = readUnit(tokens, next);
  return {
    quantity: withUnit(q, unit ?? after?.unit),
    next: after?.next ?? next,
    bare: bare && !unit,
  };
}
