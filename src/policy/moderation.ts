import type { CommentStatus } from '@dateline/core';
import { linkify } from '@dateline/core';
import type { ServiceConfig } from '../config.js';

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
}

export type ModerationConfig = Pick<ServiceConfig, 'moderation' | 'maxLinks'>;

/** Why a comment got its status; for logs and tests, never told to the poster. */
export type ModerationReason =
  | 'honeypot'
  | 'moderate-all'
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
 * The status a new comment gets, in WordPress's order: a filled honeypot is spam; then
 * `all` holds everything; more than `maxLinks` links hold it; under `first-time`, only a
 * returning commenter is published at once.
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
  if (config.moderation === 'all')
    return { status: 'pending', reason: 'moderate-all' };
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
