import {
  fieldErrors,
  ListQuerySchema,
  MAX_COUNT_THREADS,
  MAX_LIVE_THREADS,
  NEW_COMMENT_LIMITS,
  SUPPORTED_LOCALES,
} from '@dateline/core';
import { loadLocale } from '@dateline/core/locales';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { englishServiceWords } from './messages/en.js';
import {
  fillText,
  SERVICE_WORDS,
  type ServiceWordCode,
} from './messages/index.js';
import { answerErrors } from './middleware/errors.js';
import { mailApp } from './outbox/test-kit.js';
import {
  formatKilobytes,
  MAX_COMMENT_REQUEST_BYTES,
} from './policy/request-size.js';
import { StorageUnavailableError } from './repository/types.js';

interface Refusal {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

const comment = {
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body: 'អរគុណ។',
};

describe('the public API’s refusals, in the language the request asks for', () => {
  it.each(SUPPORTED_LOCALES)('%s', async (locale) => {
    const words = SERVICE_WORDS[locale];
    const kit = mailApp({ env: { DATELINE_MODERATION: 'none' } });
    const language = { 'accept-language': `${locale}, en;q=0.1` };
    /** The refusal an answer carries, checked to be in `locale`. */
    const refused = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-language')).toBe(locale);
      expect(res.headers.get('vary')).toContain('Accept-Language');
      return ((await res.json()) as { error: Refusal }).error;
    };
    const say = (
      code: ServiceWordCode,
      values: Record<string, string | number> = {},
    ) => {
      const said = fillText(words[code], values);
      if (locale !== 'en')
        expect(said).not.toBe(fillText(englishServiceWords[code], values));
      return said;
    };
    const get = (path: string) => kit.request(path, { headers: language });
    const post = (
      path: string,
      body: string,
      headers: Record<string, string> = {},
    ) =>
      kit.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...language,
          ...headers,
        },
        body,
      });

    expect(
      await refused(await get('/api/threads/a%20b/comments'), 400),
    ).toEqual({
      code: 'invalid',
      message: say('api-thread-id'),
      fields: { threadId: say('api-thread-id-rule') },
    });
    expect(
      (await refused(await get('/api/threads/kh-2025/comments?cursor=x'), 400))
        .message,
    ).toBe(say('api-cursor'));
    const query = await refused(
      await get('/api/threads/kh-2025/comments?limit=lots'),
      400,
    );
    expect(query.message).toBe(say('api-query-invalid'));
    // The field's own message is core's, in the same language.
    await loadLocale(locale);
    const limit = ListQuerySchema.safeParse({ limit: 'lots' });
    expect(limit.success).toBe(false);
    expect(query.fields).toEqual(
      limit.success ? {} : fieldErrors(limit.error, { locale }),
    );
    if (locale !== 'en')
      expect(query.fields!.limit).not.toBe(
        'The limit must be a whole number from 1 to 200.',
      );
    const comments = '/api/threads/kh-2025/comments';
    expect((await refused(await post(comments, '{', {}), 400)).message).toBe(
      say('api-not-json'),
    );
    expect(
      (
        await refused(
          await post(comments, JSON.stringify(comment), {
            'content-type': 'text/plain',
          }),
          415,
        )
      ).message,
    ).toBe(say('api-send-json'));
    expect(
      (
        await refused(
          await post(comments, JSON.stringify(comment), {
            'idempotency-key': 'a b',
          }),
          400,
        )
      ).message,
    ).toBe(say('api-key-invalid'));
    const key = { 'idempotency-key': `key-${locale}` };
    expect((await post(comments, JSON.stringify(comment), key)).status).toBe(
      201,
    );
    expect(
      (
        await refused(
          await post(
            comments,
            JSON.stringify({ ...comment, body: 'Something else.' }),
            key,
          ),
          422,
        )
      ).message,
    ).toBe(say('api-key-reused'));
    expect(
      (
        await refused(
          await post(comments, 'x'.repeat(MAX_COMMENT_REQUEST_BYTES + 1)),
          413,
        )
      ).message,
    ).toBe(
      say('api-too-large', {
        size: formatKilobytes(MAX_COMMENT_REQUEST_BYTES, locale),
        max: NEW_COMMENT_LIMITS.body.toLocaleString(locale),
      }),
    );
    expect(
      (
        await refused(
          await post(comments, JSON.stringify(comment), {
            origin: 'https://elsewhere.example',
          }),
          403,
        )
      ).message,
    ).toBe(say('api-origin', { origin: 'https://elsewhere.example' }));
    expect((await refused(await get('/api/nothing'), 404)).message).toBe(
      say('api-not-found', { method: 'GET', path: '/api/nothing' }),
    );
    expect(
      await refused(await get('/api/threads/kh-2025/fragment?lang=!'), 400),
    ).toEqual({
      code: 'invalid',
      message: say('api-lang'),
      fields: { lang: say('api-lang-field') },
    });

    // Counts and live updates name their threads in a query.
    const many = (n: number) =>
      Array.from({ length: n + 1 }, (_, i) => `t${i}`).join(',');
    for (const [path, max, how, tooMany] of [
      ['/api/counts', MAX_COUNT_THREADS, 'api-count-how', 'api-count-too-many'],
      ['/api/live', MAX_LIVE_THREADS, 'api-live-how', 'api-live-too-many'],
    ] as const) {
      const limit = { max: max.toLocaleString(locale) };
      expect((await refused(await get(path), 400)).message).toBe(
        say(how, limit),
      );
      expect(
        (await refused(await get(`${path}?threads=${many(max)}`), 400)).message,
      ).toBe(say(tooMany, limit));
      expect(
        (await refused(await get(`${path}?threads=a,%3Cb%3E`), 400)).fields,
      ).toEqual({ threads: say('api-not-thread-id', { id: '"<b>"' }) });
    }
  });

  it.each(SUPPORTED_LOCALES)(
    '%s: a failure inside the service, and a store that cannot be written',
    async (locale) => {
      const app = new Hono();
      app.onError(answerErrors({ logger: { error: () => undefined } }));
      app.get('/full', () => {
        throw new StorageUnavailableError('full', 'disk full');
      });
      app.get('/bug', () => {
        throw new Error('a bug');
      });
      const headers = { 'accept-language': locale };
      const full = await app.request('/full', { headers });
      expect(full.status).toBe(507);
      expect(full.headers.get('content-language')).toBe(locale);
      expect(await full.json()).toEqual({
        error: {
          code: 'unavailable',
          message: SERVICE_WORDS[locale]['api-unavailable'],
        },
      });
      const bug = await app.request('/bug', { headers });
      expect(bug.status).toBe(500);
      expect(await bug.json()).toEqual({
        error: { code: 'server', message: SERVICE_WORDS[locale]['api-failed'] },
      });
    },
  );
});
