import type { Comment } from '@dateline/core';

/** Fired by `<dateline-comment-form>` when the store has accepted a comment. */
export class CommentPostedEvent extends Event {
  static readonly type = 'dateline-comment-posted';
  constructor(
    /** The comment as stored; its `status` says whether it awaits moderation. */
    readonly comment: Comment,
  ) {
    super(CommentPostedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired by `<dateline-comment-form>` when the reader cancels a reply. */
export class CancelReplyEvent extends Event {
  static readonly type = 'cancel';
  constructor() {
    super(CancelReplyEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * Fired when an element's data loaded and validated (`dateline-load`) or could not be shown
 * (`dateline-error`). Not the native `load`/`error`: a bubbling `error` would reach `window`
 * and set off the host page's global error handlers.
 */
export class DataEvent extends Event {
  constructor(
    type: 'dateline-load' | 'dateline-error',
    /** Why it failed, for `dateline-error`. */
    readonly message?: string,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'dateline-comment-posted': CommentPostedEvent;
    'dateline-load': DataEvent;
    'dateline-error': DataEvent;
  }
}
