import { describe, expect, it } from 'vitest';
import {
  expectLinear,
  PROTOTYPE_KEYS,
  type Shape,
} from '../text/expect-linear.js';
import { linkify } from './index.js';

describe('linkify', () => {
  it('makes http and https URLs links and leaves the rest text', () => {
    expect(
      linkify('See https://example.com/a?b=1#c and http://example.org'),
    ).toEqual([
      'See ',
      {
        href: 'https://example.com/a?b=1#c',
        text: 'https://example.com/a?b=1#c',
      },
      ' and ',
      { href: 'http://example.org/', text: 'http://example.org' },
    ]);
  });

  it.each([
    ['https://example.com.', '.'],
    ['https://example.com/x,', ','],
    ['https://example.com/x!?', '!?'],
    ['(https://example.com/x)', ')'],
    ['“https://example.com/x”', '”'],
    ['https://example.com/x:', ':'],
  ])('leaves trailing punctuation out of %s', (text, tail) => {
    const parts = linkify(text);
    expect(parts.at(-1)).toBe(tail);
    expect(
      parts.some(
        (p) =>
          typeof p !== 'string' && p.href.startsWith('https://example.com'),
      ),
    ).toBe(true);
  });

  it('keeps a closing bracket that belongs to the URL', () => {
    expect(
      linkify('https://en.wikipedia.org/wiki/Phnom_Penh_(city).')[0],
    ).toEqual({
      href: 'https://en.wikipedia.org/wiki/Phnom_Penh_(city)',
      text: 'https://en.wikipedia.org/wiki/Phnom_Penh_(city)',
    });
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'ftp://example.com',
    'www.example.com',
  ])('never links %s', (text) => {
    expect(linkify(text)).toEqual([text]);
  });

  it('does not let a link swallow markup', () => {
    const parts = linkify('https://example.com/"><script>alert(1)</script>');
    expect(parts[0]).toEqual({
      href: 'https://example.com/',
      text: 'https://example.com/',
    });
    expect(parts.slice(1).join('')).toBe('"><script>alert(1)</script>');
  });

  it('returns the text unchanged when it has no link, and nothing for empty text', () => {
    expect(linkify('plain text')).toEqual(['plain text']);
    expect(linkify('')).toEqual([]);
  });

  it('rebuilds the original text from its parts', () => {
    const text = 'a https://x.org/(b) c, http://y.org.';
    expect(
      linkify(text)
        .map((p) => (typeof p === 'string' ? p : p.text))
        .join(''),
    ).toBe(text);
  });

  it('keeps a closing bracket whose opener is inside the link, even after punctuation', () => {
    expect(linkify('http://a.org/(b.).')).toEqual([
      { href: 'http://a.org/(b.)', text: 'http://a.org/(b.)' },
      '.',
    ]);
    expect(linkify('(see http://a.org/x_(y)_z)')).toEqual([
      '(see ',
      { href: 'http://a.org/x_(y)_z', text: 'http://a.org/x_(y)_z' },
      ')',
    ]);
    expect(linkify('[http://a.org/[1]]')).toEqual([
      '[',
      { href: 'http://a.org/[1]', text: 'http://a.org/[1]' },
      ']',
    ]);
  });

  it('answers at once for the comment of 32,700 opening and closing brackets that froze the service', () => {
    // The brackets make a host no DNS name can have, so it stays text.
    const text = `http://a${'('.repeat(32_700)}${')'.repeat(32_700)}`;
    expect(linkify(text)).toEqual([text]);
    const path = `http://a/${'('.repeat(32_700)}${')'.repeat(32_700)}.`;
    const parts = linkify(path);
    expect(parts.length).toBe(2);
    expect(
      typeof parts[0] === 'object' && parts[0].text === path.slice(0, -1),
    ).toBe(true);
  });

  it('leaves an address past the DNS limits as text', () => {
    const label = 'a'.repeat(64);
    expect(linkify(`http://${label}.example/`)).toEqual([
      `http://${label}.example/`,
    ]);
    const host = `${'abcdefghi.'.repeat(26)}example`;
    expect(linkify(`http://${host}/`)).toEqual([`http://${host}/`]);
    expect(linkify(`http://${'a'.repeat(63)}.example/`)[0]).toMatchObject({
      text: `http://${'a'.repeat(63)}.example/`,
    });
  });

  it.each(PROTOTYPE_KEYS)(
    'treats %s as a word, and as a host like any other',
    (word) => {
      expect(linkify(word)).toEqual([word]);
      expect(linkify(`http://${word}.example/${word}`)).toEqual([
        {
          href: `http://${word.toLowerCase()}.example/${word}`,
          text: `http://${word}.example/${word}`,
        },
      ]);
    },
  );
});

const shapes: Record<string, Shape> = {
  'opening then closing brackets': (n) =>
    `http://a${'('.repeat(n / 2)}${')'.repeat(n / 2)}`,
  'closing brackets': (n) => `http://a/${')'.repeat(n)}`,
  'one opener then closers': (n) => `http://a/(${')]}'.repeat(n / 3)}`,
  'square brackets': (n) => `http://a${'['.repeat(n / 2)}${']'.repeat(n / 2)}`,
  'brackets before the link': (n) =>
    `${'('.repeat(n / 2)}http://a${')'.repeat(n / 2)}`,
  'punctuation and brackets mixed': (n) => `http://a/${'.)'.repeat(n / 2)}`,
  dots: (n) => `http://a${'.'.repeat(n)}`,
  'dots alone': (n) => '.'.repeat(n),
  dashes: (n) => `http://${'-'.repeat(n)}`,
  schemes: (n) => 'http://'.repeat(n / 7),
  'schemes with spaces': (n) => 'http:// '.repeat(n / 8),
  'short links': (n) => 'http://a '.repeat(n / 9),
  'different short links': (n) =>
    Array.from({ length: n / 12 }, (_, i) => `http://a${i}`).join(' '),
  'almost schemes': (n) => 'https:/'.repeat(n / 7),
  'letters h': (n) => 'h'.repeat(n),
  'a long word': (n) => 'x'.repeat(n),
  'a long host': (n) => `http://${'a'.repeat(n)}`,
  'a long path': (n) => `http://a/${'b'.repeat(n)}`,
};

describe('linkify stays linear', () => {
  it.each(Object.entries(shapes))('on %s', (_, shape) => {
    expectLinear(shape, linkify);
  });
});
