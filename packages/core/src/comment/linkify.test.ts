import { describe, expect, it } from 'vitest';
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
});
