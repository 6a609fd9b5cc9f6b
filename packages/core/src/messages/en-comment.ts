import { NEW_COMMENT_LIMITS as LIMIT } from '../comment/limits.js';
import type { CommentIssueCode, MessageCode, MessageParams } from './types.js';

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
