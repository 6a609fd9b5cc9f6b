/**
 * The outbox worker: turns recorded events into messages and sends them, with retries and
 * backoff, from the database, so nothing is lost when the mail server is down or the service
 * restarts.
 *
 * Delivery is at most once per recipient and event in every case but one: a process that dies
 * after the mail server accepted a mail and before it recorded that (a window of one database
 * write) leaves the message claimed, and once the claim's lease runs out it is sent again. The
 * copy has the same Message-ID, so most mail systems show it once. Two instances never send a
 * message at the same time: each claims messages under a lease first.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  isModerator,
  type ServiceConfig,
  webhookKey as webhookKeyOf,
} from '../config.js';
import type { Logger } from '../middleware/answer.js';
import type {
  ClaimedMessage,
  CommentRepository,
  MessageOutcome,
} from '../repository/types.js';
import { ACTION_LINK_MS, DAY, messagesFor, SIGN_IN_MS } from './dispatch.js';
import type { ServiceCatalogue } from '../messages/index.js';
import { heldCommentMail, type Mail, signInMail } from './mails.js';
import {
  approves,
  CONFIRM_LINK_MS,
  type ReplyContext,
  readerMessagesFor,
} from './dispatch.js';
import { confirmSubscriptionMail, replyMail } from './mails.js';
import type { OutboxEvent } from '../repository/types.js';
import { hashSecret, issueSecret, newSecret } from './secrets.js';
import { MailFailure, type Mailer, SMTP_TIMEOUTS } from './smtp.js';
import {
  postWebhook,
  shownWebhookUrl,
  WebhookFailure,
  webhookId,
  webhookMessagesFor,
  webhookPayload,
} from './webhooks.js';

export interface OutboxWorkerOptions {
  repository: CommentRepository;
  config: Pick<ServiceConfig, 'moderators' | 'publicUrl' | 'mailRetrySeconds'> &
    Partial<Pick<ServiceConfig, 'webhooks' | 'webhookSecret'>>;
  /** Without one no mail is sent, and none is queued. */
  mailer: Mailer | undefined;
  now?: () => number;
  logger: Logger;
  /** How often to look for work when nothing woke the worker. */
  pollMs?: number;
  /** How long a claim keeps other instances off a message: longer than any one attempt. */
  leaseMs?: number;
  /** Messages claimed at once. */
  batch?: number;
  /** How webhooks are posted; the global fetch unless a test says otherwise. */
  fetch?: typeof fetch;
  /** The words of the mails: the shipped ones unless the site gave its own (DATELINE_WORDS). */
  words?: ServiceCatalogue;
}

/** What one round did. */
export interface OutboxRound {
  dispatched: number;
  sent: number;
  retried: number;
  dropped: number;
  failed: number;
}

/** The longest wait between two attempts. */
export const MAX_RETRY_MS = 60 * 60 * 1000;
/** Finished messages and old sign-in attempts are kept this long, then forgotten. */
export const KEEP_MS = 30 * DAY;

/** The wait before attempt `attempts + 1`: the first retry after `baseMs`, each later one twice as long. */
export function retryDelay(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(attempts - 1, 30), MAX_RETRY_MS);
}

export function createOutboxWorker({
  repository,
  config,
  mailer,
  now = Date.now,
  logger,
  pollMs = 1000,
  leaseMs = 2 *
    (SMTP_TIMEOUTS.connectionTimeout +
      SMTP_TIMEOUTS.greetingTimeout +
      SMTP_TIMEOUTS.socketTimeout),
  batch = 10,
  fetch: webhookFetch,
  words,
}: OutboxWorkerOptions) {
  const publicUrl = config.publicUrl ?? 'http://localhost';
  const host = new URL(publicUrl).hostname;
  const baseMs = config.mailRetrySeconds * 1000;
  // Webhooks: posted only to the configured URLs, and only signed.
  const webhookKey = config.webhookSecret
    ? webhookKeyOf(config.webhookSecret)
    : undefined;
  const webhooks = webhookKey ? (config.webhooks ?? []) : [];

  async function dispatch(): Promise<number> {
    const events = await repository.outboxEvents(100);
    if (!events.length) return 0;
    const heldCommentMailOff = await repository.heldCommentMailOff(
      config.moderators,
    );
    for (const event of events)
      await repository.dispatchEvent(event.id, [
        ...messagesFor(event, {
          moderators: config.moderators,
          heldCommentMailOff,
          mail: mailer !== undefined,
        }),
        ...webhookMessagesFor(event, webhooks),
        ...readerMessagesFor(event, {
          mail: mailer !== undefined,
          reply: await replyContextFor(event),
        }),
      ]);
    return events.length;
  }

  // Readers' mail about replies: who hears about an approved comment, and their mails.

  /** The approved comment an event is about, with its thread's subscribers. */
  async function replyContextFor(
    event: OutboxEvent,
  ): Promise<ReplyContext | undefined> {
    if (mailer === undefined || !approves(event)) return undefined;
    const comment = await repository.get(event.subject);
    // Withdrawn before it was dispatched: nobody is told about it.
    if (comment?.status !== 'approved') return undefined;
    return {
      comment: {
        id: comment.id,
        threadId: comment.threadId,
        email: comment.email,
      },
      subscribers: await repository.threadSubscribers(comment.threadId),
    };
  }

  /** A reader's mail, made now; or why it is no longer to be sent. */
  async function composeForReader(
    message: ClaimedMessage,
    at: number,
  ): Promise<Mail | { drop: string }> {
    const threadId = String(message.data.threadId ?? '');
    const subscription = await repository.replySubscription(
      message.recipient,
      threadId,
    );
    if (!subscription?.active)
      return { drop: 'the reader unsubscribed from the thread' };
    const links = {
      publicUrl,
      unsubscribeKey: subscription.key,
      threadId,
      headline: subscription.headline,
    };
    if (message.template === 'confirm-subscription') {
      if (subscription.confirmed)
        return { drop: 'the reader’s email is already confirmed' };
      const link = await issueSecret(
        (secret) => repository.createSubscriptionConfirmation(secret),
        message.recipient,
        at,
        CONFIRM_LINK_MS,
      );
      return confirmSubscriptionMail({
        ...link,
        links,
        locale: subscription.locale,
        words,
      });
    }
    // Nothing but a confirmation goes to an email nobody confirmed.
    if (!subscription.confirmed)
      return { drop: 'the reader’s email is not confirmed' };
    const comment = await repository.get(String(message.data.commentId));
    if (comment?.status !== 'approved')
      return { drop: 'the comment is no longer approved' };
    return replyMail({ comment, links, locale: subscription.locale, words });
  }

  /** The mail a message is, made now; or why it is no longer to be sent. */
  async function compose(
    message: ClaimedMessage,
    at: number,
  ): Promise<Mail | { drop: string }> {
    if (
      message.template === 'confirm-subscription' ||
      message.template === 'reply'
    )
      return composeForReader(message, at);
    if (!isModerator(config, message.recipient))
      return { drop: 'the recipient is no longer a moderator' };
    const preferences = await repository.mailPreferences(message.recipient, at);
    const links = { publicUrl, unsubscribeKey: preferences.key };
    if (message.template === 'sign-in') {
      const link = await issueSecret(
        (secret) => repository.createSignInToken(secret),
        message.recipient,
        at,
        SIGN_IN_MS,
      );
      return signInMail({
        ...link,
        links,
        locale: String(message.data.locale ?? 'en'),
        words,
      });
    }
    if (message.template === 'held-comment') {
      if (!preferences.heldComments)
        return { drop: 'the moderator turned mail about held comments off' };
      const comment = await repository.get(String(message.data.commentId));
      if (comment?.status !== 'pending')
        return { drop: 'the comment no longer awaits moderation' };
      const parent = comment.parentId
        ? await repository.get(comment.parentId)
        : undefined;
      const expiresAt = at + ACTION_LINK_MS;
      const group = randomUUID();
      const tokens = {
        approve: newSecret(),
        spam: newSecret(),
        delete: newSecret(),
      };
      // Made at sending, so no link that works sits in the database in clear text.
      await repository.createActionLinks(
        (['approve', 'spam', 'delete'] as const).map((action) => ({
          tokenHash: hashSecret(tokens[action]),
          group,
          commentId: comment.id,
          action,
          email: message.recipient,
          now: at,
          expiresAt,
        })),
      );
      return heldCommentMail({
        comment,
        inReplyTo: parent?.author.name,
        tokens,
        expiresAt,
        links,
        locale: preferences.locale,
        words,
      });
    }
    return { drop: `there is no mail called ${message.template}` };
  }

  /** Posts a webhook message, and says what became of it and what the operator should read. */
  async function deliverWebhook(
    message: ClaimedMessage,
    at: number,
  ): Promise<{ outcome: MessageOutcome; warn?: string; error?: string }> {
    const what = `${message.template} webhook to ${shownWebhookUrl(message.recipient)}`;
    if (at >= message.giveUpAt)
      return {
        outcome: { state: 'dropped', reason: 'too late to be of use' },
        warn: `The ${what} was not sent in time and is let go.`,
      };
    // Checked again at sending: a URL taken out of DATELINE_WEBHOOKS gets nothing more.
    if (!webhookKey || !webhooks.includes(message.recipient))
      return {
        outcome: {
          state: 'dropped',
          reason: 'the URL is no longer in DATELINE_WEBHOOKS',
        },
      };
    try {
      const comment = await repository.get(String(message.data.commentId));
      if (!comment)
        return { outcome: { state: 'dropped', reason: 'the comment is gone' } };
      await postWebhook({
        url: message.recipient,
        key: webhookKey,
        id: webhookId(message.key),
        body: JSON.stringify(webhookPayload(message, comment)),
        timestamp: Math.floor(at / 1000),
        now: at,
        fetch: webhookFetch,
      });
      return { outcome: { state: 'sent' } };
    } catch (error) {
      const reason =
        error instanceof Error ? error.message : String(error ?? 'unknown');
      if (error instanceof WebhookFailure && error.permanent)
        return {
          outcome: { state: 'failed', reason },
          error: `The ${what} was refused and will not be sent again: ${reason}`,
        };
      const wait = Math.max(
        retryDelay(message.attempts, baseMs),
        error instanceof WebhookFailure ? (error.retryAfterMs ?? 0) : 0,
      );
      const dueAt = at + wait;
      if (dueAt >= message.giveUpAt)
        return {
          outcome: { state: 'failed', reason },
          error: `The ${what} could not be sent after ${message.attempts} attempts and is given up: ${reason}`,
        };
      return {
        outcome: { state: 'waiting', dueAt, reason },
        warn: `The ${what} could not be sent (attempt ${message.attempts}): ${reason}; next attempt in ${Math.round(wait / 1000)} s.`,
      };
    }
  }

  /** Sends a message, and says what became of it and what the operator should read. */
  async function deliver(
    message: ClaimedMessage,
  ): Promise<{ outcome: MessageOutcome; warn?: string; error?: string }> {
    const at = now();
    if (message.channel === 'webhook') return deliverWebhook(message, at);
    const what = `${message.template} mail to ${message.recipient}`;
    if (at >= message.giveUpAt)
      return {
        outcome: { state: 'dropped', reason: 'too late to be of use' },
        warn: `The ${what} was not sent in time and is let go.`,
      };
    if (message.channel !== 'mail' || !mailer)
      return {
        outcome: {
          state: 'failed',
          reason: `nothing here sends ${message.channel} messages`,
        },
      };
    try {
      const mail = await compose(message, at);
      if ('drop' in mail)
        return { outcome: { state: 'dropped', reason: mail.drop } };
      await mailer.send({
        ...mail,
        to: message.recipient,
        messageId: `<${createHash('sha256').update(message.key).digest('hex').slice(0, 32)}@${host}>`,
      });
      return { outcome: { state: 'sent' } };
    } catch (error) {
      const reason =
        error instanceof Error ? error.message : String(error ?? 'unknown');
      if (error instanceof MailFailure && error.permanent)
        return {
          outcome: { state: 'failed', reason },
          error: `The ${what} was refused and will not be sent: ${reason}`,
        };
      const dueAt = at + retryDelay(message.attempts, baseMs);
      if (dueAt >= message.giveUpAt)
        return {
          outcome: { state: 'failed', reason },
          error: `The ${what} could not be sent after ${message.attempts} attempts and is given up: ${reason}`,
        };
      return {
        outcome: { state: 'waiting', dueAt, reason },
        warn: `The ${what} could not be sent (attempt ${message.attempts}): ${reason}; next attempt in ${Math.round((dueAt - at) / 1000)} s.`,
      };
    }
  }

  let lastForgotten = 0;

  /** One round: dispatch events, send what is due. */
  async function round(): Promise<OutboxRound> {
    const result: OutboxRound = {
      dispatched: await dispatch(),
      sent: 0,
      retried: 0,
      dropped: 0,
      failed: 0,
    };
    if (mailer || webhooks.length) {
      const claimed = await repository.claimMessages({
        now: now(),
        leaseMs,
        limit: batch,
      });
      for (const message of claimed) {
        const { outcome, warn, error } = await deliver(message);
        await repository.settleMessage(message, outcome, now());
        // Told once it is recorded: what the log says has happened.
        if (warn) logger.warn(warn);
        if (error) logger.error(error);
        if (outcome.state === 'waiting') result.retried += 1;
        else result[outcome.state] += 1;
      }
    }
    if (now() - lastForgotten > 60 * 60 * 1000) {
      lastForgotten = now();
      await repository.forgetExpired(now(), now() - KEEP_MS);
    }
    return result;
  }

  let running: Promise<OutboxRound> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let again = false;

  /** Runs a round unless one is running; a wake-up during one runs another after it. */
  function runOnce(): Promise<OutboxRound> {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void loop(), ms);
    timer.unref();
  }

  async function loop() {
    let busy = false;
    try {
      const done = await runOnce();
      busy =
        again || done.sent + done.retried + done.dropped + done.failed >= batch;
    } catch (error) {
      logger.error('The outbox could not be worked through:', error);
    }
    again = false;
    schedule(busy ? 0 : pollMs);
  }

  return {
    /** Works through the outbox now, and then every `pollMs`. */
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    /** Looks for work at once (after something was recorded). */
    wake() {
      if (running) again = true;
      else schedule(0);
    },
    runOnce,
    /**
     * Stops looking for work, and waits for the round in progress, for `waitMs` at most: a
     * mail still being sent after that is claimed until its lease runs out, and sent again
     * after the next start if it was not recorded.
     */
    async stop(waitMs = Number.POSITIVE_INFINITY) {
      stopped = true;
      clearTimeout(timer);
      if (!running) return;
      let deadline: NodeJS.Timeout | undefined;
      const waits: Promise<unknown>[] = [running.catch(() => undefined)];
      if (Number.isFinite(waitMs))
        waits.push(
          new Promise((resolve) => {
            deadline = setTimeout(resolve, waitMs);
          }),
        );
      await Promise.race(waits);
      clearTimeout(deadline);
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
