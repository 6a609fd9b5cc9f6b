import { NEW_COMMENT_LIMITS, NFC_MAX_RATIO } from '@dateline/core';

/**
 * How large a request a legitimate client may send, derived from the comment limits so that
 * the longest comment in any script always fits.
 *
 * The limits count UTF-16 code units of the stored, NFC text. What is sent may be longer:
 * text typed in decomposed form (as some keyboards send Vietnamese, "ệ" as e and two marks)
 * composes under NFC, at most NFC_MAX_RATIO units into one, and the schema reads up to that.
 * Each code unit takes at most 6 bytes: raw UTF-8 needs 3 at most (a surrogate pair 4 for
 * two units), but JSON lets a client escape any unit as `\uXXXX`, and common clients do
 * (Python's `json.dumps`, PHP's `json_encode`). Quotes, backslashes and newlines escape to 2.
 */
export const MAX_BYTES_PER_STORED_UNIT = NFC_MAX_RATIO * 6;

/**
 * Room for what surrounds the fields: property names, quotes and commas (under 200 bytes),
 * the thread and parent ids (128 ASCII characters each, 6 bytes apiece if escaped), and
 * the whitespace of a pretty-printing client.
 */
export const JSON_OVERHEAD_BYTES = 2 * 128 * 6 + 2048;

/** The largest comment request: every field at its limit, every character at its widest. */
export const MAX_COMMENT_REQUEST_BYTES =
  (NEW_COMMENT_LIMITS.name +
    NEW_COMMENT_LIMITS.email +
    NEW_COMMENT_LIMITS.url +
    NEW_COMMENT_LIMITS.body) *
    MAX_BYTES_PER_STORED_UNIT +
  JSON_OVERHEAD_BYTES;

/**
 * The most a stored comment's text takes, as UTF-8: 4 bytes per character (an emoji), for
 * the body, name, email and url. The health check makes sure this much more still fits.
 */
export const MAX_STORED_COMMENT_BYTES =
  (NEW_COMMENT_LIMITS.name +
    NEW_COMMENT_LIMITS.email +
    NEW_COMMENT_LIMITS.url +
    NEW_COMMENT_LIMITS.body) *
  4;

/** The moderation API receives a status and little else. */
export const MAX_ADMIN_REQUEST_BYTES = 16 * 1024;

/** A byte count as people read it: "778 KB", its figure written as `locale` writes one. */
export function formatKilobytes(bytes: number, locale = 'en'): string {
  return `${Math.ceil(bytes / 1024).toLocaleString(locale)} KB`;
}
