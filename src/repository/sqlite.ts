import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Comment, CommentStatus } from '@dateline/core';
import type {
  CommentRepository,
  IdempotentAnswer,
  Page,
  PageRequest,
  StoredComment,
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

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/**
 * Comments in a SQLite file: WAL so reads never wait for writes, synchronous FULL so a
 * comment that was answered 201 survives a crash, prepared statements throughout.
 */
export function openSqliteRepository(file: string): CommentRepository {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let v = applied; v < MIGRATIONS.length; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
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
  const remember = db.prepare(
    `INSERT INTO idempotency (thread_id, key, status, body, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const recall = db.prepare<[string, string], IdempotentAnswer>(
    `SELECT status, body FROM idempotency WHERE thread_id = ? AND key = ?`,
  );
  const approvedFrom = db.prepare<[string], { x: number }>(
    `SELECT 1 AS x FROM comments WHERE author_email = ? AND status = 'approved' LIMIT 1`,
  );
  const duplicate = db.prepare<[string, string, string, string], { x: number }>(
    `SELECT 1 AS x FROM comments WHERE thread_id = ? AND body = ? AND (author_name = ? OR author_email = ?) AND status != 'deleted' LIMIT 1`,
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
  const setMeta = db.prepare<[string, string]>(
    `INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)`,
  );

  setMeta.run('salt', randomBytes(32).toString('hex'));
  const salt = getMeta.get('salt')!.value;

  const insertTx = db.transaction(
    (c: StoredComment, key: string, answer: IdempotentAnswer) => {
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
      remember.run(c.threadId, key, answer.status, answer.body, c.createdAt);
      if (c.status === 'approved') bump.run(c.threadId);
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

  return {
    page({ threadId, limit, order, cursor }: PageRequest): Page {
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
      const replies = tops.length
        ? descendants.all(JSON.stringify(tops.map((t) => t.id)))
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
    },
    countApproved: (threadId) => count.get(threadId)!.n,
    threadVersion: (threadId) => version.get(threadId)?.version ?? 0,
    get(id) {
      const row = byId.get(id);
      return row ? toStored(row) : undefined;
    },
    insert(comment, { key, answer }) {
      insertTx(comment, key, answer);
    },
    answered: (threadId, key) => recall.get(threadId, key),
    hasApprovedFrom: (email) => approvedFrom.get(email) !== undefined,
    isDuplicate: (threadId, author, body) =>
      duplicate.get(threadId, body, author.name, author.email) !== undefined,
    lastPostFrom: (addressHash) => lastFrom.get(addressHash)?.created_at,
    listByStatus: (status, limit) =>
      withStatus.all(status, limit).map(toStored),
    setStatus: (id, status) => statusTx(id, status),
    salt: () => salt,
    close: () => db.close(),
  };
}
