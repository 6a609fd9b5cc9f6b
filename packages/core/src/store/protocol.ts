import * as z from 'zod/mini';
import { COMMENT_STATUSES, CommentSchema, NewCommentSchema } from '../comment/schema.js';

/**
 * The comment service's HTTP protocol. One definition, used by the service to check what it
 * receives and sends, and by `createRestStore` to check what it sends and receives.
 *
 *   GET  /api/threads/:threadId/comments?cursor&limit&order  → CommentListResponse
 *   POST /api/threads/:threadId/comments  (Idempotency-Key)   → 201 CommentCreatedResponse
 *   any refusal or failure                                    → ErrorResponse
 */

/** What the form posts: the new comment, and the honeypot a person never fills. */
export const PostCommentRequestSchema = z.extend(NewCommentSchema, {
  honeypot: z.optional(z.string()),
});
export type PostCommentRequest = z.input<typeof PostCommentRequestSchema>;

export const ListQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200, { error: 'The cursor is not one this service gave out.' }))),
  limit: z.optional(
    z.string().check(z.regex(/^(?:[1-9]\d?|1\d\d|200)$/, { error: 'The limit must be a whole number from 1 to 200.' })),
  ),
  order: z.optional(z.enum(['oldest', 'newest'], { error: 'The order must be "oldest" or "newest".' })),
});

export const CommentListResponseSchema = z.object({
  comments: z.array(CommentSchema),
  nextCursor: z.optional(z.string()),
  total: z.number(),
});
export type CommentListResponse = z.infer<typeof CommentListResponseSchema>;

export const CommentCreatedResponseSchema = z.object({ comment: CommentSchema });

export const ERROR_CODES = ['invalid', 'duplicate', 'too-fast', 'closed', 'not-found', 'too-large', 'unauthorized', 'server'] as const;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path → message, for `invalid`. */
    fields: z.optional(z.record(z.string(), z.string())),
    /** Seconds, for `too-fast`. */
    retryAfter: z.optional(z.number()),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Moderation: what an administrator may set a comment's status to. */
export const ModerationRequestSchema = z.object({
  status: z.enum(COMMENT_STATUSES, { error: `The status must be one of: ${COMMENT_STATUSES.join(', ')}.` }),
});
