import {
  englishMessages,
  messageFor,
  NEW_COMMENT_LIMITS,
} from '@dateline/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { messages as km } from '../../packages/core/src/messages/locales/km.js';
import { messages as vi } from '../../packages/core/src/messages/locales/vi.js';
import { messages as zhHant } from '../../packages/core/src/messages/locales/zh-Hant.js';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';
import { acceptedLanguages, pageLocale, readerLocale } from './language.js';

describe('a page’s language', () => {
  it('takes the language a link names, as the elements match it', () => {
    expect(pageLocale('km', 'en')).toBe('km');
    expect(pageLocale('zh-TW', 'en')).toBe('zh-Hant');
    expect(pageLocale('zh', undefined)).toBe('zh-Hans');
    expect(pageLocale('en-GB', 'th')).toBe('en');
  });

  it('else takes the first language the browser prefers that the page speaks, by quality', () => {
    expect(pageLocale(undefined, 'fr-FR, km;q=0.8, en;q=0.5')).toBe('km');
    expect(pageLocale(undefined, 'en;q=0.2, vi-VN;q=0.9')).toBe('vi');
    expect(pageLocale(undefined, 'th;q=0, id')).toBe('id');
    expect(pageLocale(undefined, 'en-US,en;q=0.9,km;q=0.8')).toBe('en');
    // A language the page does not speak, asked for by a link, leaves the browser's choice.
    expect(pageLocale('fr', 'ar, en;q=0.5')).toBe('ar');
  });

  it('speaks English for a header or a tag that names nothing it speaks, whatever its shape', () => {
    for (const header of [
      undefined,
      '',
      '*',
      'fr, de;q=0.9',
      '__proto__, constructor;q=0.9',
      ';;;,,,;q=',
      'q=1',
      `${'x;'.repeat(20_000)}km`,
      `${'x'.repeat(100_000)}, km`,
      // Read only so far: no browser sends a hundred languages.
      `${'fr, '.repeat(100)}km`,
    ])
      expect(pageLocale(undefined, header), String(header).slice(0, 20)).toBe(
        'en',
      );
    for (const lang of [
      '__proto__',
      'toString',
      '<script>',
      'x'.repeat(10_000),
    ])
      expect(pageLocale(lang, undefined)).toBe('en');
  });
});

describe('reading Accept-Language', () => {
  it('orders the ranges by quality, then as sent', () => {
    expect(acceptedLanguages('vi;q=0.8, km-KH, en;q=0.5, th;q=0.8')).toEqual([
      'km-KH',
      'vi',
      'th',
      'en',
    ]);
    expect(acceptedLanguages('id;Q=1.000 , zh-Hant-TW ;q=0.9')).toEqual([
      'id',
      'zh-Hant-TW',
    ]);
  });

  it('leaves out what the reader refuses and what is not well formed', () => {
    expect(
      acceptedLanguages(
        'km;q=0, vi;q=1.5, th;q=abc, ar;q=0.1234, en_US, zh-TW;q=0.2, *;q=0.1, ;q=1, x--y',
      ),
    ).toEqual(['zh-TW', '*']);
    expect(acceptedLanguages('')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages(42 as unknown as string)).toEqual([]);
  });

  it('chooses the first shipped language the reader accepts, else English', () => {
    expect(readerLocale('fr-CA, fr;q=0.9, km;q=0.5, en;q=0.3')).toBe('km');
    expect(readerLocale('zh-TW,zh;q=0.9')).toBe('zh-Hant');
    expect(readerLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-Hans');
    expect(readerLocale('en-GB, vi;q=0.9')).toBe('en');
    expect(readerLocale('de, fr;q=0.5, *;q=0.1')).toBe('en');
    expect(readerLocale(undefined)).toBe('en');
  });

  it('reads no more of a hostile header than its first kilobyte and 32 entries', () => {
    // What follows the first kilobyte changes nothing, however long.
    const junk = `${'x-'.repeat(400)},`;
    expect(readerLocale(`${junk}vi`)).toBe('vi');
    expect(readerLocale(`${junk}${' '.repeat(1024)}vi`)).toBe('en');
    // Thousands of entries: only the first 32 are read.
    const many = `${Array.from({ length: 40 }, () => 'de').join(',')},km`;
    expect(acceptedLanguages(many)).toHaveLength(32);
    expect(readerLocale(many)).toBe('en');
    expect(acceptedLanguages(`${'a,'.repeat(500_000)}vi`)).toHaveLength(32);
    // Prototype keys are language ranges like any other, and serve no language.
    expect(readerLocale('__proto__, constructor;q=0.9, km;q=0.1')).toBe('km');
  });
});

const running: CommentRepository[] = [];
afterEach(() => {
  for (const repository of running.splice(0)) repository.close();
});

/** The app over an in-memory database; every request comes 20 s after the one before. */
function start() {
  const repository = openSqliteRepository(new Database(':memory:'));
  running.push(repository);
  let now = Date.UTC(2025, 6, 20, 8);
  let step = 20_000;
  const app = createApp({
    repository,
    config: readConfig({ DATELINE_MODERATION: 'none' }),
    address: (c) => c.req.header('x-test-address'),
    now: () => {
      now += step;
      return new Date(now);
    },
    logger: { warn() {}, error() {} },
  });
  const post = (body: unknown, language?: string, from = '10.0.0.1') =>
    app.request('/api/threads/t/comments', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-test-address': from,
        ...(language ? { 'accept-language': language } : {}),
      },
      body: JSON.stringify(body),
    });
  return {
    app,
    post,
    freeze: () => {
      step = 0;
    },
  };
}

const valid = {
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body: 'Thank you for this report.',
};
const fill = (text: string, max: number, locale: string) =>
  text.replace('{max}', max.toLocaleString(locale));

describe('the comment service in the reader’s language', () => {
  it('refuses a comment’s fields in the language the reader asks for', async () => {
    const { post } = start();
    const res = await post(
      {
        author: { name: ' ', email: 'nope' },
        body: 'x'.repeat(NEW_COMMENT_LIMITS.body + 1),
      },
      'km-KH,km;q=0.9,en-US;q=0.8,en;q=0.7',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('km');
    expect(res.headers.get('vary')).toMatch(/\bAccept-Language\b/i);
    const { error } = await res.json();
    expect(error.message).toBe(km['comment-not-posted']);
    expect(error.fields).toEqual({
      'author.name': km['name-required'],
      'author.email': km['email-invalid'],
      body: fill(km['body-too-long'], NEW_COMMENT_LIMITS.body, 'km'),
    });
  });

  it('answers in English when the reader asks for no language it has', async () => {
    const { post } = start();
    for (const language of ['fr-CA, de;q=0.5', undefined]) {
      const res = await post(
        { ...valid, author: { name: '', email: '' } },
        language,
      );
      expect(res.headers.get('content-language')).toBe('en');
      const { error } = await res.json();
      expect(error.message).toBe(messageFor('comment-not-posted'));
      expect(error.fields['author.name']).toBe(
        englishMessages['name-required'],
      );
    }
  });

  it('says a comment is a repeat, or comes too fast, in the reader’s language', async () => {
    const { post, freeze } = start();
    expect((await post(valid, 'vi')).status).toBe(201);
    const repeat = await post(valid, 'vi-VN');
    expect(repeat.status).toBe(409);
    expect(repeat.headers.get('content-language')).toBe('vi');
    const { error } = await repeat.json();
    expect(error.fields.body).toBe(vi['comment-duplicate']);

    // From now on every post comes at the same moment: the second is too soon after the first.
    freeze();
    expect((await post({ ...valid, body: 'A second thought.' })).status).toBe(
      201,
    );
    const fast = await post({ ...valid, body: 'A third thought.' }, 'zh-TW');
    expect(fast.status).toBe(429);
    expect(fast.headers.get('content-language')).toBe('zh-Hant');
    expect((await fast.json()).error.message).toBe(zhHant['comment-too-fast']);
  });

  it('names a missing parent in the reader’s language', async () => {
    const { post } = start();
    const res = await post({ ...valid, parentId: 'gone' }, 'km');
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.parentId).toBe(km['parent-invalid']);
  });

  it('stores and lists comments the same whatever the reader’s language', async () => {
    const { app, post } = start();
    const res = await post(valid, 'km');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-language')).toBeNull();
    const list = await app.request('/api/threads/t/comments', {
      headers: { 'accept-language': 'km' },
    });
    expect(list.headers.get('content-language')).toBeNull();
    expect(list.headers.get('vary') ?? '').not.toMatch(/Accept-Language/i);
  });

  it('answers a hostile Accept-Language like any refusal', async () => {
    const { post } = start();
    const res = await post(
      { ...valid, author: { name: '', email: '' } },
      `${'zz-'.repeat(2000)}km, ${'a;q=0.5,'.repeat(400)}`,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('en');
  });
});
