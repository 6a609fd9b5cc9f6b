import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requireBearer } from './bearer.js';
import { limitBody } from './body-limit.js';
import { answerErrors } from './errors.js';
import { StorageUnavailableError } from '../repository/types.js';

const TOKEN = 'moderator-token-0123456789abcdef';

describe('requireBearer', () => {
  const app = (token: string | undefined) =>
    new Hono()
      .use('*', requireBearer(token, 'DATELINE_ADMIN_TOKEN'))
      .get('/', (c) => c.text('in'));

  it('lets the bearer of the token in', async () => {
    const res = await app(TOKEN).request('/', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await res.text()).toBe('in');
  });

  it('refuses a missing, wrong or longer token with 401 and a challenge', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong',
      `Bearer ${TOKEN}x`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const res = await app(TOKEN).request('/', {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(
        'Bearer realm="dateline"',
      );
      expect((await res.json()).error.message).toBe(
        'A valid moderation token is required.',
      );
    }
  });

  it('says which setting turns it on when there is no token', async () => {
    const res = await app(undefined).request('/', {
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe(
      'Moderation is off: start the service with DATELINE_ADMIN_TOKEN set.',
    );
  });
});

describe('limitBody', () => {
  const app = new Hono()
    .use('*', limitBody(10, 'Ten bytes at most.'))
    .post('/', async (c) => c.text(await c.req.text()));

  it('passes a body within the limit', async () => {
    const res = await app.request('/', { method: 'POST', body: '0123456789' });
    expect(await res.text()).toBe('0123456789');
  });

  it('refuses a larger body with 413 and the message', async () => {
    const res = await app.request('/', { method: 'POST', body: '01234567890' });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'too-large', message: 'Ten bytes at most.' },
    });
  });

  it('counts a body sent without a length as it arrives', async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i += 1)
          controller.enqueue(new TextEncoder().encode('abc'));
        controller.close();
      },
    });
    const res = await app.request('/', {
      method: 'POST',
      body: stream,
      // @ts-expect-error Node's fetch needs it for a streamed body
      duplex: 'half',
    });
    expect(res.status).toBe(413);
  });
});

describe('answerErrors', () => {
  const setup = (error: Error) => {
    const logged: unknown[][] = [];
    const problems: StorageUnavailableError[] = [];
    const app = new Hono()
      .get('/', () => {
        throw error;
      })
      .onError(
        answerErrors({
          logger: { error: (...args: unknown[]) => logged.push(args) },
          onStorageProblem: (e) => problems.push(e),
        }),
      );
    return { app, logged, problems };
  };

  it('answers a full store 507 and tells the reader nothing was stored', async () => {
    const full = new StorageUnavailableError('full', 'The database x is full.');
    const { app, logged, problems } = setup(full);
    const res = await app.request('/');
    expect(res.status).toBe(507);
    expect((await res.json()).error).toEqual({
      code: 'unavailable',
      message:
        'The comment service cannot store comments right now; nothing was stored. Please try again later.',
    });
    expect(logged).toEqual([['The database x is full.']]);
    expect(problems).toEqual([full]);
  });

  it('answers a read-only or unavailable store 503', async () => {
    for (const problem of ['read-only', 'unavailable'] as const)
      expect(
        (
          await setup(new StorageUnavailableError(problem, 'x')).app.request(
            '/',
          )
        ).status,
      ).toBe(503);
  });

  it('answers anything else 500, without its details', async () => {
    const { app, logged } = setup(new Error('secret internals'));
    const res = await app.request('/');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});
