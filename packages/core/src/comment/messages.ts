/**
 * What a reader is told when "Leave a Reply" refuses their input, kept apart from the schema
 * so a site can translate or reword it. Keys are the issue codes.
 */
export type NewCommentIssueCode =
  | 'name-required'
  | 'name-too-long'
  | 'email-required'
  | 'email-invalid'
  | 'email-too-long'
  | 'url-invalid'
  | 'url-too-long'
  | 'body-required'
  | 'body-too-long'
  | 'body-control-character'
  | 'thread-required'
  | 'parent-invalid';

export const NEW_COMMENT_LIMITS = {
  name: 245,
  email: 100,
  url: 200,
  body: 65_525,
} as const;

export const newCommentMessages: Record<NewCommentIssueCode, string> = {
  'name-required': 'Please enter your name.',
  'name-too-long': `Your name is too long: please keep it to ${NEW_COMMENT_LIMITS.name} characters.`,
  'email-required':
    'Please enter your email address. It will not be published.',
  'email-invalid':
    'Please enter a valid email address, such as name@example.com.',
  'email-too-long': `Your email address is too long: the limit is ${NEW_COMMENT_LIMITS.email} characters.`,
  'url-invalid':
    'Please enter a website address that starts with http:// or https://, or leave it empty.',
  'url-too-long': `Your website address is too long: the limit is ${NEW_COMMENT_LIMITS.url} characters.`,
  'body-required': 'Please type a comment.',
  'body-too-long': `Your comment is too long: please keep it to ${NEW_COMMENT_LIMITS.body.toLocaleString('en')} characters.`,
  'body-control-character':
    'Your comment contains an invisible control character; please remove it and try again.',
  'thread-required': 'The comment is not attached to a discussion.',
  'parent-invalid': 'The comment you are replying to could not be found.',
};
