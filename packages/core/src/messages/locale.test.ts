import { describe, expect, it } from 'vitest';
import { NewCommentSchema } from '../comment/schema.js';
import { validate } from '../validation/field-errors.js';
import { englishMessages as en } from './en.js';
import { loadLocale } from './load.js';
import { intlLocale, matchLocale, SUPPORTED_LOCALES } from './locale.js';
import * as km from './locales/km.js';
import * as vi from './locales/vi.js';
import * as zhHans from './locales/zh-Hans.js';
import * as zhHant from './locales/zh-Hant.js';
import { addLocale, setMessages } from './catalogues.js';
import { messageFor } from './message-for.js';

// Each test file has its own copy of the catalogues, so what these tests add stays here.

describe('matchLocale', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['ZH-tw', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-TW', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    // An extension or private use names no script or region.
    ['zh-u-nu-hant', 'zh-Hans'],
    ['zh-x-tw', 'zh-Hans'],
    ['km', 'km'],
    ['km-KH', 'km'],
    ['KM-kh', 'km'],
    ['vi-VN', 'vi'],
    ['id-ID', 'id'],
    ['in-ID', 'id'],
    ['th-TH-u-nu-thai', 'th'],
    ['ar-EG', 'ar'],
    ['ar', 'ar'],
    ['en-GB', 'en'],
    ['fr-CA', 'en'],
    ['khm', 'en'],
  ])('serves %s with %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it('takes the first tag of a list that a shipped locale serves', () => {
    expect(matchLocale(['fr-CA', 'fr', 'vi', 'km'])).toBe('vi');
    expect(matchLocale(['de', 'en-US', 'km'])).toBe('en');
    expect(matchLocale([])).toBe('en');
    expect(SUPPORTED_LOCALES.map((l) => matchLocale(l))).toEqual([
      ...SUPPORTED_LOCALES,
    ]);
  });

  it('answers English for what is no tag, and never throws', () => {
    for (const odd of [
      '',
      ' ',
      '-',
      '--km',
      'not a tag!',
      '__proto__',
      'constructor',
      '\u0000km',
      null,
      undefined,
      42,
      {},
    ])
      expect(matchLocale(odd as unknown as string)).toBe('en');
    expect(matchLocale([null, 'km'] as unknown as string[])).toBe('km');
  });

  it('reads only the start of a huge tag and of a huge list', () => {
    // Past its first 128 characters, a tag is not read: the region is never reached.
    expect(matchLocale(`zh-${'ab-'.repeat(1_000_000)}TW`)).toBe('zh-Hans');
    expect(matchLocale(`km${'-x'.repeat(1_000_000)}`)).toBe('km');
    // Past its first 32 tags, a list is not read.
    const many = [...Array.from({ length: 32 }, () => 'de'), 'km'];
    expect(matchLocale(many)).toBe('en');
    expect(matchLocale(many.slice(1))).toBe('km');
  });
});

describe('intlLocale', () => {
  it('keeps a tag Intl reads, extensions and all, and makes anything else English', () => {
    expect(intlLocale('km-u-nu-khmr')).toBe('km-u-nu-khmr');
    expect(intlLocale('zh-hant-tw')).toBe('zh-Hant-TW');
    for (const odd of ['not a tag!', '', 'x'.repeat(200), undefined, 7])
      expect(intlLocale(odd)).toBe('en');
  });
});

describe('shipped locales below a site’s wording', () => {
  it('keeps what a site set, whether the locale was added before or after', () => {
    setMessages('km', { 'name-required': 'ឈ្មោះ? (site, before)' });
    addLocale(km);
    setMessages('km', { 'email-required': 'អ៊ីមែល? (site, after)' });
    const say = (code: 'name-required' | 'email-required' | 'body-required') =>
      messageFor(code, undefined, { locale: 'km-KH' });
    expect(say('name-required')).toBe('ឈ្មោះ? (site, before)');
    expect(say('email-required')).toBe('អ៊ីមែល? (site, after)');
    expect(say('body-required')).toBe(km.messages['body-required']);
    // Adding it again does not undo the site either.
    addLocale(km);
    expect(say('name-required')).toBe('ឈ្មោះ? (site, before)');
  });

  it('lets a site’s English reword English alone, never a shipped translation', () => {
    addLocale(vi);
    setMessages('en', { 'body-required': 'Say something.' });
    expect(messageFor('body-required', undefined, { locale: 'vi' })).toBe(
      vi.messages['body-required'],
    );
    expect(messageFor('body-required', undefined, { locale: 'de' })).toBe(
      'Say something.',
    );
    setMessages('en', { 'body-required': en['body-required'] });
  });

  it('finds Traditional Chinese for Taiwan and Hong Kong, and never for Simplified readers', () => {
    addLocale(zhHant);
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant-TW'])
      expect(messageFor('name-required', undefined, { locale: tag })).toBe(
        zhHant.messages['name-required'],
      );
    // Simplified is not added here: a mainland reader gets English, not Traditional.
    expect(messageFor('name-required', undefined, { locale: 'zh-CN' })).toBe(
      en['name-required'],
    );
    addLocale(zhHans);
    expect(messageFor('name-required', undefined, { locale: 'zh-CN' })).toBe(
      zhHans.messages['name-required'],
    );
    // A site's wording for "zh" is the site's: it wins over the shipped Simplified.
    setMessages('zh', { 'name-required': '尊姓大名？' });
    expect(messageFor('name-required', undefined, { locale: 'zh-CN' })).toBe(
      '尊姓大名？',
    );
  });

  it('fills a limit in the locale’s own digits', () => {
    addLocale(km);
    expect(
      validate(
        NewCommentSchema,
        {
          threadId: 't',
          author: { name: 'Sokha', email: 'sokha@example.com' },
          body: 'x'.repeat(65_526),
        },
        { locale: 'km-u-nu-khmr' },
      ),
    ).toEqual({
      ok: false,
      errors: { body: km.messages['body-too-long'].replace('{max}', '៦៥.៥២៥') },
    });
  });

  it('refuses what is not a locale module, saying what it takes', () => {
    for (const odd of [
      null,
      undefined,
      {},
      { locale: 'km' },
      { locale: '', messages: {} },
      { locale: 42, messages: {} },
      { locale: 'km', messages: null },
    ])
      expect(() => addLocale(odd as never)).toThrow(
        'addLocale takes a locale module, { locale, messages }',
      );
  });

  it('takes nothing from Object.prototype in a module read from JSON', () => {
    addLocale({
      locale: 'xx',
      messages: JSON.parse(
        '{"__proto__": {"name-required": "polluted"}, "constructor": "x"}',
      ),
    });
    expect(messageFor('name-required', undefined, { locale: 'xx' })).toBe(
      en['name-required'],
    );
    expect(({} as Record<string, unknown>)['name-required']).toBeUndefined();
  });
});

describe('loadLocale', () => {
  it('loads and adds the catalogue a reader’s languages call for, once', async () => {
    expect(messageFor('name-required', undefined, { locale: 'th' })).toBe(
      en['name-required'],
    );
    const [first, second] = await Promise.all([
      loadLocale(['fr-CA', 'th-TH']),
      loadLocale('th'),
    ]);
    expect([first, second]).toEqual(['th', 'th']);
    expect(messageFor('name-required', undefined, { locale: 'th' })).toBe(
      'กรุณากรอกชื่อของคุณ',
    );
  });

  it('needs nothing for English or a language it does not ship', async () => {
    expect(await loadLocale('en-GB')).toBe('en');
    expect(await loadLocale('fr')).toBe('en');
    expect(await loadLocale('not a tag!')).toBe('en');
  });
});
