import { englishArticleMessages } from './en-article.js';
import { COMMENT_LIMIT_PARAMS, englishCommentMessages } from './en-comment.js';
import type { CommentRefusalCode, MessageCode } from './types.js';

/** English for the comment service's refusals of a comment that matched its schema. */
export const englishRefusalMessages: Readonly<
  Record<CommentRefusalCode, string>
> = {
  'comment-not-posted':
    'Your comment could not be posted: please check the highlighted fields.',
  'comment-duplicate':
    'Duplicate comment detected; it looks as though you’ve already said that!',
  'comment-too-fast': 'You are posting comments too quickly. Slow down.',
};

/** Every English message with its `{placeholders}`, as lookups fill them. */
export const englishTemplates: Readonly<Record<MessageCode, string>> = {
  ...englishCommentMessages,
  ...englishRefusalMessages,
  ...englishArticleMessages,
};

function withLimits(): Readonly<Record<MessageCode, string>> {
  const out = { ...englishTemplates };
  for (const [code, params] of Object.entries(COMMENT_LIMIT_PARAMS)) {
    const max = (params as { max: number }).max.toLocaleString('en');
    out[code as MessageCode] = out[code as MessageCode].replace('{max}', max);
  }
  return out;
}

/**
 * The English messages as a reader reads them, the comment form's limits written in: the
 * messages every other locale falls back to. Each other locale is a module of its own
 * (`@dateline/core/locales/km` …) typed `MessageCatalogue`, added with `addLocale`; a site
 * rewords any of them with `setMessages`. The tables by concept (`englishCommentMessages` …)
 * hold the same messages with their `{placeholders}`, so a page loads only what it uses.
 */
export const englishMessages: Readonly<Record<MessageCode, string>> =
  /* @__PURE__ */ withLimits();

/** @deprecated The English catalogue is `englishMessages`; reword with `setMessages`. */
export const newCommentMessages = englishMessages;
