import * as z from 'zod/mini';
import {
  CommentSchema,
  ThreadIdSchema,
  type Comment,
} from '../comment/schema.js';

/** A field path → message map, as every refusal carries. */
function isFieldMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * The comment service's HTTP protocol: what it answers. One definition, used by the service
 * and by `createRestStore`. What it receives is in requests.ts, which a browser never needs.
 *
 *   GET  /api/threads/:threadId/comments?cursor&limit&order  → CommentListResponse
 *   POST /api/threads/:threadId/comments  (Idempotency-Key)   → 201 CommentCreatedResponse
 *   GET  /api/counts?threads=a,b,c  (If-None-Match)           → CountsResponse, or 304
 *   any refusal or failure                                    → ErrorResponse
 */

/**
 * A list of comments read one by one: a row that fails `CommentSchema` is left out and
 * counted in `omitted`, instead of failing the whole list, so one bad row never blanks a
 * thread.
 */
export const CommentRowsSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((rows) => {
    const comments: Comment[] = [];
    for (const row of rows) {
      const parsed = CommentSchema.safeParse(row);
      if (parsed.success) comments.push(parsed.data);
    }
    return { comments, omitted: rows.length - comments.length };
  }),
);

/** A page of comments as the service sends it; `omitted` counts rows this reader could not read. */
export const CommentListResponseSchema = z.pipe(
  z.object({
    comments: CommentRowsSchema,
    nextCursor: z.optional(z.string()),
    total: z.number(),
  }),
  z.transform(({ comments: rows, ...page }) => ({
    ...page,
    comments: rows.comments,
    ...(rows.omitted ? { omitted: rows.omitted } : {}),
  })),
);
export type CommentListResponse = z.output<typeof CommentListResponseSchema>;

export const CommentCreatedResponseSchema = z.object({
  comment: CommentSchema,
});

export const ERROR_CODES = [
  'invalid',
  'duplicate',
  'too-fast',
  'closed',
  'not-found',
  'too-large',
  'unauthorized',
  /** A state change from a page whose origin the service does not accept. */
  'forbidden',
  /** An Idempotency-Key reused for a different request. */
  'conflict',
  /** The service cannot store anything right now (a full or read-only database). */
  'unavailable',
  'server',
] as const;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path → message, for `invalid`. */
    fields: z.optional(
      z.custom<Record<string, string>>(isFieldMap, {
        error: 'fields must map field paths to messages.',
      }),
    ),
    /** Seconds, for `too-fast`. */
    retryAfter: z.optional(z.number()),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

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
