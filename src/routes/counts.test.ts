import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import {
  CountsResponseSchema,
  createCountsClient,
  MAX_COUNT_THREADS,
} from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';
import { threadsOf } from './counts.js';

const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** The app over an in-memory database; `calls` counts what each repository method was asked. */
function service(origins: string[] = []) {
  const real = openSqliteRepository(':memory:');
  closing.push(() => real.close());
  const calls = new Map<string, number>();
  const repository = new Proxy(real, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  }) as CommentRepository;
  const app = createApp({
    repository,
    config: { ...readConfig({ DATELINE_MODERATION: 'none' }), origins },
    logger: { warn: () => {}, error: () => {} },
  });
  const get = (query: string, headers: Record<string, string> = {}) =>
    app.request(`http://comments.example/api/counts${query}`, { headers });
  return { app, repository: real, calls, get };
}

describe('GET /api/counts', () => {
  it('counts the approved comments of each thread named, 0 for a thread without any', async () => {
    const { repository, get } = service();
    for (const comment of [
      storedComment({ threadId: 'a' }),
      storedComment({ threadId: 'a' }),
      storedComment({ threadId: 'a', status: 'pending' }),
      storedComment({ threadId: 'b', status: 'spam' }),
      storedComment({ threadId: 'c' }),
    ])
      await repository.insert(comment);
    const res = await get('?threads=c,a,b,never');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = await res.json();
    expect(body).toEqual({ counts: { a: 2, b: 0, c: 1, never: 0 } });
    expect(CountsResponseSchema.parse(body).omitted).toEqual([]);
  });

  it('answers a repeat 304 from the thread versions alone, without counting again', async () => {
    const { repository, calls, get } = service();
    await repository.insert(storedComment({ threadId: 'a' }));
    const first = await get('?threads=a,b');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    calls.clear();

    const again = await get('?threads=b,a,a', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect(Object.fromEntries(calls)).toEqual({ threadVersions: 1 });

    expect(
      (await get('?threads=a,b', { 'if-none-match': `W/"old", ${etag}` }))
        .status,
    ).toBe(304);
    expect((await get('?threads=a', { 'if-none-match': etag })).status).toBe(
      200,
    );
  });

  it('changes the ETag when a thread shows another comment, and not for a held one', async () => {
    const { repository, get } = service();
    const etag = async () =>
      (await get('?threads=a,b')).headers.get('etag') as string;
    const start = await etag();
    await repository.insert(
      storedComment({ threadId: 'b', status: 'pending' }),
    );
    expect(await etag()).toBe(start);
    await repository.insert(storedComment({ threadId: 'b' }));
    const after = await get('?threads=a,b', { 'if-none-match': start });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ counts: { a: 0, b: 1 } });
  });

  it('counts threads named like Object’s own keys as any other', async () => {
    const { repository, get } = service();
    await repository.insert(storedComment({ threadId: 'constructor' }));
    const text = await (await get('?threads=constructor,toString')).text();
    expect(text).toBe('{"counts":{"constructor":1,"toString":0}}');
  });

  it('reads thread ids from every threads parameter', async () => {
    const { get } = service();
    const res = await get('?threads=a&threads=b,c');
    expect(await res.json()).toEqual({ counts: { a: 0, b: 0, c: 0 } });
  });

  it('says what is wrong with a query it cannot answer, 400', async () => {
    const { get } = service();
    const many = Array.from(
      { length: MAX_COUNT_THREADS + 1 },
      (_, i) => `t${i}`,
    );
    const cases: Array<[string, string]> = [
      [
        '',
        'Name the threads to count as ?threads=a,b,c: up to 100 thread ids, separated by commas.',
      ],
      [
        '?threads=,,',
        'Name the threads to count as ?threads=a,b,c: up to 100 thread ids, separated by commas.',
      ],
      [
        `?threads=${many.join(',')}`,
        'Up to 100 threads can be counted at once; ask for the rest in another request.',
      ],
      [
        '?threads=a,__proto__',
        '"__proto__" is not a thread id. A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.',
      ],
      [
        `?threads=${'x'.repeat(129)}`,
        `"${'x'.repeat(40)}…" is not a thread id. A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.`,
      ],
      [
        '?threads=a%0Ab',
        '"a\\nb" is not a thread id. A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.',
      ],
      [
        '?threads=%E2%80%AEevil',
        '"\\u202eevil" is not a thread id. A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.',
      ],
    ];
    for (const [query, message] of cases) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'invalid', message, fields: { threads: message } },
      });
    }
  });

  it('allows the same 100 threads however often each is named', async () => {
    const ids = Array.from({ length: MAX_COUNT_THREADS }, (_, i) => `t${i}`);
    const { get } = service();
    const res = await get(`?threads=${[...ids, ...ids].join(',')}`);
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()).counts)).toHaveLength(100);
  });

  it('skips empty items, however many', () => {
    expect(threadsOf([`${','.repeat(100_000)}a`])).toEqual({
      ok: true,
      threadIds: ['a'],
    });
    expect(threadsOf(['a,'.repeat(200)])).toEqual({
      ok: true,
      threadIds: ['a'],
    });
  });

  it('lets a listed origin read the counts across sites, and no other', async () => {
    const { get, app } = service(['https://news.example']);
    const listed = await get('?threads=a', { origin: 'https://news.example' });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(
      'https://news.example',
    );
    expect(listed.headers.get('access-control-expose-headers')).toContain(
      'ETag',
    );
    const preflight = await app.request(
      'http://comments.example/api/counts?threads=a',
      {
        method: 'OPTIONS',
        headers: {
          origin: 'https://news.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'if-none-match',
        },
      },
    );
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(
      /If-None-Match/i,
    );
    const other = await get('?threads=a', { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers only GET', async () => {
    const { app } = service();
    const res = await app.request(
      'http://comments.example/api/counts?threads=a',
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(404);
  });
});

describe('counts over HTTP, through the client the elements use', () => {
  it('gives one request per batch, then revalidates with a 304', async () => {
    const { app, repository } = service();
    await repository.insert(storedComment({ threadId: 'a' }));
    await repository.insert(storedComment({ threadId: 'c' }));
    await repository.insert(storedComment({ threadId: 'c' }));
    const statuses: number[] = [];
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve(
        {
          fetch: async (request) => {
            const response = await app.fetch(request);
            statuses.push(response.status);
            return response;
          },
          port: 0,
          hostname: '127.0.0.1',
        },
        () => resolve(s),
      );
    });
    closing.push(() => new Promise((r) => server.close(r)));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = createCountsClient({ endpoint: `${base}/api` });
    const ask = () =>
      Promise.all(['a', 'b', 'c'].map((id) => client.count(id)));
    expect(await ask()).toEqual([1, 0, 2]);
    expect(await ask()).toEqual([1, 0, 2]);
    expect(statuses).toEqual([200, 304]);

    await repository.insert(storedComment({ threadId: 'b' }));
    expect(await ask()).toEqual([1, 1, 2]);
    expect(statuses).toEqual([200, 304, 200]);
  });
});
