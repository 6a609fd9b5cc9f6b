import { isDigit, isSpace } from '../text/chars.js';
import { tick } from '../text/work.js';

/**
 * A small linear tokenizer for quantity phrases. Hand-written because no maintained library
 * reads English news figures ("more than 1,000", "two hundred seventy-one", "hundreds of").
 * It scans each character once; the only patterns are single character classes tried at one
 * position, so a megabyte of hostile text costs one linear pass, counted by `tick`.
 */
export type TokenType =
  | 'number'
  | 'word'
  | 'date'
  | 'ordinal'
  | 'currency'
  | 'percent'
  | 'dash'
  | 'other';

export interface Token {
  type: TokenType;
  /** The token as written. */
  text: string;
  /** Lower-cased, diacritics kept; for words only. */
  lower: string;
  start: number;
  end: number;
}

/** One letter or combining mark, tried at a position (`lastIndex`). */
const LETTER = /[\p{L}\p{M}]/uy;
/** The rest of a word: letters, marks and apostrophes ("Khmer", "people’s"). */
const WORD_REST = /[\p{L}\p{M}'’]*/uy;
/** Letters written onto a figure ("1st", "3rd", "5km"). */
const SUFFIX = /\p{L}*/uy;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;

/** Where a sticky pattern's match starting at `i` ends (its patterns match the empty string). */
function runEnd(pattern: RegExp, text: string, i: number): number {
  pattern.lastIndex = i;
  pattern.test(text);
  return pattern.lastIndex;
}

/** The index after the letter (one code point) at `i`, or `i` when there is none. */
function letterEnd(text: string, i: number): number {
  LETTER.lastIndex = i;
  return LETTER.test(text) ? LETTER.lastIndex : i;
}

function digitsEnd(text: string, i: number): number {
  let j = i;
  while (isDigit(text.charCodeAt(j))) j += 1;
  return j;
}

function hasDigits(text: string, i: number, count: number): boolean {
  for (let k = 0; k < count; k += 1)
    if (!isDigit(text.charCodeAt(i + k))) return false;
  return true;
}

/**
 * A figure starting at the digit at `i`: an ISO date with its time ("2025-07-15T10:30Z"), a
 * clock time ("10:30"), or a number with grouping commas and decimals and the letters
 * written onto it ("1,000", "1.5", "3rd").
 */
function readFigure(text: string, i: number): { end: number; type: TokenType } {
  const run = digitsEnd(text, i);
  if (
    run - i === 4 &&
    text[i + 4] === '-' &&
    hasDigits(text, i + 5, 2) &&
    text[i + 7] === '-' &&
    hasDigits(text, i + 8, 2)
  ) {
    let end = i + 10;
    const isTimeChar = (k: number) =>
      isDigit(text.charCodeAt(k)) || text[k] === ':' || text[k] === '.';
    if (text[end] === 'T' && isTimeChar(end + 1)) {
      end += 1;
      while (isTimeChar(end)) end += 1;
      if (text[end] === 'Z') end += 1;
      else if (
        (text[end] === '+' || text[end] === '-') &&
        hasDigits(text, end + 1, 2)
      ) {
        const minutes = text[end + 3] === ':' ? end + 4 : end + 3;
        if (hasDigits(text, minutes, 2)) end = minutes + 2;
      }
    }
    return { end, type: 'date' };
  }
  if (run - i <= 2 && text[run] === ':' && hasDigits(text, run + 1, 2))
    return { end: run + 3, type: 'date' };
  let end = run;
  while (text[end] === ',' && hasDigits(text, end + 1, 3)) end += 4;
  if (text[end] === '.' && isDigit(text.charCodeAt(end + 1)))
    end = digitsEnd(text, end + 1);
  const suffixEnd = runEnd(SUFFIX, text, end);
  if (suffixEnd === end) return { end, type: 'number' };
  return {
    end: suffixEnd,
    type: ORDINAL_SUFFIX.test(text.slice(end, suffixEnd)) ? 'ordinal' : 'other',
  };
}

/** The end of a word whose first letter ends at `first`: letters, marks, apostrophes, joined by hyphens. */
function wordEnd(text: string, first: number): number {
  let end = runEnd(WORD_REST, text, first);
  for (;;) {
    if (text[end] !== '-') return end;
    const next = letterEnd(text, end + 1);
    if (next === end + 1) return end;
    end = runEnd(WORD_REST, text, next);
  }
}

/**
 * Splits text into tokens in one pass: every character is examined once, plus a look of at
 * most ten characters ahead to tell a date or a time from a number.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      tick();
      i += 1;
      continue;
    }
    let end = i + 1;
    let type: TokenType;
    if (isDigit(c)) ({ end, type } = readFigure(text, i));
    else if (c === 0x24 || c === 0x20ac)
      type = 'currency'; // $ €
    else if (c === 0x25) type = 'percent';
    else if (letterEnd(text, i) > i) {
      type = 'word';
      end = wordEnd(text, letterEnd(text, i));
    } else if (c === 0x2d || c === 0x2013 || c === 0x2014) type = 'dash';
    else {
      type = 'other';
      // one code point, so a surrogate pair stays whole
      if (c >= 0xd800 && c <= 0xdbff && end < text.length) {
        const low = text.charCodeAt(end);
        if (low >= 0xdc00 && low <= 0xdfff) end += 1;
      }
    }
    tick(end - i);
    const written = text.slice(i, end);
    tokens.push({
      type,
      text: written,
      lower: type === 'word' ? written.toLowerCase() : written,
      start: i,
      end,
    });
    i = end;
  }
  return tokens;
}

type WordClass = 'unit' | 'teen' | 'ten' | 'hundred' | 'scale';

interface NumberWord {
  cls: WordClass;
  value: number;
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = [
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

/**
 * How English writes numbers. A Map, not an object literal: the words come from user text,
 * and "constructor" must not find Object's.
 */
const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = new Map([
  ...UNITS.map((w, k): [string, NumberWord] => [w, { cls: 'unit', value: k }]),
  ...TEENS.map((w, k): [string, NumberWord] => [
    w,
    { cls: 'teen', value: 10 + k },
  ]),
  ...TENS.map((w, k): [string, NumberWord] => [
    w,
    { cls: 'ten', value: 20 + 10 * k },
  ]),
  ['hundred', { cls: 'hundred', value: 100 }],
  ['thousand', { cls: 'scale', value: 1e3 }],
  ['million', { cls: 'scale', value: 1e6 }],
  ['billion', { cls: 'scale', value: 1e9 }],
]);

/** The power of ten a scale word names: 3 for "thousand", 6 for "million", 9 for "billion". */
function scaleDigits(token: Token | undefined): number | undefined {
  if (token?.type !== 'word') return undefined;
  const w = NUMBER_WORDS.get(token.lower);
  return w?.cls === 'scale' ? Math.round(Math.log10(w.value)) : undefined;
}

/**
 * The parts of a word written with a hyphen ("seventy-one"). Numbers join at most two, so a
 * word with more hyphens is not one: `undefined` then.
 */
function hyphenParts(word: string): string[] | undefined {
  tick(word.length);
  const hyphen = word.indexOf('-');
  if (hyphen < 0) return [word];
  if (word.indexOf('-', hyphen + 1) >= 0) return undefined;
  return [word.slice(0, hyphen), word.slice(hyphen + 1)];
}

export interface NumberMatch {
  value: number;
  /** Index of the first token after the number. */
  next: number;
}

/** Reads digits ("1,000", "1.5 million") or English words ("two hundred seventy-one") at `i`. */
export function readNumber(
  tokens: readonly Token[],
  i: number,
): NumberMatch | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.type === 'number') return readDigits(tokens, i);
  if (t.type === 'word') return readWords(tokens, i);
  return undefined;
}

function readDigits(
  tokens: readonly Token[],
  i: number,
): NumberMatch | undefined {
  const written = tokens[i]!.text;
  tick(written.length);
  const point = written.indexOf('.');
  const whole = (point < 0 ? written : written.slice(0, point)).replaceAll(
    ',',
    '',
  );
  const fraction = point < 0 ? '' : written.slice(point + 1);
  const zeros = scaleDigits(tokens[i + 1]) ?? 0;
  // Scale decimals by string arithmetic so "1.15 million" is exactly 1,150,000, and refuse
  // fractions that would not be a whole count ("2.5 people"). Trailing zeros say nothing
  // ("1.50 million"): a loop drops them, where a /0+$/ regex would retry from every zero.
  let significant = fraction.length;
  while (significant > 0 && fraction[significant - 1] === '0') significant -= 1;
  if (significant > zeros) return undefined;
  const value = Number(
    whole + fraction.slice(0, significant).padEnd(zeros, '0'),
  );
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, next: zeros === 0 ? i + 1 : i + 2 };
}

/** Whether a word is part of how numbers are written in English ("two", "hundred", "seventy-one"). */
export function isNumberWord(token: Token | undefined): boolean {
  if (token?.type !== 'word') return false;
  const parts = hyphenParts(token.lower);
  return parts?.every((part) => NUMBER_WORDS.has(part)) === true;
}

/** Which word class may follow which, so "one two" is not read as three. */
const MAY_FOLLOW: Record<WordClass | 'start', readonly WordClass[]> = {
  start: ['unit', 'teen', 'ten'],
  unit: ['hundred', 'scale'],
  teen: ['hundred', 'scale'],
  ten: ['unit', 'hundred', 'scale'],
  hundred: ['unit', 'teen', 'ten', 'scale'],
  scale: ['unit', 'teen', 'ten'],
};

/**
 * Reads a number written in words. The grammar bounds how far it reads: scales fall
 * ("million" before "thousand"), so no number takes more than about twenty words.
 */
function readWords(
  tokens: readonly Token[],
  i: number,
): NumberMatch | undefined {
  let total = 0;
  let current = 0;
  let last: WordClass | 'start' = 'start';
  let lastScale = Infinity;
  let j = i;
  let next = i;
  // "a hundred", "a thousand", "a million"
  if (tokens[j]?.lower === 'a' && tokens[j + 1]?.type === 'word') {
    const w = NUMBER_WORDS.get(tokens[j + 1]!.lower);
    if (w && (w.cls === 'hundred' || w.cls === 'scale')) {
      current = 1;
      last = 'unit';
      j += 1;
    }
  }
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.type !== 'word') break;
    // "two hundred and seventy-one": "and" only joins, after hundred or a scale.
    if (t.lower === 'and' && (last === 'hundred' || last === 'scale')) {
      const after = tokens[j + 1];
      const first =
        after?.type === 'word' ? hyphenParts(after.lower)?.[0] : undefined;
      const w = first === undefined ? undefined : NUMBER_WORDS.get(first);
      if (w && (w.cls === 'unit' || w.cls === 'teen' || w.cls === 'ten')) {
        j += 1;
        continue;
      }
      break;
    }
    const parts = hyphenParts(t.lower);
    if (!parts) break;
    let ok = true;
    const state: {
      total: number;
      current: number;
      last: WordClass | 'start';
      lastScale: number;
    } = { total, current, last, lastScale };
    for (const [k, part] of parts.entries()) {
      const w = NUMBER_WORDS.get(part);
      // a hyphen joins only tens and units ("seventy-one")
      if (
        !w ||
        !MAY_FOLLOW[state.last].includes(w.cls) ||
        (k > 0 && !(state.last === 'ten' && w.cls === 'unit'))
      ) {
        ok = false;
        break;
      }
      if (parts.length > 1 && k === 0 && w.cls !== 'ten') {
        ok = false;
        break;
      }
      if (w.cls === 'hundred') {
        if (state.current === 0 || state.current >= 100) {
          ok = false;
          break;
        }
        state.current *= 100;
      } else if (w.cls === 'scale') {
        if (w.value >= state.lastScale || state.current === 0) {
          ok = false;
          break;
        }
        state.total += state.current * w.value;
        state.current = 0;
        state.lastScale = w.value;
      } else {
        state.current += w.value;
      }
      state.last = w.cls;
    }
    if (!ok) break;
    ({ total, current, last, lastScale } = state);
    j += 1;
    next = j;
  }
  if (next === i) return undefined;
  return { value: total + current, next };
}
