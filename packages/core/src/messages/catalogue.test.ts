import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SINGLE_QUALIFIERS, VAGUE_TERMS } from '../quantity/schema.js';
import { englishAdminMessages } from '../store/admin.js';
import { englishTemplates } from './en.js';
import { englishCalendarWords, MONTHS } from './en-calendar.js';
import { englishCountryNames } from './en-country.js';
import { englishDateWords } from './en-date.js';
import { DEMONYM_COUNTRIES, englishDemonyms } from './en-demonym.js';
import { englishListWords } from './en-list.js';
import {
  englishQuantityWords,
  englishUnitCounts,
  WORDED_UNITS,
} from './en-quantity.js';
import {
  englishRelativeCounts,
  englishRelativeWords,
  RELATIVE_UNITS,
} from './en-relative.js';
import { SUPPORTED_LOCALES } from './locale.js';
import * as ar from './locales/ar.js';
import * as id from './locales/id.js';
import * as km from './locales/km.js';
import * as th from './locales/th.js';
import * as vi from './locales/vi.js';
import * as zhHans from './locales/zh-Hans.js';
import * as zhHant from './locales/zh-Hant.js';
import type { PluralMessage } from './types.js';

/** Every English message core has, text and plural, by code: the source of every locale. */
const english: Record<string, string | PluralMessage> = {
  ...englishTemplates,
  ...englishAdminMessages,
  ...englishQuantityWords,
  ...englishUnitCounts,
  ...englishDateWords,
  ...englishDemonyms,
  ...englishCalendarWords,
  ...englishRelativeWords,
  ...englishRelativeCounts,
  ...englishListWords,
  ...englishCountryNames,
};
const codes = Object.keys(english).sort();

const modules = [km, vi, id, th, zhHans, zhHant, ar];
/** The shipped locales written in Latin letters, as English is. */
const LATIN_SCRIPT = new Set(['vi', 'id']);
const here = new URL('./', import.meta.url);
const read = (path: URL) => readFileSync(path, 'utf8');

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The forms of a message: one for text, one per plural category for a plural message. */
const forms = (message: string | PluralMessage): [string, string][] =>
  typeof message === 'string' ? [['', message]] : Object.entries(message);

interface GlossaryEntry {
  term: string;
  translations: string[];
  note: string;
}
const glossary = (locale: string): GlossaryEntry[] =>
  JSON.parse(read(new URL(`glossary/${locale}.json`, here)));

/** English as the glossary check reads it: no example addresses, no placeholders. */
const prose = (text: string) =>
  text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S*/g, ' ')
    .replace(/\{\w+\}/g, ' ');

/** Whether `term` is in `text` as a whole word or phrase, whatever the case. */
function hasTerm(text: string, term: string): boolean {
  const words = term
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`,
    'iu',
  ).test(text);
}

describe('the locale catalogues', () => {
  it('ship one module for every supported locale but English', () => {
    expect(modules.map((m) => m.locale).sort()).toEqual(
      SUPPORTED_LOCALES.filter((l) => l !== 'en').sort(),
    );
    const files = readdirSync(new URL('locales/', here))
      .filter((f) => f.endsWith('.ts') && !f.includes('.test'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(modules.map((m) => m.locale).sort());
  });

  describe.each(modules.map((m) => [m.locale, m] as const))(
    '%s',
    (locale, module) => {
      const messages = module.messages as Record<
        string,
        string | PluralMessage
      >;

      it('words every code, and no code English does not have', () => {
        expect(Object.keys(messages).sort()).toEqual(codes);
      });

      it('has text where English has text and plural forms where it has them', () => {
        for (const code of codes) {
          expect(typeof messages[code], code).toBe(typeof english[code]);
          for (const [, text] of forms(messages[code]!))
            expect(text.trim(), code).not.toBe('');
        }
      });

      it('keeps the placeholders of every English message', () => {
        for (const code of codes) {
          const wanted = placeholders(forms(english[code]!)[0]![1]);
          for (const [form, text] of forms(messages[code]!)) {
            // A plural form may say its count in words (Arabic "قبل ساعتين", two hours ago):
            // only `other`, which any count can take, must keep every placeholder.
            if (form === '' || form === 'other')
              expect(placeholders(text), `${code} ${form}`).toEqual(wanted);
            else
              expect(wanted, `${code} ${form}`).toEqual(
                expect.arrayContaining(placeholders(text)),
              );
          }
        }
      });

      it('gives a plural message exactly the plural categories of the locale', () => {
        const categories = new Intl.PluralRules(locale)
          .resolvedOptions()
          .pluralCategories.slice()
          .sort();
        const plural = codes.filter((c) => typeof english[c] !== 'string');
        expect(plural.length).toBeGreaterThan(0);
        for (const code of plural)
          expect(Object.keys(messages[code]!).sort(), code).toEqual(categories);
      });

      it('leaves no English words untranslated', () => {
        for (const code of codes) {
          const source = english[code]!;
          for (const [form, text] of forms(messages[code]!)) {
            const same =
              typeof source === 'string'
                ? source
                : Object.hasOwn(source, form)
                  ? source[form as keyof PluralMessage]!
                  : source.other;
            // A message of placeholders alone ("{quantity} {what}") may read the same, and so
            // may a name a language in Latin letters shares (Indonesian "April", "Malaysia").
            const shared =
              LATIN_SCRIPT.has(locale) && /^(?:month|country)-/.test(code);
            if (!shared && /\p{L}/u.test(same.replace(/\{\w+\}/g, '')))
              expect(text, `${code} ${form}`).not.toBe(same);
          }
        }
      });

      it('uses the glossary’s words for every glossary term the English uses', () => {
        const problems: string[] = [];
        for (const { term, translations } of glossary(locale)) {
          for (const code of codes) {
            const source = english[code]!;
            if (typeof source !== 'string' || !hasTerm(prose(source), term))
              continue;
            const text = (messages[code] as string).toLowerCase();
            if (!translations.some((t) => text.includes(t.toLowerCase())))
              problems.push(
                `${code}: "${term}" is not written ${translations.join(' or ')}`,
              );
          }
        }
        expect(problems).toEqual([]);
      });
    },
  );
});

describe('the glossaries', () => {
  const terms = glossary('km').map((e) => e.term);

  it('cover the recurring terms, the same in every locale', () => {
    expect(terms).toEqual(
      expect.arrayContaining([
        'comment',
        'comments',
        'reply',
        'moderation',
        'moderator',
        'approve',
        'pending',
        'held',
        'spam',
        'arrested',
        'arrest',
        'province',
        'operation',
        'nationality',
        'email address',
        'name',
        'website',
      ]),
    );
    const files = readdirSync(new URL('glossary/', here))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual(modules.map((m) => m.locale).sort());
    for (const locale of files) {
      const entries = glossary(locale);
      expect(
        entries.map((e) => e.term),
        locale,
      ).toEqual(terms);
      for (const entry of entries) {
        expect(Object.keys(entry).sort(), `${locale} ${entry.term}`).toEqual([
          'note',
          'term',
          'translations',
        ]);
        expect(entry.term, locale).toBe(entry.term.toLowerCase());
        expect(
          entry.translations.length,
          `${locale} ${entry.term}`,
        ).toBeGreaterThan(0);
        for (const t of entry.translations)
          expect(t.trim(), `${locale} ${entry.term}`).not.toBe('');
        expect(entry.note.trim(), `${locale} ${entry.term}`).not.toBe('');
      }
    }
  });

  it('are read whole word and whatever the case', () => {
    expect(hasTerm('A comment’s date', 'comment')).toBe(true);
    expect(hasTerm('Your Comment is long', 'comment')).toBe(true);
    expect(hasTerm('Choose comments', 'comment')).toBe(false);
    expect(hasTerm('a commenter', 'comment')).toBe(false);
    expect(hasTerm('your email  address', 'email address')).toBe(true);
    expect(hasTerm('an email entry', 'email address')).toBe(false);
    expect(hasTerm(prose('such as name@example.com.'), 'name')).toBe(false);
  });
});

describe('the English catalogue', () => {
  /** Core's and the service's code, where a code is used (not where it is declared). */
  const sources = [
    ...[
      'store/',
      'quantity/',
      'place/',
      'date/',
      'comment/',
      'article/',
      'operation/',
      'validation/',
      'messages/',
    ].flatMap((dir) =>
      readdirSync(new URL(`../${dir}`, here))
        .filter((f) => /\.ts$/.test(f) && !/\.(test|test-d|bench)\.ts$/.test(f))
        .map((f) => read(new URL(`../${dir}${f}`, here))),
    ),
    ...readdirSync(new URL('../../../../src/routes/', here))
      .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
      .map((f) => read(new URL(`../../../../src/routes/${f}`, here))),
  ].join('\n');

  /** A template literal of core's, written "$(" for "${" (it is text to find, not to fill). */
  const template = (text: string) => text.replaceAll('$(', `$${'{'}`);
  /** Codes made from a runtime table, and the template in core that makes them. */
  const families: [codes: string[], template: string][] = [
    [
      SINGLE_QUALIFIERS.filter((k) => k !== 'exact').map(
        (k) => `quantity-${k}`,
      ),
      '`quantity-$(q.kind',
    ],
    [
      Object.keys(VAGUE_TERMS).map((t) => `quantity-${t}`),
      '`quantity-$(q.term}`',
    ],
    [
      Object.keys(VAGUE_TERMS).map((t) => `quantity-${t}-of`),
      '`quantity-$(q.term}-of`',
    ],
    [WORDED_UNITS.map((u) => `unit-${u}`), '`unit-$(unit}`'],
    [WORDED_UNITS.map((u) => `unit-${u}-counted`), '`unit-$(unit}-counted`'],
    [DEMONYM_COUNTRIES.map((c) => `demonym-${c}`), '`demonym-$('],
    [DEMONYM_COUNTRIES.map((c) => `demonym-${c}-plural`), '`$(key}-plural`'],
    [DEMONYM_COUNTRIES.map((c) => `country-${c}`), '`country-$(upper'],
    [MONTHS.map((m) => `month-${m}`), '`month-$(month'],
    [
      RELATIVE_UNITS.map((u) => `relative-${u}s-ago`),
      '`relative-$(unit}s-ago`',
    ],
    [RELATIVE_UNITS.map((u) => `relative-in-${u}s`), '`relative-in-$(unit}s`'],
  ];

  it('has no code that nothing uses', () => {
    const made = new Set<string>();
    for (const [members, written] of families) {
      expect(sources, written).toContain(template(written));
      for (const code of members) made.add(code);
    }
    const unused = codes.filter((code) => {
      if (made.has(code)) return false;
      // Quoted, and neither a table's key ('code':) nor a member of a union type (| 'code').
      const used = new RegExp(`(?<!\\|\\s*)'${code}'(?!:)`);
      return !used.test(sources);
    });
    expect(unused).toEqual([]);
    // And every code a family makes is one English has.
    expect([...made].filter((code) => !(code in english))).toEqual([]);
  });
});
