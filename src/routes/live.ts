import { MAX_LIVE_THREADS, liveThreads, ThreadIdSchema } from '@dateline/core';
import { Hono } from 'hono';
import { liveHubOf } from '../live/publish.js';
import { fail } from '../middleware/answer.js';
import type { RouteDeps } from './deps.js';

const HOW = `Name the threads to follow as ?threads=a,b: up to ${MAX_LIVE_THREADS} thread ids, separated by commas.`;

/** What a refusal may quote of what was sent: short, printable ASCII. */
function quoted(text: string): string {
  const long = text.length > 40;
  const escaped = JSON.stringify(long ? text.slice(0, 40) : text).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return long ? `${escaped.slice(0, -1)}…"` : escaped;
}

type Threads =
  | { ok: true; threadIds: string[] }
  | { ok: false; message: string };

/** The threads a `threads` query names, in the order event ids use (`liveThreads`). */
export function followedThreads(values: readonly string[]): Threads {
  const ids = new Set<string>();
  for (const value of values)
    for (const item of value.split(',')) {
      const id = item.trim();
      if (!id) continue;
      if (!ThreadIdSchema.safeParse(id).success)
        return {
          ok: false,
          message: `${quoted(id)} is not a thread id: a thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.`,
        };
      ids.add(id);
      if (ids.size > MAX_LIVE_THREADS)
        return {
          ok: false,
          message: `One live connection follows up to ${MAX_LIVE_THREADS} threads.`,
        };
    }
  if (ids.size === 0) return { ok: false, message: HOW };
  return { ok: true, threadIds: liveThreads(ids) };
}

/**
 * `/api/live`: Server-Sent Events telling a page when comments appear in, or leave, the threads
 * it shows (see core's `store/live.ts` for the protocol). One connection per page, whatever the
 * number of threads; `Last-Event-ID` (or `?lastEventId=`, for a page that opens it again)
 * resumes where it was. Connections are limited per address and in all: a refusal says which,
 * and the page tries again later.
 */
export function live({ repository, address }: RouteDeps) {
  // Made now, not at the first connection: its ring of recent changes starts with the service,
  // so the first page to connect is sent what changed since it fetched the thread.
  const hub = liveHubOf(repository);
  const app = new Hono();

  app.get('/', (c) => {
    if (!hub)
      return fail(c, 503, {
        code: 'unavailable',
        message: 'Live updates are not available from this service.',
      });
    const query = followedThreads(c.req.queries('threads') ?? []);
    if (!query.ok)
      return fail(c, 400, {
        code: 'invalid',
        message: query.message,
        fields: { threads: query.message },
      });
    // A HEAD request gets no body, so it must not hold a connection's place.
    if (c.req.method === 'HEAD')
      return c.body(null, 200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
      });
    const opened = hub.connect({
      threadIds: query.threadIds,
      lastEventId: c.req.header('last-event-id') ?? c.req.query('lastEventId'),
      address: address?.(c),
    });
    if (opened.ok) return opened.response;
    if (opened.reason === 'address')
      return fail(
        c,
        429,
        {
          code: 'too-fast',
          message: `This address already has ${opened.limit} live connections open, the most it may. Close some pages that show comments; this one will try again later.`,
          retryAfter: 60,
        },
        { 'Retry-After': '60' },
      );
    return fail(
      c,
      503,
      {
        code: 'unavailable',
        message:
          'The comment service has as many live connections as it can hold. The page will try again later; comments still show when it is reloaded.',
      },
      { 'Retry-After': '30' },
    );
  });

  return app;
}
