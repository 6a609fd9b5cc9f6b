import { NEW_COMMENT_LIMITS } from '@dateline/core';

/**
 * How large a request a legitimate client may send, derived from the comment limits so that
 * the longest comment in any script always fits.
 *
 * The limits count characters. One character is at most two UTF-16 code units (an emoji or
 * any other character outside the Basic Multilingual Plane is a surrogate pair). Sent as
 * raw UTF-8, a code unit takes at most 3 bytes (CJK, Khmer: 1 unit, 3 bytes; an emoji: 2
 * units, 4 bytes). But JSON lets a client escape any character as `\uXXXX`, 6 bytes per code
 * unit, and common clients do (Python's `json.dumps` and PHP's `json_encode` by default), so
 * an emoji may arrive as 12 bytes: `\ud83d\ude00`. Quotes, backslashes, tabs and newlines
 * escape to 2 bytes, fewer than that. So each counted character takes at most 12 bytes.
 */
export const MAX_BYTES_PER_CHARACTER = 12;

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
    MAX_BYTES_PER_CHARACTER +
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

/** A byte count as people read it: "778 KB". */
export function formatKilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}
