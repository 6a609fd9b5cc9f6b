/**
 * Two instances of the service (`tsx src/server.ts`, each its own process) on one PostgreSQL,
 * as behind a load balancer, driven over HTTP as browsers drive them: the rules that once
 * lived in one process hold across both. Comments are read back through both instances and
 * straight from PostgreSQL.
 *
 * Each client comes from its own address (X-Forwarded-For, one trusted proxy), so the flood
 * limit refuses only what a test means it to; the limit's window is wide, so "within the
 * window" holds however slow the machine is.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from './postgres.js';
import { type ServiceProcess, startService } from './process.js';
import { overlappingPosts } from './service-process.js';

const FLOOD_SECONDS = 600;

let postgres: PostgresServer;
let url: string;
let env: Record<string, string>;
let database: pg.Client;
let a: ServiceProcess;
let b: ServiceProcess;
/** Instances a test starts for itself. */
const others: ServiceProcess[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  url = await postgres.createDatabase();
  env = {
    DATABASE_URL: url,
    DATELINE_MODERATION: 'none',
    DATELINE_FLOOD_SECONDS: String(FLOOD_SECONDS),
    DATELINE_TRUST_PROXY: '1',
    DATELINE_SHUTDOWN_SECONDS: '3',
  };
  // Started together: both apply the migrations at once, under PostgreSQL's advisory lock.
  [a, b] = await Promise.all([
    startService(env, { args: [] }),
    startService(env, { args: [] }),
  ]);
  database = new pg.Client({ connectionString: url });
  await database.connect();
}, 180_000);

afterAll(async () => {
  await database?.end();
  await Promise.all(
    [a, b, ...others].map(async (service) => {
      if (!service) return;
      service.child.kill('SIGTERM');
      await service.exited;
    }),
  );
  await postgres?.stop();
}, 60_000);

let addresses = 0;
/** An address no other client in this file has posted from. */
function newAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

interface Post {
  threadId: string;
  address: string;
  name: string;
  email: string;
  body: string;
  key?: string;
}

/** What came back: a status and the answer's text, or no answer at all. */
type Answer =
  | { status: number; text: string; replay: boolean; retryAfter?: number }
  | { error: string };

const commentJson = (post: Post) =>
  JSON.stringify({
    author: { name: post.name, email: post.email },
    body: post.body,
  });

function headersOf(post: Post): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-forwarded-for': post.address,
    ...(post.key ? { 'idempotency-key': post.key } : {}),
  };
}

/** Posts as "Leave a Reply" does: a connection that breaks is an answer too (none). */
async function send(service: ServiceProcess, post: Post): Promise<Answer> {
  try {
    const res = await fetch(
      `${service.url}/api/threads/${post.threadId}/comments`,
      {
        method: 'POST',
        headers: headersOf(post),
        body: commentJson(post),
        signal: AbortSignal.timeout(180_000),
      },
    );
    const retryAfter = res.headers.get('retry-after');
    return {
      status: res.status,
      text: await res.text(),
      replay: res.headers.get('idempotent-replay') === 'true',
      ...(retryAfter ? { retryAfter: Number(retryAfter) } : {}),
    };
  } catch (error) {
    // Why fetch failed: ECONNREFUSED (nothing listens), ECONNRESET or UND_ERR_SOCKET (cut off).
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    return { error: typeof cause === 'string' ? cause : String(error) };
  }
}

/** A 503 comes after up to 15 s of waiting for another attempt's answer: 10 is minutes. */
const ATTEMPTS = 10;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Posts until the service says what became of the comment, as a careful client does: the same
 * Idempotency-Key again after no answer or a 503, through the other instance each time (a load
 * balancer promises nothing about where a retry lands). Resolves to the final answer and how
 * many attempts it took; any other refusal ends it at once.
 */
async function deliver(
  services: ServiceProcess[],
  post: Post,
): Promise<{ answer: Answer; attempts: number }> {
  let answer: Answer = { error: 'never sent' };
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    answer = await send(services[(attempt - 1) % services.length]!, post);
    if ('status' in answer && answer.status !== 503)
      return { answer, attempts: attempt };
    await pause(
      1000 * Math.min(5, ('status' in answer && answer.retryAfter) || 1),
    );
  }
  return { answer, attempts: ATTEMPTS };
}

interface Shown {
  id: string;
  threadId: string;
  body: string;
  author: { name: string };
  status: string;
}

/** A thread as a reader pages through it on one instance: every page, following the cursor. */
async function readThread(service: ServiceProcess, threadId: string) {
  const comments: Shown[] = [];
  let total: number | undefined;
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const query = new URLSearchParams({ limit: '30' });
    if (cursor) query.set('cursor', cursor);
    const res = await fetch(
      `${service.url}/api/threads/${threadId}/comments?${query}`,
    );
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      comments: Shown[];
      nextCursor?: string;
      total?: number;
    };
    comments.push(...page.comments);
    total = page.total;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { comments, total };
}

/** The comments PostgreSQL holds with one of `bodies`, as they are stored. */
async function storedWithBodies(bodies: string[]) {
  const { rows } = await database.query<{
    id: string;
    thread_id: string;
    body: string;
    status: string;
  }>(
    'SELECT id, thread_id, body, status FROM comments WHERE body = ANY($1::text[]) ORDER BY id',
    [bodies],
  );
  return rows;
}

/** How many times each value occurs, for the values that occur more than once. */
function repeated(values: string[]): string[] {
  const seen = new Map<string, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([v, n]) => `${v} ×${n}`);
}

const commentOf = (answer: Answer) =>
  'text' in answer
    ? (JSON.parse(answer.text) as { comment: Shown }).comment
    : undefined;

describe('two instances on one PostgreSQL', () => {
  it('stores each of 200 comments posted at once through both instances exactly once', async () => {
    const threads = ['crowd-1', 'crowd-2', 'crowd-3', 'crowd-4'];
    const posts = Array.from({ length: 200 }, (_, i): Post => {
      const through = i % 2 ? 'b' : 'a';
      return {
        // Each thread gets half its comments through each instance.
        threadId: threads[Math.floor(i / 50)]!,
        address: newAddress(),
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        body: `Comment ${i} of 200, first sent through ${through}.`,
        key: `crowd-${i}-${randomUUID()}`,
      };
    });

    // Readers have each thread open on both instances before anyone posts: what either
    // instance has seen must not hide what is posted after.
    for (const service of [a, b])
      for (const threadId of threads)
        expect(await readThread(service, threadId)).toEqual({
          comments: [],
          total: 0,
        });

    const results = await Promise.all(
      posts.map((post, i) => deliver(i % 2 ? [b, a] : [a, b], post)),
    );

    // Every comment was acknowledged once its client had its answer…
    const refused = results
      .map(({ answer }, i) => ({ i, answer }))
      .filter(({ answer }) => !('status' in answer) || answer.status !== 201);
    expect(refused).toEqual([]);
    const acknowledged = results.map(({ answer }) => commentOf(answer)!);
    expect(acknowledged.map((c) => c.body)).toEqual(posts.map((p) => p.body));
    expect(repeated(acknowledged.map((c) => c.id))).toEqual([]);

    // …PostgreSQL holds each exactly once, under the id its client was told…
    const stored = await storedWithBodies(posts.map((p) => p.body));
    expect(repeated(stored.map((row) => row.body))).toEqual([]);
    expect(stored.map((row) => row.id).sort()).toEqual(
      acknowledged.map((c) => c.id).sort(),
    );
    expect(new Set(stored.map((row) => row.status))).toEqual(
      new Set(['approved']),
    );

    // …and a reader paging through either instance sees each once, the same on both.
    for (const service of [a, b]) {
      const shown: Shown[] = [];
      for (const threadId of threads) {
        const { comments, total } = await readThread(service, threadId);
        expect(total).toBe(50);
        shown.push(...comments);
      }
      expect(repeated(shown.map((c) => c.id))).toEqual([]);
      expect(shown.map((c) => c.id).sort()).toEqual(
        acknowledged.map((c) => c.id).sort(),
      );
    }
    expect(
      (await Promise.all(threads.map((t) => readThread(a, t)))).flatMap(
        (page) => page.comments,
      ),
    ).toEqual(
      (await Promise.all(threads.map((t) => readThread(b, t)))).flatMap(
        (page) => page.comments,
      ),
    );

    const attempts = results.map((r) => r.attempts);
    console.info(
      `200 posts at once over two instances: ${attempts.filter((n) => n > 1).length} needed a retry (at most ${Math.max(...attempts)} attempts).`,
    );
  }, 600_000);

  it('refuses a second post from one address within the flood limit, whichever instance gets it', async () => {
    for (const [first, second] of [
      [a, b],
      [b, a],
    ] as const) {
      const reader = {
        threadId: 'flood-in-turn',
        address: newAddress(),
        name: 'Dara',
        email: 'dara@example.com',
      };
      const posted = await send(first, {
        ...reader,
        body: `First words through port ${first.port}.`,
      });
      expect(posted).toMatchObject({ status: 201 });
      const again = await send(second, {
        ...reader,
        body: `More words through port ${second.port}.`,
      });
      expect(again).toMatchObject({ status: 429 });
      const { retryAfter, text } = again as {
        retryAfter: number;
        text: string;
      };
      expect(JSON.parse(text).error.code).toBe('too-fast');
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(FLOOD_SECONDS);
      // A new address is not held back by anyone else's posts.
      expect(
        await send(second, {
          ...reader,
          address: newAddress(),
          body: `Someone else through port ${second.port}.`,
        }),
      ).toMatchObject({ status: 201 });
    }
    expect(
      (
        await storedWithBodies([
          `More words through port ${a.port}.`,
          `More words through port ${b.port}.`,
        ])
      ).length,
    ).toBe(0);
  }, 120_000);

  it('lets one of four posts sent at once from one address through both instances pass, and refuses the rest', async () => {
    // Different threads, so only the flood limit stands between them (not the duplicate rule).
    const rounds = await Promise.all(
      Array.from({ length: 8 }, async (_, round) => {
        const body = `Round ${round}: the same words sent everywhere at once.`;
        const responses = await overlappingPosts(
          4,
          (i) =>
            `${i % 2 ? b.url : a.url}/api/threads/flood-at-once-${i}/comments`,
          {
            'content-type': 'application/json',
            'x-forwarded-for': newAddress(),
          },
          JSON.stringify({
            author: { name: 'Vanna', email: `vanna${round}@example.com` },
            body,
          }),
        );
        return { body, statuses: responses.map((r) => r.status) };
      }),
    );
    for (const { statuses } of rounds)
      expect(statuses.slice().sort()).toEqual([201, 429, 429, 429]);
    const stored = await storedWithBodies(rounds.map((r) => r.body));
    expect(stored.map((row) => row.body).sort()).toEqual(
      rounds.map((r) => r.body).sort(),
    );
  }, 180_000);

  it('stores one comment for one Idempotency-Key sent to both instances at once, and answers every retry alike', async () => {
    const post: Post = {
      threadId: 'retried',
      address: newAddress(),
      name: 'Sophea',
      email: 'sophea@example.com',
      body: 'Sent once, retried everywhere.',
      key: `same-${randomUUID()}`,
    };
    const together = await overlappingPosts(
      12,
      (i) => `${i % 2 ? b.url : a.url}/api/threads/${post.threadId}/comments`,
      headersOf(post),
      commentJson(post),
    );
    const answers = await Promise.all(
      together.map(async (r) => `${r.status} ${await r.text()}`),
    );
    expect(answers[0]).toMatch(/^201 \{"comment":/);
    expect(new Set(answers)).toEqual(new Set([answers[0]]));

    for (const service of [a, b, b, a]) {
      const retry = await send(service, post);
      expect(retry).toMatchObject({ replay: true });
      expect(
        `${(retry as { status: number }).status} ${(retry as { text: string }).text}`,
      ).toBe(answers[0]);
    }

    const [stored, ...more] = await storedWithBodies([post.body]);
    expect(more).toEqual([]);
    expect(answers[0]).toContain(`"id":"${stored!.id}"`);
    for (const service of [a, b])
      expect(
        (await readThread(service, post.threadId)).comments.map((c) => c.id),
      ).toEqual([stored!.id]);
  }, 120_000);

  it('refuses the same Idempotency-Key with other words on either instance, as on one', async () => {
    const post: Post = {
      threadId: 'key-reused',
      address: newAddress(),
      name: 'Rithy',
      email: 'rithy@example.com',
      body: 'The words the key was first used for.',
      key: `reused-${randomUUID()}`,
    };
    const first = await send(a, post);
    expect(first).toMatchObject({ status: 201 });
    const other = { ...post, body: 'Other words under the same key.' };
    for (const service of [a, b]) {
      // From another address the key's misuse is what stands out…
      const conflict = await send(service, { ...other, address: newAddress() });
      expect(conflict).toMatchObject({ status: 422 });
      expect(
        JSON.parse((conflict as { text: string }).text).error,
      ).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining(
          'already used for a different comment',
        ),
      });
      // …from the same one the flood limit still comes first, so a key is no way around it.
      expect(await send(service, other)).toMatchObject({ status: 429 });
    }
    // The first words, retried on the other instance, still get their answer.
    const replay = await send(b, post);
    expect(replay).toMatchObject({ status: 201, replay: true });
    expect((replay as { text: string }).text).toBe(
      (first as { text: string }).text,
    );
    expect(
      (await storedWithBodies([post.body, other.body])).map((r) => r.body),
    ).toEqual([post.body]);
  }, 120_000);

  // Last: it leaves instance a dead.
  it('loses nothing it acknowledged when one instance is killed during writes, and a retry through the other stores each unanswered post once', async () => {
    const workers = 6;
    const killAfter = 40;
    const acknowledged: { post: Post; answer: Answer }[] = [];
    const unanswered: { post: Post; answer: Answer }[] = [];
    let next = 0;
    let killed = false;
    const newPost = (): Post => {
      const i = next++;
      return {
        threadId: `killed-${i % 3}`,
        address: newAddress(),
        name: `Writer ${i}`,
        email: `writer${i}@example.com`,
        body: `Written to a, number ${i}.`,
        key: `killed-${i}-${randomUUID()}`,
      };
    };
    // Each client posts to a, one comment after another, until a stops answering.
    await Promise.all(
      Array.from({ length: workers }, async () => {
        // Bounded, so a service that never dies cannot keep the loop going.
        while (next < 1000) {
          const post = newPost();
          const answer = await send(a, post);
          if ('status' in answer && answer.status === 201) {
            acknowledged.push({ post, answer });
            if (acknowledged.length === killAfter && !killed) {
              killed = true;
              // At once, while the other clients' posts are in flight.
              a.child.kill('SIGKILL');
            }
            continue;
          }
          unanswered.push({ post, answer });
          if ('error' in answer) return;
        }
      }),
    );
    await a.exited;
    expect(a.child.signalCode).toBe('SIGKILL');
    // Every client's last post went unanswered: a was gone.
    expect(unanswered.length).toBeGreaterThanOrEqual(workers);

    // Everything a acknowledged is in PostgreSQL, as a said, and b serves it.
    const stored = await storedWithBodies(acknowledged.map((x) => x.post.body));
    expect(stored.map((row) => row.id).sort()).toEqual(
      acknowledged.map((x) => commentOf(x.answer)!.id).sort(),
    );
    const served = (
      await Promise.all(
        ['killed-0', 'killed-1', 'killed-2'].map((t) => readThread(b, t)),
      )
    ).flatMap((page) => page.comments.map((c) => c.id));
    for (const { answer } of acknowledged)
      expect(served).toContain(commentOf(answer)!.id);

    // Where the kill caught them (for the report; which happens is down to timing).
    const { rows: keys } = await database.query<{ held: number }>(
      'SELECT count(*)::int AS held FROM idempotency_keys WHERE key = ANY($1::text[]) AND status IS NULL',
      [unanswered.map((x) => x.post.key)],
    );
    const refusedConnection = unanswered.filter(
      (x) => 'error' in x.answer && x.answer.error === 'ECONNREFUSED',
    ).length;

    // Each post that got no answer, retried through b with its key: stored once, either way.
    const retried = await Promise.all(
      unanswered.map(async ({ post }) => {
        const { answer } = await deliver([b], post);
        expect(answer).toMatchObject({ status: 201 });
        // Asked once more, b answers the same.
        const again = await send(b, post);
        expect(again).toMatchObject({ status: 201, replay: true });
        expect((again as { text: string }).text).toBe(
          (answer as { text: string }).text,
        );
        return { post, answer };
      }),
    );
    const afterRetry = await storedWithBodies(retried.map((x) => x.post.body));
    expect(repeated(afterRetry.map((row) => row.body))).toEqual([]);
    expect(afterRetry.map((row) => row.id).sort()).toEqual(
      retried.map((x) => commentOf(x.answer)!.id).sort(),
    );
    const finallyServed = (
      await Promise.all(
        ['killed-0', 'killed-1', 'killed-2'].map((t) => readThread(b, t)),
      )
    ).flatMap((page) => page.comments.map((c) => c.id));
    expect(repeated(finallyServed)).toEqual([]);
    expect(finallyServed.sort()).toEqual(
      [...acknowledged, ...retried].map((x) => commentOf(x.answer)!.id).sort(),
    );

    const storedByA = retried.filter(
      (x) => 'replay' in x.answer && x.answer.replay,
    ).length;
    console.info(
      `kill -9 of a after ${acknowledged.length} acknowledged posts: ${unanswered.length} unanswered (${refusedConnection} sent after a had gone, ${unanswered.length - refusedConnection} cut off in flight: ${keys[0]!.held} holding their key, ${storedByA} stored but not answered); every one stored once after a retry through b.`,
    );
  }, 600_000);

  it('answers each post a killed instance left unanswered once, through the other: those it stored and those it had begun', async () => {
    const c = await startService(env, { args: [] });
    others.push(c);
    const post = (kind: string, i: number): Post => ({
      threadId: 'cut-short',
      address: newAddress(),
      name: `Chantha ${kind} ${i}`,
      email: `chantha.${kind}${i}@example.com`,
      body: `${kind} on c, number ${i}.`,
      key: `cut-short-${kind}-${i}-${randomUUID()}`,
    });
    const stored = Array.from({ length: 2 }, (_, i) => post('Stored', i));
    const begun = Array.from({ length: 5 }, (_, i) => post('Begun', i));

    // Stored, but their answers never reach their clients, as when an instance dies between
    // its commit and its reply: each client gives up once its comment is in the database.
    for (const lost of stored) {
      const giveUp = new AbortController();
      const sent = fetch(`${c.url}/api/threads/${lost.threadId}/comments`, {
        method: 'POST',
        headers: headersOf(lost),
        body: commentJson(lost),
        signal: giveUp.signal,
      }).catch(() => undefined);
      while ((await storedWithBodies([lost.body])).length === 0)
        await pause(20);
      giveUp.abort();
      await sent;
    }

    // Begun: each gets as far as writing its comment, and there waits, its key reserved and
    // its transaction open, when c dies.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE comments IN SHARE MODE');
    const answers = Promise.all(begun.map((p) => send(c, p)));
    for (;;) {
      const { rows } = await database.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks
         WHERE relation = 'comments'::regclass AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      if (rows[0]!.waiting >= begun.length) break;
      await pause(50);
    }
    c.child.kill('SIGKILL');
    await c.exited;
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect((await answers).map((x) => 'error' in x)).toEqual(
      begun.map(() => true),
    );
    const before = await storedWithBodies(
      [...stored, ...begun].map((p) => p.body),
    );
    expect(before.map((row) => row.body).sort()).toEqual(
      stored.map((p) => p.body).sort(),
    );

    // Through b, with the same keys: what c stored is answered as c would have, what it began
    // is stored once b has waited out c's hold on the key; asked again, b answers the same.
    const retry = async (p: Post) => {
      const { answer } = await deliver([b], p);
      expect(answer).toMatchObject({ status: 201 });
      const again = await send(b, p);
      expect(again).toMatchObject({ status: 201, replay: true });
      expect((again as { text: string }).text).toBe(
        (answer as { text: string }).text,
      );
      return answer;
    };
    const [storedAnswers, begunAnswers] = await Promise.all([
      Promise.all(stored.map(retry)),
      Promise.all(begun.map(retry)),
    ]);
    for (const answer of storedAnswers)
      expect(answer).toMatchObject({ status: 201, replay: true });
    expect(storedAnswers.map((x) => commentOf(x)!.id).sort()).toEqual(
      before.map((row) => row.id).sort(),
    );
    for (const answer of begunAnswers)
      expect(answer).toMatchObject({ status: 201, replay: false });

    const ids = [...storedAnswers, ...begunAnswers]
      .map((x) => commentOf(x)!.id)
      .sort();
    const after = await storedWithBodies(
      [...stored, ...begun].map((p) => p.body),
    );
    expect(repeated(after.map((row) => row.body))).toEqual([]);
    expect(after.map((row) => row.id).sort()).toEqual(ids);
    expect(
      (await readThread(b, 'cut-short')).comments
        .map((shown) => shown.id)
        .sort(),
    ).toEqual(ids);
  }, 300_000);
});
