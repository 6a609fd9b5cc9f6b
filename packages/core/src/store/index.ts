export { CommentStoreError } from './types.js';
export type {
  CommentStore,
  CommentPage,
  ListCommentsOptions,
  CreateCommentOptions,
  CommentStoreErrorCode,
} from './types.js';
export { createMemoryStore, newId } from './memory.js';
export type { MemoryStoreOptions, MemoryStoreState } from './memory.js';
export { createLocalStore } from './local.js';
export type { LocalStoreOptions } from './local.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.js';
export { createRestStore } from './rest.js';
export type { RestStoreOptions } from './rest.js';
export {
  CommentRowsSchema,
  CommentListResponseSchema,
  CommentCreatedResponseSchema,
  ErrorResponseSchema,
  ERROR_CODES,
} from './protocol.js';
export type { CommentListResponse, ErrorResponse } from './protocol.js';
export {
  PostCommentRequestSchema,
  ListQuerySchema,
  ModerationRequestSchema,
} from './requests.js';
export type { PostCommentRequest } from './requests.js';
export {
  createWordPressStore,
  fromWordPressComment,
  WordPressCommentSchema,
  WordPressErrorSchema,
} from './wordpress.js';
export type { WordPressStoreOptions, WordPressComment } from './wordpress.js';
