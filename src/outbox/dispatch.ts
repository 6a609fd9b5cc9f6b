/**
 * Who hears about what: an event becomes one message per recipient, as a pure function.
 * Subscriptions and webhooks add their recipients here.
 */
import type { NewOutboxMessage, OutboxEvent } from '../repository/types.js';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** How long a sign-in link works, and how late its mail may still go out. */
export const SIGN_IN_MS = 15 * MINUTE;
/** How long one-click moderation links work, and how late their mail may still go out. */
export const ACTION_LINK_MS = 7 * DAY;

export interface DispatchContext {
  /** The moderators, as listed. */
  moderators: readonly string[];
  /** Moderators (lower case) who turned mail about held comments off. */
  heldCommentMailOff: ReadonlySet<string>;
  /** Whether mail can be sent at all (a mail server is set). */
  mail: boolean;
}

/**
 * The messages an event calls for. Each key names the event and the recipient, so however
 * often an event is dispatched, each recipient gets one message.
 *
 * @example
 * messagesFor({ type: 'comment.created', subject: 'c1', data: { status: 'pending' }, … }, ctx)
 * // one 'held-comment' mail per moderator who has not turned them off
 */
export function messagesFor(
  event: OutboxEvent,
  context: DispatchContext,
): NewOutboxMessage[] {
  if (!context.mail) return [];
  if (event.type === 'comment.created' && event.data.status === 'pending')
    return context.moderators
      .filter((m) => !context.heldCommentMailOff.has(m.toLowerCase()))
      .map((moderator) => ({
        key: `held-comment:${event.subject}:${moderator.toLowerCase()}`,
        channel: 'mail',
        recipient: moderator,
        template: 'held-comment',
        data: { commentId: event.subject },
        dueAt: event.createdAt,
        giveUpAt: event.createdAt + ACTION_LINK_MS,
      }));
  if (event.type === 'sign-in.requested') {
    const asked = String(event.data.email ?? '').toLowerCase();
    // Only here, off the request's path, is the address compared with the moderators: the
    // answer to the request was the same for every address.
    const moderator = context.moderators.find((m) => m.toLowerCase() === asked);
    return moderator
      ? [
          {
            key: `sign-in:${event.id}:${asked}`,
            channel: 'mail',
            recipient: moderator,
            template: 'sign-in',
            data: {},
            dueAt: event.createdAt,
            giveUpAt: event.createdAt + SIGN_IN_MS,
          },
        ]
      : [];
  }
  return [];
}
