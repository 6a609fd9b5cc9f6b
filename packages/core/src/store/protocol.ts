import * as z from 'zod/mini';
import { CommentSchema, type Comment } from '../comment/schema.js';

/**
 * The comment service's HTTP protocol: what it answers. One definition, used by the service
 * and by `createRestStore`. What it receives is in requests.ts, which a browser never needs;
 * its refusals are in protocol-errors.ts and its counts in protocol-counts.ts, so that a page
 * of counts loads no comment schema.
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
