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
            // The mail is written in the language it was asked in.
            data: { locale: event.data.locale },
            dueAt: event.createdAt,
            giveUpAt: event.createdAt + SIGN_IN_MS,
          },
        ]
      : [];
  }
  return [];
}

// Readers' mail about replies.

/** How long a confirmation link works, and how late its mail may still go out. */
export const CONFIRM_LINK_MS = 7 * DAY;
/** How late a mail about a reply may still go out. */
export const REPLY_MAIL_MS = 7 * DAY;

/** A comment that an event made approved, and who hears about its thread. */
export interface ReplyContext {
  comment: { id: string; threadId: string; email: string };
  /** Confirmed, subscribed readers of the comment's thread. */
  subscribers: readonly { email: string; address: string }[];
}

/** Whether an event makes a comment approved (on creation, or by moderation). */
export const approves = (event: OutboxEvent) =>
  (event.type === 'comment.created' && event.data.status === 'approved') ||
  (event.type === 'comment.status-changed' && event.data.to === 'approved');

/**
 * The messages an event calls for to readers: a confirmation when an email asked to be
 * confirmed, and a mail per subscriber (but the comment's author) when a comment is approved.
 * A comment approved, withdrawn and approved again is told about once (the key).
 *
 * @example
 * readerMessagesFor(approvedEvent, { mail: true, reply: { comment, subscribers } })
 * // one 'reply' mail per subscriber other than the comment's author
 */
export function readerMessagesFor(
  event: OutboxEvent,
  context: { mail: boolean; reply?: ReplyContext | undefined },
): NewOutboxMessage[] {
  if (!context.mail) return [];
  if (event.type === 'subscription.requested') {
    const email = String(event.data.email ?? '');
    if (!email) return [];
    return [
      {
        key: `confirm-subscription:${event.id}`,
        channel: 'mail',
        recipient: email,
        template: 'confirm-subscription',
        data: { threadId: event.subject },
        dueAt: event.createdAt,
        giveUpAt: event.createdAt + CONFIRM_LINK_MS,
      },
    ];
  }
  const { reply } = context;
  if (!reply || !approves(event) || reply.comment.id !== event.subject)
    return [];
  const author = reply.comment.email.toLowerCase();
  return reply.subscribers
    .filter((s) => s.email !== author)
    .map((s) => ({
      key: `reply:${reply.comment.id}:${s.email}`,
      channel: 'mail',
      recipient: s.address,
      template: 'reply',
      data: { commentId: reply.comment.id, threadId: reply.comment.threadId },
      dueAt: event.createdAt,
      giveUpAt: event.createdAt + REPLY_MAIL_MS,
    }));
}
