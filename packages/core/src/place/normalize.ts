import { tick } from '../text/work.js';

const MARK = /\p{M}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Dropped without a trace, so "Kâmpóng Chhnăng" and "St. Louis" read as written unmarked. */
const DROPPED = new Set(['’', "'", '`', '.']);

/**
 * Folds case, diacritics, punctuation and spacing so "Kratié" and "kratie" match. One pass
 * over the decomposed name: marks go, letters and digits stay, anything else between them
 * becomes one space.
 */
export function normalizeName(name: string): string {
  let out = '';
  let gap = false;
  for (const ch of name.normalize('NFD').toLowerCase()) {
    tick();
    const code = ch.charCodeAt(0);
    if (DROPPED.has(ch) || (code >= 0x80 && MARK.test(ch))) continue;
    if (
      (code >= 0x61 && code <= 0x7a) || // a–z
      (code >= 0x30 && code <= 0x39) || // 0–9
      (code >= 0x80 && LETTER_OR_DIGIT.test(ch))
    ) {
      if (gap && out !== '') out += ' ';
      out += ch;
      gap = false;
    } else gap = true;
  }
  return out;
}
