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

/**
 * Fired by `<dateline-comment-form>` when the reader cancels a reply (the "Cancel reply"
 * button, or Esc in the form). Not the native `cancel`: leaving the shadow root, that name
 * would reach the page's own listeners for dialogs and inputs.
 */
export class CancelReplyEvent extends Event {
  static readonly type = 'dateline-reply-cancel';
  constructor() {
    super(CancelReplyEvent.type, { bubbles: true, composed: true });
  }
}

/** A part of an element's data that could not be shown, and why. */
export interface OmittedPart {
  /** Where it is in the data, e.g. `seizures.1` or `arrests.byNationality.0`. */
  path: string;
  /** What is wrong with it, from core's schema, in the language core reported it in. */
  message: string;
  /**
   * Core's code for what is wrong ("count-negative"), when core's schema reported it: look it
   * up with `params` in the reader's language (core's `messageFor(code, params, { locale })`).
   */
  code?: string;
  /** The values the message names (`{ max: 245 }`), with `code`. */
  params?: Readonly<Record<string, unknown>>;
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
    /**
     * For `dateline-load`: parts of the data left out because they are invalid, while the
     * rest is shown. Empty when everything was shown.
     */
    readonly omitted: readonly OmittedPart[] = [],
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'dateline-comment-posted': CommentPostedEvent;
    'dateline-reply-cancel': CancelReplyEvent;
    'dateline-load': DataEvent;
    'dateline-error': DataEvent;
  }
}
