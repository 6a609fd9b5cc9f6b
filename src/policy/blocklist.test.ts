import { describe, expect, it } from 'vitest';
import {
  type BlocklistEntries,
  blocklistChecker,
  compileBlocklists,
  wordMatcher,
} from './blocklist.js';

const none: BlocklistEntries = { words: [], emails: [], addresses: [] };
const subject = (
  over: Partial<
    Parameters<ReturnType<typeof compileBlocklists>['match']>[0]
  > = {},
) => ({
  name: 'Sokha',
  email: 'sokha@example.com',
  body: 'Thank you for the report.',
  addressHash: 'a'.repeat(64),
  ...over,
});

describe('compileBlocklists', () => {
  it('holds a comment with a held word anywhere in its name, email, website or text, ignoring case', () => {
    const lists = compileBlocklists({
      hold: { ...none, words: ['Casino'] },
      refuse: none,
    });
    for (const over of [
      { name: 'CASINO Bob' },
      { email: 'bob@casino.example' },
      { url: 'https://example.org/casinos' },
      { body: 'Best casino bonus' },
    ])
      expect(lists.match(subject(over))).toEqual({
        held: true,
        refused: false,
      });
    expect(lists.match(subject())).toEqual({ held: false, refused: false });
  });

  it('refuses by whole email or by domain, ignoring case, and never by part of a domain', () => {
    const lists = compileBlocklists({
      hold: none,
      refuse: { ...none, emails: ['Spam@Example.com', '@junk.example'] },
    });
    expect(lists.match(subject({ email: 'spam@example.COM' })).refused).toBe(
      true,
    );
    expect(lists.match(subject({ email: 'anyone@JUNK.example' })).refused).toBe(
      true,
    );
    expect(
      lists.match(subject({ email: 'anyone@notjunk.example' })).refused,
    ).toBe(false);
    expect(lists.match(subject({ email: 'nospam@example.com' })).refused).toBe(
      false,
    );
  });

  it('matches an address by its hash alone, and never a comment without one', () => {
    const hash = 'b'.repeat(64);
    const lists = compileBlocklists({
      hold: { ...none, addresses: [hash] },
      refuse: none,
    });
    expect(lists.match(subject({ addressHash: hash })).held).toBe(true);
    expect(lists.match(subject({ addressHash: null })).held).toBe(false);
    expect(lists.match(subject()).held).toBe(false);
  });

  it('reads entries as text, never as patterns or object keys', () => {
    const lists = compileBlocklists({
      hold: { ...none, words: ['.*', '(a+)+$', 'constructor', '__proto__'] },
      refuse: { ...none, emails: ['toString@example.com'] },
    });
    expect(lists.match(subject({ body: 'anything at all' })).held).toBe(false);
    expect(lists.match(subject({ body: 'a regex: .* here' })).held).toBe(true);
    expect(lists.match(subject({ body: 'the __proto__ key' })).held).toBe(true);
    expect(
      lists.match(subject({ email: 'constructor@example.com' })).held,
    ).toBe(true);
    expect(
      lists.match(subject({ email: 'tostring@example.com' })).refused,
    ).toBe(true);
    expect(lists.match(subject({ email: 'valueOf@example.com' })).refused).toBe(
      false,
    );
  });

  it('lets a word match within one field only', () => {
    const lists = compileBlocklists({
      hold: { ...none, words: ['hasokha'] },
      refuse: none,
    });
    // "…Sokha" ends the name and "sokha@…" starts the email: they are not one text.
    expect(lists.match(subject({ name: 'Aha' })).held).toBe(false);
  });
});

describe('wordMatcher', () => {
  it('finds overlapping words as a scan of each position would', () => {
    const m = wordMatcher(['he', 'she', 'his', 'hers', 'abcd', 'bc']);
    expect(m.test('ushers')).toBe(true);
    expect(m.test('abce')).toBe(true);
    expect(m.test('abxd hi s')).toBe(false);
    expect(wordMatcher([]).test('anything')).toBe(false);
    expect(wordMatcher(['']).test('anything')).toBe(false);
  });

  it('agrees with a plain substring search on many random lists and texts', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (max: number) =>
      Array.from({ length: 1 + random(max) }, () => 'abAB'[random(4)]).join('');
    for (let round = 0; round < 500; round += 1) {
      const words = Array.from({ length: 1 + random(5) }, () => word(4));
      const text = word(30);
      const expected = words.some((w) =>
        text.toLowerCase().includes(w.toLowerCase()),
      );
      expect(wordMatcher(words).test(text), `${words} in ${text}`).toBe(
        expected,
      );
    }
  });

  it('reads text in linear time, whatever the words and the text', () => {
    const words = [
      `${'a'.repeat(99)}b`,
      `${'ab'.repeat(49)}c`,
      'aaaaaaaaac',
      `${'.'.repeat(50)}!`,
    ];
    const shapes = [
      (n: number) => 'a'.repeat(n),
      (n: number) => 'ab'.repeat(n / 2),
      (n: number) => '.'.repeat(n),
      (n: number) => 'aaaaaaaaa'.repeat(Math.ceil(n / 9)).slice(0, n),
    ];
    for (const shape of shapes) {
      const work = (n: number) => {
        const m = wordMatcher(words);
        m.test(shape(n));
        return m.work;
      };
      const small = work(50_000);
      const large = work(100_000);
      // At most two steps per character read, and double the text costs double the work.
      expect(large).toBeLessThanOrEqual(2 * 100_000);
      expect(large / small).toBeLessThan(2.1);
    }
  });
});

describe('blocklistChecker', () => {
  it('compiles the lists again only when their version changes', async () => {
    let version = 1;
    let loads = 0;
    let words = ['casino'];
    const check = blocklistChecker({
      blocklistVersion: async () => version,
      blocklists: async () => {
        loads += 1;
        return {
          hold: { words, emails: [], addresses: [] },
          refuse: { words: [], emails: [], addresses: [{ hash: 'z' }] },
        };
      },
    });
    expect((await check(subject({ body: 'casino' }))).held).toBe(true);
    expect((await check(subject({ body: 'poker' }))).held).toBe(false);
    expect(loads).toBe(1);
    words = ['poker'];
    version = 2;
    expect((await check(subject({ body: 'poker' }))).held).toBe(true);
    expect((await check(subject({ addressHash: 'z' }))).refused).toBe(true);
    expect(loads).toBe(2);
  });
});
