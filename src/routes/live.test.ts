import {
  formatLiveId,
  LiveChangeSchema,
  LiveReadySchema,
  LiveResyncSchema,
  MAX_LIVE_THREADS,
  parseLiveId,
} from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { inProcessBus, type LiveBus, type LiveSignal } from '../live/bus.js';
import type { LiveHubOptions } from '../live/hub.js';
import { liveHubOf, liveSettled, withLiveUpdates } from '../live/publish.js';
import { readEvents, type SseEvent, type SseReader } from '../live/test-kit.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';

const TOKEN = 'live-test-token-0123456789abcdef';
const ORIGIN = 'http://comments.example';

const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

type HubOptions = Omit<LiveHubOptions, 'repository' | 'bus' | 'logger'>;

/** The app over an in-memory database, its live hub driven by the test (no timer). */
function service({
  env = {},
  hub: hubOptions = {},
  repository: given,
  bus,
}: {
  env?: Record<string, string>;
  hub?: HubOptions;
  repository?: CommentRepository;
  bus?: LiveBus;
} = {}) {
  const log: string[] = [];
  const logger = {
    warn: (line: string) => void log.push(line),
    error: (line: string) => void log.push(line),
  };
  const bare = given ?? openSqliteRepository(':memory:');
  const repository = withLiveUpdates(bare, {
    logger,
    ...(bus ? { bus } : {}),
    hub: { heartbeatMs: 0, ...hubOptions },
  });
  closing.push(() => repository.close());
  const hub = liveHubOf(repository)!;
  const app = createApp({
    repository,
    config: readConfig({
      DATELINE_MODERATION: 'none',
      DATELINE_FLOOD_SECONDS: '0',
      DATELINE_ADMIN_TOKEN: TOKEN,
      ...env,
    }),
    address: (c) => c.req.header('x-test-address') ?? '192.0.2.1',
    logger,
  });

  const connect = (query: string, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}/api/live${query}`, { headers });
  /** Follows threads; the reader is closed after the test. */
  const follow = async (
    query: string,
    headers: Record<string, string> = {},
  ): Promise<SseReader> => {
    const res = await connect(query, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'text/event-stream; charset=utf-8',
    );
    const reader = readEvents(res);
    closing.push(() => reader.close());
    return reader;
  };
  let posts = 0;
  const post = async (
    threadId: string,
    body: string,
    author: Record<string, string> = {},
  ) => {
    posts += 1;
    const res = await app.request(
      `${ORIGIN}/api/threads/${threadId}/comments`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-test-address': `198.51.100.${posts}`,
        },
        body: JSON.stringify({
          author: { name: 'Sokha', email: 'sokha@example.com', ...author },
          body,
        }),
      },
    );
    expect(res.status).toBe(201);
    return (await res.json()).comment as { id: string; status: string };
  };
  const admin = async (path: string, body: unknown) => {
    const res = await app.request(`${ORIGIN}/api/admin${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ entry: { id: string } }>;
  };
  const moderate = (action: string, ids: string[]) =>
    admin('/actions', { action, ids });
  const undo = (id: string) => admin('/actions/undo', { id });
  /** Everything the hub has sent `reader` since the last call: up to a heartbeat asked for now. */
  const sent = async (reader: SseReader): Promise<SseEvent[]> => {
    await liveSettled(repository);
    await hub.tick();
    return reader.untilHeartbeat();
  };
  return {
    app,
    repository,
    bare,
    hub,
    log,
    connect,
    follow,
    post,
    moderate,
    undo,
    sent,
  };
}

const changeOf = (event: SseEvent) => {
  expect(event.event).toBe('change');
  return LiveChangeSchema.parse(JSON.parse(event.data));
};

describe('GET /api/live', () => {
  it('starts with the version of each thread followed, and sends a comment posted approved in its public shape', async () => {
    const { follow, post, sent } = service();
    await post('kh-2025', 'Posted before the page connected.');
    const reader = await follow('?threads=kh-2025,other');
    const [ready] = await sent(reader);
    expect(ready!.event).toBe('ready');
    expect(LiveReadySchema.parse(JSON.parse(ready!.data))).toEqual({
      threads: [
        { threadId: 'kh-2025', version: 1 },
        { threadId: 'other', version: 0 },
      ],
    });
    expect(reader.retry()).toBeGreaterThanOrEqual(3000);

    const comment = await post('kh-2025', 'Thank you for this report.', {
      url: 'https://sokha.example',
    });
    const events = await sent(reader);
    expect(events).toHaveLength(1);
    const change = changeOf(events[0]!);
    expect(change).toEqual({
      threadId: 'kh-2025',
      version: 2,
      total: 2,
      comments: [
        {
          id: comment.id,
          threadId: 'kh-2025',
          parentId: null,
          author: { name: 'Sokha', url: 'https://sokha.example' },
          body: 'Thank you for this report.',
          createdAt: expect.any(String),
          status: 'approved',
        },
      ],
      removed: [],
    });
    expect(Object.keys(JSON.parse(events[0]!.data).comments[0]).sort()).toEqual(
      ['author', 'body', 'createdAt', 'id', 'parentId', 'status', 'threadId'],
    );
    expect(reader.text()).not.toContain('sokha@example.com');
    expect(reader.text()).not.toContain('addressHash');
    const position = parseLiveId(events[0]!.id, ['kh-2025', 'other'])!;
    expect(position.versions).toEqual(
      new Map([
        ['kh-2025', 2],
        ['other', 0],
      ]),
    );
    expect(position.instance).toMatch(/^[0-9a-f]{12}$/);
  });

  it('tells nothing of a held comment, to anyone, and sends it once a moderator approves it', async () => {
    const { follow, post, moderate, sent } = service({
      env: { DATELINE_MODERATION: 'all' },
    });
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    const held = await post('kh-2025', 'A held comment, for moderators only.');
    expect(held.status).toBe('pending');
    expect(await sent(reader)).toEqual([]);
    await moderate('spam', [held.id]);
    expect(await sent(reader)).toEqual([]);
    expect(reader.text()).not.toContain(held.id);

    await moderate('approve', [held.id]);
    const [event] = await sent(reader);
    const change = changeOf(event!);
    expect(change.comments.map((c) => [c.id, c.body])).toEqual([
      [held.id, 'A held comment, for moderators only.'],
    ]);
    expect(change.total).toBe(1);
  });

  it('names a comment no longer shown as removed, and shows it again when the deletion is undone', async () => {
    const { follow, post, moderate, undo, sent } = service();
    await post('kh-2025', 'Kept.');
    const gone = await post('kh-2025', 'Removed by a moderator.');
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    const { entry } = await moderate('delete', [gone.id]);
    const [deleted] = await sent(reader);
    expect(changeOf(deleted!)).toMatchObject({
      comments: [],
      removed: [gone.id],
      total: 1,
    });

    await undo(entry.id);
    const [back] = await sent(reader);
    expect(changeOf(back!)).toMatchObject({
      comments: [{ id: gone.id, body: 'Removed by a moderator.' }],
      removed: [],
      total: 2,
    });
  });

  it('sends a comment approved through a moderator’s one-click mail link', async () => {
    const { follow, repository, post, sent } = service({
      env: { DATELINE_MODERATION: 'all' },
    });
    const held = await post('kh-2025', 'Approved from the mail.');
    await repository.createActionLinks([
      {
        tokenHash: 'hash-of-the-approve-link',
        group: 'mail-1',
        commentId: held.id,
        action: 'approve',
        email: 'editor@news.example',
        now: Date.now(),
        expiresAt: Date.now() + 60_000,
      },
    ]);
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    const used = await repository.useActionLink({
      tokenHash: 'hash-of-the-approve-link',
      now: Date.now(),
    });
    expect(used.ok).toBe(true);
    const [event] = await sent(reader);
    expect(changeOf(event!).comments.map((c) => c.id)).toEqual([held.id]);
  });

  it('tells one connection about each of its threads, and nothing of the others', async () => {
    const { follow, post, moderate, sent } = service();
    const reader = await follow('?threads=b,a&threads=a');
    const [ready] = await sent(reader);
    expect(
      LiveReadySchema.parse(JSON.parse(ready!.data)).threads.map(
        (t) => t.threadId,
      ),
    ).toEqual(['a', 'b']);
    const inA = await post('a', 'In a.');
    await post('elsewhere', 'In a thread this page does not show.');
    const inB = await post('b', 'In b.');
    await moderate('delete', [inA.id, inB.id]);
    const events = (await sent(reader)).map(changeOf);
    expect(
      events.map((e) => [e.threadId, e.comments.map((c) => c.id), e.removed]),
    ).toEqual([
      ['a', [inA.id], []],
      ['b', [inB.id], []],
      ['a', [], [inA.id]],
      ['b', [], [inB.id]],
    ]);
    expect(reader.text()).not.toContain('does not show');
  });

  it('resumes with Last-Event-ID: a page that was away is sent exactly what changed meanwhile', async () => {
    const { follow, post, moderate, sent } = service();
    const kept = await post('kh-2025', 'Seen before leaving.');
    const first = await follow('?threads=kh-2025');
    const [ready] = await sent(first);
    await first.close();

    const missed = await post('kh-2025', 'Posted while the page was away.');
    await moderate('delete', [kept.id]);
    await post('other', 'Another thread.');
    const back = await follow('?threads=kh-2025', {
      'last-event-id': ready!.id,
    });
    const events = await sent(back);
    expect(events.map((e) => e.event)).toEqual(['ready', 'change']);
    // Until what was missed is sent, the id still says where the page was.
    expect(events[0]!.id).toBe(ready!.id);
    expect(changeOf(events[1]!)).toMatchObject({
      version: 3,
      total: 1,
      comments: [{ id: missed.id }],
      removed: [kept.id],
    });

    // The same, asked for in the query, as a page opening its stream again does.
    const again = await follow(
      `?threads=kh-2025&lastEventId=${encodeURIComponent(events[1]!.id)}`,
    );
    expect((await sent(again)).map((e) => e.event)).toEqual(['ready']);
  });

  it('tells a page to fetch the thread again when what it missed has left the ring of recent changes', async () => {
    const { follow, post, sent } = service({ hub: { ringSize: 2 } });
    const first = await follow('?threads=kh-2025');
    const [ready] = await sent(first);
    await first.close();
    for (const n of [1, 2, 3]) await post('kh-2025', `Comment ${n}.`);
    const back = await follow('?threads=kh-2025', {
      'last-event-id': ready!.id,
    });
    const events = await sent(back);
    expect(events.map((e) => e.event)).toEqual(['ready', 'resync']);
    expect(LiveResyncSchema.parse(JSON.parse(events[1]!.data))).toEqual({
      threadId: 'kh-2025',
      version: 3,
    });
    expect(
      parseLiveId(events[1]!.id, ['kh-2025'])!.versions.get('kh-2025'),
    ).toBe(3);
  });

  it('sends a page coming back from another instance the changes since the version it saw, or a resync when it cannot tell', async () => {
    const { follow, post, sent } = service();
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    const one = await post('kh-2025', 'One.');
    const two = await post('kh-2025', 'Two.');
    const elsewhere = (version: number) =>
      formatLiveId(['kh-2025'], {
        versions: new Map([['kh-2025', version]]),
        instance: 'another',
        seq: 1,
      });
    const fromOne = await follow('?threads=kh-2025', {
      'last-event-id': elsewhere(1),
    });
    const events = await sent(fromOne);
    expect(events.map((e) => e.event)).toEqual(['ready', 'change']);
    // The changes of versions before the one seen come too: a page may have missed a late one.
    expect(
      changeOf(events[1]!)
        .comments.map((c) => c.id)
        .sort(),
    ).toEqual([one.id, two.id].sort());

    // This instance began following the thread at version 0: older versions it cannot tell.
    const {
      follow: followLate,
      post: postLate,
      sent: sentLate,
      bare,
    } = service();
    await postLate('kh-2025', 'Before anyone followed.');
    await bare.insert(storedComment({ threadId: 'kh-2025' }));
    const late = await followLate('?threads=kh-2025', {
      'last-event-id': elsewhere(1),
    });
    expect((await sentLate(late)).map((e) => e.event)).toEqual([
      'ready',
      'resync',
    ]);
  });

  it('tells pages to fetch again when a thread changed where no message was sent (a script writing to the database)', async () => {
    const { follow, bare, sent } = service();
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    await bare.insert(
      storedComment({ threadId: 'kh-2025', body: 'Imported.' }),
    );
    // A message may be on its way: one check waits for it.
    expect(await sent(reader)).toEqual([]);
    const events = await sent(reader);
    expect(events.map((e) => e.event)).toEqual(['resync']);
    expect(JSON.parse(events[0]!.data)).toEqual({
      threadId: 'kh-2025',
      version: 1,
    });
    expect(await sent(reader)).toEqual([]);
  });

  it('checks versions at once when the bus says messages may have been lost', async () => {
    const inner = inProcessBus();
    const listeners: Array<(signal: LiveSignal) => void> = [];
    const bus: LiveBus = {
      ...inner,
      subscribe(listener) {
        listeners.push(listener);
        return inner.subscribe(listener);
      },
    };
    const { follow, bare, sent } = service({ bus });
    const reader = await follow('?threads=kh-2025,quiet');
    await sent(reader);
    await bare.insert(storedComment({ threadId: 'kh-2025' }));
    for (const listener of listeners) listener({ kind: 'gap' });
    const events = await sent(reader);
    expect(events.map((e) => [e.event, JSON.parse(e.data)])).toEqual([
      ['resync', { threadId: 'kh-2025', version: 1 }],
    ]);
  });

  it('sends a new connection what changed in the last minute, so a page that fetched just before connecting misses nothing', async () => {
    const { follow, post, sent } = service();
    const just = await post(
      'kh-2025',
      'Posted between the fetch and the connection.',
    );
    const reader = await follow('?threads=kh-2025');
    const events = await sent(reader);
    expect(events.map((e) => e.event)).toEqual(['ready', 'change']);
    expect(changeOf(events[1]!).comments.map((c) => c.id)).toEqual([just.id]);

    const clock = { now: 0 };
    const {
      follow: followLater,
      post: postEarlier,
      sent: sentLater,
    } = service({ hub: { now: () => clock.now } });
    await postEarlier('kh-2025', 'Long before.');
    clock.now = 60_001;
    expect(
      (await sentLater(await followLater('?threads=kh-2025'))).map(
        (e) => e.event,
      ),
    ).toEqual(['ready']);
  });

  it('sends heartbeats, so proxies keep the connection and a dead one is found', async () => {
    const { follow, hub, sent } = service();
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    await hub.tick();
    await hub.tick();
    expect(await reader.next()).toMatchObject({ event: ':' });
    expect(await reader.next()).toMatchObject({ event: ':' });
  });

  it('refuses a connection over the limit per address (429) and over the instance’s limit (503), saying which', async () => {
    const { connect, follow, hub } = service({
      hub: { maxPerAddress: 2, maxConnections: 3 },
    });
    const from = (address: string) => ({ 'x-test-address': address });
    await follow('?threads=a', from('203.0.113.1'));
    await follow('?threads=b', from('203.0.113.1'));
    const third = await connect('?threads=c', from('203.0.113.1'));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    expect((await third.json()).error).toMatchObject({
      code: 'too-fast',
      message: expect.stringContaining(
        'This address already has 2 live connections open',
      ),
    });
    await follow('?threads=a', from('203.0.113.2'));
    const full = await connect('?threads=a', from('203.0.113.3'));
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('30');
    expect((await full.json()).error.message).toContain(
      'as many live connections as it can hold',
    );
    expect(hub.connections).toBe(3);
  });

  it('frees a connection’s place as soon as its reader goes away', async () => {
    const { connect, follow, hub } = service({ hub: { maxPerAddress: 1 } });
    const first = await follow('?threads=a');
    expect((await connect('?threads=a')).status).toBe(429);
    await first.close();
    expect(hub.connections).toBe(0);
    const second = await connect('?threads=a');
    expect(second.status).toBe(200);
    await second.body!.cancel();
    expect(hub.connections).toBe(0);
  });

  it('holds no place for a HEAD request, which gets no body', async () => {
    const { app, hub } = service();
    const res = await app.request(`${ORIGIN}/api/live?threads=a`, {
      method: 'HEAD',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'text/event-stream; charset=utf-8',
    );
    expect(hub.connections).toBe(0);
  });

  it('lets go of a reader that stops reading, rather than keeping what it does not read', async () => {
    const { connect, post, hub, repository } = service({
      hub: { maxQueuedBytes: 2000 },
    });
    const res = await connect('?threads=kh-2025');
    expect(hub.connections).toBe(1);
    for (let n = 0; n < 40 && hub.connections; n += 1) {
      await post('kh-2025', `Comment ${n}: ${'words '.repeat(20)}`);
      await liveSettled(repository);
    }
    expect(hub.connections).toBe(0);
    await expect(res.text()).rejects.toThrow('The reader fell behind.');
  });

  it('sends a change too large for one event as a resync', async () => {
    const { follow, post, sent } = service({ hub: { maxEventBytes: 1000 } });
    const reader = await follow('?threads=kh-2025');
    await sent(reader);
    await post('kh-2025', 'Short.');
    expect((await sent(reader)).map((e) => e.event)).toEqual(['change']);
    await post('kh-2025', 'Long. '.repeat(200));
    expect((await sent(reader)).map((e) => e.event)).toEqual(['resync']);
  });

  it('refuses a request that names no thread, a bad thread id, or too many, saying what is wrong', async () => {
    const { connect, hub } = service();
    const refusal = async (query: string) => {
      const res = await connect(query);
      expect(res.status).toBe(400);
      return (await res.json()).error.message as string;
    };
    expect(await refusal('')).toBe(
      `Name the threads to follow as ?threads=a,b: up to ${MAX_LIVE_THREADS} thread ids, separated by commas.`,
    );
    expect(await refusal('?threads=,,')).toContain('Name the threads');
    expect(await refusal('?threads=ok,%3Cscript%3E')).toBe(
      '"<script>" is not a thread id. A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.',
    );
    expect(await refusal(`?threads=${'x'.repeat(5000)}`)).toMatch(
      /^"x{40}…" is not a thread id/,
    );
    const many = Array.from(
      { length: MAX_LIVE_THREADS + 1 },
      (_, i) => `t${i}`,
    );
    expect(await refusal(`?threads=${many.join(',')}`)).toBe(
      `One live connection follows up to ${MAX_LIVE_THREADS} threads.`,
    );
    expect(hub.connections).toBe(0);
  });

  it('takes a forged or malformed Last-Event-ID as a new connection', async () => {
    const { follow, post, sent } = service();
    await post('constructor', 'In a thread named like a prototype key.');
    for (const id of [
      'x'.repeat(100_000),
      'hasOwnProperty',
      '1,2,3',
      '1;zz.9',
      '-1',
      '99999999999999999999',
      `0;${'a'.repeat(40)}.1`,
      '0;abc.99999',
      '1\u0000',
    ]) {
      const reader = await follow('?threads=hasOwnProperty,constructor', {
        'last-event-id': id.replace(/\0/g, ''),
      });
      const events = await sent(reader);
      expect(events[0]!.event).toBe('ready');
      expect(
        parseLiveId(events[0]!.id, ['constructor', 'hasOwnProperty'])!.versions,
      ).toEqual(
        new Map([
          ['hasOwnProperty', 0],
          ['constructor', 1],
        ]),
      );
      await reader.close();
    }
  });

  it('answers pages on listed origins with CORS, and keeps other sites’ pages from reading', async () => {
    const { connect } = service({
      env: { DATELINE_ORIGINS: 'https://news.example' },
    });
    const listed = await connect('?threads=a', {
      origin: 'https://news.example',
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(
      'https://news.example',
    );
    await listed.body!.cancel();
    const other = await connect('?threads=a', {
      origin: 'https://evil.example',
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await other.body?.cancel();
  });
});
