import { englishArticleMessages, englishCommentMessages } from './en.js';
import { issueWith } from './lookup.js';
import type {
  ArticleIssueCode,
  CommentIssueCode,
  MessageParams,
} from './types.js';

/** Zod parameters for an issue of the comment schemas (see `issueWith`). */
export const commentIssue = (code: CommentIssueCode, params?: MessageParams) =>
  issueWith(englishCommentMessages, code, params);

/** Zod parameters for an issue of the article, operation and quantity schemas. */
export const articleIssue = (code: ArticleIssueCode, params?: MessageParams) =>
  issueWith(englishArticleMessages, code, params);
