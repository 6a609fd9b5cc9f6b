/**
 * Webhooks end to end: the service in its own process, a receiver on 127.0.0.1 that checks
 * every request as a Standard Webhooks library would (signature, and a timestamp within five
 * minutes), answering as the test tells it, or not listening at all.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  type RunningService,
  startService,
} from './service-process.js';

const TOKEN = 'webhook-moderator-token-0123456789';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const THREAD = 'kh-2025';
const TOLERANCE_S = 5 * 60;

interface Delivery {
  id: string;
  timestamp: number;
  type: string;
  data: Record<string, unknown>;
  body: string;
  /** What the receiver answered. */
  status: number;
}

/** Verifies as the spec says: HMAC-SHA256 of `id.timestamp.body` with the decoded secret. */
function signatureHolds(
  id: string,
  timestamp: string,
  body: string,
  header: string,
) {
  const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
  const expected = Buffer.from(
    createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest(),
  );
  return header.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface Receiver {
  url: string;
  port: number;
  deliveries: Delivery[];
  /** Requests refused for a bad signature or timestamp: there must be none. */
  forged: string[];
  /** Statuses to answer with, in order; 200 once they run out. */
  answers: number[];
  stop: () => Promise<void>;
}

const receivers: Server[] = [];

async function startReceiver(port = 0): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const forged: string[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id'] ?? '');
      const timestamp = String(req.headers['webhook-timestamp'] ?? '');
      const signature = String(req.headers['webhook-signature'] ?? '');
      const age = Math.abs(Date.now() / 1000 - Number(timestamp));
      if (
        req.method !== 'POST' ||
        !id ||
        !/^\d+$/.test(timestamp) ||
        !(age <= TOLERANCE_S) ||
        !signatureHolds(id, timestamp, body, signature)
      ) {
        forged.push(`${req.method} ${id} ${timestamp} ${signature}`);
        res.writeHead(401).end();
        return;
      }
      const status = answers.shift() ?? 200;
      const payload = JSON.parse(body);
      deliveries.push({
        id,
        timestamp: Number(timestamp),
        type: payload.type,
        data: payload.data,
        body,
        status,
      });
      res.writeHead(status).end();
    });
  });
  receivers.push(server);
  await new Promise<void>((resolve) =>
    server.listen(port, '127.0.0.1', resolve),
  );
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${bound}/hooks/dateline`,
    port: bound,
    deliveries,
    forged,
    answers,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const services: RunningService[] = [];
afterEach(async () => {
  // One already killed has a signalCode and no exitCode: stop() would wait for it in vain.
  for (const service of services.splice(0))
    if (service.process.signalCode === null) await service.stop('SIGKILL');
});
afterAll(async () => {
  for (const server of receivers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function service(url: string, env: Record<string, string> = {}) {
  const started = await startService(
    {
      DATELINE_ADMIN_TOKEN: TOKEN,
      DATELINE_MODERATION: 'first-time',
      DATELINE_FLOOD_SECONDS: '0',
      DATELINE_WEBHOOKS: url,
      DATELINE_WEBHOOK_SECRET: SECRET,
      // The outbox's backoff starts from it: retries come after 1 s, 2 s, 4 s…
      DATELINE_MAIL_RETRY_SECONDS: '1',
      ...env,
    },
    [],
  );
  services.push(started);
  return started;
}

let readers = 0;
async function post(base: string, body: string) {
  readers += 1;
  const res = await fetch(`${base}/api/threads/${THREAD}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      author: {
        name: `Reader ${readers}`,
        email: `reader${readers}@example.com`,
      },
      body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).comment as { id: string; status: string };
}

const admin = (base: string, path: string, init: RequestInit = {}) =>
  fetch(`${base}/api/admin${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    },
  });

/** Waits until `check` holds, or fails saying what it waited for. */
async function until(what: string, check: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Waited in vain for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const accepted = (r: Receiver, commentId: string, type: string) =>
  r.deliveries.filter(
    (d) => d.status === 200 && d.type === type && d.data.id === commentId,
  );

describe('webhooks', () => {
  it('posts created (with its status), approved and deleted, signed, without the email', async () => {
    const receiver = await startReceiver();
    const dateline = await service(receiver.url);
    const comment = await post(dateline.url, 'A first comment, held.');
    expect(comment.status).toBe('pending');
    await until(
      'comment.created',
      () => accepted(receiver, comment.id, 'comment.created').length === 1,
    );
    const created = accepted(receiver, comment.id, 'comment.created')[0]!;
    expect(created.data).toMatchObject({
      id: comment.id,
      threadId: THREAD,
      status: 'pending',
      body: 'A first comment, held.',
    });
    expect(created.body).not.toContain('@example.com');
    expect(created.body).not.toContain('addressHash');

    const approve = await admin(dateline.url, `/comments/${comment.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'approved' }),
    });
    expect(approve.status).toBe(200);
    await until(
      'comment.approved',
      () => accepted(receiver, comment.id, 'comment.approved').length === 1,
    );
    expect(
      accepted(receiver, comment.id, 'comment.approved')[0]!.data.status,
    ).toBe('approved');

    expect(
      (
        await admin(dateline.url, `/comments/${comment.id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(200);
    await until(
      'comment.deleted',
      () => accepted(receiver, comment.id, 'comment.deleted').length === 1,
    );
    expect(receiver.forged).toEqual([]);
    expect(new Set(receiver.deliveries.map((d) => d.id)).size).toBe(3);
    // The service never prints the URL's path or the secret.
    expect(dateline.output()).not.toContain(SECRET.slice(6));
  });

  it('tries again after a 500, and delivers once, under the same id', async () => {
    const receiver = await startReceiver();
    receiver.answers.push(500);
    const dateline = await service(receiver.url);
    const comment = await post(dateline.url, 'Tried twice.');
    await until(
      'a retry that succeeds',
      () => accepted(receiver, comment.id, 'comment.created').length === 1,
    );
    const attempts = receiver.deliveries.filter(
      (d) => d.data.id === comment.id,
    );
    expect(attempts.map((d) => d.status)).toEqual([500, 200]);
    expect(attempts[0]!.id).toBe(attempts[1]!.id);
    expect(attempts[1]!.timestamp).toBeGreaterThanOrEqual(
      attempts[0]!.timestamp,
    );
    // A later comment arriving shows the first is not sent again.
    const later = await post(dateline.url, 'After it.');
    await until(
      'the later comment',
      () => accepted(receiver, later.id, 'comment.created').length === 1,
    );
    expect(accepted(receiver, comment.id, 'comment.created')).toHaveLength(1);
    expect(receiver.forged).toEqual([]);
  });

  it('delivers what waited while the receiver was down, after the service is killed and restarted, once per event', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hooks/dateline`;
    const first = await service(url);
    const comment = await post(first.url, 'Sent while the receiver is down.');
    expect(
      (
        await admin(first.url, `/comments/${comment.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ status: 'approved' }),
        })
      ).status,
    ).toBe(200);
    await until('a failed attempt', () =>
      /comment\.approved webhook to http:\/\/127\.0\.0\.1:\d+ could not be sent/.test(
        first.output(),
      ),
    );
    expect(first.output()).not.toContain('/hooks/dateline');
    await first.stop('SIGKILL');

    const receiver = await startReceiver(port);
    const second = await service(url, { DATELINE_DB: first.database });
    await until(
      'both events after the restart',
      () =>
        accepted(receiver, comment.id, 'comment.created').length === 1 &&
        accepted(receiver, comment.id, 'comment.approved').length === 1,
    );
    const sentinel = await post(second.url, 'After the restart.');
    await until(
      'the comment after the restart',
      () => accepted(receiver, sentinel.id, 'comment.created').length === 1,
    );
    expect(accepted(receiver, comment.id, 'comment.created')).toHaveLength(1);
    expect(accepted(receiver, comment.id, 'comment.approved')).toHaveLength(1);
    expect(receiver.deliveries.every((d) => d.status === 200)).toBe(true);
    expect(receiver.forged).toEqual([]);
  });
});
