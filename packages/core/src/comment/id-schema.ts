import { commentIssue as issue } from '../messages/issue.js';
import type { NewCommentIssueCode } from '../messages/types.js';
import { stringThat } from '../validation/text.js';

// A module apart from the comment schemas: an article names its thread, and a page of counts
// reads thread ids, without either loading what a comment is.

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** The id of a thread or comment: letters, digits and `_ . : -`, up to 128 characters. */
const id = (code: NewCommentIssueCode) =>
  stringThat((s) => ID.test(s), issue(code));
export const ThreadIdSchema = id('thread-required');
export const CommentIdSchema = id('parent-invalid');
