import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  CommentListResponseSchema,
  createRestStore,
  NEW_COMMENT_LIMITS,
  NewCommentSchema,
  englishMessages as say,
  type Comment,
} from '@dateline/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readConfig, type ServiceConfig } from './config.js';
import {
  MAX_ADMIN_REQUEST_BYTES,
  MAX_COMMENT_REQUEST_BYTES,
} from './policy/request-size.js';
import { openSqliteRepository } from './repository/sqlite.js';
import type { CommentRepository } from './repository/types.js';
import { requestHash } from './routes/idempotency.js';
import { overlappingPosts } from '../test/service-process.js';

const TOKEN = 'moderator-token-0123456789abcdef';
const running: Array<{ server: ServerType; repository: CommentRepository }> =
  [];

afterEach(async () => {
  for (const { server, repository } of running.splice(0)) {
    await new Promise((r) => server.close(r));
    repository.close();
  }
});

/** What the app logged, line by line. */
function captureLog() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      warn: (line: string) => void lines.push(line),
      error: (line: string) => void lines.push(line),
    },
  };
}

/**
 * The app on a real port over a real SQLite file; the clock is ours so flood tests are exact:
 * each post that reaches the clock moves it 20 s on (past the flood limit) unless `freeze()`
 * stops it. The test keeps the database connection, to set SQLite's limits on it.
 */
async function start(
  config: Partial<ServiceConfig> = {},
  env: Record<string, string> = {},
) {
  const database = join(
    mkdtempSync(join(tmpdir(), 'dateline-api-')),
    'comments.sqlite',
  );
  const db = new Database(database);
  const repository = openSqliteRepository(db);
  let now = Date.UTC(2025, 6, 20, 8);
  let step = 20_000;
  const log = captureLog();
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
      now += step;
      return new Date(now);
    },
    logger: log.logger,
  });
  // Counts the requests the server has begun (their headers arrived), for overlap tests.
  let begun = 0;
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const fetch: typeof app.fetch = (request, ...rest) => {
    begun += 1;
    for (const w of waiting.filter((w) => begun >= w.count)) w.resolve();
    return app.fetch(request, ...rest);
  };
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  running.push({ server, repository });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    database,
    db,
    repository,
    log: log.lines,
    tick: (ms: number) => {
      now += ms;
    },
    /** Resolves once the server has begun `count` more requests than so far. */
    begins: (count: number) => {
      const target = begun + count;
      return new Promise<void>((resolve) => {
        if (begun >= target) resolve();
        else waiting.push({ count: target, resolve });
      });
    },
    /** From now on every request comes at the same moment. */
    freeze: () => {
      step = 0;
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
    const me = { 'x-test-address': '203.0.113.5' };
    await post(base, 't', input('Same words'), me);
    const again = await post(base, 't', input('Same words'), me);
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
  ])(
    'answers %s with 400 and says what is wrong',
    async (_what, body, status, message) => {
      const { base } = await start();
      const res = await post(base, 't', body);
      expect(res.status).toBe(status);
      expect((await res.json()).error.message).toBe(message);
    },
  );

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

/** What an answer tells its receiver, without what differs for every comment (ids, times, text). */
async function shape(res: Response) {
  const json = await res.json();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    error: json.error,
    comment: json.comment && {
      status: json.comment.status,
      keys: Object.keys(json.comment).sort(),
      author: Object.keys(json.comment.author).sort(),
    },
  };
}

describe('no oracles', () => {
  it('answers a guessed email exactly as a fresh comment, and slows the guesser', async () => {
    const { base, freeze } = await start({ moderation: 'first-time' });
    const known = 'I saw the raid in Sihanoukville.';
    expect(
      (await post(base, 't', input(known), { 'x-test-address': '203.0.113.1' }))
        .status,
    ).toBe(201);
    freeze();
    // The guesses include the commenter's real email, under their name and under others.
    const emails = [
      'dara@example.com',
      'sokha@example.com',
      'SOKHA@example.com',
      'sokha@example.org',
      'sokha@example.com',
    ];
    const names = ['Dara', 'Sokha', 'S.', 'Sokha', 'Anyone'];
    const guess = async (body: string, address: string) => {
      const answers = [];
      for (const [i, email] of emails.entries())
        answers.push(
          await shape(
            await post(
              base,
              't',
              { author: { name: names[i], email }, body },
              { 'x-test-address': address },
            ),
          ),
        );
      return answers;
    };
    const guessed = await guess(known, '198.51.100.7');
    const fresh = await guess('Words nobody wrote before.', '198.51.100.8');
    expect(guessed).toEqual(fresh);
    // one comment stored, like any first comment, then the flood limit: never a 409
    expect(guessed.map((a) => a.status)).toEqual([201, 429, 429, 429, 429]);
    expect(guessed[0]!.comment.status).toBe('pending');
  });

  it('checks the flood limit before looking at anything stored', async () => {
    const { base, freeze } = await start();
    const me = { 'x-test-address': '203.0.113.2' };
    expect((await post(base, 't', input('one'), me)).status).toBe(201);
    freeze();
    // A reply to a comment that does not exist, or the same words again: both wait their turn.
    const reply = await post(
      base,
      't',
      input('two', { parentId: 'no-such-comment' }),
      me,
    );
    expect(reply.status).toBe(429);
    expect((await post(base, 't', input('one'), me)).status).toBe(429);
  });

  it('tells only the same sender, by address and email, that they already said it', async () => {
    const { base } = await start();
    const me = { 'x-test-address': '203.0.113.5' };
    expect((await post(base, 't', input('Same words'), me)).status).toBe(201);
    const again = await post(
      base,
      't',
      input('Same words', {
        author: { name: 'Sokha', email: 'Sokha@Example.com' },
      }),
      me,
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('duplicate');
    // someone else on the same connection, and the same email from elsewhere: new comments
    expect(
      (
        await post(
          base,
          't',
          input('Same words', {
            author: { name: 'Sokha', email: 'neighbour@example.com' },
          }),
          me,
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await post(base, 't', input('Same words'), {
          'x-test-address': '203.0.113.6',
        })
      ).status,
    ).toBe(201);
    // the same words in another thread are no repeat
    expect((await post(base, 'u', input('Same words'), me)).status).toBe(201);
  });

  it('counts a held or spam copy as said, a deleted one not', async () => {
    const { base } = await start({ moderation: 'all' });
    const me = { 'x-test-address': '203.0.113.9' };
    const held = (await (await post(base, 't', input('Held'), me)).json())
      .comment;
    expect((await post(base, 't', input('Held'), me)).status).toBe(409);
    await post(
      base,
      't',
      input('Spam', { honeypot: 'http://spam.example' }),
      me,
    );
    expect((await post(base, 't', input('Spam'), me)).status).toBe(409);
    await admin(base, `/comments/${held.id}`, { method: 'DELETE' });
    expect((await post(base, 't', input('Held'), me)).status).toBe(201);
  });
});

describe('first-time moderation', () => {
  it('trusts a returning commenter only under the same name and email, as WordPress', async () => {
    const { base } = await start({ moderation: 'first-time' });
    const first = (await (await post(base, 't', input('first'))).json())
      .comment;
    await admin(base, `/comments/${first.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'approved' }),
    });
    const statusOf = async (author: Record<string, string>, body: string) =>
      (await (await post(base, 't', { author, body })).json()).comment.status;
    // their email under another name and website: held, like any first comment
    expect(
      await statusOf(
        {
          name: 'Impostor',
          email: 'sokha@example.com',
          url: 'https://impostor.example',
        },
        'borrowed',
      ),
    ).toBe('pending');
    expect(
      await statusOf({ name: 'Sokha', email: 'sokha@example.org' }, 'other'),
    ).toBe('pending');
    // their name and email (in any case; the website is not compared, as in WordPress)
    expect(
      await statusOf({ name: 'Sokha', email: 'SOKHA@example.com' }, 'case'),
    ).toBe('approved');
    expect(
      await statusOf(
        {
          name: 'Sokha',
          email: 'sokha@example.com',
          url: 'https://sokha.example',
        },
        'site',
      ),
    ).toBe('approved');
  });
});

describe('Idempotency-Key', () => {
  const total = async (base: string, thread = 't') =>
    (await (await fetch(`${base}/api/threads/${thread}/comments`)).json())
      .total;

  it('stores one comment and answers 30 overlapping retries alike', async () => {
    const { base, begins } = await start();
    const headers = {
      'idempotency-key': 'retry-me',
      'x-test-address': '203.0.113.20',
    };
    const responses = await overlappingPosts(
      30,
      () => `${base}/api/threads/t/comments`,
      { 'content-type': 'application/json', ...headers },
      JSON.stringify(input('Posted once')),
      begins(30),
    );
    const answers = await Promise.all(
      responses.map(async (r) => `${r.status} ${await r.text()}`),
    );
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^201 \{"comment":/);
    expect(await total(base)).toBe(1);
  });

  it('refuses the same key with a different comment, 422', async () => {
    const { base } = await start();
    const key = { 'idempotency-key': 'one-key' };
    const first = await post(base, 't', input('First words'), key);
    expect(first.status).toBe(201);
    for (const other of [
      input('Other words'),
      input('First words', {
        author: { name: 'Sokha', email: 'other@example.com' },
      }),
    ]) {
      const res = await post(base, 't', other, key);
      expect(res.status).toBe(422);
      expect((await res.json()).error).toEqual({
        code: 'conflict',
        message:
          'This Idempotency-Key was already used for a different comment. Send each new comment with a new key.',
      });
    }
    expect(await total(base)).toBe(1);
  });

  it('replays the first answer to the same request however its JSON is written', async () => {
    const { base } = await start();
    const key = { 'idempotency-key': 'same' };
    const first = await (
      await post(base, 't', input('Hello', { parentId: null }), key)
    ).text();
    const retry = await post(
      base,
      't',
      `{ "body": "  Hello ",\n  "author": { "email": "sokha@example.com", "name": "Sokha" } }`,
      key,
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    expect(await retry.text()).toBe(first);
  });

  it('gives the key back after a refusal, so a later retry succeeds', async () => {
    const { base, freeze, tick } = await start();
    const me = { 'x-test-address': '203.0.113.21' };
    expect((await post(base, 't', input('one'), me)).status).toBe(201);
    freeze();
    const key = { ...me, 'idempotency-key': 'after-a-wait' };
    expect((await post(base, 't', input('two'), key)).status).toBe(429);
    tick(15_000);
    const later = await post(base, 't', input('two'), key);
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replay')).toBeNull();
  });

  it('takes over a key whose holder stopped before answering', async () => {
    const { base, repository } = await start();
    await repository.reserve({
      threadId: 't',
      key: 'orphan',
      requestHash: requestHash({
        threadId: 't',
        key: 'orphan',
        author: { name: 'Sokha', email: 'sokha@example.com' },
        body: 'Left behind',
      }),
      now: Date.now() - 60_000,
      leaseMs: 10_000,
    });
    const res = await post(base, 't', input('Left behind'), {
      'idempotency-key': 'orphan',
    });
    expect(res.status).toBe(201);
    expect(await total(base)).toBe(1);
  });
});

/** The longest text of `unit` that NewCommentSchema accepts in `field`. */
function longest(unit: string, field: 'name' | 'body'): string {
  const accepts = (text: string) =>
    NewCommentSchema.safeParse({
      threadId: 't',
      author: { name: field === 'name' ? text : 'A', email: 'a@example.com' },
      body: field === 'body' ? text : 'x',
    }).success;
  let low = 1;
  let high = NEW_COMMENT_LIMITS[field] + 1;
  while (low + 1 < high) {
    const mid = Math.floor((low + high) / 2);
    if (accepts(unit.repeat(mid))) low = mid;
    else high = mid;
  }
  return unit.repeat(low);
}

/** JSON as Python's json.dumps and PHP's json_encode write it: every non-ASCII code unit escaped. */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

describe('request size', () => {
  it.each([
    ['CJK', '中'],
    ['Khmer', 'ក'],
    ['emoji', '😀'],
  ])(
    'accepts the longest comment in %s, as UTF-8 and as escaped JSON',
    async (_script, unit) => {
      const { base } = await start();
      const comment = {
        author: {
          name: longest(unit, 'name'),
          email: `${'a'.repeat(NEW_COMMENT_LIMITS.email - 12)}@example.com`,
          url: `https://example.com/${'a'.repeat(NEW_COMMENT_LIMITS.url - 20)}`,
        },
        body: longest(unit, 'body'),
      };
      expect(comment.body.length).toBeGreaterThan(NEW_COMMENT_LIMITS.body - 2);
      const raw = await post(base, 't', JSON.stringify(comment));
      expect(raw.status).toBe(201);
      const escaped = asciiJson({
        ...comment,
        body: `${comment.body.slice(0, -2)}!`,
      });
      expect(Buffer.byteLength(escaped)).toBeGreaterThan(390_000);
      expect((await post(base, 't', escaped)).status).toBe(201);
    },
  );

  it('accepts 40,000 CJK characters', async () => {
    const { base } = await start();
    expect((await post(base, 't', input('中'.repeat(40_000)))).status).toBe(
      201,
    );
  });

  it('reads a request up to the limit and refuses one byte more with 413', async () => {
    const { base } = await start();
    const padded = (bytes: number) => {
      const head = '{"author":{"name":"A","email":"a@example.com"},"body":"';
      return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
    };
    const atLimit = await post(base, 't', padded(MAX_COMMENT_REQUEST_BYTES));
    // read and judged by the comment rules
    expect(atLimit.status).toBe(400);
    expect((await atLimit.json()).error.fields.body).toBeDefined();
    const over = await post(base, 't', padded(MAX_COMMENT_REQUEST_BYTES + 1));
    expect(over.status).toBe(413);
    expect((await over.json()).error).toEqual({
      code: 'too-large',
      message:
        'This request is larger than any comment can be: requests are limited to 1,553 KB, room for a comment of 65,525 characters in any script. Nothing was stored.',
    });
  });

  it('limits what the moderation API reads', async () => {
    const { base } = await start();
    const res = await admin(base, '/comments/some-id', {
      method: 'PATCH',
      body: JSON.stringify({
        status: 'approved',
        padding: 'x'.repeat(MAX_ADMIN_REQUEST_BYTES),
      }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe(
      'A moderation request is limited to 16 KB.',
    );
  });
});

describe('a database that cannot be written', () => {
  const NOTHING_STORED =
    'The comment service cannot store comments right now; nothing was stored. Please try again later.';

  it('answers a post 507 saying nothing was stored, and the health check says the database is full', async () => {
    const { base, db, log } = await start();
    expect((await post(base, 't', input('before'))).status).toBe(201);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    // SQLite may add no page to the file: every write that needs room fails as on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const res = await post(base, 't', input('x'.repeat(20_000)), {
      'idempotency-key': 'while-full',
    });
    expect(res.status).toBe(507);
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: NOTHING_STORED },
    });
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      status: 'unavailable',
      error: {
        code: 'unavailable',
        message: expect.stringContaining(
          'the database cannot be written: it is full',
        ),
      },
    });
    expect(log.join('\n')).toContain('SQLITE_FULL');
    db.pragma('max_page_count = 1000000');
    expect(
      (await (await fetch(`${base}/api/threads/t/comments`)).json()).total,
    ).toBe(1);
  });

  it('finds a full database when asked for its health alone', async () => {
    const { base, db } = await start();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
  });

  it('answers 503 when the database is read-only, and the health check says so', async () => {
    const { base, db } = await start();
    db.pragma('query_only = ON');
    const res = await post(base, 't', input('read-only'));
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toBe(NOTHING_STORED);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).error.message).toContain('read-only');
  });
});

describe('origins', () => {
  function app(origins: string[] = []) {
    const repository = openSqliteRepository(':memory:');
    const log = captureLog();
    const service = createApp({
      repository,
      config: {
        ...readConfig({
          DATELINE_MODERATION: 'none',
          DATELINE_ADMIN_TOKEN: TOKEN,
        }),
        origins,
        floodSeconds: 0,
      },
      address: () => '192.0.2.1',
      logger: log.logger,
    });
    const request = (
      method: string,
      path: string,
      headers: Record<string, string> = {},
      body?: unknown,
    ) =>
      service.request(`http://comments.example${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    return { repository, request, log: log.lines };
  }

  it('refuses a post or a moderation from another site’s page with 403', async () => {
    const { request, repository } = app(['https://news.example']);
    const evil = { origin: 'https://evil.example' };
    const posted = await request(
      'POST',
      '/api/threads/t/comments',
      evil,
      input('forged'),
    );
    expect(posted.status).toBe(403);
    expect(await repository.countApproved('t')).toBe(0);

    const mine = await (
      await request('POST', '/api/threads/t/comments', {}, input('mine'))
    ).json();
    for (const [method, body] of [
      ['PATCH', { status: 'spam' }],
      ['DELETE', undefined],
    ] as const)
      expect(
        (
          await request(
            method,
            `/api/admin/comments/${mine.comment.id}`,
            evil,
            body,
          )
        ).status,
      ).toBe(403);
    expect((await repository.get(mine.comment.id))?.status).toBe('approved');
  });

  it('accepts its own pages, the listed origins, and clients that send no origin', async () => {
    const { request } = app(['https://news.example']);
    const own = await request(
      'POST',
      '/api/threads/t/comments',
      { origin: 'http://comments.example' },
      input('own page', { author: { name: 'A', email: 'a@example.com' } }),
    );
    expect(own.status).toBe(201);
    const listed = await request(
      'POST',
      '/api/threads/t/comments',
      { origin: 'https://news.example' },
      input('listed page', { author: { name: 'B', email: 'b@example.com' } }),
    );
    expect(listed.status).toBe(201);
    expect(listed.headers.get('access-control-allow-origin')).toBe(
      'https://news.example',
    );
    const curl = await request(
      'POST',
      '/api/threads/t/comments',
      {},
      input('curl', { author: { name: 'C', email: 'c@example.com' } }),
    );
    expect(curl.status).toBe(201);
  });

  it('logs a refused origin once, with the setting that allows it', async () => {
    const { request, log } = app();
    for (let i = 0; i < 10; i += 1) {
      await request('GET', '/api/threads/t/comments', {
        origin: 'https://x.example',
      });
      await request(
        'POST',
        '/api/threads/t/comments',
        { origin: 'https://x.example' },
        input(`try ${i}`),
      );
    }
    expect(log).toEqual([
      'Comment request from https://x.example refused: add it to DATELINE_ORIGINS to allow it.',
    ]);
  });

  it('lets any origin ask for the health check', async () => {
    const { request, log } = app();
    const res = await request('GET', '/api/health', {
      origin: 'https://x.example',
    });
    expect(res.status).toBe(200);
    expect(log).toHaveLength(1);
  });
});
