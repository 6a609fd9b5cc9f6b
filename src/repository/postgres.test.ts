import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/process.js';
import { type PostgresServer, startPostgres } from '../../test/postgres.js';
import { describeCommentRepository, storedComment } from './contract.js';
import {
  COPIES_FROM,
  MIGRATION_LOCK,
  MIGRATIONS,
  openPostgresRepository,
  pageQuery,
  shownPostgresUrl,
  storageProblem,
} from './postgres.js';
import {
  type CommentRepository,
  InvalidCursorError,
  StorageUnavailableError,
} from './types.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
}, 30_000);

/** A new database, dropped after the test. */
const made: string[] = [];
async function database(options?: { icuLocale?: string }): Promise<string> {
  const url = await server.createDatabase(undefined, options);
  made.push(url);
  return url;
}

describeCommentRepository('PostgreSQL', async () =>
  openPostgresRepository(await database()),
);

const opened: Array<{ close(): Promise<unknown> }> = [];
// After the contract's own afterEach has closed its repositories.
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  for (const url of made.splice(0)) await server.dropDatabase(url);
});
function track<T extends { close(): Promise<unknown> }>(handle: T): T {
  opened.push(handle);
  return handle;
}
/** `n` repositories on one new database, as `n` service instances would be. */
async function instances(n: number): Promise<CommentRepository[]> {
  const url = await database();
  const all: CommentRepository[] = [];
  for (let i = 0; i < n; i += 1)
    all.push(track(await openPostgresRepository(url)));
  return all;
}
/** A plain connection to a database, to look at what the repository wrote. */
async function look(url: string): Promise<pg.Client> {
  const client = new pg.Client(url);
  track({ close: () => client.end() });
  await client.connect();
  return client;
}

const reservation = {
  threadId: 't',
  key: 'k',
  requestHash: 'h',
  now: Date.UTC(2025, 6, 20),
  leaseMs: 10_000,
};
const T0 = Date.UTC(2025, 6, 20, 8);

describe('PostgreSQL shared by instances', () => {
  it('gives a key to one instance of several, however the requests overlap', async () => {
    const all = await instances(4);
    const outcomes = await Promise.all(
      all.flatMap((repository) =>
        Array.from({ length: 5 }, () => repository.reserve(reservation)),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'reserved')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'in-progress')).toHaveLength(19);
  });

  it('keeps one salt for every instance, even when they start at once', async () => {
    const url = await database();
    const all = await Promise.all(
      Array.from({ length: 6 }, () => openPostgresRepository(url).then(track)),
    );
    expect(new Set(all.map((r) => r.salt())).size).toBe(1);
    expect(all[0]!.salt()).toMatch(/^[0-9a-f]{64}$/);
    const later = track(await openPostgresRepository(url));
    expect(later.salt()).toBe(all[0]!.salt());
  });

  it('checks the flood limit against posts another instance made', async () => {
    const [a, b] = await instances(2);
    await a!.insert(
      storedComment({
        addressHash: 'x',
        createdAt: '2025-07-20T08:00:00.000Z',
      }),
    );
    expect(
      await b!.insert(
        storedComment({
          addressHash: 'x',
          createdAt: '2025-07-20T08:00:01.000Z',
        }),
        { quietSince: '2025-07-20T07:59:46.000Z' },
      ),
    ).toMatchObject({ stored: false, reason: 'too-fast' });
  });

  it('lets one of many posts from one address through at once, across instances', async () => {
    const all = await instances(3);
    const posts = Array.from({ length: 12 }, (_, i) =>
      storedComment({
        addressHash: 'one-address',
        createdAt: '2025-07-20T08:00:00.000Z',
        id: `flood-${i}`,
      }),
    );
    const outcomes = await Promise.all(
      posts.map((post, i) =>
        all[i % all.length]!.insert(post, {
          quietSince: '2025-07-20T07:59:45.000Z',
        }),
      ),
    );
    expect(outcomes.filter((o) => o.stored)).toHaveLength(1);
    expect(await all[0]!.countApproved('t')).toBe(1);
  });

  it('stores one comment for a key when its late holder and a takeover race, across instances', async () => {
    const [a, b] = await instances(2);
    const rounds = 12;
    for (let round = 0; round < rounds; round += 1) {
      const key = `k${round}`;
      const stale = await a!.reserve({ ...reservation, key });
      if (stale.kind !== 'reserved') throw new Error('not reserved');
      // The lease has run out: the holder finishes just as a retry takes the key over.
      const [late, takeover] = await Promise.all([
        a!.insert(storedComment({ id: `late-${round}` }), {
          reservation: {
            threadId: 't',
            key,
            token: stale.token,
            answer: { status: 201, body: 'late' },
          },
        }),
        b!.reserve({
          ...reservation,
          key,
          now: reservation.now + reservation.leaseMs,
        }),
      ]);
      if (late.stored) {
        expect(takeover).toEqual({
          kind: 'answered',
          answer: { status: 201, body: 'late' },
        });
      } else {
        expect(late).toEqual({ stored: false, reason: 'reservation-lost' });
        if (takeover.kind !== 'reserved') throw new Error('not reserved');
        await b!.insert(storedComment({ id: `retry-${round}` }), {
          reservation: {
            threadId: 't',
            key,
            token: takeover.token,
            answer: { status: 201, body: 'retry' },
          },
        });
      }
    }
    expect(await a!.countApproved('t')).toBe(rounds);
  });

  it('gives each outbox message to one claim, across instances', async () => {
    const all = await instances(4);
    await all[0]!.dispatchEvent(
      0,
      Array.from({ length: 30 }, (_, i) => ({
        key: `m${i}`,
        channel: 'mail' as const,
        recipient: 'editor@news.example',
        template: 'held-comment',
        data: { i },
        dueAt: T0,
        giveUpAt: T0 + 60_000,
      })),
    );
    const claims = await Promise.all(
      all.flatMap((repository) =>
        Array.from({ length: 3 }, () =>
          repository.claimMessages({ now: T0, leaseMs: 60_000, limit: 4 }),
        ),
      ),
    );
    const keys = claims.flat().map((m) => m.key);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
  });

  it('adds an event’s messages once when two instances dispatch it at once', async () => {
    const [a, b] = await instances(2);
    await a!.insert(storedComment({ status: 'pending' }));
    const [event] = await b!.outboxEvents(10);
    const messages = ['editor', 'desk', 'night'].map((who) => ({
      key: `held:${who}`,
      channel: 'mail' as const,
      recipient: `${who}@news.example`,
      template: 'held-comment',
      data: {},
      dueAt: T0,
      giveUpAt: T0 + 60_000,
    }));
    const added = await Promise.all([
      a!.dispatchEvent(event!.id, messages),
      b!.dispatchEvent(event!.id, messages),
    ]);
    expect(added[0]! + added[1]!).toBe(3);
    expect(await a!.outboxCounts()).toMatchObject({ waiting: 3 });
  });

  it('holds the sign-in limit when requests reach several instances at once', async () => {
    const all = await instances(3);
    const limits = {
      email: { max: 2, windowMs: 900_000 },
      address: { max: 10, windowMs: 3_600_000 },
    };
    const outcomes = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        all[i % 3]!.requestSignIn({
          email: 'editor@news.example',
          locale: 'en',
          emailKey: 'key:editor@news.example',
          addressKey: `address-${i}`,
          now: T0 + i,
          limits,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.accepted)).toHaveLength(2);
    expect(await all[0]!.outboxEvents(100)).toHaveLength(2);
  });

  it('uses a sign-in token once when two instances are asked at once', async () => {
    const [a, b] = await instances(2);
    await a!.createSignInToken({
      tokenHash: 'token',
      email: 'editor@news.example',
      now: T0,
      expiresAt: T0 + 60_000,
    });
    const uses = await Promise.all(
      [a!, b!, a!, b!].map((repository, i) =>
        repository.useSignInToken({
          tokenHash: 'token',
          now: T0 + 1,
          session: { idHash: `session-${i}`, expiresAt: T0 + 3_600_000 },
        }),
      ),
    );
    expect(uses.filter((u) => u.ok)).toHaveLength(1);
    expect(uses.filter((u) => !u.ok && u.problem === 'used')).toHaveLength(3);
  });

  it('changes the thread version every instance sees', async () => {
    const [a, b] = await instances(2);
    const before = await b!.threadVersion('t');
    await a!.insert(storedComment());
    expect(await b!.threadVersion('t')).not.toBe(before);
  });

  it('lets two moderators act on the same comments at once, in any order', async () => {
    const [a, b] = await instances(2);
    const comments = Array.from({ length: 6 }, () =>
      storedComment({ status: 'pending' }),
    );
    for (const comment of comments) await a!.insert(comment);
    const ids = comments.map((c) => c.id);
    const at = '2025-07-21T09:00:00.000Z';
    const results = await Promise.all([
      a!.moderate({
        entry: { id: 'e-a', at, actor: 'a', action: 'approve' },
        ids,
        statusAfter: () => 'approved',
      }),
      b!.moderate({
        entry: { id: 'e-b', at, actor: 'b', action: 'approve' },
        ids: [...ids].reverse(),
        statusAfter: () => 'approved',
      }),
    ]);
    // One approved them all; the other found nothing left to change.
    expect(results.map((r) => r.unchanged.length).sort()).toEqual([0, 6]);
    expect(await a!.countApproved('t')).toBe(6);
  });

  it('keeps one whole block list when two moderators save at once', async () => {
    const [a, b] = await instances(2);
    const list = (words: string[]) => ({
      hold: { words, emails: [], addresses: [] },
      refuse: { words: [], emails: [], addresses: [] },
    });
    const entry = (id: string) => ({
      id,
      at: '2025-07-21T09:00:00.000Z',
      actor: 'm',
      note: id,
    });
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([
        a!.replaceBlocklists(list(['a1', 'a2', 'a3']), entry(`a${round}`)),
        b!.replaceBlocklists(list(['b1', 'b2']), entry(`b${round}`)),
      ]);
      const { words } = (await a!.blocklists()).hold;
      expect([
        ['a1', 'a2', 'a3'],
        ['b1', 'b2'],
      ]).toContainEqual(words);
    }
    expect(await a!.blocklistVersion()).toBe(10);
  });
});

/** A cursor as the repository writes one, around any value. */
const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

describe('PostgreSQL page cursors', () => {
  it('refuses a cursor holding a NUL as one it did not give out, for either of its values', async () => {
    const repository = track(await openPostgresRepository(await database()));
    for (const forged of [
      ['2025-07-20T08:00:00.000Z\u0000', 'c1'],
      ['2025-07-20T08:00:00.000Z', '\u0000'],
    ])
      for (const order of ['oldest', 'newest'] as const)
        await expect(
          repository.page({
            threadId: 't',
            limit: 2,
            order,
            cursor: cursorOf(forged),
          }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
    // The same shape without the NUL is a cursor it reads.
    expect(
      await repository.page({
        threadId: 't',
        limit: 2,
        order: 'oldest',
        cursor: cursorOf(['2025-07-20T08:00:00.000Z', 'c1']),
      }),
    ).toEqual({ comments: [] });
  });
});

describe('PostgreSQL migrations', () => {
  it('migrates a new database once when many instances start on it at once', async () => {
    const url = await database();
    const all = await Promise.all(
      Array.from({ length: 8 }, () => openPostgresRepository(url).then(track)),
    );
    expect(all).toHaveLength(8);
    const client = await look(url);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('opens a database it already migrated without changing it', async () => {
    const url = await database();
    const first = await openPostgresRepository(url);
    await first.insert(storedComment({ id: 'kept' }));
    const salt = first.salt();
    await first.close();
    const again = track(await openPostgresRepository(url));
    expect((await again.get('kept'))?.id).toBe('kept');
    expect(again.salt()).toBe(salt);
  });

  it('orders ids and times byte by byte and folds only ASCII case, whatever the database’s language', async () => {
    const url = await database({ icuLocale: 'en-US' });
    const repository = track(await openPostgresRepository(url));
    const at = '2025-07-20T08:00:00.000Z';
    // English collation would put "b" before "C" and "a-b" after "ab", as SQLite never does.
    for (const id of ['b', 'C', 'ab', 'a-b'])
      await repository.insert(storedComment({ id, createdAt: at }));
    const { comments } = await repository.page({
      threadId: 't',
      limit: 10,
      order: 'oldest',
    });
    expect(comments.map((c) => c.id)).toEqual(['C', 'a-b', 'ab', 'b']);
    const queue = await repository.queue({ status: 'approved', limit: 10 });
    expect(queue.map((c) => c.id)).toEqual(['b', 'ab', 'a-b', 'C']);

    await repository.insert(
      storedComment({ author: { name: 'Émile' }, email: 'ÉMILE@example.com' }),
    );
    expect(
      await repository.findApprovedCommenter({
        name: 'Émile',
        email: 'ÉmIlE@EXAMPLE.COM',
      }),
    ).toBeDefined();
    // As SQLite's NOCASE: É and é are different letters.
    expect(
      await repository.findApprovedCommenter({
        name: 'Émile',
        email: 'émile@example.com',
      }),
    ).toBeUndefined();
  });
});

describe('PostgreSQL that cannot be used', () => {
  it('says it cannot reach a server, without the password', async () => {
    const port = await freePort();
    const url = `postgres://dateline:hunter2-secret@127.0.0.1:${port}/dateline`;
    const opening = openPostgresRepository(url);
    await expect(opening).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(opening).rejects.toMatchObject({ problem: 'unavailable' });
    const error = (await opening.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`127.0.0.1:${port}/dateline`);
    expect(error.message).not.toContain('hunter2');
  });

  it('says the database cannot be used while it refuses connections, and works again after', async () => {
    const url = await database();
    const name = new URL(url).pathname.slice(1);
    const repository = track(await openPostgresRepository(url));
    await repository.insert(storedComment({ id: 'before' }));
    await server.admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await server.admin(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    const refused = repository.insert(storedComment({ id: 'during' }));
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(refused).rejects.toMatchObject({ problem: 'unavailable' });
    await expect(repository.checkWritable(1024)).rejects.toMatchObject({
      problem: 'unavailable',
    });
    await server.admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    expect((await repository.get('before'))?.id).toBe('before');
    expect(await repository.get('during')).toBeUndefined();
    await expect(repository.checkWritable(1024)).resolves.toBeUndefined();
  });

  it('says a read-only database is read-only, and still answers reads', async () => {
    const url = await database();
    const name = new URL(url).pathname.slice(1);
    const first = await openPostgresRepository(url);
    await first.insert(storedComment({ id: 'kept' }));
    await first.close();
    await server.admin(
      `ALTER DATABASE "${name}" SET default_transaction_read_only = on`,
    );
    const repository = track(await openPostgresRepository(url));
    expect((await repository.get('kept'))?.id).toBe('kept');
    await expect(repository.insert(storedComment())).rejects.toMatchObject({
      problem: 'read-only',
    });
    await expect(repository.checkWritable(1024)).rejects.toMatchObject({
      problem: 'read-only',
      message: expect.stringContaining('is read-only'),
    });
  });

  it('gives up on a statement a stuck lock holds up, and works again once it is let go', async () => {
    const url = await database();
    const repository = track(
      await openPostgresRepository(url, { statementTimeoutMs: 300 }),
    );
    await repository.insert(storedComment({ id: 'before' }));
    // Another session takes the comments table and does not let go, as a stuck job would.
    const stuck = await look(url);
    await stuck.query('BEGIN');
    await stuck.query('LOCK TABLE comments IN ACCESS EXCLUSIVE MODE');
    await expect(repository.get('before')).rejects.toMatchObject({
      problem: 'unavailable',
      message: expect.stringContaining('57014'),
    });
    await stuck.query('ROLLBACK');
    expect((await repository.get('before'))?.id).toBe('before');
  });

  it('lets a migration wait as long as another instance’s takes', async () => {
    const url = await database();
    await track(await openPostgresRepository(url)).close();
    // An instance holding the migration lock for longer than a statement may run.
    const other = await look(url);
    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const opening = openPostgresRepository(url, { statementTimeoutMs: 200 });
    await new Promise((r) => setTimeout(r, 600));
    await other.query('COMMIT');
    const repository = track(await opening);
    expect(await repository.threadVersion('t')).toBe(0);
  });

  it('writes the room it checks for, and keeps none of it', async () => {
    const url = await database();
    const repository = track(await openPostgresRepository(url));
    const client = await look(url);
    const written = async () =>
      (
        await client.query<{ bytes: string }>(
          `SELECT pg_relation_size(reltoastrelid) AS bytes FROM pg_class WHERE relname = 'writable_probe'`,
        )
      ).rows[0]!.bytes;
    expect(Number(await written())).toBe(0);
    await repository.checkWritable(300_000);
    // Really written, uncompressed, to the disk…
    expect(Number(await written())).toBeGreaterThanOrEqual(300_000);
    // …and taken back.
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM writable_probe',
    );
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('leaves other failures as they are', async () => {
    const [repository] = await instances(1);
    const comment = storedComment();
    await repository!.insert(comment);
    const duplicate = repository!.insert(comment);
    await expect(duplicate).rejects.not.toBeInstanceOf(StorageUnavailableError);
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
  });

  it('tells a full disk, a read-only server and a lost connection from other errors', () => {
    expect(storageProblem({ code: '53100' })).toBe('full');
    expect(storageProblem({ code: '25006' })).toBe('read-only');
    expect(storageProblem({ code: '42501' })).toBe('read-only');
    for (const code of [
      '08006',
      '57P01',
      '53300',
      '58030',
      '28P01',
      '3D000',
      'ECONNREFUSED',
    ])
      expect(storageProblem({ code })).toBe('unavailable');
    expect(
      storageProblem(new Error('Connection terminated unexpectedly')),
    ).toBe('unavailable');
    expect(
      storageProblem(
        new AggregateError([
          { code: 'ECONNREFUSED' },
          { code: 'ECONNREFUSED' },
        ]),
      ),
    ).toBe('unavailable');
    for (const other of [
      { code: '23505' },
      { code: '42P01' },
      new Error('boom'),
      null,
      'text',
    ])
      expect(storageProblem(other)).toBeUndefined();
  });

  it('shows a connection URL without its password or options', () => {
    expect(
      shownPostgresUrl(
        'postgres://dateline:s3cret@db.internal:5432/comments?password=also&sslmode=require',
      ),
    ).toBe('postgres://dateline@db.internal:5432/comments');
    expect(shownPostgresUrl('not a url :secret@')).toBe('PostgreSQL');
  });
});

describe('the PostgreSQL plans', () => {
  /** A site of 40 threads of 100 comments each, one in ten a reply, all from one address. */
  async function site() {
    const url = await database();
    const repository = track(await openPostgresRepository(url));
    const comments = [];
    for (let thread = 0; thread < 40; thread += 1)
      for (let i = 0; i < 100; i += 1)
        comments.push(
          storedComment({
            id: `t${thread}-c${i}`,
            threadId: `t${thread}`,
            parentId: i % 10 === 9 ? `t${thread}-c${i - 1}` : null,
            addressHash: 'one-proxy',
            body: `Comment ${i} of thread ${thread}`,
          }),
        );
    await repository.importComments({ comments });
    const client = await look(url);
    await client.query('ANALYZE comments');
    /**
     * The plans of `sql` with these values, as PostgreSQL makes them for the values and as it
     * makes one for any values (a prepared statement switches to that after five runs).
     */
    return async (sql: string, types: string[], values: unknown[]) => {
      const plans: string[] = [];
      for (const mode of ['force_custom_plan', 'force_generic_plan']) {
        await client.query(`SET plan_cache_mode = ${mode}`);
        await client.query(`PREPARE plan_of (${types.join(', ')}) AS ${sql}`);
        const literals = values.map((v) =>
          typeof v === 'number' ? String(v) : client.escapeLiteral(String(v)),
        );
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN EXECUTE plan_of (${literals.join(', ')})`,
        );
        await client.query('DEALLOCATE plan_of');
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
      return plans;
    };
  }

  it('finds copies of a text by its digest, never reading all the address wrote', async () => {
    const plan = await site();
    const found = await plan(
      COPIES_FROM,
      ['text', 'text', 'text'],
      ['t7', 'one-proxy', 'Comment 3 of thread 7'],
    );
    for (const one of found) {
      expect(one).toContain('comments_copies');
      expect(one).not.toMatch(/Seq Scan|comments_address/);
    }
  });

  it('walks a page’s replies by the parent index, never scanning the comments', async () => {
    const plan = await site();
    const found = await plan(
      pageQuery('>', 'ASC'),
      ['text', 'text', 'text', 'int'],
      ['t7', '', '', 20],
    );
    for (const one of found) {
      expect(one).toContain('comments_parent');
      expect(one).toContain('comments_thread');
      expect(one).not.toMatch(/Seq Scan on comments/);
    }
  });
});
