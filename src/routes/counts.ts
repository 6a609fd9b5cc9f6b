import { createHash } from 'node:crypto';
import { MAX_COUNT_THREADS, ThreadIdSchema } from '@dateline/core';
import { Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import type { RouteDeps } from './deps.js';

const HOW = `Name the threads to count as ?threads=a,b,c: up to ${MAX_COUNT_THREADS} thread ids, separated by commas.`;
const THREAD_ID_RULE =
  'A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.';

/** What a refusal may quote of what was sent: short, and only printable ASCII. */
function quoted(text: string): string {
  const long = text.length > 40;
  const escaped = JSON.stringify(long ? text.slice(0, 40) : text).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return long ? `${escaped.slice(0, -1)}…"` : escaped;
}

export type ThreadsQuery =
  | { ok: true; threadIds: string[] }
  | { ok: false; message: string };

/**
 * The thread ids a `threads` query names (the values of every `threads` parameter, split at
 * commas): distinct, sorted, empty items ignored. Refused when there are none, more than
 * `MAX_COUNT_THREADS`, or one that is not a thread id; the message says which.
 *
 * @example
 * threadsOf(['b,a,b']) // { ok: true, threadIds: ['a', 'b'] }
 */
export function threadsOf(values: readonly string[]): ThreadsQuery {
  const ids = new Set<string>();
  for (const value of values)
    for (const item of value.split(',')) {
      const id = item.trim();
      if (!id) continue;
      if (!ThreadIdSchema.safeParse(id).success)
        return {
          ok: false,
          message: `${quoted(id)} is not a thread id. ${THREAD_ID_RULE}`,
        };
      ids.add(id);
      if (ids.size > MAX_COUNT_THREADS)
        return {
          ok: false,
          message: `Up to ${MAX_COUNT_THREADS} threads can be counted at once; ask for the rest in another request.`,
        };
    }
  if (ids.size === 0) return { ok: false, message: HOW };
  return { ok: true, threadIds: [...ids].sort() };
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
      return fail(c, 400, {
        code: 'invalid',
        message: query.message,
        fields: { threads: query.message },
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
