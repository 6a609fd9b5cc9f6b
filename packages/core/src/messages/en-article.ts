import type { ArticleIssueCode } from './types.js';

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
