import { COMMENT_LIMIT_PARAMS, englishCommentMessages } from './en-comment.js';
import { fill, reworded } from './lookup.js';
import type {
  CommentIssueCode,
  MessageCode,
  MessageOptions,
  MessageParams,
} from './types.js';

/**
 * `code`'s message: what a site or a shipped locale says (`reworded`), else `english`'s, with
 * a comment field's limit filled in when the caller gives none. `messageFor` and
 * `commentMessage` differ only in the English table they carry.
 */
export function wordedFrom<C extends MessageCode>(
  english: Readonly<Record<C, string>>,
  code: C,
  params?: MessageParams,
  options?: MessageOptions,
): string {
  const text = reworded(code, options) ?? english[code];
  const limits = Object.hasOwn(COMMENT_LIMIT_PARAMS, code)
    ? COMMENT_LIMIT_PARAMS[code]
    : undefined;
  return fill(text, limits ? { ...limits, ...params } : params, options);
}

/**
 * `messageFor` for a comment's issue codes, for the stores: the same message, without the
 * English of every other schema, which a page of comments never shows.
 */
export function commentMessage(
  code: CommentIssueCode,
  params?: MessageParams,
  options?: MessageOptions,
): string {
  return wordedFrom(englishCommentMessages, code, params, options);
}
