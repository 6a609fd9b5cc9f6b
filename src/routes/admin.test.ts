import { createHash } from 'node:crypto';
import {
  AdminCommentListResponseSchema,
  AuditPageResponseSchema,
  BlocklistsResponseSchema,
  ModerationActionResponseSchema,
} from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';
import { actorOf, excerpt, SEARCH_MAX_ROWS } from './admin.js';

const TOKEN = 'moderator-token-0123456789abcdef';
const opened: CommentRepository[] = [];
afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
});

function service(env: Record<string, string> = {}) {
  const repository = openSqliteRepository(':memory:');
  opened.push(repository);
  let clock = Date.UTC(2025, 6, 21, 9);
  const tick = () => {
    clock += 1000;
    return new Date(clock);
  };
  const app = createApp({
    repository,
    config: readConfig({
      DATELINE_MODERATION: 'first-time',
      DATELINE_ADMIN_TOKEN: TOKEN,
      DATELINE_FLOOD_SECONDS: '0',
      ...env,
    }),
    address: (c) => c.req.header('x-test-address'),
    now: tick,
    logger: { warn: () => {}, error: () => {} },
  });
  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(`http://comments.example/api/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const post = (
    body: string,
    author: Record<string, string> = {
      name: 'Dara',
      email: 'dara@example.com',
    },
    address = '10.0.0.1',
    extra: Record<string, unknown> = {},
  ) =>
    app.request('http://comments.example/api/threads/t/comments', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-test-address': address,
      },
      body: JSON.stringify({ author, body, ...extra }),
    });
  const readerSees = async () =>
    (
      await (
        await app.request('http://comments.example/api/threads/t/comments')
      ).json()
    ).comments.map((c: { id: string }) => c.id) as string[];
  return { app, repository, call, post, readerSees };
}

const statusOf = async (repository: CommentRepository, id: string) =>
  (await repository.get(id))?.status;

describe('the admin API', () => {
  it('refuses every route without the token', async () => {
    const { app } = service();
    const routes: Array<[string, string]> = [
      ['GET', '/queues'],
      ['GET', '/comments'],
      ['GET', '/blocklists'],
      ['GET', '/audit'],
      ['POST', '/actions'],
      ['POST', '/actions/undo'],
      ['PUT', '/blocklists'],
      ['PUT', '/threads/t'],
      ['PATCH', '/comments/x'],
      ['DELETE', '/comments/x'],
    ];
    for (const [method, path] of routes) {
      for (const authorization of [undefined, 'Bearer wrong-token'])
        expect(
          (
            await app.request(`http://comments.example/api/admin${path}`, {
              method,
              headers: authorization ? { authorization } : {},
            })
          ).status,
          `${method} ${path}`,
        ).toBe(401);
    }
  });

  it('counts the queues and pages one newest first, with what a moderator needs beside each comment', async () => {
    const { call, post, repository } = service();
    const parent = storedComment({
      author: { name: 'Sokha' },
      email: 'sokha@example.com',
      body: `A long first comment ${'word '.repeat(60)}`,
    });
    await repository.insert(parent);
    await repository.insert(storedComment({ email: 'DARA@example.com' }));
    await repository.setThreadTitle('t', {
      title: 'Cambodia lets loose the cannons',
    });
    const ids: string[] = [];
    for (const body of ['one', 'two', 'three'])
      ids.push(
        (
          await (
            await post(
              body,
              {
                name: 'Dara',
                email: 'dara@example.com',
                url: 'https://dara.example',
              },
              '10.0.0.1',
              { parentId: parent.id },
            )
          ).json()
        ).comment.id,
      );

    const queues = await (await call('GET', '/queues')).json();
    expect(queues).toEqual({
      counts: { pending: 3, approved: 2, spam: 0, deleted: 0 },
    });
    const res = await call('GET', '/comments?status=pending&limit=2');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const first = AdminCommentListResponseSchema.parse(JSON.parse(text));
    expect(first.comments.map((c) => c.body)).toEqual(['three', 'two']);
    expect(first.counts.pending).toBe(3);
    expect(first.comments[0]).toMatchObject({
      email: 'dara@example.com',
      author: { name: 'Dara', url: 'https://dara.example' },
      threadTitle: 'Cambodia lets loose the cannons',
      replyTo: { id: parent.id, authorName: 'Sokha' },
      approvedBefore: 1,
      addressToken: expect.any(String),
    });
    expect(first.comments[0]!.replyTo!.excerpt.length).toBeLessThanOrEqual(140);
    expect(first.comments[0]!.replyTo!.excerpt).toMatch(/…$/);
    // The address hash, and the address itself, never leave the service.
    const hash = (await repository.get(ids[0]!))!.addressHash!;
    expect(text).not.toContain(hash);
    expect(text).not.toContain('addressHash');
    expect(text).not.toContain('10.0.0.1');

    const rest = AdminCommentListResponseSchema.parse(
      await (
        await call(
          'GET',
          `/comments?status=pending&limit=2&cursor=${first.nextCursor}`,
        )
      ).json(),
    );
    expect(rest.comments.map((c) => c.body)).toEqual(['one']);
    expect(rest.nextCursor).toBeUndefined();
  });

  it('refuses a query it cannot read, saying why', async () => {
    const { call } = service();
    const bad = await call('GET', '/comments?status=trash&limit=500');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({
      status: 'The queue must be one of: pending, spam, approved or deleted.',
      limit: 'The limit must be a whole number from 1 to 100.',
    });
    for (const cursor of ['garbage', btoa('["a",5]'), 'x'.repeat(400)]) {
      const res = await call('GET', `/comments?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields).toEqual({
        cursor: 'The cursor is not one this service gave out.',
      });
    }
    expect((await call('GET', '/audit?cursor=nope')).status).toBe(400);
  });

  it('searches text, names and emails ignoring case, and takes wildcards as text', async () => {
    const { call, repository } = service();
    const a = storedComment({ status: 'pending', body: 'About the ARRESTS' });
    const b = storedComment({
      status: 'pending',
      author: { name: 'Chantha' },
      email: 'chan@example.com',
    });
    const c = storedComment({ status: 'pending', body: '100% agreed_with' });
    const d = storedComment({ status: 'spam', body: 'arrests elsewhere' });
    for (const comment of [a, b, c, d]) await repository.insert(comment);
    const find = async (q: string) =>
      (
        await (await call('GET', `/comments?q=${encodeURIComponent(q)}`)).json()
      ).comments.map((x: { id: string }) => x.id);
    expect(await find('arrests')).toEqual([a.id]);
    expect(await find('CHANTHA')).toEqual([b.id]);
    expect(await find('chan@EXAMPLE')).toEqual([b.id]);
    expect(await find('0% agreed_')).toEqual([c.id]);
    expect(await find('%')).toEqual([c.id]);
    expect(await find('_')).toEqual([c.id]);
    expect(await find('nothing like it')).toEqual([]);
    const long = await call('GET', `/comments?q=${'x'.repeat(101)}`);
    expect((await long.json()).error.fields.q).toBe(
      'Search for at most 100 characters.',
    );
  });

  it('reads a bounded number of comments per search, and says where to go on', async () => {
    const { call, repository } = service();
    const needle = storedComment({ status: 'pending', body: 'the needle' });
    await repository.insert(needle);
    for (let i = 0; i < SEARCH_MAX_ROWS + 50; i += 1)
      await repository.insert(storedComment({ status: 'pending' }));
    const first = await (await call('GET', '/comments?q=needle')).json();
    expect(first.comments).toEqual([]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (
      await call('GET', `/comments?q=needle&cursor=${first.nextCursor}`)
    ).json();
    expect(second.comments.map((x: { id: string }) => x.id)).toEqual([
      needle.id,
    ]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('approves a selection, records who did it, changes the thread’s ETag, and undoes it', async () => {
    const { app, call, post, readerSees, repository } = service();
    const ids: string[] = [];
    for (const body of ['first', 'second'])
      ids.push((await (await post(body)).json()).comment.id);
    const etag = (
      await app.request('http://comments.example/api/threads/t/comments')
    ).headers.get('etag');

    const res = await call('POST', '/actions', {
      action: 'approve',
      ids: [...ids, 'no-such'],
    });
    expect(res.status).toBe(200);
    const result = ModerationActionResponseSchema.parse(await res.json());
    expect(result).toMatchObject({
      unchanged: [],
      missing: ['no-such'],
      counts: { pending: 0, approved: 2 },
      entry: {
        action: 'approve',
        actor: 'token',
        items: [
          { commentId: ids[0], from: 'pending', to: 'approved' },
          { commentId: ids[1], from: 'pending', to: 'approved' },
        ],
      },
    });
    expect((await readerSees()).sort()).toEqual([...ids].sort());
    const after = (
      await app.request('http://comments.example/api/threads/t/comments')
    ).headers.get('etag');
    expect(after).not.toBe(etag);

    const undo = ModerationActionResponseSchema.parse(
      await (
        await call('POST', '/actions/undo', { id: result.entry!.id })
      ).json(),
    );
    expect(undo.entry).toMatchObject({
      action: 'undo',
      undoes: result.entry!.id,
    });
    expect(undo.counts).toMatchObject({ pending: 2, approved: 0 });
    expect(await readerSees()).toEqual([]);
    expect(await statusOf(repository, ids[0]!)).toBe('pending');

    const again = await call('POST', '/actions/undo', { id: result.entry!.id });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toBe(
      'That action was already undone.',
    );
    expect(
      (await call('POST', '/actions/undo', { id: 'no-such-entry' })).status,
    ).toBe(404);

    const log = AuditPageResponseSchema.parse(
      await (await call('GET', '/audit')).json(),
    );
    expect(log.entries.map((e) => [e.action, e.undoneBy ?? null])).toEqual([
      ['undo', null],
      ['approve', undo.entry!.id],
    ]);
  });

  it('restores spam and deleted comments to what they were', async () => {
    const { call, post, repository } = service({
      DATELINE_MODERATION: 'none',
    });
    const id = (await (await post('published')).json()).comment.id;
    await call('POST', '/actions', { action: 'spam', ids: [id] });
    expect(await statusOf(repository, id)).toBe('spam');
    const restored = await (
      await call('POST', '/actions', { action: 'restore', ids: [id] })
    ).json();
    expect(restored.entry.items).toEqual([
      expect.objectContaining({ from: 'spam', to: 'approved' }),
    ]);
    const twice = await (
      await call('POST', '/actions', { action: 'restore', ids: [id] })
    ).json();
    expect(twice).toMatchObject({ unchanged: [id] });
    expect(twice).not.toHaveProperty('entry');
  });

  it('refuses an action it cannot read, and one from another site', async () => {
    const { app, call, post, repository } = service();
    const id = (await (await post('held')).json()).comment.id;
    const many = await call('POST', '/actions', {
      action: 'approve',
      ids: Array.from({ length: 201 }, (_, i) => `c${i}`),
    });
    expect(many.status).toBe(400);
    expect((await many.json()).error.fields).toEqual({
      ids: 'At most 200 comments can be changed at once.',
    });
    const form = await call('POST', '/actions', undefined, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    // A page on another site, even one that somehow holds the token, changes nothing.
    const evil = await app.request(
      'http://comments.example/api/admin/actions',
      {
        method: 'POST',
        headers: {
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Bearer ${TOKEN}`,
        },
        body: `action=approve&ids=${id}`,
      },
    );
    expect(evil.status).toBe(403);
    expect(await statusOf(repository, id)).toBe('pending');
  });

  it('records who acted: a signed-in moderator’s email, else the token', () => {
    const context = (moderator: unknown) =>
      ({
        get: (key: string) => (key === 'moderator' ? moderator : undefined),
      }) as unknown as Parameters<typeof actorOf>[0];
    expect(actorOf(context({ email: 'editor@news.example' }))).toBe(
      'editor@news.example',
    );
    expect(actorOf(context({ token: true }))).toBe('token');
    expect(actorOf(context(undefined))).toBe('token');
    expect(actorOf(context({ email: '' }))).toBe('token');
  });

  it('records the first API’s PATCH and DELETE in the audit log too', async () => {
    const { call, post } = service();
    const id = (await (await post('held')).json()).comment.id;
    const patched = await call('PATCH', `/comments/${id}`, {
      status: 'approved',
    });
    expect((await patched.json()).comment).toMatchObject({
      id,
      status: 'approved',
    });
    expect((await call('DELETE', `/comments/${id}`)).status).toBe(200);
    expect((await call('DELETE', '/comments/nope')).status).toBe(404);
    const log = (await (await call('GET', '/audit')).json()).entries;
    expect(log.map((e: { action: string }) => e.action)).toEqual([
      'delete',
      'approve',
    ]);
  });

  it('pages the audit log', async () => {
    const { call, repository } = service();
    for (let i = 0; i < 25; i += 1) {
      const c = storedComment({ status: 'pending' });
      await repository.insert(c);
      await call('POST', '/actions', { action: 'approve', ids: [c.id] });
    }
    const first = await (await call('GET', '/audit')).json();
    expect(first.entries).toHaveLength(20);
    const rest = await (
      await call('GET', `/audit?cursor=${first.nextCursor}`)
    ).json();
    expect(rest.entries).toHaveLength(5);
    expect(rest.nextCursor).toBeUndefined();
  });

  it('sets a thread’s headline for moderators, and refuses one that is not text', async () => {
    const { call } = service();
    const ok = await call('PUT', '/threads/seed-article', {
      title: 'Cambodia lets loose the cannons',
      url: 'https://news.example/cambodia',
    });
    expect(await ok.json()).toEqual({
      threadId: 'seed-article',
      title: 'Cambodia lets loose the cannons',
      url: 'https://news.example/cambodia',
    });
    expect(
      (await call('PUT', '/threads/seed-article', { title: '' })).status,
    ).toBe(400);
    expect((await call('PUT', '/threads/..%2Fx', { title: 'x' })).status).toBe(
      400,
    );
  });
});

describe('block lists through the admin API', () => {
  const empty = {
    hold: { words: [], emails: [], addresses: [] },
    refuse: { words: [], emails: [], addresses: [] },
  };

  it('holds comments with a held word and quietly spams those with a refused email', async () => {
    const { call, post, repository } = service({ DATELINE_MODERATION: 'none' });
    const saved = await call('PUT', '/blocklists', {
      hold: {
        words: [' Casino ', 'casino', 'POKER'],
        emails: [],
        addresses: [],
      },
      refuse: { words: [], emails: ['@junk.example'], addresses: [] },
    });
    expect(saved.status).toBe(200);
    expect(BlocklistsResponseSchema.parse(await saved.json())).toEqual({
      hold: { words: ['Casino', 'POKER'], emails: [], addresses: [] },
      refuse: { words: [], emails: ['@junk.example'], addresses: [] },
    });

    const ordinary = await (
      await post('Thank you', undefined, '10.0.0.2')
    ).json();
    expect(ordinary.comment.status).toBe('approved');
    const held = await (
      await post('Play casino games', undefined, '10.0.0.3')
    ).json();
    expect(held.comment.status).toBe('pending');
    const refused = await post(
      'Hello',
      { name: 'Bot', email: 'bot@JUNK.example' },
      '10.0.0.4',
    );
    // answered as if held: the sender learns nothing
    expect(refused.status).toBe(201);
    const answer = await refused.json();
    expect(answer.comment.status).toBe('pending');
    expect(await statusOf(repository, answer.comment.id)).toBe('spam');

    const [entry] = (await (await call('GET', '/audit')).json()).entries;
    expect(entry).toMatchObject({
      action: 'blocklists',
      actor: 'token',
      note: 'Held: 2 words, 0 emails, 0 addresses. Refused: 0 words, 1 email, 0 addresses.',
      items: [],
    });
  });

  it('blocks a comment’s address by its token, without ever showing the address or its hash', async () => {
    const { call, post, repository } = service({ DATELINE_MODERATION: 'none' });
    const first = (await (await post('First', undefined, '10.9.9.9')).json())
      .comment.id;
    const row = (await (await call('GET', '/comments?status=approved')).json())
      .comments[0];
    expect(row.id).toBe(first);

    const saved = await call('PUT', '/blocklists', {
      ...empty,
      refuse: { words: [], emails: [], addresses: [row.addressToken] },
    });
    const text = await saved.text();
    const hash = (await repository.get(first))!.addressHash!;
    expect(text).not.toContain(hash);
    const lists = BlocklistsResponseSchema.parse(JSON.parse(text));
    expect(lists.refuse.addresses).toEqual([
      {
        id: expect.stringMatching(/^a~/),
        label: expect.stringContaining('Dara'),
        addedAt: expect.any(String),
      },
    ]);
    expect(text).not.toContain(row.addressToken);

    const again = await (
      await post(
        'Second',
        { name: 'Other', email: 'o@example.com' },
        '10.9.9.9',
      )
    ).json();
    expect(await statusOf(repository, again.comment.id)).toBe('spam');
    const elsewhere = await (
      await post('Third', { name: 'Other', email: 'o@example.com' }, '10.9.9.8')
    ).json();
    expect(await statusOf(repository, elsewhere.comment.id)).toBe('approved');

    // Saving again with the entry's id keeps it; leaving it out removes it.
    const kept = BlocklistsResponseSchema.parse(
      await (
        await call('PUT', '/blocklists', {
          hold: {
            words: [],
            emails: [],
            addresses: [lists.refuse.addresses[0]!.id],
          },
          refuse: { words: [], emails: [], addresses: [] },
        })
      ).json(),
    );
    expect(kept.hold.addresses).toEqual(lists.refuse.addresses);
    expect(kept.refuse.addresses).toEqual([]);
  });

  it('refuses an address token it did not make, naming the entry', async () => {
    const { call, post } = service();
    const id = (await (await post('First')).json()).comment.id;
    for (const forged of [
      `${id}~${'A'.repeat(32)}`,
      'a~not-an-entry',
      `${id}`,
    ]) {
      const res = await call('PUT', '/blocklists', {
        ...empty,
        hold: { words: ['fine'], emails: [], addresses: [forged] },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields).toEqual({
        'hold.addresses.0':
          'That address entry is not one this service gave out; reload the block lists and try again.',
      });
    }
    // nothing was saved
    expect(
      (await (await call('GET', '/blocklists')).json()).hold.words,
    ).toEqual([]);
  });

  it('says which entry is wrong, and refuses lists too long to send', async () => {
    const { call } = service();
    const res = await call('PUT', '/blocklists', {
      ...empty,
      refuse: { words: ['ok', 'two\nlines'], emails: ['nope'], addresses: [] },
    });
    expect((await res.json()).error.fields).toEqual({
      'refuse.words.1':
        'A block list entry is one line of text, without control characters.',
      'refuse.emails.0':
        'An email entry is an address (name@example.com) or a domain starting with @ (@example.com).',
    });
    const huge = await call('PUT', '/blocklists', {
      ...empty,
      hold: { words: ['x'.repeat(3_000_000)], emails: [], addresses: [] },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toBe(
      'Block lists are limited to 2,048 KB as sent.',
    );
  });
});

describe('excerpt', () => {
  it('keeps short text, and cuts long text at a word without splitting a character', () => {
    expect(excerpt('  one\n\ntwo  ')).toBe('one two');
    const long = `${'word '.repeat(50)}`;
    const cut = excerpt(long, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/word…$/);
    const emoji = excerpt('😀'.repeat(100), 11);
    expect(emoji.endsWith('…')).toBe(true);
    expect(emoji.slice(0, -1)).toBe('😀'.repeat(5));
  });
});

describe('the /admin page', () => {
  it('loads the moderation element under a policy that allows this origin’s scripts alone', async () => {
    const { app } = service();
    const res = await app.request('http://comments.example/admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const policy = res.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
    const page = await res.text();
    expect(page).toContain(
      '<script type="module" src="/cdn/moderation.js"></script>',
    );
    expect(page).toContain(
      '<dateline-moderation endpoint="/api" sign-in-href="/admin/sign-in?lang=en">',
    );
    // The one inline stylesheet is the one the policy names by hash.
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(policy).toContain(
      `'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    );
    expect(page).not.toContain(TOKEN);
  });
});
