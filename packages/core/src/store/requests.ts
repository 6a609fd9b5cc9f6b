import * as z from 'zod/mini';
import {
  COMMENT_STATUSES,
  type CommentStatus,
  NewCommentSchema,
} from '../comment/schema.js';
import { adminIssue } from './admin.js';

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
    z.custom<boolean>(
      (v) => typeof v === 'boolean',
      adminIssue('notify-invalid'),
    ),
  ),
});
export type PostCommentRequest = z.input<typeof PostCommentRequestSchema>;

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * A thread's list query. Each check is one custom check carrying its code, so a refusal is
 * worded in the reader's language when it is reported (see `fieldErrors`).
 */
export const ListQuerySchema = z.object({
  cursor: z.optional(
    z.custom<string>(
      (v) => isString(v) && v.length <= 200,
      adminIssue('cursor-invalid'),
    ),
  ),
  limit: z.optional(
    z.custom<string>(
      (v) => isString(v) && /^(?:[1-9]\d?|1\d\d|200)$/.test(v),
      adminIssue('limit-invalid', { max: 200 }),
    ),
  ),
  order: z.optional(
    z.custom<'oldest' | 'newest'>(
      (v) => v === 'oldest' || v === 'newest',
      adminIssue('order-invalid'),
    ),
  ),
});

/** Moderation: what an administrator may set a comment's status to. */
export const ModerationRequestSchema = z.object({
  status: z.custom<CommentStatus>(
    (v) => (COMMENT_STATUSES as readonly unknown[]).includes(v),
    adminIssue('status-invalid', { statuses: COMMENT_STATUSES.join(', ') }),
  ),
});
