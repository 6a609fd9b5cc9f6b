import { describe, expect, it } from 'vitest';
import { ifNoneMatch, type PageAnswer, pageCache } from './page-cache.js';

const answerOf = (text: string, etag = `W/"${text}"`): PageAnswer => ({
  etag,
  body: Buffer.from(text),
});

/** A `make` that counts its calls. */
function maker(text: string) {
  const made = { calls: 0 };
  const make = async () => {
    made.calls += 1;
    return answerOf(text);
  };
  return { made, make };
}

describe('pageCache', () => {
  it('makes an answer once per key and version, and again for a new version', async () => {
    const pages = pageCache({ maxBytes: 1 << 20 });
    const { made, make } = maker('page');
    const first = await pages.answer('t', 1, make);
    // The same bytes, not made again.
    expect((await pages.answer('t', 1, make)).body).toBe(first.body);
    expect(pages.get('t', 1)?.body).toBe(first.body);
    expect(made.calls).toBe(1);
    expect(pages.get('t', 2)).toBeUndefined();
    await pages.answer('t', 2, make);
    expect(made.calls).toBe(2);
    // The answer of the old version is replaced, not kept beside the new one.
    expect(pages.size.entries).toBe(1);
    expect(pages.get('t', 1)).toBeUndefined();
  });

  it('shares one make between requests that miss together', async () => {
    const pages = pageCache({ maxBytes: 1 << 20 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const make = async () => {
      calls += 1;
      await gate;
      return answerOf('page');
    };
    const waiting = Promise.all(
      Array.from({ length: 20 }, () => pages.answer('t', 1, make)),
    );
    release();
    const answers = await waiting;
    expect(calls).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('keeps nothing when making fails, and each waiting request gets the error', async () => {
    const pages = pageCache({ maxBytes: 1 << 20 });
    let calls = 0;
    const failing = async (): Promise<PageAnswer> => {
      calls += 1;
      throw new Error('no such cursor');
    };
    const results = await Promise.allSettled([
      pages.answer('t', 1, failing),
      pages.answer('t', 1, failing),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(pages.size).toEqual({ entries: 0, bytes: 0 });
    await expect(pages.answer('t', 1, failing)).rejects.toThrow(
      'no such cursor',
    );
    expect(calls).toBe(2);
  });

  it('stays within its bytes, dropping the least recently used answers first', async () => {
    const maxBytes = 4_000;
    const pages = pageCache({ maxBytes });
    const body = 'x'.repeat(500);
    for (let i = 0; i < 5; i += 1)
      await pages.answer(`page-${i}`, 1, async () => answerOf(body, 'W/"1"'));
    // Reading page-0 makes it the most recently used: page-1 is now the coldest.
    expect(pages.get('page-0', 1)).toBeDefined();
    for (let i = 5; i < 200; i += 1) {
      await pages.answer(`page-${i}`, 1, async () => answerOf(body, 'W/"1"'));
      expect(pages.size.bytes).toBeLessThanOrEqual(maxBytes);
      if (i === 5) {
        expect(pages.get('page-1', 1)).toBeUndefined();
        expect(pages.get('page-0', 1)).toBeDefined();
      }
    }
    expect(pages.get('page-199', 1)).toBeDefined();
    expect(pages.size.entries).toBeLessThan(200);
  });

  it('answers a page too large to keep without keeping it or dropping the others', async () => {
    const pages = pageCache({ maxBytes: 4_000 });
    await pages.answer('small', 1, async () => answerOf('small'));
    const huge = await pages.answer('huge', 1, async () =>
      answerOf('x'.repeat(3_000)),
    );
    expect(huge.body.byteLength).toBe(3_000);
    expect(pages.get('huge', 1)).toBeUndefined();
    expect(pages.get('small', 1)).toBeDefined();
  });

  it('takes keys of any text, prototype names included', async () => {
    const pages = pageCache({ maxBytes: 1 << 20 });
    for (const key of ['__proto__', 'constructor', 'toString', ''])
      await pages.answer(key, 0, async () => answerOf(key || 'empty'));
    expect(pages.size.entries).toBe(4);
    expect(pages.get('__proto__', 0)?.etag).toBe('W/"__proto__"');
  });
});

describe('ifNoneMatch', () => {
  const etag = 'W/"4-abc"';

  it('matches the ETag itself, in a list, weak or strong, and *', () => {
    expect(ifNoneMatch(etag, etag)).toBe(true);
    expect(ifNoneMatch('W/"3-abc", W/"4-abc"', etag)).toBe(true);
    expect(ifNoneMatch('"4-abc"', etag)).toBe(true);
    expect(ifNoneMatch('*', etag)).toBe(true);
  });

  it('does not match another version, another page, or nothing', () => {
    expect(ifNoneMatch(undefined, etag)).toBe(false);
    expect(ifNoneMatch('', etag)).toBe(false);
    expect(ifNoneMatch('W/"3-abc"', etag)).toBe(false);
    expect(ifNoneMatch('W/"4-abd", W/"40-abc"', etag)).toBe(false);
    expect(ifNoneMatch(',,,', etag)).toBe(false);
  });
});
