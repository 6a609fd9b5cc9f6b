export { DatelineArticle } from './article/article.js';
export { DatelineOperation } from './operation/operation.js';
export { DatelineComments } from './comments/comments.js';
export { DatelineCommentForm } from './comment-form/comment-form.js';
export { DatelineCount } from './count/count.js';
export {
  CommentPostedEvent,
  CancelReplyEvent,
  DataEvent,
} from './shared/events.js';
export type { OmittedPart } from './shared/events.js';
export { defineElement } from './shared/define.js';
export {
  LOCALES,
  matchLocale,
  resetStrings,
  setStrings,
} from './shared/localize.js';
export type { Locale, StringOverrides } from './shared/localize.js';
export type { StringId } from './locales/ids.js';
