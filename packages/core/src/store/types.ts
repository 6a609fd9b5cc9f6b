import type { Comment, NewCommentInput } from '../comment/schema.js';
import type { CommentOrder } from '../comment/thread.js';
import type { FieldErrors } from '../validation/field-errors.js';

export interface ListCommentsOptions {
  /** Where the previous page ended (its `nextCursor`). */
  cursor?: string;
  /** Top-level comments per page; each comes with all its replies. Default 50, as WordPress. */
  limit?: number;
  /** Default "oldest". */
  order?: CommentOrder;
  signal?: AbortSignal;
}

export interface CommentPage {
  /** Top-level comments of this page with their replies, flat, in the requested order. */
  comments: Comment[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /** Approved comments in the whole thread, where the store knows it. */
  total?: number;
  /**
   * Comments of this page the store received but could not read (they fail `CommentSchema`):
   * left out so that the others still show. Absent when every comment was read.
   */
  omitted?: number;
}

export interface CreateCommentOptions {
  /**
   * Names this attempt: a retry with the same key returns the first result instead of posting
   * twice. Make one per draft submission, keep it across retries.
   */
  idempotencyKey: string;
  /**
   * What was typed into the form's hidden honeypot field. People never fill it; stores that
   * fight spam mark such a comment as spam without saying so.
   */
  honeypot?: string;
  signal?: AbortSignal;
}

/** Somewhere comments are kept: the service, WordPress, memory, or the reader's browser. */
export interface CommentStore {
  /** Approved comments, plus the caller's own pending ones where the store knows them. */
  list(threadId: string, options?: ListCommentsOptions): Promise<CommentPage>;
  /** Stores a comment; its `status` says whether it awaits moderation. */
  create(
    input: NewCommentInput,
    options: CreateCommentOptions,
  ): Promise<Comment>;
}

export type CommentStoreErrorCode =
  /** The input broke a rule; `fields` says which. */
  | 'invalid'
  /** The same comment was already posted. */
  | 'duplicate'
  /** Posting too fast; `retryAfter` says how long to wait. */
  | 'too-fast'
  /** The thread does not accept comments. */
  | 'closed'
  /** The store could not be reached. */
  | 'network'
  /**
   * The store is up but does not accept requests from this page's origin (the comment
   * service's `DATELINE_ORIGINS` does not list it): a matter for the site's owner.
   */
  | 'refused-origin'
  /** The store failed. */
  | 'server';

/** Why a store refused or failed; `fields` maps field paths to messages a reader understands. */
export class CommentStoreError extends Error {
  override name = 'CommentStoreError';
  readonly code: CommentStoreErrorCode;
  readonly fields: FieldErrors;
  /** Seconds to wait before trying again, when the store said. */
  readonly retryAfter: number | undefined;
  /** HTTP status, for stores that speak HTTP. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: {
      code: CommentStoreErrorCode;
      fields?: FieldErrors;
      retryAfter?: number;
      status?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.retryAfter = options.retryAfter;
    this.status = options.status;
  }

  /** Whether trying again with the same input may succeed. */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'server' ||
      this.code === 'too-fast'
    );
  }
}
