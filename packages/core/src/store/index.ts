export { CommentStoreError } from './types.js';
export type {
  CommentStore,
  CommentPage,
  ListCommentsOptions,
  CreateCommentOptions,
  CommentStoreErrorCode,
} from './types.js';
export { createMemoryStore } from './memory.js';
export { newId } from './id.js';
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
} from './protocol.js';
export type { CommentListResponse } from './protocol.js';
export { ErrorResponseSchema, ERROR_CODES } from './protocol-errors.js';
export type { ErrorResponse } from './protocol-errors.js';
export {
  CountsResponseSchema,
  MAX_COUNT_THREADS,
} from './protocol-counts.js';
export type { CountsResponse } from './protocol-counts.js';
export {
  createCountsClient,
  createWordPressCountsClient,
  fetchCounts,
} from './counts.js';
export type {
  CountsClient,
  CountsClientOptions,
  FetchCountsOptions,
  FetchCountsResult,
  WordPressCountsClientOptions,
} from './counts.js';
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
export { htmlToText } from './wordpress-text.js';
export {
  ADMIN_LIMITS,
  AUDIT_ACTIONS,
  BLOCKLISTS,
  MODERATION_ACTIONS,
  AdminCommentListResponseSchema,
  AdminCommentRowsSchema,
  AdminCommentSchema,
  AdminError,
  AdminListQuerySchema,
  AddressEntrySchema,
  AuditEntrySchema,
  AuditItemSchema,
  AuditPageResponseSchema,
  BlocklistInputSchema,
  BlocklistsRequestSchema,
  BlocklistsResponseSchema,
  ModerationActionRequestSchema,
  ModerationActionResponseSchema,
  QueueCountsSchema,
  QueuesResponseSchema,
  ThreadTitleRequestSchema,
  ThreadTitleResponseSchema,
  UndoRequestSchema,
  adminMessage,
  createAdminClient,
  englishAdminMessages,
} from './admin.js';
export type {
  AddressEntry,
  AdminClient,
  AdminClientOptions,
  AdminComment,
  AdminCommentPage,
  AdminErrorCode,
  AdminIssueCode,
  AdminListOptions,
  AuditAction,
  AuditEntry,
  AuditItem,
  AuditPage,
  Blocklist,
  BlocklistInput,
  BlocklistName,
  Blocklists,
  BlocklistsRequest,
  ModerationAction,
  ModerationActionRequest,
  ModerationActionResult,
  QueueCounts,
  ThreadTitle,
  ThreadTitleRequest,
} from './admin.js';
export {
  LiveChangeSchema,
  LiveReadySchema,
  LiveResyncSchema,
  MAX_LIVE_THREADS,
  formatLiveId,
  heldCommentsKey,
  liveThreads,
  liveUrl,
  openLiveStream,
  parseLiveId,
} from './live.js';
export type {
  LiveChange,
  LiveChangeData,
  LivePosition,
  LiveReady,
  LiveResync,
  LiveState,
  LiveStream,
  LiveStreamOptions,
} from './live.js';
