export {
  englishMessages,
  englishCommentMessages,
  englishArticleMessages,
  newCommentMessages,
} from './en.js';
export { setMessages, setLocale } from './lookup.js';
export { messageFor, issueCode, isMessageCode } from './message-for.js';
export type {
  ArticleIssueCode,
  CommentIssueCode,
  MessageCatalogue,
  MessageCode,
  MessageOptions,
  MessageParams,
  NewCommentIssueCode,
} from './types.js';
