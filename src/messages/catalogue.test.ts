import { readFileSync } from 'node:fs';
import { SUPPORTED_LOCALES } from '@dateline/core';
import { describe, expect, it } from 'vitest';
import { fillHtml, html, type SafeHtml } from '../routes/auth.js';
import { readXliff, textOf } from '../../scripts/xliff.js';
import { englishServiceWords, type ServiceWordCode } from './en.js';
import { SERVICE_WORDS } from './index.js';

/** The comment form's own wording of `id` in `locale`, from the elements' XLIFF. */
function formWords(locale: string, id: string): string | undefined {
  const file = new URL(
    `../../packages/elements/xliff/${locale}.xlf`,
    import.meta.url,
  );
  const unit = readXliff(readFileSync(file, 'utf8')).find((u) => u.id === id);
  return unit?.target && textOf(unit.target);
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const codes = Object.keys(englishServiceWords) as ServiceWordCode[];
const others = SUPPORTED_LOCALES.filter((l) => l !== 'en');

describe('the pages’ words in every language', () => {
  it('has every language the service answers in', () => {
    expect(Object.keys(SERVICE_WORDS).sort()).toEqual(
      [...SUPPORTED_LOCALES].sort(),
    );
  });

  it.each(others)(
    '%s has every code, each with the English’s placeholders',
    (locale) => {
      const words = SERVICE_WORDS[locale];
      expect(Object.keys(words)).toEqual(codes);
      for (const code of codes) {
        expect(words[code].trim(), `${locale} ${code}`).not.toBe('');
        expect(placeholders(words[code]), `${locale} ${code}`).toEqual(
          placeholders(englishServiceWords[code]),
        );
      }
    },
  );

  it.each(others)('%s leaves no English sentence', (locale) => {
    const words = SERVICE_WORDS[locale];
    // Words of only placeholders and punctuation ("“{title}”") may well be the English's.
    const wordsOf = (text: string) => text.replace(/\{\w+\}/g, '');
    const untranslated = codes.filter(
      (code) =>
        /\p{L}/u.test(wordsOf(englishServiceWords[code])) &&
        wordsOf(words[code]) === wordsOf(englishServiceWords[code]),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)(
    '%s ends an address where a mail program’s link will: at a space, a full stop or the end',
    (locale) => {
      for (const code of codes)
        expect(SERVICE_WORDS[locale][code], `${locale} ${code}`).not.toMatch(
          /\{(?:site|url)\}(?![\s.]|$)/,
        );
    },
  );

  it.each(others)(
    '%s quotes the comment form’s checkbox as the form words it',
    (locale) => {
      expect(SERVICE_WORDS[locale]['notify-label']).toBe(
        formWords(locale, 'form.consent.notify'),
      );
    },
  );
});

/** The markup a `SafeHtml` holds. */
const markup = (safe: SafeHtml) =>
  (safe as unknown as Record<symbol, string>)[
    Object.getOwnPropertySymbols(safe)[0]!
  ];

describe('fillHtml', () => {
  it('escapes the words and each value, and keeps the markup it is given', () => {
    const filled = fillHtml('“{title}” & {n} <more>', {
      title: html`<a href="/t">${'A <b> & "B"'}</a>`,
      n: '<script>',
    });
    expect(markup(filled)).toBe(
      '“<a href="/t">A &lt;b&gt; &amp; &quot;B&quot;</a>” &amp; &lt;script&gt; &lt;more&gt;',
    );
  });

  it('fills only the words’ own placeholders, never one inside a value', () => {
    const filled = fillHtml('{a} and {b} and {unknown}', {
      a: '{b}',
      b: 'B',
    });
    expect(markup(filled)).toBe('{b} and B and {unknown}');
  });

  it('takes no placeholder from a value’s prototype', () => {
    const filled = fillHtml('{constructor} {__proto__} {toString}', {});
    expect(markup(filled)).toBe('{constructor} {__proto__} {toString}');
  });
});
