/** Why "Leave a Reply" refused a field. Each code has one message a reader understands. */
export type NewCommentIssueCode =
  | 'name-required'
  | 'name-too-long'
  | 'name-control-character'
  | 'name-direction-control'
  | 'name-invisible-character'
  | 'email-required'
  | 'email-invalid'
  | 'email-too-long'
  | 'url-invalid'
  | 'url-too-long'
  | 'body-required'
  | 'body-too-long'
  | 'body-control-character'
  | 'text-malformed'
  | 'text-stacked-marks'
  | 'thread-required'
  | 'parent-invalid';

/** Why a stored comment, as a reader receives it, does not match its schema. */
export type CommentIssueCode = NewCommentIssueCode | 'comment-date-invalid';

/** Why an article, or an operation, quantity or place it holds, does not match its schema. */
export type ArticleIssueCode =
  | 'text-type'
  | 'text-empty'
  | 'text-too-long'
  | 'http-url-invalid'
  | 'date-time-invalid'
  | 'language-invalid'
  | 'list-empty'
  | 'article-body-empty'
  | 'country-invalid'
  | 'subdivision-invalid'
  | 'period-invalid'
  | 'offence-invalid'
  | 'count-type'
  | 'count-not-whole'
  | 'count-negative'
  | 'count-too-large'
  | 'unit-invalid'
  | 'range-reversed';

/** Every code core's schemas report. */
export type MessageCode = CommentIssueCode | ArticleIssueCode;

/**
 * A locale's messages by code. `{name}` in a message is replaced by the issue's parameter of
 * that name: `{max}` for a limit, `{what}` for the field an article or operation names.
 */
export type MessageCatalogue = Record<MessageCode, string>;

/** The values an issue carries beside its code, for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, unknown>>;

/** Which messages a lookup uses. */
export interface MessageOptions {
  /** BCP 47 tag; "km-KH" falls back to "km", then to English. Default: the one `setLocale` chose. */
  locale?: string;
  /** Messages for this call alone, ahead of every catalogue. */
  messages?: Partial<MessageCatalogue>;
}
