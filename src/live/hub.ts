import { randomBytes } from 'node:crypto';
import {
  type Comment,
  formatLiveId,
  type LiveChangeData,
  type LiveReady,
  type LiveResync,
  parseLiveId,
} from '@dateline/core';
import type { Logger } from '../middleware/answer.js';
import type { CommentRepository, StoredComment } from '../repository/types.js';
import type { LiveBus, LiveMessage, LiveSignal } from './bus.js';

export interface LiveHubOptions {
  /** Where comments are read when a change is told; never written. */
  repository: CommentRepository;
  bus: LiveBus;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Connections this instance holds at most. Default 5000. */
  maxConnections?: number;
  /** Connections one address holds at most (a reader with many tabs, an office behind one address). Default 16. */
  maxPerAddress?: number;
  /**
   * How often every connection is sent a heartbeat, so proxies keep it open and a dead one is
   * found; 0 for no timer (tests call `tick`). Default 20 s.
   */
  heartbeatMs?: number;
  /** Thread versions are checked every this many heartbeats, to find changes no message told. Default 1. */
  checkEvery?: number;
  /** How long what is known of a thread is kept after its last reader left. Default 10 minutes. */
  retainMs?: number;
  /** Recent messages kept, to send a reader coming back what it missed. Default 4096, for 15 minutes. */
  ringSize?: number;
  ringAgeMs?: number;
  /**
   * A new connection is sent the comments changed this recently, so a page that fetched the
   * thread just before connecting misses nothing in between. Default 60 s.
   */
  recentMs?: number;
  /**
   * A connection coming back from another instance is sent the changes of this many versions
   * before the one it last saw too: the version a message carries is read after its write, so
   * a message can arrive after one of a later version. Default 16.
   */
  slack?: number;
  /** A connection whose reader lets more than this wait unread is closed (it comes back and resumes). Default 256 KiB. */
  maxQueuedBytes?: number;
  /** A change larger than this is sent as a `resync` instead. Default 256 KiB. */
  maxEventBytes?: number;
  now?: () => number;
}

export type ConnectResult =
  | { ok: true; response: Response }
  /** Over a limit: `address` (this address has `limit` open) or `total` (the instance is full). */
  | { ok: false; reason: 'address' | 'total'; limit: number };

export interface LiveHub {
  /** Opens a live stream of these threads (sorted, distinct: `liveThreads`), or says which limit refused it. */
  connect(request: {
    threadIds: readonly string[];
    lastEventId?: string | undefined;
    address?: string | undefined;
  }): ConnectResult;
  /** What the timer does: heartbeats, version checks, forgetting what is old. */
  tick(): Promise<void>;
  /** Connections open now. */
  readonly connections: number;
  /** Resolves once the work queued so far (connections starting, messages told) is done. */
  settled(): Promise<void>;
  /** Ends every connection (they reconnect elsewhere) and stops listening. */
  close(): Promise<void>;
}

interface Connection {
  threads: readonly string[];
  seen: Map<string, number>;
  seq: number | undefined;
  address: string | undefined;
  controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  open: boolean;
}

interface ThreadRecord {
  /** Messages of this thread with a version above this are all in the ring. */
  floor: number;
  /** The highest version any message (or check) told. */
  told: number;
  /** A version found ahead of `told` at the last check, not yet told by a message. */
  behind: number | undefined;
  connections: Set<Connection>;
  idleSince: number;
}

interface RingEntry {
  seq: number;
  at: number;
  threadId: string;
  version: number;
  /** Comments whose visibility changed; absent for a resync. */
  ids?: readonly string[];
}

const encoder = new TextEncoder();
/** The stream's own buffer: what the server takes from it before the socket pushes back. */
const QUEUE_BYTES = 16 * 1024;
const HEARTBEAT = encoder.encode(':\n\n');

/** A comment as any reader may see it: named fields only, so nothing private can slip through. */
function publicShape(c: StoredComment): Comment {
  return {
    id: c.id,
    threadId: c.threadId,
    parentId: c.parentId,
    author: c.author.url
      ? { name: c.author.name, url: c.author.url }
      : { name: c.author.name },
    body: c.body,
    createdAt: c.createdAt,
    status: c.status,
  };
}

/**
 * Serves readers' live connections on one instance. Every message from the bus is kept in a
 * ring of recent ones and told to the connections following its thread: the comments it names
 * are read once, now, and only those approved are sent, in their public shape; the others are
 * named as removed. A change is serialised once for all its connections.
 *
 * A connection that comes back says where it was (`Last-Event-ID`): to this same instance it
 * is sent exactly what it missed, from the ring; to another, the changes since the version it
 * saw, if the ring reaches back that far; otherwise it is told to fetch the thread again
 * (`resync`). Thread versions are checked now and then, so that a change no message told (a
 * lost message, a script writing to the database) still reaches the pages.
 */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const {
    repository,
    bus,
    logger,
    maxConnections = 5000,
    maxPerAddress = 16,
    heartbeatMs = 20_000,
    checkEvery = 1,
    retainMs = 600_000,
    ringSize = 4096,
    ringAgeMs = 900_000,
    recentMs = 60_000,
    slack = 16,
    maxQueuedBytes = 256 * 1024,
    maxEventBytes = 256 * 1024,
    now = Date.now,
  } = options;
  const instance = randomBytes(6).toString('hex');
  const connections = new Set<Connection>();
  const perAddress = new Map<string, number>();
  const threads = new Map<string, ThreadRecord>();
  const ring: RingEntry[] = [];
  let seq = 0;
  /** The last entry that left the ring. */
  let evictedSeq = 0;
  let ticks = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  // One task at a time: messages are told in the order they came, and a connection starts
  // between two messages, never during one.
  let queue: Promise<void> = Promise.resolve();
  const serial = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => {
      logger.error('Live updates failed.', error);
    });
  };

  const unsubscribe = bus.subscribe((signal: LiveSignal) => {
    if (signal.kind === 'message') serial(() => tell(signal.message));
    else serial(() => check(true));
  });

  function write(conn: Connection, ...chunks: Uint8Array[]): void {
    const controller = conn.controller;
    if (!conn.open || !controller) return;
    // A reader that stopped reading is let go rather than buffered for without end.
    if (
      QUEUE_BYTES - (controller.desiredSize ?? QUEUE_BYTES) >
      maxQueuedBytes
    ) {
      controller.error(new Error('The reader fell behind.'));
      detach(conn);
      return;
    }
    for (const chunk of chunks) controller.enqueue(chunk);
  }

  const idLine = (conn: Connection) =>
    encoder.encode(
      `id: ${formatLiveId(conn.threads, {
        versions: conn.seen,
        ...(conn.seq !== undefined ? { instance, seq: conn.seq } : {}),
      })}\n\n`,
    );
  const eventHead = (event: string, data: unknown) =>
    encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n`);

  function detach(conn: Connection): void {
    if (!conn.open) return;
    conn.open = false;
    connections.delete(conn);
    if (conn.address !== undefined) {
      const left = (perAddress.get(conn.address) ?? 1) - 1;
      if (left > 0) perAddress.set(conn.address, left);
      else perAddress.delete(conn.address);
    }
    for (const threadId of conn.threads) {
      const record = threads.get(threadId);
      if (!record) continue;
      record.connections.delete(conn);
      if (record.connections.size === 0) record.idleSince = now();
    }
    if (connections.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  /** Ends a connection cleanly: the browser connects again after its retry time. */
  function end(conn: Connection): void {
    try {
      conn.controller?.close();
    } catch {
      // already errored
    }
    detach(conn);
  }

  function record(threadId: string, version: number): ThreadRecord {
    let found = threads.get(threadId);
    if (!found) {
      found = {
        floor: version,
        told: version,
        behind: undefined,
        connections: new Set(),
        idleSince: now(),
      };
      threads.set(threadId, found);
    }
    return found;
  }

  function remember(entry: Omit<RingEntry, 'seq' | 'at'>): RingEntry {
    seq += 1;
    const kept = { ...entry, seq, at: now() };
    ring.push(kept);
    const found = threads.get(entry.threadId);
    if (found) found.told = Math.max(found.told, entry.version);
    forgetOld();
    return kept;
  }

  function forgetOld(): void {
    const oldest = now() - ringAgeMs;
    while (ring.length && (ring.length > ringSize || ring[0]!.at < oldest)) {
      const gone = ring.shift()!;
      evictedSeq = gone.seq;
      const found = threads.get(gone.threadId);
      if (found) found.floor = Math.max(found.floor, gone.version);
    }
  }

  /** The comments named, as the thread shows them now. */
  async function changeOf(
    threadId: string,
    ids: Iterable<string>,
    version: number,
  ): Promise<LiveChangeData> {
    const named = [...new Set(ids)];
    const found = await Promise.all(named.map((id) => repository.get(id)));
    const comments: Comment[] = [];
    const removed: string[] = [];
    named.forEach((id, i) => {
      const comment = found[i];
      // A message naming another thread's comment tells this thread nothing.
      if (comment && comment.threadId !== threadId) return;
      if (comment?.status === 'approved') comments.push(publicShape(comment));
      else removed.push(id);
    });
    const total = await repository.countApproved(threadId);
    return { threadId, version, total, comments, removed };
  }

  /** A change event, or a resync when the change is too large to send. */
  function changeEvent(change: LiveChangeData): Uint8Array {
    const head = eventHead('change', change);
    if (head.byteLength <= maxEventBytes) return head;
    const resync: LiveResync = {
      threadId: change.threadId,
      version: change.version,
    };
    return eventHead('resync', resync);
  }

  async function tell(message: LiveMessage): Promise<void> {
    const entry = remember({
      threadId: message.threadId,
      version: message.version,
      ids: message.ids,
    });
    const following = threads.get(message.threadId)?.connections;
    if (!following?.size) return;
    let head: Uint8Array;
    try {
      head = changeEvent(
        await changeOf(message.threadId, message.ids, message.version),
      );
    } catch (error) {
      logger.error('A live update could not read its comments.', error);
      head = eventHead('resync', {
        threadId: message.threadId,
        version: message.version,
      } satisfies LiveResync);
    }
    for (const conn of following) {
      conn.seen.set(
        message.threadId,
        Math.max(conn.seen.get(message.threadId) ?? 0, message.version),
      );
      conn.seq = entry.seq;
      write(conn, head, idLine(conn));
    }
  }

  function resyncAll(threadId: string, version: number): void {
    const entry = remember({ threadId, version });
    const head = eventHead('resync', {
      threadId,
      version,
    } satisfies LiveResync);
    for (const conn of threads.get(threadId)?.connections ?? []) {
      conn.seen.set(threadId, version);
      conn.seq = entry.seq;
      write(conn, head, idLine(conn));
    }
  }

  /**
   * Finds threads whose version went past what any message told: a change made where no bus
   * reaches. One found ahead is given until the next check, for a message on its way, unless
   * messages may have been lost (`now`).
   */
  async function check(immediately: boolean): Promise<void> {
    const followed = [...threads.entries()].filter(
      ([, r]) => r.connections.size > 0,
    );
    if (!followed.length) return;
    const versions = await repository.threadVersions(
      followed.map(([id]) => id),
    );
    for (const [threadId, found] of followed) {
      const current = versions.get(threadId) ?? 0;
      if (current <= found.told) {
        found.behind = undefined;
        continue;
      }
      if (immediately || found.behind !== undefined) {
        found.behind = undefined;
        resyncAll(threadId, current);
      } else found.behind = current;
    }
  }

  async function start(conn: Connection, lastEventId?: string): Promise<void> {
    if (!conn.open) return;
    try {
      // Versions are read once the bus listens, so no change falls between the two.
      await bus.ready();
    } catch (error) {
      logger.warn(
        `Live updates cannot listen for changes (${error instanceof Error ? error.message : String(error)}); the page will connect again.`,
      );
      end(conn);
      return;
    }
    if (!conn.open) return;
    const versions = await repository.threadVersions(conn.threads);
    if (!conn.open) return;
    const position = parseLiveId(lastEventId, conn.threads);
    const exact =
      position?.instance === instance &&
      position.seq !== undefined &&
      position.seq >= evictedSeq &&
      position.seq <= seq
        ? position.seq
        : undefined;
    const replay = new Map<string, Set<string>>();
    const resync = new Set<string>();
    const since = now() - recentMs;
    const wanted = new Map<string, (e: RingEntry) => boolean>();
    for (const threadId of conn.threads) {
      const current = versions.get(threadId) ?? 0;
      const found = record(threadId, current);
      const known = position?.versions.get(threadId);
      if (known === undefined) wanted.set(threadId, (e) => e.at >= since);
      else if (known > current) resync.add(threadId);
      else if (exact !== undefined) wanted.set(threadId, (e) => e.seq > exact);
      else if (found.floor <= known)
        wanted.set(threadId, (e) => e.version >= known - slack);
      else resync.add(threadId);
      conn.seen.set(threadId, known ?? current);
    }
    for (const entry of ring) {
      if (!wanted.get(entry.threadId)?.(entry)) continue;
      if (!entry.ids) {
        resync.add(entry.threadId);
        continue;
      }
      const ids = replay.get(entry.threadId) ?? new Set<string>();
      replay.set(entry.threadId, ids);
      for (const id of entry.ids) ids.add(id);
    }
    for (const threadId of resync) replay.delete(threadId);

    const heads: Array<[string, Uint8Array]> = [];
    for (const [threadId, ids] of replay)
      heads.push([
        threadId,
        changeEvent(await changeOf(threadId, ids, versions.get(threadId) ?? 0)),
      ]);
    for (const threadId of resync)
      heads.push([
        threadId,
        eventHead('resync', {
          threadId,
          version: versions.get(threadId) ?? 0,
        } satisfies LiveResync),
      ]);
    if (!conn.open) return;

    // Until the last event of this start is sent, the id keeps where the reader was, so a
    // connection lost in between starts again from there.
    conn.seq = heads.length ? exact : seq;
    const ready: LiveReady = {
      threads: conn.threads.map((threadId) => ({
        threadId,
        version: versions.get(threadId) ?? 0,
      })),
    };
    write(conn, eventHead('ready', ready), idLine(conn));
    heads.forEach(([threadId, head], i) => {
      conn.seen.set(threadId, versions.get(threadId) ?? 0);
      if (i === heads.length - 1) conn.seq = seq;
      write(conn, head, idLine(conn));
    });
    for (const threadId of conn.threads)
      threads.get(threadId)?.connections.add(conn);
  }

  async function tickNow(): Promise<void> {
    ticks += 1;
    const checking = ticks % checkEvery === 0;
    await new Promise<void>((resolve) => {
      serial(async () => {
        try {
          forgetOld();
          const oldest = now() - retainMs;
          for (const [threadId, found] of threads)
            if (found.connections.size === 0 && found.idleSince < oldest)
              threads.delete(threadId);
          if (checking) await check(false);
        } finally {
          // After the checks, so a heartbeat follows everything sent before it.
          for (const conn of [...connections]) write(conn, HEARTBEAT);
          resolve();
        }
      });
    });
  }

  return {
    connect({ threadIds, lastEventId, address }) {
      if (closed || connections.size >= maxConnections)
        return { ok: false, reason: 'total', limit: maxConnections };
      if (
        address !== undefined &&
        (perAddress.get(address) ?? 0) >= maxPerAddress
      )
        return { ok: false, reason: 'address', limit: maxPerAddress };

      const conn: Connection = {
        threads: [...threadIds],
        seen: new Map(),
        seq: undefined,
        address,
        controller: undefined,
        open: true,
      };
      connections.add(conn);
      if (address !== undefined)
        perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            conn.controller = controller;
          },
          cancel() {
            detach(conn);
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: QUEUE_BYTES }),
      );
      // Pages that lost their connection together come back spread over a few seconds.
      write(
        conn,
        encoder.encode(`retry: ${3000 + Math.floor(Math.random() * 4000)}\n\n`),
      );
      serial(() => start(conn, lastEventId));
      if (!timer && heartbeatMs > 0) {
        timer = setInterval(() => void tickNow(), heartbeatMs);
        timer.unref?.();
      }
      return {
        ok: true,
        response: new Response(body, {
          headers: {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            // nginx would otherwise hold events back to fill its buffer.
            'x-accel-buffering': 'no',
          },
        }),
      };
    },
    tick: tickNow,
    get connections() {
      return connections.size;
    },
    settled: async () => {
      // Work queued while waiting is waited for too.
      let seen: Promise<void> | undefined;
      while (seen !== queue) {
        seen = queue;
        await queue;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(timer);
      timer = undefined;
      for (const conn of [...connections]) end(conn);
      await queue;
    },
  };
}
