import { LiveChangeSchema } from '@dateline/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../../test/postgres.js';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { openPostgresRepository } from '../repository/postgres.js';
import type { LiveMessage, LiveSignal } from './bus.js';
import {
  MAX_PAYLOAD_BYTES,
  payloads,
  postgresBus,
  readPayload,
} from './postgres-bus.js';
import { withLiveUpdates } from './publish.js';
import { readEvents } from './test-kit.js';

const quiet = { warn: () => {}, error: () => {} };

describe('messages as NOTIFY payloads', () => {
  it('splits a message whose ids would not fit one payload, and reads each back', () => {
    const ids = Array.from(
      { length: 300 },
      (_, i) => `c${String(i).padStart(3, '0')}${'x'.repeat(120)}`,
    );
    const message = { threadId: 't'.repeat(128), version: 42, ids };
    const sent = payloads(message);
    expect(sent.length).toBeGreaterThan(5);
    for (const payload of sent)
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const read = sent.map((p) => readPayload(p)!);
    expect(read.flatMap((m) => m.ids)).toEqual(ids);
    for (const m of read) {
      expect(m.threadId).toBe(message.threadId);
      expect(m.version).toBe(42);
    }
    expect(payloads({ threadId: 'a', version: 1, ids: [] })).toEqual([
      '{"t":"a","v":1,"i":[]}',
    ]);
  });

  it('ignores a payload it did not write', () => {
    for (const payload of [
      '',
      'not json',
      'null',
      '[]',
      '{"t":"a","v":-1,"i":[]}',
      '{"t":"a","v":1.5,"i":[]}',
      '{"t":"a","v":1,"i":[1]}',
      '{"t":"a","v":1,"i":"c1"}',
      '{"t":1,"v":1,"i":[]}',
      '{"__proto__":{"t":"a","v":1,"i":[]}}',
      '{"constructor":{"t":"a"},"v":1,"i":[]}',
    ])
      expect(readPayload(payload), payload).toBeUndefined();
  });
});

describe('the PostgreSQL bus', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  const closing: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  /** A bus on `url` whose signals are kept in order, with a way to wait for the next. */
  function bus(url: string, reconnectDelay?: (attempt: number) => number) {
    const made = postgresBus({
      connectionString: url,
      logger: quiet,
      ...(reconnectDelay ? { reconnectDelay } : {}),
    });
    closing.push(() => made.close());
    const signals: LiveSignal[] = [];
    let wake: (() => void) | undefined;
    made.subscribe((signal) => {
      signals.push(signal);
      wake?.();
    });
    const next = async (): Promise<LiveSignal> => {
      while (!signals.length)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      return signals.shift()!;
    };
    return { bus: made, next };
  }

  it('tells every instance’s subscribers, its own included, in the order sent', async () => {
    const url = await server.createDatabase();
    const a = bus(url);
    const b = bus(url);
    await Promise.all([a.bus.ready(), b.bus.ready()]);
    const first: LiveMessage = { threadId: 'kh-2025', version: 1, ids: ['c1'] };
    const second: LiveMessage = {
      threadId: 'kh-2025',
      version: 2,
      ids: ['c2'],
    };
    await a.bus.publish(first);
    await a.bus.publish(second);
    for (const side of [a, b]) {
      expect(await side.next()).toEqual({ kind: 'message', message: first });
      expect(await side.next()).toEqual({ kind: 'message', message: second });
    }
  });

  it('reaches only the instances of the same database', async () => {
    const a = bus(await server.createDatabase());
    const b = bus(await server.createDatabase());
    await Promise.all([a.bus.ready(), b.bus.ready()]);
    await a.bus.publish({ threadId: 'a', version: 1, ids: [] });
    await b.bus.publish({ threadId: 'b', version: 1, ids: [] });
    expect(await a.next()).toMatchObject({ message: { threadId: 'a' } });
    expect(await b.next()).toMatchObject({ message: { threadId: 'b' } });
  });

  it('connects again after losing its connection, saying messages may have been lost', async () => {
    const url = await server.createDatabase();
    const a = bus(url, () => 20);
    const b = bus(url);
    await Promise.all([a.bus.ready(), b.bus.ready()]);
    const database = new URL(url).pathname.slice(1);
    const ended = await server.admin(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE query = 'LISTEN dateline_live' AND datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    expect(ended.rowCount).toBe(2);
    // Lost, then listening again: each says so.
    expect(await a.next()).toEqual({ kind: 'gap' });
    expect(await a.next()).toEqual({ kind: 'gap' });
    await b.bus.ready();
    await a.bus.ready();
    await b.bus.publish({ threadId: 'after', version: 3, ids: ['c3'] });
    expect(await a.next()).toEqual({
      kind: 'message',
      message: { threadId: 'after', version: 3, ids: ['c3'] },
    });
  });

  it('two instances on one database: a page following a thread on one is sent a comment posted through the other', async () => {
    const url = await server.createDatabase();
    const instance = async () => {
      const repository = withLiveUpdates(await openPostgresRepository(url), {
        bus: postgresBus({ connectionString: url, logger: quiet }),
        logger: quiet,
        hub: { heartbeatMs: 0 },
      });
      closing.push(() => repository.close());
      return createApp({
        repository,
        config: readConfig({
          DATELINE_MODERATION: 'none',
          DATELINE_FLOOD_SECONDS: '0',
        }),
        logger: quiet,
      });
    };
    const [a, b] = [await instance(), await instance()];
    const res = await a.request(
      'http://comments.example/api/live?threads=kh-2025',
    );
    expect(res.status).toBe(200);
    const reader = readEvents(res);
    closing.push(() => reader.close());
    expect((await reader.nextEvent()).event).toBe('ready');

    const posted = await b.request(
      'http://comments.example/api/threads/kh-2025/comments',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          author: { name: 'Sokha', email: 'sokha@example.com' },
          body: 'Posted through the other instance.',
        }),
      },
    );
    expect(posted.status).toBe(201);
    const { comment } = await posted.json();
    const event = await reader.nextEvent();
    expect(event.event).toBe('change');
    const change = LiveChangeSchema.parse(JSON.parse(event.data));
    expect(change.comments.map((c) => [c.id, c.body])).toEqual([
      [comment.id, 'Posted through the other instance.'],
    ]);
    expect(change.total).toBe(1);
    expect(reader.text()).not.toContain('sokha@example.com');
  });
});
