import type { CommentStatus, ModerationAction } from '@dateline/core';
import { linkify } from '@dateline/core';
import type { ServiceConfig } from '../config.js';
import type { BlocklistMatch } from './blocklist.js';

/** What the decision reads from the comment itself. */
export interface ModerationInput {
  body: string;
  /** The form's hidden field: a person never fills it, a bot does. */
  honeypot?: string | undefined;
}

/** What the decision needs to know from the stored comments. */
export interface ModerationFacts {
  /**
   * Whether a comment by the same name and the same email was approved before (see
   * `isReturningCommenter`). Only read under the `first-time` policy.
   */
  returningCommenter: boolean;
  /** What the site's block lists say of the comment (see `compileBlocklists`); none when absent. */
  blocklist?: BlocklistMatch;
}

export type ModerationConfig = Pick<ServiceConfig, 'moderation' | 'maxLinks'>;

/** Why a comment got its status; for logs and tests, never told to the poster. */
export type ModerationReason =
  | 'honeypot'
  | 'disallowed'
  | 'moderate-all'
  | 'held-key'
  | 'too-many-links'
  | 'first-time'
  | 'returning-commenter'
  | 'no-moderation';

export interface ModerationDecision {
  status: Extract<CommentStatus, 'approved' | 'pending' | 'spam'>;
  reason: ModerationReason;
}

/** Links a reader would see in the comment's text (as WordPress counts them: the author's website does not count). */
export function countLinks(body: string): number {
  let links = 0;
  for (const part of linkify(body)) if (typeof part !== 'string') links += 1;
  return links;
}

/**
 * The status a new comment gets, in WordPress's order: a filled honeypot is spam; so is a
 * comment on the "refuse" block list (WordPress's disallowed keys; the poster is answered as
 * if it were held); then `all` holds everything; the "hold" block list holds it, a returning
 * commenter's too; more than `maxLinks` links hold it; under `first-time`, only a returning
 * commenter is published at once.
 *
 * @example
 * decideStatus({ body: 'Thank you' }, { returningCommenter: false }, { moderation: 'first-time', maxLinks: 2 })
 * // → { status: 'pending', reason: 'first-time' }
 */
export function decideStatus(
  input: ModerationInput,
  facts: ModerationFacts,
  config: ModerationConfig,
): ModerationDecision {
  if (input.honeypot) return { status: 'spam', reason: 'honeypot' };
  if (facts.blocklist?.refused) return { status: 'spam', reason: 'disallowed' };
  if (config.moderation === 'all')
    return { status: 'pending', reason: 'moderate-all' };
  if (facts.blocklist?.held) return { status: 'pending', reason: 'held-key' };
  if (countLinks(input.body) > config.maxLinks)
    return { status: 'pending', reason: 'too-many-links' };
  if (config.moderation === 'first-time')
    return facts.returningCommenter
      ? { status: 'approved', reason: 'returning-commenter' }
      : { status: 'pending', reason: 'first-time' };
  return { status: 'approved', reason: 'no-moderation' };
}

/** Whether the decision reads `facts.returningCommenter`, so the lookup can be skipped when it does not. */
export function needsCommenterHistory(
  input: ModerationInput,
  config: ModerationConfig,
): boolean {
  return config.moderation === 'first-time' && !input.honeypot;
}

/**
 * The status a moderator's action gives a comment, or undefined when the action does not
 * apply to it. `before` is the status the comment had before it was last spammed or deleted,
 * if known: `restore` brings it back to that (a comment that was approved is approved again),
 * or to pending, where a moderator looks at it again.
 *
 * @example
 * statusAfter('restore', 'spam', 'approved') // → 'approved'
 * statusAfter('restore', 'deleted') // → 'pending'
 * statusAfter('restore', 'approved') // → undefined: nothing to restore
 */
export function statusAfter(
  action: ModerationAction,
  current: CommentStatus,
  before?: CommentStatus,
): CommentStatus | undefined {
  switch (action) {
    case 'approve':
      return 'approved';
    case 'spam':
      return 'spam';
    case 'delete':
      return 'deleted';
    case 'unapprove':
      return 'pending';
    case 'restore':
      if (current !== 'spam' && current !== 'deleted') return undefined;
      return before === 'approved' || before === 'pending' ? before : 'pending';
  }
}
