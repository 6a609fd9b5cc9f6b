import { isWellFormed, NFC_MAX_RATIO } from '../validation/text.js';
import { NEW_COMMENT_LIMITS } from './limits.js';
import { NAME_REFUSED } from './schema.js';

/** Every character a name refuses; control characters are group 1. */
const REFUSED = new RegExp(NAME_REFUSED.source, 'g');
/**
 * Combining marks past the 30th of a run, which the schema refuses as stacked. Each match
 * attempt reads at most 31 marks, so the scan stays linear however long the run.
 */
const STACKED = /(\p{M}{30})\p{M}+/gu;

export interface CleanNameOptions {
  /** The longest name to return, in UTF-16 code units. Default 245, as `NEW_COMMENT_LIMITS.name`. */
  max?: number;
}

/**
 * A name written elsewhere (a WordPress site, an import) made fit for `CommentSchema`, where
 * refusing it would drop the comment: half characters become U+FFFD, control characters a
 * space, direction and invisible characters are removed, marks stacked past 30 are cut, the
 * rest is NFC, trimmed, and cut to `max` on a whole code point, never between the halves of
 * an emoji. An empty result means the name held nothing to show.
 *
 * @example
 * cleanName('\u202Eevil\u200B Sokha') // 'evil Sokha'
 * cleanName('x'.repeat(244) + '😀') // 'x'.repeat(244): the emoji does not fit whole
 */
export function cleanName(
  text: string,
  options: CleanNameOptions = {},
): string {
  const max = options.max ?? NEW_COMMENT_LIMITS.name;
  if (!Number.isSafeInteger(max) || max < 1)
    throw new RangeError(
      `cleanName: max must be a positive whole number, not ${String(max)}.`,
    );
  let name = wellFormed(text)
    .replace(REFUSED, (_, control?: string) => (control ? ' ' : ''))
    .replace(STACKED, '$1');
  // NFC composes at most this many code units into one: nothing further on can fit, and
  // normalising it would only cost time.
  name = cut(name, NFC_MAX_RATIO * max).normalize('NFC');
  // A few characters (such as U+0958) decompose under NFC, and may lengthen a run of marks.
  name = name.replace(STACKED, '$1').trim();
  return cut(name, max).trimEnd();
}

/** The first `max` code units of `text`, one fewer when the last would be half an emoji. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** `text` with each half character replaced by U+FFFD, as `String.prototype.toWellFormed`. */
function wellFormed(text: string): string {
  if (isWellFormed(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i += 1;
        continue;
      }
    }
    out += unit >= 0xd800 && unit <= 0xdfff ? '\uFFFD' : text[i];
  }
  return out;
}
