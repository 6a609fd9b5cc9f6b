import * as z from 'zod/mini';
import { isHttpUrl, isIsoDateTime } from '../validation/formats.js';
import {
  NEW_COMMENT_LIMITS as LIMIT,
  newCommentMessages as say,
} from './messages.js';

export const COMMENT_STATUSES = [
  'approved',
  'pending',
  'spam',
  'deleted',
] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** Control characters other than tab and newline; a CR is allowed only as part of CRLF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)/;

/** The id of a thread or comment: letters, digits and `_ . : -`, up to 128 characters. */
export const ThreadIdSchema = z
  .string({ error: say['thread-required'] })
  .check(z.regex(ID, { error: say['thread-required'] }));
export const CommentIdSchema = z
  .string({ error: say['parent-invalid'] })
  .check(z.regex(ID, { error: say['parent-invalid'] }));

const AuthorNameSchema = z
  .string({ error: say['name-required'] })
  .check(
    z.trim(),
    z.minLength(1, { error: say['name-required'] }),
    z.maxLength(LIMIT.name, { error: say['name-too-long'] }),
  );
const AuthorEmailSchema = z
  .string({ error: say['email-required'] })
  .check(
    z.trim(),
    z.minLength(1, { error: say['email-required'] }),
    z.maxLength(LIMIT.email, { error: say['email-too-long'] }),
    z.email({ error: say['email-invalid'] }),
  );
const AuthorUrlSchema = z
  .string({ error: say['url-invalid'] })
  .check(
    z.trim(),
    z.maxLength(LIMIT.url, { error: say['url-too-long'] }),
    z.refine(isHttpUrl, { error: say['url-invalid'] }),
  );
const BodySchema = z.string({ error: say['body-required'] }).check(
  z.trim(),
  z.minLength(1, { error: say['body-required'] }),
  z.maxLength(LIMIT.body, { error: say['body-too-long'] }),
  z.refine((s) => !CONTROL.test(s), { error: say['body-control-character'] }),
);

/** A published comment as readers see it. The author's email is never part of it. */
export const CommentSchema = z.object({
  id: CommentIdSchema,
  threadId: ThreadIdSchema,
  parentId: z.nullable(CommentIdSchema),
  author: z.object({
    name: AuthorNameSchema,
    url: z.optional(AuthorUrlSchema),
  }),
  /** Plain text; links are made on display by `linkify`, never stored as HTML. */
  body: BodySchema,
  createdAt: z.string().check(
    z.refine(isIsoDateTime, {
      error: 'A comment’s date must be an ISO 8601 date and time.',
    }),
  ),
  status: z.enum(COMMENT_STATUSES),
});

export type Comment = z.infer<typeof CommentSchema>;

/** What "Leave a Reply" submits, with WordPress's limits and meaning. Strings are trimmed. */
export const NewCommentSchema = z.object({
  threadId: ThreadIdSchema,
  parentId: z.optional(z.nullable(CommentIdSchema)),
  author: z.object(
    {
      name: AuthorNameSchema,
      email: AuthorEmailSchema,
      url: z.optional(AuthorUrlSchema),
    },
    { error: say['name-required'] },
  ),
  body: BodySchema,
});

export type NewComment = z.infer<typeof NewCommentSchema>;
export type NewCommentInput = z.input<typeof NewCommentSchema>;
