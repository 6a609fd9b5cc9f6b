import * as z from 'zod/mini';
import { COMMENT_STATUSES, NewCommentSchema } from '../comment/schema.js';

/**
 * What the comment service receives (see protocol.ts for the routes). Kept apart from the
 * answers so that a browser bundle, which only reads answers, does not carry these.
 */

/**
 * What the form posts: the new comment, the honeypot a person never fills, and whether the
 * author asked to be mailed about follow-up comments (off unless ticked, as WordPress does).
 */
export const PostCommentRequestSchema = z.extend(NewCommentSchema, {
  honeypot: z.optional(z.string()),
  notify: z.optional(
    z.boolean({
      error:
        'Whether to mail you about follow-up comments must be true or false.',
    }),
  ),
});
export type PostCommentRequest = z.input<typeof PostCommentRequestSchema>;

export const ListQuerySchema = z.object({
  cursor: z.optional(
    z.string().check(
      z.maxLength(200, {
        error: 'The cursor is not one this service gave out.',
      }),
    ),
  ),
  limit: z.optional(
    z.string().check(
      z.regex(/^(?:[1-9]\d?|1\d\d|200)$/, {
        error: 'The limit must be a whole number from 1 to 200.',
      }),
    ),
  ),
  order: z.optional(
    z.enum(['oldest', 'newest'], {
      error: 'The order must be "oldest" or "newest".',
    }),
  ),
});

/** Moderation: what an administrator may set a comment's status to. */
export const ModerationRequestSchema = z.object({
  status: z.enum(COMMENT_STATUSES, {
    error: `The status must be one of: ${COMMENT_STATUSES.join(', ')}.`,
  }),
});
