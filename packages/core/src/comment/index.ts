export {
  CommentSchema,
  NewCommentSchema,
  COMMENT_STATUSES,
} from './schema.js';
export { ThreadIdSchema, CommentIdSchema } from './id-schema.js';
export type {
  Comment,
  NewComment,
  NewCommentInput,
  CommentStatus,
} from './schema.js';
export { NEW_COMMENT_LIMITS } from './limits.js';
export { cleanName } from './name.js';
export type { CleanNameOptions } from './name.js';
export { buildThread, countThread } from './thread.js';
export type { ThreadNode, BuildThreadOptions, CommentOrder } from './thread.js';
export { linkify } from './linkify.js';
export type { LinkifiedPart, TextLink } from './linkify.js';
