import { createHash } from 'node:crypto';
import { MAX_COUNT_THREADS } from '@dateline/core';
import { Hono } from 'hono';
import type { RouteDeps } from './deps.js';
import { threadIdsIn, threadsRefusal } from './thread-ids.js';

/**
 * The thread ids a `threads` query names (the values of every `threads` parameter, split at
 * commas): distinct, sorted, empty items ignored. Refused when there are none, more than
 * `MAX_COUNT_THREADS`, or one that is not a thread id.
 *
 * @example
 * threadsOf(['b,a,b']) // { ok: true, threadIds: ['a', 'b'] }
 */
export function threadsOf(values: readonly string[]) {
  const query = threadIdsIn(values, MAX_COUNT_THREADS);
  return query.ok
    ? { ok: true as const, threadIds: [...query.threadIds].sort() }
    : query;
}

/** Whether an If-None-Match header names this ETag (or any, with `*`). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .some((tag) => tag.trim() === '*' || tag.trim() === etag);
}

/**
 * `/api/counts`: how many approved comments each of up to 100 threads has, for "12 comments"
 * beside each headline of an index page, in one request per page. The ETag comes from the
 * threads' versions, which change whenever what a thread shows does, so asking again costs one
 * indexed lookup per thread and a 304.
 */
export function counts({ repository }: Pick<RouteDeps, 'repository'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    const query = threadsOf(c.req.queries('threads') ?? []);
    if (!query.ok)
      return threadsRefusal(c, query, MAX_COUNT_THREADS, {
        how: 'api-count-how',
        tooMany: 'api-count-too-many',
      });
    const { threadIds } = query;
    const versions = await repository.threadVersions(threadIds);
    const etag = `W/"${createHash('sha256')
      .update(threadIds.map((id) => `${id}:${versions.get(id) ?? 0}`).join(','))
      .digest('base64url')
      .slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    const found = await repository.countApprovedIn(threadIds);
    // fromEntries defines each key as a property of its own: "constructor" is a thread too.
    return c.json({
      counts: Object.fromEntries(
        threadIds.map((id) => [id, found.get(id) ?? 0]),
      ),
    });
  });

  return app;
}
