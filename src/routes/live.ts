import { MAX_LIVE_THREADS, liveThreads } from '@dateline/core';
import { Hono } from 'hono';
import { liveHubOf } from '../live/publish.js';
import { fail } from '../middleware/answer.js';
import { wordsFor } from '../middleware/language.js';
import type { RouteDeps } from './deps.js';
import { threadIdsIn, threadsRefusal } from './thread-ids.js';

/** The threads a `threads` query names, in the order event ids use (`liveThreads`). */
function followedThreads(values: readonly string[]) {
  const query = threadIdsIn(values, MAX_LIVE_THREADS);
  return query.ok
    ? { ok: true as const, threadIds: liveThreads(query.threadIds) }
    : query;
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
        message: wordsFor(c).say('api-live-off'),
      });
    const query = followedThreads(c.req.queries('threads') ?? []);
    if (!query.ok)
      return threadsRefusal(c, query, MAX_LIVE_THREADS, {
        how: 'api-live-how',
        tooMany: 'api-live-too-many',
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
    const { say, locale } = wordsFor(c);
    if (opened.reason === 'address')
      return fail(
        c,
        429,
        {
          code: 'too-fast',
          message: say('api-live-address-full', {
            max: opened.limit.toLocaleString(locale),
          }),
          retryAfter: 60,
        },
        { 'Retry-After': '60' },
      );
    return fail(
      c,
      503,
      { code: 'unavailable', message: say('api-live-full') },
      { 'Retry-After': '30' },
    );
  });

  return app;
}
