import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  CommentListResponseSchema,
  createRestStore,
  newCommentMessages as say,
  type Comment,
} from '@dateline/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readConfig, type ServiceConfig } from './config.js';
import { openSqliteRepository } from './repository/sqlite.js';
import type { CommentRepository } from './repository/types.js';

const TOKEN = 'moderator-token-0123456789abcdef';
const running: Array<{ server: ServerType; repository: CommentRepository }> =
  [];

afterEach(async () => {
  for (const { server, repository } of running.splice(0)) {
    await new Promise((r) => server.close(r));
    repository.close();
  }
});

/** The app on a real port over a real SQLite file; the clock is ours so flood tests are exact. */
async function start(
  config: Partial<ServiceConfig> = {},
  env: Record<string, string> = {},
) {
  const database = join(
    mkdtempSync(join(tmpdir(), 'dateline-api-')),
    'comments.sqlite',
  );
  const repository = openSqliteRepository(database);
  let now = Date.UTC(2025, 6, 20, 8);
  const app = createApp({
    repository,
    config: {
      ...readConfig({
        DATELINE_MODERATION: 'none',
        DATELINE_ADMIN_TOKEN: TOKEN,
        ...env,
      }),
      database,
      ...config,
    },
    address: (c) =>
      c.req.header('x-test-address') ?? getConnInfo(c).remote.address,
    now: () => {
      now += 20_000;
      return new Date(now);
    },
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  running.push({ server, repository });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    database,
    repository,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

let addressCounter = 0;
function post(
  base: string,
  thread: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${base}/api/threads/${thread}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-test-address': `10.0.0.${++addressCounter % 250}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const input = (body: string, extra: Record<string, unknown> = {}) => ({
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body,
  ...extra,
});
const admin = (base: string, path: string, init: RequestInit = {}) =>
  fetch(`${base}/api/admin${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  });

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('posting and listing comments', () => {
  it('stores a comment, answers 201 with it, and lists it without the email', async () => {
    const { base } = await start();
    const res = await post(
      base,
      'kh-2025',
      input('Thank you for this report.'),
    );
    expect(res.status).toBe(201);
    const { comment } = await res.json();
    expect(comment).toMatchObject({
      threadId: 'kh-2025',
      parentId: null,
      body: 'Thank you for this report.',
      status: 'approved',
      author: { name: 'Sokha' },
    });
    const list = await (
      await fetch(`${base}/api/threads/kh-2025/comments`)
    ).json();
    expect(CommentListResponseSchema.parse(list)).toEqual({
      comments: [comment],
      total: 1,
    });
    expect(JSON.stringify(list)).not.toContain('sokha@example.com');
  });

  it('returns the first result for a repeated Idempotency-Key and stores once', async () => {
    const { base } = await start();
    const first = await post(base, 't', input('Once only'), {
      'idempotency-key': 'abc-123',
    });
    const again = await post(base, 't', input('Once only'), {
      'idempotency-key': 'abc-123',
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(
      (await (await fetch(`${base}/api/threads/t/comments`)).json()).total,
    ).toBe(1);
  });

  it('pages by top-level comment with their replies, in either order', async () => {
    const { base } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(
        (
          await (
            await post(
              base,
              't',
              input(`top ${i}`, {
                author: { name: `R${i}`, email: `r${i}@example.com` },
              }),
            )
          ).json()
        ).comment.id,
      );
    await post(
      base,
      't',
      input('reply to 0', {
        parentId: ids[0],
        author: { name: 'Q', email: 'q@example.com' },
      }),
    );
    const p1 = await (
      await fetch(`${base}/api/threads/t/comments?limit=2`)
    ).json();
    expect(p1.comments.map((c: Comment) => c.body)).toEqual([
      'top 0',
      'top 1',
      'reply to 0',
    ]);
    expect(p1.total).toBe(6);
    const p2 = await (
      await fetch(
        `${base}/api/threads/t/comments?limit=2&cursor=${p1.nextCursor}`,
      )
    ).json();
    expect(p2.comments.map((c: Comment) => c.body)).toEqual(['top 2', 'top 3']);
    const p3 = await (
      await fetch(
        `${base}/api/threads/t/comments?limit=2&cursor=${p2.nextCursor}`,
      )
    ).json();
    expect(p3.comments.map((c: Comment) => c.body)).toEqual(['top 4']);
    expect(p3.nextCursor).toBeUndefined();
    const newest = await (
      await fetch(`${base}/api/threads/t/comments?limit=1&order=newest`)
    ).json();
    expect(newest.comments.map((c: Comment) => c.body)).toEqual(['top 4']);
  });

  it('answers a repeat read with 304 through the ETag, and a new comment changes it', async () => {
    const { base } = await start();
    await post(base, 't', input('one'));
    const first = await fetch(`${base}/api/threads/t/comments`);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${base}/api/threads/t/comments`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    await post(
      base,
      't',
      input('two', { author: { name: 'B', email: 'b@example.com' } }),
    );
    const changed = await fetch(`${base}/api/threads/t/comments`, {
      headers: { 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('works through createRestStore, the client the elements use', async () => {
    const { base } = await start({ moderation: 'all' });
    const browser = () => {
      const memory = new Map<string, string>();
      return {
        getItem: (k: string) => memory.get(k) ?? null,
        setItem: (k: string, v: string) => void memory.set(k, v),
      };
    };
    const client = createRestStore({
      endpoint: `${base}/api`,
      storage: browser(),
    });
    const someoneElse = createRestStore({
      endpoint: `${base}/api`,
      storage: browser(),
    });
    const created = await client.create(
      {
        threadId: 't',
        author: { name: 'Dara', email: 'dara@example.com' },
        body: 'Held',
      },
      { idempotencyKey: 'k' },
    );
    expect(created.status).toBe('pending');
    // the author still sees it, awaiting moderation; others do not
    expect((await client.list('t')).comments.map((c) => c.id)).toEqual([
      created.id,
    ]);
    expect((await someoneElse.list('t')).comments).toEqual([]);
    await expect(
      client.create(
        { threadId: 't', author: { name: '', email: 'x' }, body: '' },
        { idempotencyKey: 'k2' },
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: {
        'author.name': say['name-required'],
        'author.email': say['email-invalid'],
        body: say['body-required'],
      },
    });
  });
});

describe('policy', () => {
  it('holds first-time commenters for moderation, then trusts them', async () => {
    const { base } = await start({ moderation: 'first-time' });
    const first = (await (await post(base, 't', input('first'))).json())
      .comment;
    expect(first.status).toBe('pending');
    await admin(base, `/comments/${first.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(
      (await (await post(base, 't', input('second'))).json()).comment.status,
    ).toBe('approved');
  });

  it('holds everything with moderation "all", nothing with "none"', async () => {
    expect(
      (
        await (
          await post((await start({ moderation: 'all' })).base, 't', input('x'))
        ).json()
      ).comment.status,
    ).toBe('pending');
    expect(
      (
        await (
          await post(
            (
              await start({ moderation: 'none' })
            ).base,
            't',
            input('x'),
          )
        ).json()
      ).comment.status,
    ).toBe('approved');
  });

  it('holds a comment with more than two links', async () => {
    const { base } = await start();
    expect(
      (
        await (
          await post(base, 't', input('https://a.example https://b.example'))
        ).json()
      ).comment.status,
    ).toBe('approved');
    const three = await post(
      base,
      't',
      input('https://a.example https://b.example https://c.example', {
        author: { name: 'L', email: 'l@example.com' },
      }),
    );
    expect((await three.json()).comment.status).toBe('pending');
  });

  it('refuses the same author saying the same thing twice with 409', async () => {
    const { base } = await start();
    await post(base, 't', input('Same words'));
    const again = await post(base, 't', input('Same words'));
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({
      code: 'duplicate',
      fields: { body: expect.stringContaining('already said that') },
    });
  });

  it('answers 429 with Retry-After to a second post within 15 s from the same address', async () => {
    const { base, tick } = await start();
    const headers = { 'x-test-address': '192.0.2.7' };
    expect((await post(base, 't', input('one'), headers)).status).toBe(201);
    tick(-15_000); // the next request comes 5 s after the first
    const fast = await post(base, 't', input('two'), headers);
    expect(fast.status).toBe(429);
    expect(Number(fast.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fast.json()).error.code).toBe('too-fast');
    expect((await post(base, 't', input('three'), headers)).status).toBe(201);
  });

  it('marks a filled honeypot as spam without telling the bot', async () => {
    const { base } = await start();
    const res = await post(
      base,
      't',
      input('Buy now', { honeypot: 'http://spam.example' }),
    );
    expect(res.status).toBe(201);
    expect((await res.json()).comment.status).toBe('pending');
    expect(
      (await (await fetch(`${base}/api/threads/t/comments`)).json()).total,
    ).toBe(0);
    const spam = await (await admin(base, '/comments?status=spam')).json();
    expect(spam.comments.map((c: Comment) => c.body)).toEqual(['Buy now']);
  });

  it('stores addresses only as salted hashes', async () => {
    const { base, database } = await start();
    await post(base, 't', input('private'), {
      'x-test-address': '198.51.100.23',
    });
    const rows = new Database(database, { readonly: true })
      .prepare('SELECT address_hash FROM comments')
      .all() as Array<{ address_hash: string }>;
    expect(rows[0]!.address_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.23');
  });
});

describe('bad input', () => {
  it.each([
    [
      'invalid JSON',
      '{ "author": ',
      400,
      'The request body is not valid JSON.',
    ],
    [
      'a JSON array',
      '[1,2]',
      400,
      'Your comment could not be posted: please check the highlighted fields.',
    ],
    [
      'wrong types',
      JSON.stringify({ author: { name: 5, email: [] }, body: {} }),
      400,
      'Your comment could not be posted: please check the highlighted fields.',
    ],
  ])('answers %s with %i', async (_what, body, status, message) => {
    const { base } = await start();
    const res = await post(base, 't', body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toBe(message);
  });

  it('says which field breaks which rule', async () => {
    const { base } = await start();
    const res = await post(base, 't', {
      author: {
        name: 'x'.repeat(246),
        email: 'nope',
        url: 'javascript:alert(1)',
      },
      body: 'a\u0000b',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({
      'author.name': say['name-too-long'],
      'author.email': say['email-invalid'],
      'author.url': say['url-invalid'],
      body: say['body-control-character'],
    });
  });

  it('answers 413 to a body over 100 KB', async () => {
    const { base } = await start();
    const res = await post(base, 't', input('x'.repeat(101 * 1024)));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too-large');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const { base } = await start();
    const res = await post(base, 't', 'author=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
  });

  it('refuses a reply whose parent is not an approved comment of the same thread', async () => {
    const { base } = await start({ moderation: 'first-time' });
    const other = (await (await post(base, 'other', input('elsewhere'))).json())
      .comment;
    const pending = (
      await (
        await post(
          base,
          't',
          input('held', { author: { name: 'N', email: 'n@example.com' } }),
        )
      ).json()
    ).comment;
    for (const parentId of ['does-not-exist', other.id, pending.id]) {
      const res = await post(
        base,
        't',
        input(`reply ${parentId}`, {
          author: { name: 'R', email: `r${parentId.length}@example.com` },
          parentId,
        }),
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields).toEqual({
        parentId: 'The comment you are replying to could not be found.',
      });
    }
  });

  it('answers 404 JSON for unknown routes and 400 for a bad query or thread id', async () => {
    const { base } = await start();
    const unknown = await fetch(`${base}/api/nope`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not-found');
    expect(
      (await fetch(`${base}/api/threads/t/comments?limit=9999`)).status,
    ).toBe(400);
    expect(
      (await fetch(`${base}/api/threads/t/comments?order=sideways`)).status,
    ).toBe(400);
    expect(
      (await fetch(`${base}/api/threads/t/comments?cursor=garbage`)).status,
    ).toBe(400);
    expect(
      (
        await fetch(
          `${base}/api/threads/${encodeURIComponent('<script>')}/comments`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await post(base, 't', input('x'), { 'idempotency-key': 'é'.repeat(3) }))
        .status,
    ).toBe(400);
  });

  it('never answers 5xx or stops, whatever it is sent', async () => {
    const { base } = await start();
    const bodies = [
      '',
      'null',
      '"text"',
      '{}',
      '{"author":null}',
      '{"author":{"name":"a","email":"a@b.co"},"body":"x","parentId":5}',
      '\u0000\u0001',
      '{"__proto__":{"x":1}}',
      '9'.repeat(5000),
      JSON.stringify({
        author: { name: 'a', email: 'a@b.co' },
        body: 'ok',
        threadId: 'other-thread',
      }),
    ];
    for (let i = 0; i < 200; i += 1) {
      const random = Array.from({ length: 1 + (i % 60) }, () =>
        String.fromCharCode(Math.floor(Math.random() * 0xffff)),
      ).join('');
      bodies.push(random);
    }
    for (const body of bodies) {
      const res = await post(base, 't', body, {
        'x-test-address': `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
      expect(res.status, body.slice(0, 40)).toBeLessThan(500);
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe('moderation', () => {
  it('lists pending comments with emails for moderators, approves, marks spam, deletes', async () => {
    const { base } = await start({ moderation: 'all' });
    const a = (await (await post(base, 't', input('first'))).json()).comment;
    const b = (
      await (
        await post(
          base,
          't',
          input('second', { author: { name: 'B', email: 'b@example.com' } }),
        )
      ).json()
    ).comment;
    const pending = await (
      await admin(base, '/comments?status=pending')
    ).json();
    expect(
      pending.comments
        .map((c: { id: string; email: string }) => [c.id, c.email])
        .sort(),
    ).toEqual(
      [
        [a.id, 'sokha@example.com'],
        [b.id, 'b@example.com'],
      ].sort(),
    );
    expect(JSON.stringify(pending)).not.toContain('addressHash');

    expect(
      (
        await admin(base, `/comments/${a.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ status: 'approved' }),
        })
      ).status,
    ).toBe(200);
    expect(
      (await (await fetch(`${base}/api/threads/t/comments`)).json()).total,
    ).toBe(1);
    expect(
      (
        await (
          await admin(base, `/comments/${b.id}`, {
            method: 'PATCH',
            body: JSON.stringify({ status: 'spam' }),
          })
        ).json()
      ).comment.status,
    ).toBe('spam');
    expect(
      (await admin(base, `/comments/${a.id}`, { method: 'DELETE' })).status,
    ).toBe(200);
    expect(
      (await (await fetch(`${base}/api/threads/t/comments`)).json()).total,
    ).toBe(0);
    expect(
      (await admin(base, '/comments/nope', { method: 'DELETE' })).status,
    ).toBe(404);
    expect(
      (
        await admin(base, `/comments/${a.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ status: 'gone' }),
        })
      ).status,
    ).toBe(400);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/api/admin/comments`)).status).toBe(401);
    const wrong = await fetch(`${base}/api/admin/comments`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    expect(
      (
        await fetch(`${base}/api/admin/comments`, {
          headers: { authorization: `Bearer ${TOKEN}x` },
        })
      ).status,
    ).toBe(401);
  });

  it('stays off without a configured token', async () => {
    const { base } = await start({ adminToken: undefined });
    const res = await fetch(`${base}/api/admin/comments`, {
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toContain('DATELINE_ADMIN_TOKEN');
  });
});

describe('cross-origin use', () => {
  it('is allowed only for the configured origins', async () => {
    const { base } = await start({ origins: ['https://news.example'] });
    const allowed = await fetch(`${base}/api/threads/t/comments`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://news.example',
        'access-control-request-method': 'POST',
      },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://news.example',
    );
    const other = await fetch(`${base}/api/threads/t/comments`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('configuration', () => {
  it('says what is wrong with a bad setting', () => {
    expect(() => readConfig({ DATELINE_MODERATION: 'sometimes' })).toThrow(
      'DATELINE_MODERATION must be one of first-time, all, none, not "sometimes".',
    );
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(
      'PORT must be a port number',
    );
    expect(() => readConfig({ DATELINE_ORIGINS: 'news.example' })).toThrow(
      'not an origin',
    );
    expect(() => readConfig({ DATELINE_ADMIN_TOKEN: 'short' })).toThrow(
      'at least 16 characters',
    );
  });
});
