/**
 * A small linear tokenizer for quantity phrases. Hand-written because no maintained library
 * reads English news figures ("more than 1,000", "two hundred seventy-one", "hundreds of").
 * Every pattern below is free of nested quantifiers, so a megabyte of hostile text costs one
 * linear pass.
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

const TOKEN =
  /(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}:\d{2})|(\d+(?:,\d{3})*(?:\.\d+)?)(\p{L}+)?|([$€])|(%)|([\p{L}\p{M}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}][\p{L}\p{M}'’]*)*)|([–—-])|(\S)/gu;

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    let type: TokenType;
    if (m[1] !== undefined) type = 'date';
    else if (m[2] !== undefined)
      type =
        m[3] === undefined
          ? 'number'
          : ORDINAL_SUFFIX.test(m[3])
            ? 'ordinal'
            : 'other';
    else if (m[4] !== undefined) type = 'currency';
    else if (m[5] !== undefined) type = 'percent';
    else if (m[6] !== undefined) type = 'word';
    else if (m[7] !== undefined) type = 'dash';
    else type = 'other';
    tokens.push({
      type,
      text: m[0],
      lower: type === 'word' ? m[0].toLowerCase() : m[0],
      start,
      end,
    });
  }
  return tokens;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
export const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
};

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
  const [whole = '', fraction = ''] = tokens[i]!.text.replaceAll(',', '').split(
    '.',
  );
  const scaleToken = tokens[i + 1];
  const scale =
    scaleToken?.type === 'word' ? SCALES[scaleToken.lower] : undefined;
  // Scale decimals by string arithmetic so "1.15 million" is exactly 1,150,000, and refuse
  // fractions that would not be a whole count ("2.5 people").
  const significant = fraction.replace(/0+$/, '');
  const zeros = scale === undefined ? 0 : Math.round(Math.log10(scale));
  if (significant.length > zeros) return undefined;
  const value = Number(whole + significant.padEnd(zeros, '0'));
  if (!Number.isSafeInteger(value)) return undefined;
  return { value, next: scale === undefined ? i + 1 : i + 2 };
}

/** Whether a word is part of how numbers are written in English ("two", "hundred", "seventy-one"). */
export function isNumberWord(token: Token | undefined): boolean {
  return (
    token?.type === 'word' &&
    token.lower.split('-').every((part) => classify(part) !== undefined)
  );
}

type WordClass = 'unit' | 'teen' | 'ten' | 'hundred' | 'scale';

function classify(word: string): { cls: WordClass; value: number } | undefined {
  if (word in UNITS) return { cls: 'unit', value: UNITS[word]! };
  if (word in TEENS) return { cls: 'teen', value: TEENS[word]! };
  if (word in TENS) return { cls: 'ten', value: TENS[word]! };
  if (word === 'hundred') return { cls: 'hundred', value: 100 };
  if (word in SCALES) return { cls: 'scale', value: SCALES[word]! };
  return undefined;
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
    const w = classify(tokens[j + 1]!.lower);
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
      const w =
        after?.type === 'word'
          ? classify(after.lower.split('-')[0]!)
          : undefined;
      if (w && (w.cls === 'unit' || w.cls === 'teen' || w.cls === 'ten')) {
        j += 1;
        continue;
      }
      break;
    }
    const parts = t.lower.split('-');
    let ok = true;
    const state: {
      total: number;
      current: number;
      last: WordClass | 'start';
      lastScale: number;
    } = { total, current, last, lastScale };
    for (const [k, part] of parts.entries()) {
      const w = classify(part);
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
