import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository, StoredComment } from '../repository/types.js';
import {
  postWebhook,
  retryAfterMs,
  WEBHOOK_GIVE_UP_MS,
  WebhookFailure,
  webhookSignature,
} from './webhooks.js';
import { createOutboxWorker, retryDelay } from './worker.js';

// Status changes are recorded at the real time: the clock starts from it, on a whole second.
const T0 = Math.floor(Date.now() / 1000) * 1000;
const SECOND = 1000;
const SECRET = `whsec_${Buffer.from('dateline-webhook-test-key-0123456789').toString('base64')}`;
const SLACK = 'https://hooks.slack.example/services/T000/B000/secret-path';
const DESK = 'https://desk.news.example/dateline?token=abc';

/** The spec's own way, written out here apart from the code under test. */
function expectedSignature(
  secret: string,
  id: string,
  timestamp: string,
  body: string,
) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe('the Standard Webhooks signature', () => {
  it('matches the test vector of the Standard Webhooks libraries', () => {
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    expect(
      webhookSignature(
        key,
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs id, timestamp and body joined by dots with the decoded secret', () => {
    const key = Buffer.from(SECRET.slice(6), 'base64');
    const body = '{"type":"comment.created","data":{"body":"a.b.c"}}';
    expect(webhookSignature(key, 'msg_1', 1700000000, body)).toBe(
      expectedSignature(SECRET, 'msg_1', '1700000000', body),
    );
    expect(webhookSignature(key, 'msg_1', 1700000001, body)).not.toBe(
      expectedSignature(SECRET, 'msg_1', '1700000000', body),
    );
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores anything else', () => {
    expect(retryAfterMs('120', T0)).toBe(120 * SECOND);
    expect(retryAfterMs(new Date(T0 + 30 * SECOND).toUTCString(), T0)).toBe(
      30 * SECOND,
    );
    expect(retryAfterMs(new Date(T0 - 30 * SECOND).toUTCString(), T0)).toBe(0);
    for (const bad of [null, '', 'soon', '-5', '1.5', 'x'.repeat(100_000)])
      expect(retryAfterMs(bad, T0)).toBeUndefined();
  });
});

describe('posting a webhook', () => {
  const request = {
    url: SLACK,
    key: Buffer.from(SECRET.slice(6), 'base64'),
    id: 'msg_1',
    body: '{}',
    timestamp: 1,
    now: T0,
  };

  it('never follows a redirect, and gives up on it', async () => {
    let asked: RequestInit | undefined;
    const failure = await postWebhook({
      ...request,
      fetch: async (_url, init) => {
        asked = init;
        return new Response(null, {
          status: 302,
          headers: { location: 'http://169.254.169.254/' },
        });
      },
    }).catch((e: unknown) => e);
    expect(asked?.redirect).toBe('manual');
    expect(failure).toBeInstanceOf(WebhookFailure);
    expect(failure).toMatchObject({ permanent: true });
  });

  it('gives an attempt that gets no answer up as one to try again', async () => {
    const failure = await postWebhook({
      ...request,
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(init.signal?.reason),
          ),
        ),
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WebhookFailure);
    expect(failure).toMatchObject({ permanent: false });
    expect(String((failure as Error).message)).toContain('no answer within');
  });
});

interface Received {
  url: string;
  headers: Headers;
  body: string;
}

/** Receivers that keep what they are sent, and answer as told (200 unless the queue says otherwise). */
function receivers() {
  const received: Received[] = [];
  const answers: Response[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    await new Promise((resolve) => setImmediate(resolve));
    const answer = answers.shift();
    if (answer?.status === 599) throw new TypeError('fetch failed');
    received.push({
      url: String(input),
      headers: new Headers(init?.headers),
      body: String(init?.body),
    });
    return answer ?? new Response('ok');
  };
  return { received, answers, fetch: fetch as typeof globalThis.fetch };
}

const opened: CommentRepository[] = [];
afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
});

function setup(env: Record<string, string> = {}) {
  const repository = openSqliteRepository(':memory:');
  opened.push(repository);
  const config = readConfig({
    DATELINE_WEBHOOKS: `${SLACK}, ${DESK}`,
    DATELINE_WEBHOOK_SECRET: SECRET,
    DATELINE_MAIL_RETRY_SECONDS: '60',
    ...env,
  });
  const hooks = receivers();
  const clock = { now: T0 };
  const log: string[] = [];
  const make = (c = config) =>
    createOutboxWorker({
      repository,
      config: c,
      mailer: undefined,
      fetch: hooks.fetch,
      now: () => clock.now,
      logger: {
        warn: (line) => void log.push(line),
        error: (line) => void log.push(line),
      },
    });
  return { repository, worker: make(), make, hooks, clock, log, config };
}

const comment = (over: Partial<StoredComment> = {}) =>
  storedComment({
    status: 'pending',
    createdAt: new Date(T0).toISOString(),
    author: { name: 'Sokha' },
    email: 'sokha@example.com',
    addressHash: 'address-hash-of-sokha',
    body: 'Thank you for this report.',
    ...over,
  });

function verified({ headers, body }: Received) {
  const id = headers.get('webhook-id')!;
  const timestamp = headers.get('webhook-timestamp')!;
  const signature = Buffer.from(headers.get('webhook-signature')!);
  const expected = Buffer.from(expectedSignature(SECRET, id, timestamp, body));
  return (
    signature.length === expected.length && timingSafeEqual(signature, expected)
  );
}

describe('webhooks through the outbox', () => {
  it('posts created, approved and deleted once to every URL, signed, without the email or address hash', async () => {
    const { repository, worker, hooks, clock } = setup();
    const c = comment();
    await repository.insert(c);
    await repository.setStatus(c.id, 'approved');
    await repository.setStatus(c.id, 'spam');
    await repository.setStatus(c.id, 'deleted');
    clock.now += 60 * SECOND;
    const round = await worker.runOnce();
    expect(round).toMatchObject({ dispatched: 4, sent: 6, failed: 0 });
    expect(await worker.runOnce()).toMatchObject({ dispatched: 0, sent: 0 });

    for (const url of [SLACK, DESK]) {
      const posts = hooks.received.filter((r) => r.url === url);
      const payloads = posts.map((p) => JSON.parse(p.body));
      expect(payloads.map((p) => [p.type, p.data.status])).toEqual([
        ['comment.created', 'pending'],
        ['comment.approved', 'approved'],
        ['comment.deleted', 'deleted'],
      ]);
      for (const post of posts) {
        expect(verified(post)).toBe(true);
        expect(post.headers.get('content-type')).toBe('application/json');
        expect(post.headers.get('webhook-timestamp')).toBe(
          String(clock.now / 1000),
        );
        expect(post.body).not.toContain('sokha@example.com');
        expect(post.body).not.toContain('address-hash-of-sokha');
      }
      expect(payloads[0].data).toMatchObject({
        id: c.id,
        threadId: c.threadId,
        body: c.body,
        author: { name: 'Sokha' },
      });
      expect(payloads[0].timestamp).toBe(new Date(T0).toISOString());
    }
    // A copy would carry the same id; here each event has its own.
    expect(
      new Set(hooks.received.map((r) => r.headers.get('webhook-id'))).size,
    ).toBe(6);
  });

  it('tries again with the outbox backoff after 5xx and network errors, under the same id', async () => {
    const { repository, worker, hooks, clock, log } = setup({
      DATELINE_WEBHOOKS: SLACK,
    });
    await repository.insert(comment({ status: 'approved' }));
    hooks.answers.push(new Response('down', { status: 503 }));
    expect(await worker.runOnce()).toMatchObject({ retried: 1, sent: 0 });
    expect(log.join('\n')).toContain('answered 503');
    // The log names the receiver by its origin only: the path of a webhook URL is a secret.
    expect(log.join('\n')).not.toContain('secret-path');

    clock.now += retryDelay(1, 60 * SECOND) - 1;
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 0 });
    clock.now += 1;
    hooks.answers.push(new Response(null, { status: 599 }));
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.now += retryDelay(2, 60 * SECOND);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });

    const ids = hooks.received.map((r) => r.headers.get('webhook-id'));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    // Each attempt is signed at its own time.
    expect(
      hooks.received.map((r) => r.headers.get('webhook-timestamp')),
    ).toEqual([
      String(T0 / 1000),
      String(
        (T0 + retryDelay(1, 60 * SECOND) + retryDelay(2, 60 * SECOND)) / 1000,
      ),
    ]);
    expect(hooks.received.every(verified)).toBe(true);
  });

  it('waits as long as a 429 asks before trying again', async () => {
    const { repository, worker, hooks, clock } = setup({
      DATELINE_WEBHOOKS: SLACK,
    });
    await repository.insert(comment({ status: 'approved' }));
    hooks.answers.push(
      new Response(null, { status: 429, headers: { 'retry-after': '600' } }),
    );
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.now += 599 * SECOND;
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    clock.now += SECOND;
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
  });

  it('gives up at once on other 4xx answers', async () => {
    const { repository, worker, hooks, clock, log } = setup({
      DATELINE_WEBHOOKS: SLACK,
    });
    await repository.insert(comment());
    hooks.answers.push(new Response('gone', { status: 410 }));
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    clock.now += WEBHOOK_GIVE_UP_MS / 2;
    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 0 });
    expect(hooks.received).toHaveLength(1);
    expect(log.join('\n')).toContain('refused it with 410');
  });

  it('lets a message go when its URL is taken out of DATELINE_WEBHOOKS', async () => {
    const { repository, worker, make, hooks, clock, config } = setup();
    await repository.insert(comment());
    hooks.answers.push(new Response(null, { status: 500 }));
    hooks.answers.push(new Response(null, { status: 500 }));
    expect(await worker.runOnce()).toMatchObject({ retried: 2 });
    clock.now += retryDelay(1, 60 * SECOND);
    const later = make({ ...config, webhooks: [DESK] });
    expect(await later.runOnce()).toMatchObject({ sent: 1, dropped: 1 });
    expect(hooks.received.slice(2).map((r) => r.url)).toEqual([DESK]);
  });

  it('posts nothing when no webhook is configured', async () => {
    const { repository, make, hooks, config } = setup();
    const worker = make({ ...config, webhooks: [] });
    await repository.insert(comment());
    expect(await worker.runOnce()).toMatchObject({ dispatched: 1, sent: 0 });
    expect(hooks.received).toHaveLength(0);
  });
});
