import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Comment, CommentStatus } from '@dateline/core';
import Database from 'better-sqlite3';
import {
  type CommentCopy,
  type CommentRepository,
  InvalidCursorError,
  type Page,
  type PageRequest,
  type Reservation,
  StorageUnavailableError,
  type StoredComment,
} from './types.js';

/** Schema changes, in order. The database remembers how many it has applied. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL,
     parent_id TEXT,
     author_name TEXT NOT NULL,
     author_url TEXT,
     author_email TEXT NOT NULL,
     address_hash TEXT,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'deleted'))
   );
   CREATE INDEX comments_thread ON comments (thread_id, status, created_at, id);
   CREATE INDEX comments_parent ON comments (parent_id);
   CREATE INDEX comments_email ON comments (author_email, status);
   CREATE INDEX comments_address ON comments (address_hash, created_at);
   CREATE TABLE threads (thread_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
   CREATE TABLE idempotency (
     thread_id TEXT NOT NULL,
     key TEXT NOT NULL,
     status INTEGER NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (thread_id, key)
   );
   CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Idempotency keys become reservations: a row is written before the work (token and lease
  // set, status NULL) and completed with the answer in the comment's transaction. Answers
  // kept from before have no request hash and answer any retry, as they did. The `auto:`
  // rows were written for posts without a key and could be claimed by a client sending such
  // a key; they go. First-time moderation asks for name and email together.
  `CREATE TABLE idempotency_keys (
     thread_id TEXT NOT NULL,
     key TEXT NOT NULL,
     request_hash TEXT,
     token TEXT,
     lease_until INTEGER,
     status INTEGER,
     body TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (thread_id, key)
   );
   INSERT INTO idempotency_keys (thread_id, key, status, body, created_at)
     SELECT thread_id, key, status, body, created_at FROM idempotency
     WHERE substr(key, 1, 5) != 'auto:';
   DROP TABLE idempotency;
   DROP INDEX comments_email;
   CREATE INDEX comments_approved_author
     ON comments (author_email COLLATE NOCASE, author_name) WHERE status = 'approved';`,
];

interface Row {
  id: string;
  thread_id: string;
  parent_id: string | null;
  author_name: string;
  author_url: string | null;
  author_email: string;
  address_hash: string | null;
  body: string;
  created_at: string;
  status: CommentStatus;
}

interface KeyRow {
  request_hash: string | null;
  token: string | null;
  lease_until: number | null;
  status: number | null;
  body: string | null;
}

function toPublic(r: Row): Comment {
  return {
    id: r.id,
    threadId: r.thread_id,
    parentId: r.parent_id,
    author: r.author_url
      ? { name: r.author_name, url: r.author_url }
      : { name: r.author_name },
    body: r.body,
    createdAt: r.created_at,
    status: r.status,
  };
}

function toStored(r: Row): StoredComment {
  return { ...toPublic(r), email: r.author_email, addressHash: r.address_hash };
}

/** Keyset cursors: the (created_at, id) of the last top-level comment of a page. */
function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    return Array.isArray(value) &&
      value.length === 2 &&
      value.every((v) => typeof v === 'string')
      ? (value as [string, string])
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SQLite's result codes for a store that cannot be written, as the service tells them apart.
 * Anything else (a constraint, a bug) stays the error it is.
 */
function storageProblem(
  code: string,
): StorageUnavailableError['problem'] | undefined {
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
    return 'read-only';
  if (
    /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOLFS)/.test(
      code,
    )
  )
    return 'unavailable';
  return undefined;
}

function translate(error: unknown, file: string): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const problem = storageProblem(error.code);
  if (!problem) return error;
  const what =
    problem === 'full'
      ? 'is full (no space left on the disk, or its size limit reached)'
      : problem === 'read-only'
        ? 'is read-only'
        : 'cannot be used right now';
  return new StorageUnavailableError(
    problem,
    `The database ${file} ${what}: ${error.message} (${error.code}).`,
    { cause: error },
  );
}

/** Rolls a nested transaction back on purpose. */
const UNDO = Symbol('undo');

export interface SqliteRepositoryOptions {
  /** For the log and error messages when `database` is a connection; default its file name. */
  name?: string;
}

/**
 * Comments in a SQLite file: WAL so reads never wait for writes, synchronous FULL so a
 * comment that was answered 201 survives a crash, prepared statements throughout. Any
 * number of processes may share the file: every transaction that reads before it writes
 * takes the write lock first (BEGIN IMMEDIATE), so what it read still holds when it writes.
 *
 * `database` is a file path or an open better-sqlite3 connection (which the repository then
 * owns and closes). Opening throws SQLite's or the file system's own error (its `code` says
 * what is wrong); once open, a store that cannot be written throws `StorageUnavailableError`.
 */
export function openSqliteRepository(
  database: string | Database.Database,
  options: SqliteRepositoryOptions = {},
): CommentRepository {
  const file =
    options.name ?? (typeof database === 'string' ? database : database.name);
  return open(database, file);
}

function open(
  database: string | Database.Database,
  file: string,
): CommentRepository {
  let db: Database.Database;
  if (typeof database === 'string') {
    if (database !== ':memory:')
      mkdirSync(dirname(database), { recursive: true });
    db = new Database(database);
  } else {
    db = database;
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');

  // Each step re-reads the version under the write lock, so two processes starting on one
  // new file do not both apply it.
  for (let target = 1; target <= MIGRATIONS.length; target += 1) {
    db.transaction(() => {
      const applied = db.pragma('user_version', { simple: true }) as number;
      if (applied >= target) return;
      db.exec(MIGRATIONS[target - 1]!);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  }

  // Top-level on a page: no parent, or a parent that is no longer shown (as buildThread does).
  const topLevel = (op: '>' | '<', dir: 'ASC' | 'DESC') =>
    db.prepare<[string, string, string, string, number], Row>(`
      SELECT c.* FROM comments c
      LEFT JOIN comments p ON p.id = c.parent_id AND p.status = 'approved'
      WHERE c.thread_id = ? AND c.status = 'approved' AND p.id IS NULL
        AND (c.created_at ${op} ? OR (c.created_at = ? AND c.id ${op} ?))
      ORDER BY c.created_at ${dir}, c.id ${dir}
      LIMIT ?`);
  const topAsc = topLevel('>', 'ASC');
  const topDesc = topLevel('<', 'DESC');
  const descendants = db.prepare<[string], Row>(`
    WITH RECURSIVE tree(id) AS (
      SELECT value FROM json_each(?)
      UNION
      SELECT c.id FROM comments c JOIN tree t ON c.parent_id = t.id WHERE c.status = 'approved'
    )
    SELECT c.* FROM comments c JOIN tree t ON c.id = t.id WHERE c.parent_id IS NOT NULL AND c.status = 'approved'`);
  const count = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM comments WHERE thread_id = ? AND status = 'approved'`,
  );
  const version = db.prepare<[string], { version: number }>(
    `SELECT version FROM threads WHERE thread_id = ?`,
  );
  const bump = db.prepare<[string]>(
    `INSERT INTO threads (thread_id, version) VALUES (?, 1) ON CONFLICT (thread_id) DO UPDATE SET version = version + 1`,
  );
  const byId = db.prepare<[string], Row>(`SELECT * FROM comments WHERE id = ?`);
  const insert =
    db.prepare(`INSERT INTO comments (id, thread_id, parent_id, author_name, author_url, author_email, address_hash, body, created_at, status)
    VALUES (@id, @threadId, @parentId, @name, @url, @email, @addressHash, @body, @createdAt, @status)`);
  const keyRow = db.prepare<[string, string], KeyRow>(
    `SELECT request_hash, token, lease_until, status, body FROM idempotency_keys WHERE thread_id = ? AND key = ?`,
  );
  const reserveKey = db.prepare<
    [string, string, string, string, number, string]
  >(
    `INSERT INTO idempotency_keys (thread_id, key, request_hash, token, lease_until, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const takeOver = db.prepare<[string, string, number, string, string]>(
    `UPDATE idempotency_keys SET request_hash = ?, token = ?, lease_until = ? WHERE thread_id = ? AND key = ? AND status IS NULL`,
  );
  const releaseKey = db.prepare<[string, string, string]>(
    `DELETE FROM idempotency_keys WHERE thread_id = ? AND key = ? AND token = ? AND status IS NULL`,
  );
  const completeKey = db.prepare<[number, string, string, string, string]>(
    `UPDATE idempotency_keys SET status = ?, body = ?, token = NULL, lease_until = NULL WHERE thread_id = ? AND key = ? AND token = ? AND status IS NULL`,
  );
  const approvedAuthor = db.prepare<
    [string, string],
    { name: string; email: string }
  >(
    `SELECT author_name AS name, author_email AS email FROM comments
     WHERE author_email = ? COLLATE NOCASE AND author_name = ? AND status = 'approved' LIMIT 1`,
  );
  const copies = db.prepare<[string, string, string], CommentCopy>(
    `SELECT author_email AS email, address_hash AS addressHash, status FROM comments
     WHERE address_hash = ? AND thread_id = ? AND body = ? LIMIT 100`,
  );
  const lastFrom = db.prepare<[string], { created_at: string }>(
    `SELECT created_at FROM comments WHERE address_hash = ? ORDER BY created_at DESC LIMIT 1`,
  );
  const withStatus = db.prepare<[string, number], Row>(
    `SELECT * FROM comments WHERE status = ? ORDER BY created_at DESC LIMIT ?`,
  );
  const setStatus = db.prepare<[string, string]>(
    `UPDATE comments SET status = ? WHERE id = ?`,
  );
  const getMeta = db.prepare<[string], { value: string }>(
    `SELECT value FROM meta WHERE name = ?`,
  );
  const addMeta = db.prepare<[string, string]>(
    `INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)`,
  );
  const putMeta = db.prepare<[string, string]>(
    `INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
  );
  const probe = db.prepare<[number]>(
    `INSERT INTO meta (name, value) VALUES ('writable-probe', zeroblob(?))`,
  );

  addMeta.run('salt', randomBytes(32).toString('hex'));
  const salt = getMeta.get('salt')!.value;

  /** What a key that is answered, or held by a live reservation, says to a request. */
  const settled = (row: KeyRow, requestHash: string): Reservation => {
    const same = row.request_hash === null || row.request_hash === requestHash;
    if (!same) return { kind: 'conflict' };
    return row.status !== null
      ? { kind: 'answered', answer: { status: row.status, body: row.body! } }
      : { kind: 'in-progress' };
  };

  const reserveTx = db.transaction(
    (
      threadId: string,
      key: string,
      requestHash: string,
      now: number,
      leaseMs: number,
    ): Reservation => {
      const row = keyRow.get(threadId, key);
      if (!row) {
        const token = randomUUID();
        reserveKey.run(
          threadId,
          key,
          requestHash,
          token,
          now + leaseMs,
          new Date(now).toISOString(),
        );
        return { kind: 'reserved', token };
      }
      if (row.status !== null || (row.lease_until ?? 0) > now)
        return settled(row, requestHash);
      // The holder's lease ran out: it crashed or hangs, and stored nothing (a comment and its
      // key's answer are written together). Its completion will now find the token changed.
      const token = randomUUID();
      takeOver.run(requestHash, token, now + leaseMs, threadId, key);
      return { kind: 'reserved', token };
    },
  );

  const insertTx = db.transaction(
    (
      c: StoredComment,
      options: Parameters<CommentRepository['insert']>[1] = {},
    ) => {
      const { reservation, quietSince } = options;
      if (reservation) {
        const row = keyRow.get(reservation.threadId, reservation.key);
        if (!row || row.status !== null || row.token !== reservation.token)
          return { stored: false, reason: 'reservation-lost' } as const;
      }
      if (quietSince && c.addressHash) {
        const last = lastFrom.get(c.addressHash)?.created_at;
        if (last && last > quietSince)
          return {
            stored: false,
            reason: 'too-fast',
            lastPostAt: last,
          } as const;
      }
      insert.run({
        id: c.id,
        threadId: c.threadId,
        parentId: c.parentId,
        name: c.author.name,
        url: c.author.url ?? null,
        email: c.email,
        addressHash: c.addressHash,
        body: c.body,
        createdAt: c.createdAt,
        status: c.status,
      });
      if (reservation)
        completeKey.run(
          reservation.answer.status,
          reservation.answer.body,
          reservation.threadId,
          reservation.key,
          reservation.token,
        );
      if (c.status === 'approved') bump.run(c.threadId);
      return { stored: true } as const;
    },
  );

  const statusTx = db.transaction((id: string, status: CommentStatus) => {
    const before = byId.get(id);
    if (!before) return undefined;
    setStatus.run(status, id);
    // Anything that changes what the thread shows changes its version (and so its ETag).
    if (before.status === 'approved' || status === 'approved')
      bump.run(before.thread_id);
    return toStored({ ...before, status });
  });

  // A real write that commits (a full disk or a read-only file fails it), and inside it, undone
  // before the commit, room for `room` more bytes: a database at its size limit fails that.
  const probeRoom = db.transaction((room: number) => {
    probe.run(room);
    throw UNDO;
  });
  const writableTx = db.transaction((room: number) => {
    putMeta.run('writable-at', new Date().toISOString());
    try {
      probeRoom(room);
    } catch (error) {
      if (error !== UNDO) throw error;
    }
  });

  /** Runs `work`, turning SQLite's "cannot write" failures into StorageUnavailableError. */
  const run = async <T>(work: () => T): Promise<T> => {
    try {
      return work();
    } catch (error) {
      throw translate(error, file);
    }
  };

  return {
    page: ({ threadId, limit, order, cursor }: PageRequest) =>
      run((): Page => {
        let after: [string, string];
        if (cursor) {
          const decoded = decodeCursor(cursor);
          if (!decoded)
            throw new InvalidCursorError(
              'The cursor is not one this service gave out.',
            );
          after = decoded;
        } else {
          after = order === 'oldest' ? ['', ''] : ['\uffff', '\uffff'];
        }
        const tops = (order === 'oldest' ? topAsc : topDesc).all(
          threadId,
          after[0],
          after[0],
          after[1],
          limit + 1,
        );
        const more = tops.length > limit;
        if (more) tops.pop();
        const topIds = new Set(tops.map((t) => t.id));
        // A top-level comment whose parent is not shown is a seed of the walk, not a reply.
        const replies = tops.length
          ? descendants
              .all(JSON.stringify([...topIds]))
              .filter((r) => !topIds.has(r.id))
          : [];
        const rows = [...tops, ...replies].filter(
          (r) => r.thread_id === threadId,
        );
        rows.sort((a, b) =>
          a.created_at < b.created_at
            ? -1
            : a.created_at > b.created_at
              ? 1
              : a.id < b.id
                ? -1
                : 1,
        );
        if (order === 'newest') rows.reverse();
        const last = tops.at(-1);
        return {
          comments: rows.map(toPublic),
          ...(more && last
            ? { nextCursor: encodeCursor(last.created_at, last.id) }
            : {}),
        };
      }),
    countApproved: (threadId) => run(() => count.get(threadId)!.n),
    threadVersion: (threadId) => run(() => version.get(threadId)?.version ?? 0),
    get: (id) =>
      run(() => {
        const row = byId.get(id);
        return row ? toStored(row) : undefined;
      }),
    reserve: ({ threadId, key, requestHash, now, leaseMs }) =>
      run(() => {
        // Retries that wait look often: answer them from a plain read while the key is
        // answered or held, and take the write lock only to reserve or take over.
        const row = keyRow.get(threadId, key);
        if (row && (row.status !== null || (row.lease_until ?? 0) > now))
          return settled(row, requestHash);
        return reserveTx.immediate(threadId, key, requestHash, now, leaseMs);
      }),
    release: ({ threadId, key, token }) =>
      run(() => {
        releaseKey.run(threadId, key, token);
      }),
    insert: (comment, options) =>
      run(() => insertTx.immediate(comment, options)),
    findApprovedCommenter: ({ name, email }) =>
      run(() => approvedAuthor.get(email, name)),
    copiesFrom: ({ threadId, body, addressHash }) =>
      run(() => copies.all(addressHash, threadId, body)),
    lastPostFrom: (addressHash) =>
      run(() => lastFrom.get(addressHash)?.created_at),
    listByStatus: (status, limit) =>
      run(() => withStatus.all(status, limit).map(toStored)),
    setStatus: (id, status) => run(() => statusTx.immediate(id, status)),
    checkWritable: (room) =>
      run(() => {
        writableTx.immediate(room);
      }),
    salt: () => salt,
    close: async () => {
      db.close();
    },
  };
}
