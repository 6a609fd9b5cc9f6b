import * as z from 'zod/mini';
import { commentIssue as issue } from '../messages/issue.js';
import type { NewCommentIssueCode } from '../messages/types.js';
import { isEmail, isHttpUrl, isIsoDateTime } from '../validation/formats.js';
import {
  fitsBefore,
  nfc,
  notStacked,
  string,
  stringThat,
  wellFormed,
} from '../validation/text.js';
import { CommentIdSchema, ThreadIdSchema } from './id-schema.js';
import { NEW_COMMENT_LIMITS as LIMIT } from './limits.js';

export const COMMENT_STATUSES = [
  'approved',
  'pending',
  'spam',
  'deleted',
] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Control characters other than tab and newline; a CR is allowed only as part of CRLF. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)/;
/**
 * What has no place in a name, one character class per reason so one pass finds the first and
 * says which: (1) control characters, C0, DEL and C1, and the line and paragraph separators;
 * (2) marks, embeddings, overrides and isolates that change the direction of the text around
 * them; (3) characters that show nothing (zero-width space, joiners, word joiner, BOM, invisible
 * operators, soft hyphen, Hangul fillers, tags) and so let one name pass for another.
 * Exported so that `cleanName` strips exactly what this refuses.
 */
export const NAME_REFUSED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
  /([\u0000-\u001F\u007F-\u009F\u2028\u2029])|([\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])|[\u00AD\u115F\u1160\u180E\u200B-\u200D\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/;

/**
 * A field's limit, checked twice: on the text as sent, generously, before anything reads it;
 * then exactly, on the trimmed NFC text that is stored.
 */
const limit = (max: number, code: NewCommentIssueCode) => {
  const say = issue(code, { max });
  return {
    sent: fitsBefore(max, say),
    stored: z.refine<string>((s) => s.length <= max, { ...say, abort: true }),
  };
};
const nameLimit = limit(LIMIT.name, 'name-too-long');
const emailLimit = limit(LIMIT.email, 'email-too-long');
const urlLimit = limit(LIMIT.url, 'url-too-long');
const bodyLimit = limit(LIMIT.body, 'body-too-long');
const filled = (code: NewCommentIssueCode) =>
  z.refine<string>((s) => s.length > 0, { ...issue(code), abort: true });

const nameCharacters = z.check<string>((payload) => {
  const found = NAME_REFUSED.exec(payload.value);
  if (!found) return;
  const code: NewCommentIssueCode = found[1]
    ? 'name-control-character'
    : found[2]
      ? 'name-direction-control'
      : 'name-invisible-character';
  const { params, error } = issue(code);
  payload.issues.push({
    code: 'custom',
    input: payload.value,
    params,
    message: error(),
  });
});

/** Names, like bodies, are stored NFC: the 245 limit counts what is stored and shown. */
const AuthorNameSchema = string(issue('name-required')).check(
  nameLimit.sent,
  wellFormed,
  notStacked,
  z.trim(),
  nfc,
  filled('name-required'),
  nameLimit.stored,
  nameCharacters,
);
/** Addresses are checked, never rewritten: NFC could change where a link or mail goes. */
const AuthorEmailSchema = string(issue('email-required')).check(
  emailLimit.sent,
  wellFormed,
  z.trim(),
  filled('email-required'),
  emailLimit.stored,
  z.refine(isEmail, issue('email-invalid')),
);
const AuthorUrlSchema = string(issue('url-invalid')).check(
  urlLimit.sent,
  wellFormed,
  z.trim(),
  urlLimit.stored,
  z.refine(isHttpUrl, issue('url-invalid')),
);
const BodySchema = string(issue('body-required')).check(
  bodyLimit.sent,
  wellFormed,
  notStacked,
  z.trim(),
  nfc,
  filled('body-required'),
  bodyLimit.stored,
  z.refine((s) => !CONTROL.test(s), issue('body-control-character')),
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
  createdAt: stringThat(isIsoDateTime, issue('comment-date-invalid')),
  status: z.enum(COMMENT_STATUSES),
});

export type Comment = z.infer<typeof CommentSchema>;

/**
 * What "Leave a Reply" submits, with WordPress's limits and meaning. Text is trimmed and
 * stored NFC; text that is not well-formed Unicode is refused, and so are names holding
 * control, direction or invisible characters.
 */
export const NewCommentSchema = z.object({
  threadId: ThreadIdSchema,
  parentId: z.optional(z.nullable(CommentIdSchema)),
  // A form always sends an author; only a hand-made request lacks one. Zod puts no code on
  // that issue, so it is worded in the default locale (a code would cost a pipe, 170 B).
  author: z.object(
    {
      name: AuthorNameSchema,
      email: AuthorEmailSchema,
      url: z.optional(AuthorUrlSchema),
    },
    { error: issue('name-required').error },
  ),
  body: BodySchema,
});

export type NewComment = z.infer<typeof NewCommentSchema>;
export type NewCommentInput = z.input<typeof NewCommentSchema>;
