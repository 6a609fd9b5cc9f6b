/**
 * Thread ids as requests name them, and the refusals when they do not: one place for the
 * path's id (`/api/threads/<id>/…`) and for the `threads` query of counts and live updates.
 */
import { ThreadIdSchema } from '@dateline/core';
import type { Context } from 'hono';
import type { ServiceWordCode } from '../messages/index.js';
import { fail } from '../middleware/answer.js';
import { wordsFor } from '../middleware/language.js';

/** What a refusal may quote of what was sent: short, and only printable ASCII. */
export function quoted(text: string): string {
  const long = text.length > 40;
  const escaped = JSON.stringify(long ? text.slice(0, 40) : text).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return long ? `${escaped.slice(0, -1)}…"` : escaped;
}

export type ThreadIdsQuery =
  | { ok: true; threadIds: Set<string> }
  | { ok: false; problem: 'none' | 'too-many' }
  | { ok: false; problem: 'not-id'; id: string };

/**
 * The distinct thread ids that a query's `threads` values name (each split at commas, empty
 * items skipped), or what is wrong with them: none, more than `max`, or one that is not a
 * thread id. Reads no further than the first problem.
 *
 * @example
 * threadIdsIn(['b,a,b'], 100) // { ok: true, threadIds: Set { 'b', 'a' } }
 */
export function threadIdsIn(
  values: readonly string[],
  max: number,
): ThreadIdsQuery {
  const ids = new Set<string>();
  for (const value of values)
    for (const item of value.split(',')) {
      const id = item.trim();
      if (!id) continue;
      if (!ThreadIdSchema.safeParse(id).success)
        return { ok: false, problem: 'not-id', id };
      ids.add(id);
      if (ids.size > max) return { ok: false, problem: 'too-many' };
    }
  if (ids.size === 0) return { ok: false, problem: 'none' };
  return { ok: true, threadIds: ids };
}

/**
 * The 400 for a `threads` query that names no thread, too many or a wrong one, in the
 * request's language: `how` says how to name them, `tooMany` what the limit is.
 */
export function threadsRefusal(
  c: Context,
  query: Exclude<ThreadIdsQuery, { ok: true }>,
  max: number,
  words: { how: ServiceWordCode; tooMany: ServiceWordCode },
): Response {
  const { say, locale } = wordsFor(c);
  const limit = { max: max.toLocaleString(locale) };
  const message =
    query.problem === 'not-id'
      ? say('api-not-thread-id', { id: quoted(query.id) })
      : query.problem === 'too-many'
        ? say(words.tooMany, limit)
        : say(words.how, limit);
  return fail(c, 400, {
    code: 'invalid',
    message,
    fields: { threads: message },
  });
}

/** The 400 for a path whose thread id is not one, in the request's language. */
export function threadIdRefusal(c: Context): Response {
  const { say } = wordsFor(c);
  return fail(c, 400, {
    code: 'invalid',
    message: say('api-thread-id'),
    fields: { threadId: say('api-thread-id-rule') },
  });
}
