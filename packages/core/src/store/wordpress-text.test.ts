import { describe, expect, it } from 'vitest';
import {
  expectLinear,
  PROTOTYPE_KEYS,
  type Shape,
} from '../text/expect-linear.js';
import { decodeEntities, htmlToText } from './wordpress-text.js';

describe('htmlToText reads HTML as a browser does', () => {
  it('keeps a "<" that opens no tag', () => {
    expect(htmlToText('<p>1 < 2 and a < b > c</p>')).toBe(
      '1 < 2 and a < b > c',
    );
    expect(htmlToText('<p><<b>bold</b></p>')).toBe('<bold');
  });

  it('drops a script or style that is never closed, to the end', () => {
    expect(htmlToText('<p>a</p><script>alert(1)')).toBe('a');
    expect(htmlToText('<p>a</p><STYLE media="x">p{}')).toBe('a');
    expect(htmlToText('a<script>x</SCRIPT >b')).toBe('ab');
  });

  it('reads tags written across lines and line breaks with attributes', () => {
    expect(htmlToText('<a\nhref="https://example.org/r">the\nreport</a>')).toBe(
      'thereport (https://example.org/r)',
    );
    expect(htmlToText('one<br class="x">two')).toBe('one\ntwo');
  });

  it('keeps the text of a link that is never closed', () => {
    expect(htmlToText('<a href="https://example.org/">report')).toBe('report');
  });

  it('takes the href attribute itself, not one whose name ends in href', () => {
    expect(
      htmlToText(
        '<a data-href="https://evil.example/" href="https://example.org/">report</a>',
      ),
    ).toBe('report (https://example.org/)');
  });

  it('drops spaces that end a line and keeps one blank line in a row', () => {
    expect(htmlToText('<p>a \t </p>\n\n<p>\n</p><p>b</p>')).toBe('a\n\nb');
    expect(htmlToText(`a${' '.repeat(10_000)}<br>b`)).toBe('a\nb');
  });
});

describe('decodeEntities', () => {
  it('reads names in any case and hexadecimal with a capital X', () => {
    expect(decodeEntities('&AMP; &Hellip; &#X41; &#65;')).toBe('& … A A');
  });

  it('leaves unclosed and overlong references as written', () => {
    expect(decodeEntities('&amp &#8217 &#x; &#12345678; &abcdefghi;')).toBe(
      '&amp &#8217 &#x; &#12345678; &abcdefghi;',
    );
  });
});

describe('names that are properties of every object', () => {
  it.each([...PROTOTYPE_KEYS, 'proto'])('are no entity: &%s;', (name) => {
    expect(decodeEntities(`&${name};`)).toBe(`&${name};`);
    expect(decodeEntities(`&${name.toLowerCase()};`)).toBe(
      `&${name.toLowerCase()};`,
    );
  });

  it.each(PROTOTYPE_KEYS)(
    'are tags and attributes like any other: %s',
    (name) => {
      expect(htmlToText(`<x${name}>x</x${name}>`)).toBe('x');
      expect(
        htmlToText(`<a ${name}="1" href="https://example.org/">${name}</a>`),
      ).toBe(`${name} (https://example.org/)`);
    },
  );
});

const shapes: Record<string, Shape> = {
  'unclosed links': (n) => '<a href="https://example.org/">x'.repeat(n / 32),
  'unclosed links without quotes': (n) => '<a href=x>y'.repeat(n / 11),
  'links closed at the end': (n) =>
    `${'<a href="https://x.org/">'.repeat(n / 25)}</a>`,
  'unclosed link tags': (n) => '<a href="'.repeat(n / 9),
  'unclosed scripts': (n) => '<script>'.repeat(n / 8),
  'scripts closed at the end': (n) => `${'<script>x'.repeat(n / 9)}</script>`,
  'unclosed styles and scripts': (n) => '<style><script>'.repeat(n / 15),
  'end tags never finished': (n) => '<a href="x">y</a'.repeat(n / 16),
  'opening angle brackets': (n) => '<'.repeat(n),
  'opening angle brackets then one closing': (n) => `${'<'.repeat(n)}>`,
  'tags that never open': (n) => '< b >'.repeat(n / 5),
  'letters after angle brackets': (n) => '<b'.repeat(n / 2),
  'line breaks without an end': (n) => '<br'.repeat(n / 3),
  'unclosed entities': (n) => '&amp'.repeat(n / 4),
  'unclosed numeric entities': (n) => '&#'.repeat(n / 2),
  'unclosed hexadecimal entities': (n) => '&#x'.repeat(n / 3),
  ampersands: (n) => '&'.repeat(n),
  'long numeric entities': (n) => '&#12345678'.repeat(n / 10),
  'spaces without a line break': (n) => `${' '.repeat(n)}x`,
  'spaces and tabs before line breaks': (n) => ' \t<br>'.repeat(n / 6),
  'blank lines': (n) => '<br>'.repeat(n / 4),
  'paragraph ends': (n) => '</p>'.repeat(n / 4),
  'newlines in text': (n) => '\r\n'.repeat(n / 2),
  'a long word': (n) => 'x'.repeat(n),
  'attributes in one tag': (n) => `<a ${'x=1 '.repeat(n / 4)}href="y">z</a>`,
  'an unclosed quote in a tag': (n) => `<a href="${'x'.repeat(n)}>z</a>`,
};

describe('htmlToText stays linear', () => {
  it.each(Object.entries(shapes))('on %s', (_, shape) => {
    expectLinear(shape, htmlToText);
  });

  it.each(Object.entries(shapes).filter(([name]) => name.includes('entit')))(
    'decodes %s',
    (_, shape) => {
      expectLinear(shape, decodeEntities);
    },
  );
});
