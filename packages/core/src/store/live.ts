import * as z from 'zod/mini';
import { ThreadIdSchema } from '../comment/id-schema.js';
import type { Comment } from '../comment/schema.js';
import { CommentRowsSchema } from './protocol.js';

/**
 * Live updates from the comment service: Server-Sent Events on one connection per page,
 * whatever the number of threads it shows. One definition, used by the service to write the
 * stream and by `openLiveStream` to read it.
 *
 *   GET /api/live?threads=a,b  (Last-Event-ID, or ?lastEventId=)  → text/event-stream
 *
 *   event: ready    data: LiveReady    the connection is live; sent first
 *   event: change   data: LiveChange   comments now shown, and ids no longer shown
 *   event: resync   data: LiveResync   what changed cannot be told: fetch the thread again
 *
 * Only what any reader may see travels on the stream: approved comments, in their public
 * shape. A reader's own comments that await moderation are known to their browser alone (the
 * REST store remembers them), never sent to anyone.
 *
 * Every event's id says where the page is (see `LivePosition`), so a connection that drops and
 * comes back with `Last-Event-ID` is sent what it missed, or told to fetch the thread again.
 */

/** The most threads one live connection follows. */
export const MAX_LIVE_THREADS = 50;

// A refinement rather than z.int()/z.nonnegative(): those checks would join the chunk every
// page shares, for this one lazily loaded schema.
const VersionSchema = z
  .number()
  .check(z.refine((n) => Number.isSafeInteger(n) && n >= 0));

/** The first event: the threads followed and the version of each, as the service sees them now. */
export const LiveReadySchema = z.object({
  threads: z.array(
    z.object({ threadId: ThreadIdSchema, version: VersionSchema }),
  ),
});
export type LiveReady = z.output<typeof LiveReadySchema>;

/**
 * What changed in one thread: the comments now shown (new, or approved since), with the
 * thread's approved total, and the ids of comments no longer shown (deleted, marked as spam,
 * or held again). A comment that fails `CommentSchema` is left out and counted in `omitted`,
 * so one bad row never hides the others.
 */
export const LiveChangeSchema = z.pipe(
  z.object({
    threadId: ThreadIdSchema,
    version: VersionSchema,
    total: z.optional(VersionSchema),
    comments: CommentRowsSchema,
    removed: z.array(z.string()),
  }),
  z.transform(({ comments: rows, ...change }) => ({
    ...change,
    comments: rows.comments,
    ...(rows.omitted ? { omitted: rows.omitted } : {}),
  })),
);
export type LiveChange = z.output<typeof LiveChangeSchema>;

/** The thread changed in ways the service cannot list: the page fetches it again. */
export const LiveResyncSchema = z.object({
  threadId: ThreadIdSchema,
  version: VersionSchema,
});
export type LiveResync = z.output<typeof LiveResyncSchema>;

/** What the service writes as a change event's data (before the comments are read one by one). */
export interface LiveChangeData {
  threadId: string;
  version: number;
  total?: number;
  comments: Comment[];
  removed: string[];
}

/**
 * Where a page is in the threads it follows: the version of each that it has seen, and, for a
 * connection that comes back to the same service instance, the instance and the place in its
 * list of changes, so that it is sent exactly what it missed.
 */
export interface LivePosition {
  versions: ReadonlyMap<string, number>;
  instance?: string;
  seq?: number;
}

/** The thread ids a connection follows, in the order the service and event ids use: sorted, once each. */
export function liveThreads(threadIds: Iterable<string>): string[] {
  return [...new Set(threadIds)].sort();
}

const POSITION =
  /^((?:\d{0,15})(?:,\d{0,15})*)(?:;([A-Za-z0-9]{1,32})\.(\d{1,15}))?$/;

/**
 * An event id: the version of each thread in `liveThreads` order (empty when not known), then
 * the instance and its place.
 *
 * @example
 * formatLiveId(['a', 'b'], { versions: new Map([['a', 4]]), instance: 'k3x', seq: 17 })
 * // "4,;k3x.17"
 */
export function formatLiveId(
  threadIds: readonly string[],
  position: LivePosition,
): string {
  const versions = threadIds
    .map((id) => position.versions.get(id) ?? '')
    .join(',');
  return position.instance !== undefined && position.seq !== undefined
    ? `${versions};${position.instance}.${position.seq}`
    : versions;
}

/**
 * Reads an event id made by `formatLiveId` for the same threads; `undefined` for anything else
 * (another thread list, a forged or truncated id), which counts as a new connection.
 */
export function parseLiveId(
  id: string | undefined,
  threadIds: readonly string[],
): LivePosition | undefined {
  if (!id || id.length > 20 * (threadIds.length + 4)) return undefined;
  const match = POSITION.exec(id);
  if (!match) return undefined;
  const parts = match[1]!.split(',');
  if (parts.length !== threadIds.length) return undefined;
  const versions = new Map<string, number>();
  parts.forEach((part, i) => {
    if (part !== '') versions.set(threadIds[i]!, Number(part));
  });
  return match[2] !== undefined
    ? { versions, instance: match[2], seq: Number(match[3]) }
    : { versions };
}

/** The address of the live stream for these threads, starting from `position` when given. */
export function liveUrl(
  endpoint: string,
  threadIds: readonly string[],
  position?: LivePosition,
): string {
  const threads = liveThreads(threadIds);
  const query = new URLSearchParams({ threads: threads.join(',') });
  if (position) query.set('lastEventId', formatLiveId(threads, position));
  return `${endpoint.replace(/\/+$/, '')}/live?${query}`;
}

/**
 * Where the REST store (`createRestStore`) keeps the reader's own comments that await
 * moderation, in localStorage: a page learns from it when the reader posts in another tab.
 */
export const heldCommentsKey = (endpoint: string): string =>
  `dateline:pending:${endpoint.replace(/\/+$/, '')}`;

/** The state of a live stream, for whoever shows it. */
export type LiveState =
  /** Connecting, or connecting again after the connection dropped. */
  | 'connecting'
  | 'open'
  /** Refused (too many connections, the service stopping…): trying again after a wait. */
  | 'waiting'
  | 'closed';

export interface LiveStreamOptions {
  /** The service's API root, e.g. "/api" or "https://comments.example.com/api". */
  endpoint: string;
  /** The threads to follow (at most `MAX_LIVE_THREADS`). */
  threadIds: readonly string[];
  /** Where an earlier stream of this page stopped (its `position()`), so nothing is missed. */
  from?: LivePosition;
  onChange(change: LiveChange): void;
  /** The thread changed in ways the stream cannot tell: fetch it again. */
  onResync(threadId: string): void;
  onState?(state: LiveState): void;
  /** For other runtimes and tests; default the global `EventSource`. */
  EventSource?: typeof EventSource;
  /**
   * How long to wait before trying again after the service refused the stream, by attempt
   * (1, 2, …). Default 5 s doubling to 5 minutes, give or take a half, so that pages refused
   * together do not all come back at once.
   */
  retryDelay?: (attempt: number) => number;
}

export interface LiveStream {
  /** Where the page is now: pass as `from` to a new stream so it misses nothing. */
  position(): LivePosition | undefined;
  close(): void;
}

/** `EventSource.CLOSED`. */
const CLOSED = 2;

const defaultDelay = (attempt: number) =>
  Math.min(300_000, 5000 * 2 ** (attempt - 1)) * (0.5 + Math.random());

/**
 * Follows threads of the comment service live, through one `EventSource`. The browser
 * reconnects by itself after a dropped connection, sending the last event id; when the service
 * refuses the stream (too many connections, say), this tries again later from where it was.
 * Events are checked with this module's schemas; one that fails is ignored.
 *
 * @example
 * const stream = openLiveStream({
 *   endpoint: '/api',
 *   threadIds: ['cambodia-cybercrime-crackdown-2025-07'],
 *   onChange: ({ comments, removed }) => show(comments, removed),
 *   onResync: (threadId) => reload(threadId),
 * });
 */
export function openLiveStream(options: LiveStreamOptions): LiveStream {
  const Source = options.EventSource ?? globalThis.EventSource;
  if (typeof Source !== 'function')
    throw new TypeError(
      'Live updates need EventSource: run them in a browser, or pass one as the EventSource option.',
    );
  const threads = liveThreads(options.threadIds);
  const delay = options.retryDelay ?? defaultDelay;
  let position = options.from;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let closed = false;

  const state = (s: LiveState) => options.onState?.(s);
  /** Every event's id says where the page now is. */
  const moved = (event: MessageEvent) => {
    const at = parseLiveId(event.lastEventId, threads);
    if (at) position = at;
  };
  const read = <T>(
    schema: { safeParse(v: unknown): { success: boolean; data?: T } },
    event: MessageEvent,
  ): T | undefined => {
    let json: unknown;
    try {
      json = JSON.parse(String(event.data));
    } catch {
      return undefined;
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  };

  const open = () => {
    const es = new Source(liveUrl(options.endpoint, threads, position));
    source = es;
    state('connecting');
    es.addEventListener('ready', (event) => {
      if (!read(LiveReadySchema, event)) return;
      attempts = 0;
      moved(event);
      state('open');
    });
    es.addEventListener('change', (event) => {
      const change = read(LiveChangeSchema, event);
      moved(event);
      if (change) options.onChange(change);
    });
    es.addEventListener('resync', (event) => {
      const resync = read(LiveResyncSchema, event);
      moved(event);
      if (resync) options.onResync(resync.threadId);
    });
    es.addEventListener('error', () => {
      if (closed || source !== es) return;
      // CONNECTING: the browser tries again by itself. CLOSED: it gave up (the service
      // refused the stream), so try again after a while, from where the page was.
      if (es.readyState !== CLOSED) {
        state('connecting');
        return;
      }
      es.close();
      source = undefined;
      attempts += 1;
      state('waiting');
      timer = setTimeout(open, delay(attempts));
    });
  };
  open();

  return {
    position: () => position,
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      source?.close();
      source = undefined;
      state('closed');
    },
  };
}
