import {
  NEW_COMMENT_LIMITS,
  NewCommentSchema,
  NFC_MAX_RATIO,
} from '@dateline/core';
import { describe, expect, it } from 'vitest';
import {
  formatKilobytes,
  MAX_BYTES_PER_STORED_UNIT,
  MAX_COMMENT_REQUEST_BYTES,
  MAX_STORED_COMMENT_BYTES,
} from './request-size.js';

/**
 * A request with every field at its limit in its widest legitimate form: each stored
 * character is "ᾂ", which a client may send decomposed (α and three marks, four code units
 * that NFC composes into one), and each unit may be escaped as \uXXXX.
 */
function widestRequest(escaped: boolean) {
  const decomposed = 'ᾂ'.normalize('NFD');
  const field = (n: number) => decomposed.repeat(n);
  const input = {
    threadId: 'x'.repeat(128),
    parentId: 'y'.repeat(128),
    author: {
      name: field(NEW_COMMENT_LIMITS.name),
      email: `${'e'.repeat(NEW_COMMENT_LIMITS.email - 12)}@example.com`,
      url: `https://example.com/${'u'.repeat(NEW_COMMENT_LIMITS.url - 20)}`,
    },
    body: field(NEW_COMMENT_LIMITS.body),
  };
  const json = JSON.stringify(input, null, 2);
  // As Python's json.dumps and PHP's json_encode write it: every non-ASCII code unit as \uXXXX.
  const sent = escaped
    ? json.replace(
        /[\u0080-\uffff]/g,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
    : json;
  return { input, sent };
}

describe('MAX_COMMENT_REQUEST_BYTES', () => {
  it('fits every field at its limit, sent decomposed and escaped, and the schema accepts it', () => {
    const { input, sent } = widestRequest(true);
    expect(NewCommentSchema.safeParse(input).success).toBe(true);
    expect(JSON.parse(sent)).toEqual(input);
    const bytes = Buffer.byteLength(sent);
    expect(bytes).toBeLessThanOrEqual(MAX_COMMENT_REQUEST_BYTES);
    // Email and url are ASCII, so the margin is theirs and JSON's punctuation, not a second comment.
    expect(MAX_COMMENT_REQUEST_BYTES - bytes).toBeLessThan(
      (NEW_COMMENT_LIMITS.email + NEW_COMMENT_LIMITS.url) *
        MAX_BYTES_PER_STORED_UNIT +
        4096,
    );
  });

  it('fits the same request sent as raw UTF-8', () => {
    expect(Buffer.byteLength(widestRequest(false).sent)).toBeLessThan(
      MAX_COMMENT_REQUEST_BYTES,
    );
  });

  it('follows the comment limits and how far NFC can compose', () => {
    const units =
      NEW_COMMENT_LIMITS.name +
      NEW_COMMENT_LIMITS.email +
      NEW_COMMENT_LIMITS.url +
      NEW_COMMENT_LIMITS.body;
    expect(MAX_BYTES_PER_STORED_UNIT).toBe(NFC_MAX_RATIO * 6);
    expect(MAX_COMMENT_REQUEST_BYTES).toBeGreaterThanOrEqual(
      units * MAX_BYTES_PER_STORED_UNIT,
    );
    expect(MAX_STORED_COMMENT_BYTES).toBe(units * 4);
  });
});

describe('formatKilobytes', () => {
  it('rounds up to whole kilobytes', () => {
    expect(formatKilobytes(1)).toBe('1 KB');
    expect(formatKilobytes(1024)).toBe('1 KB');
    expect(formatKilobytes(1025)).toBe('2 KB');
    expect(formatKilobytes(1_589_264)).toBe('1,553 KB');
  });
});
