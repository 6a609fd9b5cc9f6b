export {
  englishMessages,
  englishCommentMessages,
  englishRefusalMessages,
  englishArticleMessages,
  newCommentMessages,
} from './en.js';
export { englishQuantityWords, englishUnitCounts } from './en-quantity.js';
export { englishDemonyms, DEMONYM_COUNTRIES } from './en-demonym.js';
export { englishDateWords } from './en-date.js';
export { setMessages, setLocale, addLocale } from './lookup.js';
export { SUPPORTED_LOCALES, matchLocale } from './locale.js';
export { messageFor, issueCode, isMessageCode } from './message-for.js';
export type { SupportedLocale } from './locale.js';
export type { WordedUnit } from './en-quantity.js';
export type { DemonymCountry } from './en-demonym.js';
export type {
  ArticleIssueCode,
  CatalogueCode,
  CommentIssueCode,
  CommentRefusalCode,
  DateWordCode,
  DemonymCode,
  LocaleModule,
  MessageCatalogue,
  MessageCode,
  MessageOptions,
  MessageParams,
  NewCommentIssueCode,
  PluralCode,
  PluralMessage,
  QuantityWordCode,
  TextCode,
  UnitCountCode,
} from './types.js';
