/**
 * Kept for modules that still import from here; messages live in `../messages/`, looked up by
 * code when an issue is reported.
 */
export { newCommentMessages } from '../messages/en.js';
export { NEW_COMMENT_LIMITS } from './limits.js';
export type { NewCommentIssueCode } from '../messages/types.js';
