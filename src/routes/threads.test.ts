import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';

const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const NEWS = 'https://news.example';

/**
 * An instance of the service over `file`, as each of several instances behind a load balancer
 * is: its own connection, its own app. `pages` counts the pages it read from the database.
 */
function instance(file: string) {
  const real = openSqliteRepository(file);
  closing.push(() => real.close());
  const reads = { pages: 0 };
  const repository = new Proxy(real, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (name === 'page') reads.pages += 1;
        return value.apply(target, args);
      };
    },
  }) as CommentRepository;
  const app = createApp({
    repository,
    config: {
      ...readConfig({ DATELINE_MODERATION: 'none' }),
      origins: [NEWS],
    },
    logger: { warn: () => {}, error: () => {} },
  });
  const get = (query = '', headers: Record<string, string> = {}) =>
    app.request(`http://comments.example/api/threads/t/comments${query}`, {
      headers,
    });
  const post = (body: string) =>
    app.request('http://comments.example/api/threads/t/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        author: { name: 'Dara', email: 'dara@example.com' },
        body,
      }),
    });
  return { repository: real, reads, get, post };
}

const newFile = () =>
  join(mkdtempSync(join(tmpdir(), 'dateline-threads-')), 'comments.sqlite');

const bodies = async (res: Response) =>
  ((await res.json()) as { comments: { body: string }[] }).comments.map(
    (c) => c.body,
  );

describe('GET /api/threads/:threadId/comments', () => {
  it('reads and serialises a page once per thread version, whoever asks', async () => {
    const one = instance(newFile());
    await one.repository.insert(storedComment({ body: 'First' }));
    const answers = [
      await one.get(),
      await one.get('', { origin: NEWS, 'accept-language': 'fr' }),
      await one.get('', { 'accept-language': 'km' }),
    ];
    expect(one.reads.pages).toBe(1);
    const texts = await Promise.all(answers.map((res) => res.text()));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toMatchObject({
      comments: [{ body: 'First' }],
      total: 1,
    });
    expect(answers[0]!.headers.get('content-type')).toBe('application/json');
    expect(answers[0]!.headers.get('cache-control')).toBe('no-cache');

    expect((await one.post('Second')).status).toBe(201);
    const after = await one.get();
    expect(one.reads.pages).toBe(2);
    expect(await bodies(after)).toEqual(['First', 'Second']);
    expect(after.headers.get('etag')).not.toBe(answers[0]!.headers.get('etag'));
  });

  it('answers what another instance stored, because the version comes from the database', async () => {
    const file = newFile();
    const a = instance(file);
    const b = instance(file);
    const kept = storedComment({ body: 'Kept' });
    await a.repository.insert(kept);
    const before = await a.get();
    expect(await bodies(before)).toEqual(['Kept']);
    const etag = before.headers.get('etag')!;

    expect((await b.post('Through the other instance')).status).toBe(201);
    const revalidated = await a.get('', { 'if-none-match': etag });
    expect(revalidated.status).toBe(200);
    expect(await bodies(revalidated)).toEqual([
      'Kept',
      'Through the other instance',
    ]);

    // A moderator on the other instance withdraws a comment: it leaves this one's answer too.
    await b.repository.setStatus(kept.id, 'spam');
    expect(await bodies(await a.get())).toEqual(['Through the other instance']);
  });

  it('answers 304 from the kept ETag, and 200 once the thread changed', async () => {
    const one = instance(newFile());
    await one.repository.insert(storedComment());
    const etag = (await one.get()).headers.get('etag')!;
    const again = await one.get('', {
      'if-none-match': `W/"0-old", ${etag}`,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    await one.post('News');
    expect((await one.get('', { 'if-none-match': etag })).status).toBe(200);
  });

  it('keeps every page apart: limit, order and cursor', async () => {
    const one = instance(newFile());
    for (const body of ['A', 'B', 'C'])
      await one.repository.insert(storedComment({ body }));
    const first = await one.get('?limit=2');
    const { nextCursor } = (await first.clone().json()) as {
      nextCursor: string;
    };
    expect(await bodies(first)).toEqual(['A', 'B']);
    expect(await bodies(await one.get('?limit=1'))).toEqual(['A']);
    expect(await bodies(await one.get('?order=newest'))).toEqual([
      'C',
      'B',
      'A',
    ]);
    expect(
      await bodies(
        await one.get(`?limit=2&cursor=${encodeURIComponent(nextCursor)}`),
      ),
    ).toEqual(['C']);
    expect(await bodies(await one.get())).toEqual(['A', 'B', 'C']);
    // The same page asked again is not read again.
    const reads = one.reads.pages;
    expect(await bodies(await one.get('?limit=1'))).toEqual(['A']);
    expect(one.reads.pages).toBe(reads);
  });

  it('sets what varies by request on each answer, not on the kept one', async () => {
    const one = instance(newFile());
    await one.repository.insert(storedComment());
    const listed = await one.get('', { origin: NEWS });
    const other = await one.get('', { origin: 'https://elsewhere.example' });
    const none = await one.get();
    expect(one.reads.pages).toBe(1);
    expect(listed.headers.get('access-control-allow-origin')).toBe(NEWS);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    for (const res of [listed, other, none])
      expect(res.headers.get('vary')).toContain('Origin');
  });

  it('refuses a cursor it never gave out each time it is sent, and keeps nothing for it', async () => {
    const one = instance(newFile());
    await one.repository.insert(storedComment());
    for (let i = 0; i < 2; i += 1) {
      const res = await one.get('?cursor=bm90LWEtY3Vyc29y');
      expect(res.status).toBe(400);
      expect(res.headers.get('etag')).toBeNull();
    }
    expect(one.reads.pages).toBe(2);
  });
});
