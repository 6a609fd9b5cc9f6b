import { englishArticleMessages } from './en-article.js';
import { issueWith } from './lookup.js';
import type { ArticleIssueCode, MessageParams } from './types.js';

/** Zod parameters for an issue of the article, operation and quantity schemas (see `issueWith`). */
export const articleIssue = (code: ArticleIssueCode, params?: MessageParams) =>
  issueWith(englishArticleMessages, code, params);
