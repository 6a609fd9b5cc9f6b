import { NEW_COMMENT_LIMITS as LIMIT } from '../comment/limits.js';
import type {
  ArticleIssueCode,
  CommentIssueCode,
  MessageCatalogue,
} from './types.js';

/** English for the comment schemas: what a reader is told when "Leave a Reply" refuses a field. */
export const englishCommentMessages: Readonly<
  Record<CommentIssueCode, string>
> = {
  'name-required': 'Please enter your name.',
  'name-too-long': `Your name is too long: please keep it to ${LIMIT.name} characters.`,
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
  'email-too-long': `Your email address is too long: the limit is ${LIMIT.email} characters.`,
  'url-invalid':
    'Please enter a website address that starts with http:// or https://, or leave it empty.',
  'url-too-long': `Your website address is too long: the limit is ${LIMIT.url} characters.`,
  'body-required': 'Please type a comment.',
  'body-too-long': `Your comment is too long: please keep it to ${LIMIT.body.toLocaleString('en')} characters.`,
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
 * The English messages, the ones every other locale falls back to. Another locale is a module
 * of its own beside this one (`km.ts`, `vi.ts`, …) typed `MessageCatalogue`, so a missing
 * message fails the type check; a site plugs it in with `setMessages('km', km)`. Kept in two
 * parts so a page that only shows comments does not load what editors are told.
 */
export const englishMessages: Readonly<MessageCatalogue> =
  /* @__PURE__ */ Object.assign(
    {},
    englishCommentMessages,
    englishArticleMessages,
  );

/** @deprecated The English catalogue is `englishMessages`; reword with `setMessages`. */
export const newCommentMessages = englishMessages;
