import * as z from 'zod/mini';
import { commentIssue } from '../messages/issue.js';
import type { IssueParams } from '../messages/lookup.js';

/**
 * Whether a string is well-formed UTF-16: no high surrogate without a low one after it, no
 * low surrogate without a high one before it. One pass; `String.prototype.isWellFormed` is
 * missing from browsers before 2023, and JSON (`"\ud800"`) or a cut in the middle of an emoji
 * makes such strings. Stored, they come back as U+FFFD and change length.
 */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const unit = s.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit > 0xdbff) return false;
    const next = s.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
    i += 1;
  }
  return true;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A string, or one issue worded by `say`; the start of every text field. */
export const string = (say: IssueParams) => z.custom<string>(isString, say);

/** A string that passes `test`; one issue worded by `say` when it is not a string or fails. */
export const stringThat = (test: (s: string) => boolean, say: IssueParams) =>
  z.custom<string>((value) => isString(value) && test(value), say);

/**
 * Refuses text that is not well-formed, before anything else looks at it: nothing later
 * (trimming, NFC, limits) would be meaningful, and the reader gets one message, not three.
 */
export const wellFormed = z.refine<string>(isWellFormed, {
  ...commentIssue('text-malformed'),
  abort: true,
});

/**
 * More combining marks in a row than any language writes: Unicode's stream-safe format allows
 * 30. NFC sorts each run of marks by insertion, so one long run (a "Zalgo" comment of 65,000
 * accents) would cost quadratic time; refused before normalising, every run costs at most
 * 30² steps. A run is only tried from its start (a mark cannot follow `\P{M}` inside a run),
 * so each character is read a bounded number of times.
 */
const STACKED_MARKS = /(?:^|\P{M})\p{M}{31}/u;
export const notStacked = z.refine<string>((s) => !STACKED_MARKS.test(s), {
  ...commentIssue('text-stacked-marks'),
  abort: true,
});

/** Stores text in one form, so equal text is equal and limits count what is stored. */
export const nfc = z.normalize('NFC');

/**
 * Refuses, before anything reads it, text that cannot fit its limit however NFC composes it:
 * NFC writes at most four code units as one (ᾂ is α and three marks), so nothing past four
 * times the limit is scanned, matched or normalised.
 */
export const fitsBefore = (max: number, say: IssueParams) =>
  z.refine<string>((s) => s.length <= NFC_MAX_RATIO * max, {
    ...say,
    abort: true,
  });

/**
 * NFC writes at most this many code units as one, so text may be sent this many times longer
 * than its limit and still fit once stored. A server sizing its request limit uses it.
 */
export const NFC_MAX_RATIO = 4;
