import { NEW_COMMENT_LIMITS } from '@dateline/core';
import { describe, expect, it } from 'vitest';
import {
  formatKilobytes,
  MAX_COMMENT_REQUEST_BYTES,
  MAX_STORED_COMMENT_BYTES,
} from './request-size.js';

/** A request with every field at its limit, in the widest characters, as a client may escape them. */
function widestRequest(escaped: boolean): string {
  const emoji = '😀'; // 2 UTF-16 code units, 4 bytes of UTF-8
  const field = (n: number) => emoji.repeat(n);
  const json = JSON.stringify(
    {
      threadId: 'x'.repeat(128),
      parentId: 'y'.repeat(128),
      author: {
        name: field(NEW_COMMENT_LIMITS.name),
        email: field(NEW_COMMENT_LIMITS.email),
        url: field(NEW_COMMENT_LIMITS.url),
      },
      body: field(NEW_COMMENT_LIMITS.body),
    },
    null,
    2,
  );
  // As Python's json.dumps and PHP's json_encode write it: every non-ASCII code unit as \uXXXX.
  return escaped
    ? json.replace(
        /[\u0080-\uffff]/g,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
    : json;
}

describe('MAX_COMMENT_REQUEST_BYTES', () => {
  it('fits every field at its limit in characters of two code units, escaped', () => {
    const bytes = Buffer.byteLength(widestRequest(true));
    expect(bytes).toBeLessThanOrEqual(MAX_COMMENT_REQUEST_BYTES);
    // and the margin is for JSON's punctuation, not a second comment
    expect(MAX_COMMENT_REQUEST_BYTES - bytes).toBeLessThan(4096);
  });

  it('fits the same request sent as raw UTF-8', () => {
    expect(Buffer.byteLength(widestRequest(false))).toBeLessThan(
      MAX_COMMENT_REQUEST_BYTES,
    );
  });

  it('follows the comment limits', () => {
    const characters =
      NEW_COMMENT_LIMITS.name +
      NEW_COMMENT_LIMITS.email +
      NEW_COMMENT_LIMITS.url +
      NEW_COMMENT_LIMITS.body;
    expect(MAX_COMMENT_REQUEST_BYTES).toBeGreaterThanOrEqual(characters * 12);
    expect(MAX_STORED_COMMENT_BYTES).toBe(characters * 4);
  });
});

describe('formatKilobytes', () => {
  it('rounds up to whole kilobytes', () => {
    expect(formatKilobytes(1)).toBe('1 KB');
    expect(formatKilobytes(1024)).toBe('1 KB');
    expect(formatKilobytes(1025)).toBe('2 KB');
    expect(formatKilobytes(796_424)).toBe('778 KB');
  });
});
