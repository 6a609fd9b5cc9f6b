import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCommentRepository, storedComment } from './contract.js';
import { openSqliteRepository, REPLIES_OF } from './sqlite.js';
import { type CommentRepository, StorageUnavailableError } from './types.js';

const newFile = () =>
  join(mkdtempSync(join(tmpdir(), 'dateline-repo-')), 'comments.sqlite');

describeCommentRepository('SQLite file', async () =>
  openSqliteRepository(newFile()),
);
describeCommentRepository('SQLite in memory', async () =>
  openSqliteRepository(':memory:'),
);

const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
});
function track<T extends { close(): unknown }>(handle: T): T {
  opened.push(handle);
  return handle;
}

const reservation = {
  threadId: 't',
  key: 'k',
  requestHash: 'h',
  now: Date.UTC(2025, 6, 20),
  leaseMs: 10_000,
};

describe('SQLite shared by processes', () => {
  it('gives a key to one connection of several on one file', async () => {
    const file = newFile();
    const connections: CommentRepository[] = [];
    for (let i = 0; i < 4; i += 1)
      connections.push(track(openSqliteRepository(file)));
    const outcomes = await Promise.all(
      connections.flatMap((repository) =>
        Array.from({ length: 5 }, () => repository.reserve(reservation)),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'reserved')).toHaveLength(1);
  });

  it('keeps one salt for every connection', () => {
    const file = newFile();
    const a = track(openSqliteRepository(file));
    const b = track(openSqliteRepository(file));
    expect(a.salt()).toBe(b.salt());
  });

  it('checks the flood limit against posts another connection made', async () => {
    const file = newFile();
    const a = track(openSqliteRepository(file));
    const b = track(openSqliteRepository(file));
    await a.insert(
      storedComment({
        addressHash: 'x',
        createdAt: '2025-07-20T08:00:00.000Z',
      }),
    );
    expect(
      await b.insert(
        storedComment({
          addressHash: 'x',
          createdAt: '2025-07-20T08:00:01.000Z',
        }),
        { quietSince: '2025-07-20T07:59:46.000Z' },
      ),
    ).toMatchObject({ stored: false, reason: 'too-fast' });
  });
});

describe('SQLite migrations', () => {
  it('keeps the answers of a version 1 database and drops the keys it made up for posts without one', async () => {
    const file = newFile();
    const old = new Database(file);
    old.exec(`
      CREATE TABLE comments (id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, parent_id TEXT,
        author_name TEXT NOT NULL, author_url TEXT, author_email TEXT NOT NULL, address_hash TEXT,
        body TEXT NOT NULL, created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'deleted')));
      CREATE INDEX comments_thread ON comments (thread_id, status, created_at, id);
      CREATE INDEX comments_parent ON comments (parent_id);
      CREATE INDEX comments_email ON comments (author_email, status);
      CREATE INDEX comments_address ON comments (address_hash, created_at);
      CREATE TABLE threads (thread_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE idempotency (thread_id TEXT NOT NULL, key TEXT NOT NULL, status INTEGER NOT NULL,
        body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (thread_id, key));
      CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('salt', 'the-old-salt-0123456789abcdef0123456789');
      INSERT INTO comments VALUES ('c1', 't', NULL, 'Sokha', NULL, 'sokha@example.com', NULL, 'Hello', '2025-07-20T08:00:00.000Z', 'approved');
      INSERT INTO idempotency VALUES ('t', 'client-key', 201, '{"comment":"c1"}', '2025-07-20T08:00:00.000Z');
      INSERT INTO idempotency VALUES ('t', 'auto:c1', 201, '{"comment":"c1"}', '2025-07-20T08:00:00.000Z');
      PRAGMA user_version = 1;`);
    old.close();

    const repository = track(openSqliteRepository(file));
    expect(repository.salt()).toBe('the-old-salt-0123456789abcdef0123456789');
    expect((await repository.get('c1'))?.body).toBe('Hello');
    // stored before requests were hashed: it answers its retries whatever they send
    expect(
      await repository.reserve({
        ...reservation,
        key: 'client-key',
        requestHash: 'anything',
      }),
    ).toEqual({
      kind: 'answered',
      answer: { status: 201, body: '{"comment":"c1"}' },
    });
    expect(
      (await repository.reserve({ ...reservation, key: 'auto:c1' })).kind,
    ).toBe('reserved');
    expect(
      await repository.findApprovedCommenter({
        name: 'Sokha',
        email: 'Sokha@example.com',
      }),
    ).toBeDefined();
  });

  it('opens a database it already migrated without changing it', async () => {
    const file = newFile();
    const first = openSqliteRepository(file);
    await first.insert(storedComment({ id: 'kept' }));
    await first.close();
    const again = track(openSqliteRepository(file));
    expect((await again.get('kept'))?.id).toBe('kept');
  });
});

describe('SQLite that cannot be written', () => {
  /** A repository over a connection the test keeps, to set limits SQLite applies per connection. */
  function withConnection() {
    const db = new Database(newFile());
    const repository = track(openSqliteRepository(db));
    return { db, repository };
  }

  it('says a full database is full, and stores nothing', async () => {
    const { db, repository } = withConnection();
    await repository.insert(storedComment());
    await repository.checkWritable(300_000);
    // No page may be added: as a full disk, for every write that needs room.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const big = storedComment({ body: 'x'.repeat(20_000) });
    const refused = repository.insert(big);
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(refused).rejects.toMatchObject({ problem: 'full' });
    await expect(repository.checkWritable(300_000)).rejects.toMatchObject({
      problem: 'full',
      message: expect.stringContaining('is full'),
    });
    db.pragma('max_page_count = 1000000');
    expect(await repository.get(big.id)).toBeUndefined();
    await expect(repository.checkWritable(300_000)).resolves.toBeUndefined();
  });

  it('checks there is room for a comment without keeping it', async () => {
    const { db, repository } = withConnection();
    const pages = () => db.pragma('page_count', { simple: true }) as number;
    const free = () => db.pragma('freelist_count', { simple: true }) as number;
    await repository.checkWritable(300_000);
    const before = { pages: pages(), free: free() };
    for (let i = 0; i < 5; i += 1) await repository.checkWritable(300_000);
    // The room is asked for and given back: the file does not grow with the checks.
    expect({ pages: pages(), free: free() }).toEqual(before);
    expect(before.pages * 4096).toBeLessThan(300_000);
  });

  it('says a read-only database is read-only', async () => {
    const { db, repository } = withConnection();
    db.pragma('query_only = ON');
    await expect(repository.insert(storedComment())).rejects.toMatchObject({
      problem: 'read-only',
    });
    await expect(repository.checkWritable(1024)).rejects.toMatchObject({
      problem: 'read-only',
    });
  });

  it('leaves other failures as they are', async () => {
    const { repository } = withConnection();
    const comment = storedComment();
    await repository.insert(comment);
    const duplicate = repository.insert(comment);
    await expect(duplicate).rejects.not.toBeInstanceOf(StorageUnavailableError);
    await expect(duplicate).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
  });
});

describe('the SQLite plan for a page', () => {
  it('walks replies by their parent index, never scanning the approved comments', async () => {
    const file = newFile();
    const repository = openSqliteRepository(file);
    await repository.close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${REPLIES_OF}`)
      .all('["a"]')
      .map((row) => row.detail);
    db.close();
    expect(plan).toContainEqual(
      expect.stringMatching(
        /SEARCH c USING INDEX comments_parent \(parent_id=\?\)/,
      ),
    );
    expect(plan).toContainEqual(
      expect.stringMatching(
        /SEARCH c USING INDEX sqlite_autoindex_comments_1 \(id=\?\)/,
      ),
    );
    expect(plan.join('\n')).not.toMatch(/comments_status|SCAN c\b/);
  });
});
