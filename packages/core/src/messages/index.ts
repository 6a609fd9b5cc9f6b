export {
  englishMessages,
  englishRefusalMessages,
  newCommentMessages,
} from './en.js';
export { englishCommentMessages } from './en-comment.js';
export { englishArticleMessages } from './en-article.js';
export { englishQuantityWords, englishUnitCounts } from './en-quantity.js';
export { englishDemonyms, DEMONYM_COUNTRIES } from './en-demonym.js';
export { englishDateWords } from './en-date.js';
export { englishCalendarWords, MONTHS } from './en-calendar.js';
export {
  englishRelativeWords,
  englishRelativeCounts,
  RELATIVE_UNITS,
} from './en-relative.js';
export { englishListWords } from './en-list.js';
export { englishCountryNames } from './en-country.js';
export { formatList, listFormat } from './list.js';
export type { ListOptions } from './list.js';
export { setMessages, addLocale } from './catalogues.js';
export { setLocale } from './lookup.js';
export { SUPPORTED_LOCALES, matchLocale } from './locale.js';
export { messageFor, issueCode, isMessageCode } from './message-for.js';
export type { SupportedLocale } from './locale.js';
export type { WordedUnit } from './en-quantity.js';
export type { DemonymCountry } from './en-demonym.js';
export type {
  ArticleIssueCode,
  CalendarWordCode,
  CatalogueCode,
  CountryNameCode,
  CommentIssueCode,
  CommentRefusalCode,
  DateWordCode,
  DemonymCode,
  ListWordCode,
  LocaleModule,
  MessageCatalogue,
  MessageCode,
  MessageOptions,
  MessageParams,
  MonthCode,
  NewCommentIssueCode,
  PluralCode,
  PluralMessage,
  QuantityWordCode,
  RelativeCountCode,
  RelativeUnit,
  RelativeWordCode,
  TextCode,
  UnitCountCode,
} from './types.js';
