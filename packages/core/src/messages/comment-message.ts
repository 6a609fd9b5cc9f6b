import { COMMENT_LIMIT_PARAMS, englishCommentMessages } from './en-comment.js';
import { fill, reworded } from './lookup.js';
import type {
  CommentIssueCode,
  MessageOptions,
  MessageParams,
} from './types.js';

/**
 * `messageFor` for a comment's issue codes, for the stores: the same message, without the
 * English of every other schema, which a page of comments never shows.
 */
export function commentMessage(
  code: CommentIssueCode,
  params?: MessageParams,
  options?: MessageOptions,
): string {
  const text = reworded(code, options) ?? englishCommentMessages[code];
  const limits = Object.hasOwn(COMMENT_LIMIT_PARAMS, code)
    ? COMMENT_LIMIT_PARAMS[code]
    : undefined;
  return fill(text, limits ? { ...limits, ...params } : params, options);
}
