import * as z from 'zod/mini';
import { CommentSchema } from '../comment/schema.js';

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
 *   any refusal or failure                                    → ErrorResponse
 */

export const CommentListResponseSchema = z.object({
  comments: z.array(CommentSchema),
  nextCursor: z.optional(z.string()),
  total: z.number(),
});
export type CommentListResponse = z.infer<typeof CommentListResponseSchema>;

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
