import * as z from 'zod/mini';
import { ThreadIdSchema } from '../comment/id-schema.js';

/** The most threads one `GET /api/counts` counts; a page with more asks in several requests. */
export const MAX_COUNT_THREADS = 100;

/** A count of comments: a whole number, never negative. */
const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * Counts as the service sends them, `{ counts: { [threadId]: number } }`, read entry by entry:
 * an entry whose key is not a thread id or whose value is not a count is left out and named in
 * `omitted`, so the other threads still show theirs. The counts come out as a Map, so a thread
 * named `__proto__` or `constructor` is a thread like any other.
 */
export const CountsResponseSchema = z.pipe(
  z.object({
    counts: z.custom<object>(
      (value) =>
        typeof value === 'object' && value !== null && !Array.isArray(value),
      { error: 'counts must map thread ids to numbers.' },
    ),
  }),
  z.transform(({ counts: entries }) => {
    const counts = new Map<string, number>();
    const omitted: string[] = [];
    for (const [threadId, n] of Object.entries(entries)) {
      if (ThreadIdSchema.safeParse(threadId).success && isCount(n))
        counts.set(threadId, n);
      else omitted.push(threadId);
    }
    return { counts, omitted };
  }),
);
export type CountsResponse = z.output<typeof CountsResponseSchema>;
