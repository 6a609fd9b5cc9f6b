/**
 * Webhooks, signed as Standard Webhooks (https://www.standardwebhooks.com) sign them: a newsroom
 * posts what happens to comments to Slack or its own tools. Each configured URL gets one message
 * per event, through the outbox, so a receiver that is down misses nothing.
 *
 * Only the operator's own URLs (DATELINE_WEBHOOKS) are ever posted to, and redirects are never
 * followed: nothing a reader sends can choose where a request goes.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Comment } from '@dateline/core';
import type {
  ClaimedMessage,
  NewOutboxMessage,
  OutboxEvent,
  StoredComment,
} from '../repository/types.js';
import { publicComment } from '../routes/threads.js';
import { DAY } from './dispatch.js';

/** The events a receiver hears of. */
export type WebhookEventType =
  | 'comment.created'
  | 'comment.approved'
  | 'comment.deleted';

/** What is posted: the Standard Webhooks payload shape. */
export interface WebhookPayload {
  type: WebhookEventType;
  /** When it happened, ISO 8601. */
  timestamp: string;
  /** The comment as readers see it, with its status: never its email or address hash. */
  data: Comment;
}

/** How long one attempt may take, connecting, sending and answering. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How long a receiver may stay down before a message to it is given up. */
export const WEBHOOK_GIVE_UP_MS = 3 * DAY;

/** The event a receiver hears of, if any, and the status the comment had then. */
function webhookEvent(
  event: OutboxEvent,
): { type: WebhookEventType; status: string } | undefined {
  if (event.type === 'comment.created')
    return { type: 'comment.created', status: String(event.data.status) };
  if (event.type === 'comment.status-changed') {
    if (event.data.to === 'approved')
      return { type: 'comment.approved', status: 'approved' };
    if (event.data.to === 'deleted')
      return { type: 'comment.deleted', status: 'deleted' };
  }
  return undefined;
}

/**
 * One webhook message per URL for an event receivers hear of. The key names the event and the
 * URL, so each receiver gets one message per event however often it is dispatched.
 */
export function webhookMessagesFor(
  event: OutboxEvent,
  urls: readonly string[],
): NewOutboxMessage[] {
  const what = webhookEvent(event);
  if (!what) return [];
  return urls.map((url) => ({
    key: `webhook:${event.id}:${url}`,
    channel: 'webhook',
    recipient: url,
    template: what.type,
    data: {
      commentId: event.subject,
      status: what.status,
      at: event.createdAt,
    },
    dueAt: event.createdAt,
    giveUpAt: event.createdAt + WEBHOOK_GIVE_UP_MS,
  }));
}

/** The payload of a message, made from the comment as it is stored now and the status it had at the event. */
export function webhookPayload(
  message: Pick<ClaimedMessage, 'template' | 'data'>,
  comment: StoredComment,
): WebhookPayload {
  return {
    type: message.template as WebhookEventType,
    timestamp: new Date(Number(message.data.at)).toISOString(),
    data: {
      ...publicComment(comment),
      status: String(message.data.status) as Comment['status'],
    },
  };
}

/** The `webhook-id` of a message: the same for every attempt, so a receiver can skip a copy. */
export function webhookId(key: string): string {
  return `msg_${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
}

/** The Standard Webhooks signature of a body: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`. */
export function webhookSignature(
  key: Uint8Array,
  id: string,
  timestamp: number,
  body: string,
): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** A URL as it may be logged: its origin only, since the rest often holds a secret. */
export function shownWebhookUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'a webhook URL';
  }
}

/** Why an attempt failed; `retryAfterMs` is the receiver's wish, when it said one. */
export class WebhookFailure extends Error {
  override name = 'WebhookFailure';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const HTTP_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After as seconds or as an HTTP date, in ms from `now`; undefined when it is neither. */
export function retryAfterMs(
  value: string | null,
  now: number,
): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  // Only the HTTP date form (RFC 9110's IMF-fixdate): Date.parse alone takes "1.5" for a date.
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface WebhookRequest {
  url: string;
  key: Uint8Array;
  id: string;
  body: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  now: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Posts one signed body. Resolves when the receiver answered 2xx; throws a `WebhookFailure`
 * that says whether trying again can help: network errors, time-outs, 5xx and 429 can, other
 * answers (redirects included: they are not followed) cannot.
 */
export async function postWebhook({
  url,
  key,
  id,
  body,
  timestamp,
  now,
  fetch: send = fetch,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
}: WebhookRequest): Promise<void> {
  let response: Response;
  try {
    response = await send(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Dateline webhooks',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignature(key, id, timestamp, body),
      },
      body,
    });
  } catch (error) {
    const timedOut =
      error instanceof Error &&
      (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? `: ${error.cause.message}`
        : '';
    throw new WebhookFailure(
      timedOut
        ? `no answer within ${Math.round(timeoutMs / 1000)} s`
        : `the receiver could not be reached${cause}`,
      false,
    );
  }
  // The answer's body is not read: only its status counts.
  await response.body?.cancel().catch(() => undefined);
  const { status } = response;
  if (status >= 200 && status < 300) return;
  if (status >= 500 || status === 429 || status === 408)
    throw new WebhookFailure(
      `the receiver answered ${status}`,
      false,
      retryAfterMs(response.headers.get('retry-after'), now),
    );
  if (status >= 300 && status < 400)
    throw new WebhookFailure(
      `the receiver answered ${status}, a redirect, which is not followed: set the URL it points to in DATELINE_WEBHOOKS`,
      true,
    );
  throw new WebhookFailure(`the receiver refused it with ${status}`, true);
}
