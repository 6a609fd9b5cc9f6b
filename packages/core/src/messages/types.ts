import type { SingleQualifier, VagueTerm } from '../quantity/schema.js';
import type { AdminIssueCode } from '../store/admin.js';
import type { CalendarWordCode, MonthCode } from './en-calendar.js';
import type { CountryNameCode } from './en-country.js';
import type { DateWordCode } from './en-date.js';
import type { DemonymCountry } from './en-demonym.js';
import type { ListWordCode } from './en-list.js';
import type { WordedUnit } from './en-quantity.js';
import type {
  RelativeCountCode,
  RelativeUnit,
  RelativeWordCode,
} from './en-relative.js';

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

/**
 * Why the comment service refused a comment that matched its schema: the answer as a whole,
 * a repeat of what the sender already said, or posting faster than the service allows.
 */
export type CommentRefusalCode =
  | 'comment-not-posted'
  | 'comment-duplicate'
  | 'comment-too-fast';

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

/** Every code core's schemas and the comment service's refusals report. */
export type MessageCode =
  | CommentIssueCode
  | CommentRefusalCode
  | ArticleIssueCode;

/**
 * The words `formatQuantity` writes: each qualifier around `{n}` ("more than {n}"), a range,
 * each vague term alone ("hundreds") and before what is counted ("hundreds of {what}"), how a
 * figure joins what is counted and its currency, and each currency's name after a vague term.
 */
export type QuantityWordCode =
  | `quantity-${Exclude<SingleQualifier, 'exact'>}`
  | 'quantity-between'
  | `quantity-${VagueTerm}`
  | `quantity-${VagueTerm}-of`
  | 'quantity-counted'
  | 'quantity-amount'
  | `unit-${WordedUnit}`;

/** A currency's name after a figure, in the plural form the figure takes ("1 dollar", "5 dollars"). */
export type UnitCountCode = `unit-${WordedUnit}-counted`;

/** A nationality, singular ("Indonesian") and plural ("Indonesians"), for `demonym`. */
export type DemonymCode =
  | `demonym-${DemonymCountry}`
  | `demonym-${DemonymCountry}-plural`;

export type {
  CalendarWordCode,
  CountryNameCode,
  DateWordCode,
  ListWordCode,
  MonthCode,
  RelativeCountCode,
  RelativeUnit,
  RelativeWordCode,
};

/** Codes whose message has one form per plural category of the locale (see `PluralMessage`). */
export type PluralCode = UnitCountCode | RelativeCountCode;

/**
 * A message with one form per plural category of its locale, as `Intl.PluralRules` names
 * them: English has `one` and `other`; Khmer, Vietnamese, Indonesian, Thai and Chinese only
 * `other`; Arabic `zero`, `one`, `two`, `few`, `many` and `other`.
 */
export type PluralMessage = { other: string } & Partial<
  Record<Intl.LDMLPluralRule, string>
>;

/** Every code whose message is one text. */
export type TextCode =
  | MessageCode
  | AdminIssueCode
  | QuantityWordCode
  | DemonymCode
  | DateWordCode
  | CalendarWordCode
  | RelativeWordCode
  | ListWordCode
  | CountryNameCode;

/** Every code core words, in every locale. */
export type CatalogueCode = TextCode | PluralCode;

/**
 * A locale's messages by code: everything core writes in words. `{name}` in a message is
 * replaced by the value of that name: `{max}` for a limit, `{what}` for the field an article
 * or operation names, `{n}`, `{min}`, `{max}`, `{quantity}`, `{unit}`, `{what}` in the words of
 * quantities, `{date}` in the words of dates (each English table names the rest). A locale
 * module is typed `MessageCatalogue`, so a missing code fails the type check.
 */
export type MessageCatalogue = { [C in TextCode]: string } & {
  [C in PluralCode]: PluralMessage;
};

/**
 * A locale's catalogue as a module exports it (`@dateline/core/locales/km`): the BCP 47 tag
 * it is written for and its messages. A site's own module for another language has the same
 * shape, with any codes it words.
 */
export interface LocaleModule {
  /** BCP 47 tag: "km", "zh-Hant". */
  readonly locale: string;
  readonly messages: Partial<MessageCatalogue>;
}

/** The values an issue carries beside its code, for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, unknown>>;

/** Which messages a lookup uses. */
export interface MessageOptions {
  /**
   * BCP 47 tag; "km-KH" falls back to "km", "zh-TW" to "zh-Hant", then to English. Default:
   * the one `setLocale` chose.
   */
  locale?: string;
  /** Messages for this call alone, ahead of every catalogue. */
  messages?: Partial<MessageCatalogue>;
}
