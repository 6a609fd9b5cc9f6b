import { NEW_COMMENT_LIMITS as LIMIT } from '../comment/limits.js';
import type {
  ArticleIssueCode,
  CommentIssueCode,
  CommentRefusalCode,
  MessageCode,
  MessageParams,
} from './types.js';

/**
 * English for the comment schemas: what a reader is told when "Leave a Reply" refuses a field.
 * `{max}` is the field's limit, which the schemas put on the issue.
 */
export const englishCommentMessages: Readonly<
  Record<CommentIssueCode, string>
> = {
  'name-required': 'Please enter your name.',
  'name-too-long': 'Your name is too long: please keep it to {max} characters.',
  'name-control-character':
    'Your name contains a line break or another control character; please remove it.',
  'name-direction-control':
    'Your name contains an invisible character that changes the direction of text; please remove it.',
  'name-invisible-character':
    'Your name contains an invisible character, such as a zero-width space; please remove it.',
  'email-required':
    'Please enter your email address. It will not be published.',
  'email-invalid':
    'Please enter a valid email address, such as name@example.com.',
  'email-too-long':
    'Your email address is too long: the limit is {max} characters.',
  'url-invalid':
    'Please enter a website address that starts with http:// or https://, or leave it empty.',
  'url-too-long':
    'Your website address is too long: the limit is {max} characters.',
  'body-required': 'Please type a comment.',
  'body-too-long':
    'Your comment is too long: please keep it to {max} characters.',
  'body-control-character':
    'Your comment contains an invisible control character; please remove it and try again.',
  'text-malformed':
    'This contains a broken character, such as half of an emoji; please type it again.',
  'text-stacked-marks':
    'This contains a letter with too many accents or marks stacked on it; please remove some.',
  'thread-required': 'The comment is not attached to a discussion.',
  'parent-invalid': 'The comment you are replying to could not be found.',
  'comment-date-invalid': 'A comment’s date must be an ISO 8601 date and time.',
};

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

/** English for the article, operation and quantity schemas: what an editor is told. */
export const englishArticleMessages: Readonly<
  Record<ArticleIssueCode, string>
> = {
  'text-type': '{what} must be text.',
  'text-empty': '{what} cannot be empty.',
  'text-too-long': '{what} is too long: the limit is {max} characters.',
  'http-url-invalid': '{what} must be an http(s) URL.',
  'date-time-invalid': '{what} must be an ISO 8601 date and time.',
  'language-invalid': 'The language must be a BCP 47 tag such as "en" or "km".',
  'list-empty': 'A list needs at least one item.',
  'article-body-empty': 'An article needs a body.',
  'country-invalid': 'A country is an ISO 3166-1 alpha-2 code such as KH.',
  'subdivision-invalid': 'A subdivision is an ISO 3166-2 code such as KH-12.',
  'period-invalid':
    'The period must be an EDTF date or interval, such as 2025-07-1X.',
  'offence-invalid': 'An offence is one of: {offences}.',
  'count-type': 'A count must be a number.',
  'count-not-whole': 'A count must be a whole number.',
  'count-negative': 'A count cannot be negative.',
  'count-too-large': 'That count is too large to store exactly.',
  'unit-invalid': 'A unit is an ISO 4217 code such as USD.',
  'range-reversed':
    'The lower figure of a range must not exceed the upper one.',
};

/**
 * The limits the comment messages name, for a lookup that brings no parameters of its own
 * (`messageFor('name-too-long')`): the schemas always put them on the issue.
 */
export const COMMENT_LIMIT_PARAMS: Readonly<
  Partial<Record<MessageCode, MessageParams>>
> = {
  'name-too-long': { max: LIMIT.name },
  'email-too-long': { max: LIMIT.email },
  'url-too-long': { max: LIMIT.url },
  'body-too-long': { max: LIMIT.body },
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
