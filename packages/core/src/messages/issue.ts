import { englishCommentMessages } from './en-comment.js';
import { issueWith } from './lookup.js';
import type { CommentIssueCode, MessageParams } from './types.js';

/**
 * Zod parameters for an issue of the comment schemas (see `issueWith`). The article's
 * schemas have their own, `articleIssue` in article-issue.ts: a module per table, so a page
 * of comments carries no English of the article's.
 */
export const commentIssue = (code: CommentIssueCode, params?: MessageParams) =>
  issueWith(englishCommentMessages, code, params);
