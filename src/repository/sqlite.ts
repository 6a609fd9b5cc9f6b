import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommentStatus } from '@dateline/core';
import Database from 'better-sqlite3';
import { bodyDigest } from '../policy/duplicate.js';
import {
  answeredOrHeld,
  blocklistEntries,
  type AttemptsRow,
  type BlocklistRow,
  byThread,
  type CommentRow,
  type ConfirmationRow,
  countsByState,
  countsByStatus,
  type EntryRow,
  type EventRow,
  type HeadlineRow,
  EXPORT_START,
  inPageOrder,
  type ItemRow,
  type KeyRow,
  LINK_STATUS,
  type LinkRow,
  type MessageRow,
  pageOf,
  pageStart,
  type ParentRow,
  settled,
  signInRetryAt,
  type SignInTokenRow,
  type TitleRow,
  toAuditRecords,
  toBlocklists,
  toClaimed,
  toConfirmation,
  toEvent,
  toHeadline,
  toLink,
  toModerationContext,
  toPublic,
  toSignInToken,
  toStored,
} from './rows.js';
import {
  type AuditRecord,
  type ModerateRequest,
  type ModerateResult,
  type NewAuditEntry,
  type StoredBlocklists,
  type UndoRequest,
  type UndoResult,
  type ActionLinkResult,
  type ClaimedMessage,
  type CommentCopy,
  type CommentRepository,
  type ImportBatch,
  type MailPreferences,
  type MessageState,
  type OutboxEvent,
  type Page,
  type PageRequest,
  type RecentComments,
  type RecentRequest,
  type Reservation,
  type ReplySubscriber,
  type ReplySubscription,
  type SubscribeRequest,
  StorageUnavailableError,
  type StoredComment,
  type ThreadHeadline,
} from './types.js';

/**
 * Every approved reply below a JSON array of comment ids, at any depth. Exported for the test
 * that checks its plan: the walk goes from each reply to its children by comments_parent, and
 * each found id to its row by the primary key (CROSS JOIN fixes that order). Left to choose,
 * the planner scanned every approved comment of the site, at each step and again at the end:
 * the first page of a 1,000-comment thread took 13 ms instead of 1.
 */
export const REPLIES_OF = `
    WITH RECURSIVE tree(id) AS (
      SELECT value FROM json_each(?)
      UNION
      SELECT c.id FROM tree t CROSS JOIN comments c ON c.parent_id = t.id WHERE c.status = 'approved'
    )
    SELECT c.* FROM tree t CROSS JOIN comments c ON c.id = t.id WHERE c.parent_id IS NOT NULL AND c.status = 'approved'`;

/**
 * The duplicate rule's lookup: a sender's comments in a thread with this body, found through
 * comments_copies by thread, address and the body's digest (`bodyDigest`). Rows without a
 * digest (written by something that does not know the column) are still compared, through
 * the same index. Two searches rather than one `OR`, whose plan SQLite may choose to make a
 * range over everything the address wrote in the thread. Exported for the test of its plan.
 */
export const COPIES_FROM = `
    SELECT author_email AS email, address_hash AS addressHash, status FROM comments
    WHERE thread_id = @threadId AND address_hash = @addressHash AND body_digest = @digest
      AND body = @body
    UNION ALL
    SELECT author_email, address_hash, status FROM comments
    WHERE thread_id = @threadId AND address_hash = @addressHash AND body_digest IS NULL
      AND body = @body
    LIMIT 100`;

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
  // Mail and sign-in. Events are written in the transaction of what happened; the outbox
  // worker turns each into messages, one per recipient (a unique key), and sends them under a
  // lease. Tokens, session ids and links are kept only as SHA-256 hashes. Times in ms.
  `CREATE TABLE outbox_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     type TEXT NOT NULL,
     subject TEXT NOT NULL,
     data TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE outbox_messages (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     key TEXT NOT NULL UNIQUE,
     channel TEXT NOT NULL,
     recipient TEXT NOT NULL,
     template TEXT NOT NULL,
     data TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'dropped', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     due_at INTEGER NOT NULL,
     give_up_at INTEGER NOT NULL,
     lease_token TEXT,
     lease_until INTEGER,
     reason TEXT,
     created_at INTEGER NOT NULL,
     done_at INTEGER
   );
   CREATE INDEX outbox_messages_due ON outbox_messages (due_at) WHERE state = 'waiting';
   CREATE INDEX outbox_messages_done ON outbox_messages (done_at) WHERE state != 'waiting';
   CREATE TABLE sign_in_attempts (
     email_key TEXT NOT NULL,
     address_key TEXT,
     at INTEGER NOT NULL
   );
   CREATE INDEX sign_in_attempts_email ON sign_in_attempts (email_key, at);
   CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address_key, at);
   CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);
   CREATE TABLE sign_in_tokens (
     token_hash TEXT PRIMARY KEY,
     email TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER
   );
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     email TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE action_links (
     token_hash TEXT PRIMARY KEY,
     link_group TEXT NOT NULL,
     comment_id TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('approve', 'spam', 'delete')),
     email TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER,
     used_action TEXT
   );
   CREATE INDEX action_links_group ON action_links (link_group);
   CREATE INDEX action_links_expiry ON action_links (expires_at);
   CREATE TABLE mail_preferences (
     address TEXT PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     held_comments INTEGER NOT NULL DEFAULT 1,
     updated_at INTEGER NOT NULL
   );`,
  // Moderation: queues read by status, newest first; headlines moderators see; the audit
  // log (an entry per action, an item per comment it changed); the block lists.
  `CREATE INDEX comments_status ON comments (status, created_at, id);
   CREATE TABLE thread_titles (
     thread_id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     url TEXT
   );
   CREATE TABLE audit_entries (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     note TEXT,
     undoes TEXT,
     undone_by TEXT
   );
   CREATE TABLE audit_items (
     entry_seq INTEGER NOT NULL REFERENCES audit_entries (seq),
     comment_id TEXT NOT NULL,
     from_status TEXT NOT NULL,
     to_status TEXT NOT NULL,
     PRIMARY KEY (entry_seq, comment_id)
   );
   CREATE INDEX audit_items_comment ON audit_items (comment_id, entry_seq);
   CREATE TABLE blocklist_entries (
     list TEXT NOT NULL CHECK (list IN ('hold', 'refuse')),
     kind TEXT NOT NULL CHECK (kind IN ('word', 'email', 'address')),
     value TEXT NOT NULL,
     label TEXT,
     added_at TEXT NOT NULL,
     position INTEGER NOT NULL,
     PRIMARY KEY (list, kind, value)
   );`,
  // Readers' subscriptions to replies. An email is confirmed once (confirmed_at), by a link
  // kept only as a hash; until then nothing but confirmation mails goes to it, and those are
  // counted per email and per address hash to rate-limit them. Unsubscribing keeps the row
  // (active = 0), so the link still answers plainly.
  `CREATE TABLE reply_subscribers (
     email TEXT PRIMARY KEY,
     address TEXT NOT NULL,
     confirmed_at INTEGER,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE reply_subscriptions (
     thread_id TEXT NOT NULL,
     email TEXT NOT NULL REFERENCES reply_subscribers (email),
     key TEXT NOT NULL UNIQUE,
     active INTEGER NOT NULL DEFAULT 1,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (thread_id, email)
   );
   CREATE TABLE subscription_confirmations (
     token_hash TEXT PRIMARY KEY,
     email TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER
   );
   CREATE INDEX subscription_confirmations_expiry ON subscription_confirmations (expires_at);
   CREATE TABLE confirmation_requests (
     email TEXT NOT NULL,
     address_hash TEXT,
     at INTEGER NOT NULL
   );
   CREATE INDEX confirmation_requests_email ON confirmation_requests (email, at);
   CREATE INDEX confirmation_requests_address ON confirmation_requests (address_hash, at);
   CREATE INDEX confirmation_requests_at ON confirmation_requests (at);`,
  // The duplicate rule read every comment ever posted from the sender's address: all of them
  // when everyone comes through one proxy, 3.2 ms a post at 7,000 comments. A digest of the
  // body (see COPIES_FROM) makes it one indexed search whatever the size of the thread.
  `ALTER TABLE comments ADD COLUMN body_digest TEXT;
   UPDATE comments SET body_digest = dateline_body_digest(body);
   CREATE INDEX comments_copies ON comments (thread_id, address_hash, body_digest);`,
  // A reader's mails are written in the language they asked in.
  `ALTER TABLE reply_subscriptions ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';`,
  // A moderator's, in the language they last signed in with.
  `ALTER TABLE mail_preferences ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';`,
];

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
  // For the migration that gives stored comments their digest; new ones come with theirs.
  db.function('dateline_body_digest', { deterministic: true }, (body) =>
    bodyDigest(String(body)),
  );

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
    db.prepare<[string, string, string, string, number], CommentRow>(`
      SELECT c.* FROM comments c
      LEFT JOIN comments p ON p.id = c.parent_id AND p.status = 'approved'
      WHERE c.thread_id = ? AND c.status = 'approved' AND p.id IS NULL
        AND (c.created_at ${op} ? OR (c.created_at = ? AND c.id ${op} ?))
      ORDER BY c.created_at ${dir}, c.id ${dir}
      LIMIT ?`);
  const topAsc = topLevel('>', 'ASC');
  const topDesc = topLevel('<', 'DESC');
  const descendants = db.prepare<[string], CommentRow>(REPLIES_OF);
  const count = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM comments WHERE thread_id = ? AND status = 'approved'`,
  );
  const version = db.prepare<[string], { version: number }>(
    `SELECT version FROM threads WHERE thread_id = ?`,
  );
  // Counts for index pages: a JSON array of thread ids, each looked up by index.
  const countIn = db.prepare<[string], { id: string; n: number }>(
    `SELECT thread_id AS id, count(*) AS n FROM comments
     WHERE thread_id IN (SELECT value FROM json_each(?)) AND status = 'approved'
     GROUP BY thread_id`,
  );
  const versionsIn = db.prepare<[string], { id: string; version: number }>(
    `SELECT thread_id AS id, version FROM threads
     WHERE thread_id IN (SELECT value FROM json_each(?))`,
  );
  // Feeds: the newest approved comments, read along the thread index or the status index,
  // and the headlines of their threads, in one read transaction so they agree.
  const recentInThread = db.prepare<[string, number], CommentRow>(
    `SELECT * FROM comments WHERE thread_id = ? AND status = 'approved'
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const recentOnSite = db.prepare<[number], CommentRow>(
    `SELECT * FROM comments WHERE status = 'approved'
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const headlinesIn = db.prepare<[string], HeadlineRow>(
    `SELECT thread_id, title, url FROM thread_titles
     WHERE thread_id IN (SELECT value FROM json_each(?))`,
  );
  const recentTx = db.transaction(
    ({ threadId, limit }: RecentRequest): RecentComments => {
      const rows =
        threadId === undefined
          ? recentOnSite.all(limit)
          : recentInThread.all(threadId, limit);
      const ids = new Set(rows.map((r) => r.thread_id));
      if (threadId !== undefined) ids.add(threadId);
      const threads = new Map<string, ThreadHeadline>();
      for (const h of headlinesIn.all(JSON.stringify([...ids])))
        threads.set(h.thread_id, toHeadline(h));
      return { comments: rows.map(toPublic), threads };
    },
  );
  const bump = db.prepare<[string]>(
    `INSERT INTO threads (thread_id, version) VALUES (?, 1) ON CONFLICT (thread_id) DO UPDATE SET version = version + 1`,
  );
  const byId = db.prepare<[string], CommentRow>(
    `SELECT * FROM comments WHERE id = ?`,
  );
  const insert =
    db.prepare(`INSERT INTO comments (id, thread_id, parent_id, author_name, author_url, author_email, address_hash, body, created_at, status, body_digest)
    VALUES (@id, @threadId, @parentId, @name, @url, @email, @addressHash, @body, @createdAt, @status, @bodyDigest)`);
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
  const copies = db.prepare<
    [{ threadId: string; addressHash: string; digest: string; body: string }],
    CommentCopy
  >(COPIES_FROM);
  const lastFrom = db.prepare<[string], { created_at: string }>(
    `SELECT created_at FROM comments WHERE address_hash = ? ORDER BY created_at DESC LIMIT 1`,
  );
  const withStatus = db.prepare<[string, number], CommentRow>(
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
      if (answeredOrHeld(row, now)) return settled(row, requestHash);
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
      const { reservation, quietSince, subscribe } = options;
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
        bodyDigest: bodyDigest(c.body),
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
      recordEvent(
        'comment.created',
        c.id,
        { status: c.status },
        Date.parse(c.createdAt),
      );
      // Spam asks for nothing: no bot gets us to mail whom it names.
      if (subscribe && c.status !== 'spam') subscribeTx(c, subscribe);
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
    if (before.status !== status)
      recordEvent('comment.status-changed', id, {
        from: before.status,
        to: status,
      });
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

  // Moderation: queues, actions and their audit log, block lists, headlines.
  const statusCounts = db.prepare<[], { status: CommentStatus; n: number }>(
    `SELECT status, count(*) AS n FROM comments GROUP BY status`,
  );
  const queueRows = db.prepare<
    [string, string, string, string, number],
    CommentRow
  >(
    `SELECT * FROM comments
     WHERE status = ? AND (created_at < ? OR (created_at = ? AND id < ?))
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const titleOf = db.prepare<[string], TitleRow>(
    `SELECT title, url FROM thread_titles WHERE thread_id = ?`,
  );
  const putTitle = db.prepare<[string, string, string | null]>(
    `INSERT INTO thread_titles (thread_id, title, url) VALUES (?, ?, ?)
     ON CONFLICT (thread_id) DO UPDATE SET title = excluded.title, url = excluded.url`,
  );
  const parentOf = db.prepare<[string], ParentRow>(
    `SELECT id, author_name, substr(body, 1, 300) AS body FROM comments WHERE id = ?`,
  );
  const approvedWith = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM comments
     WHERE author_email = ? COLLATE NOCASE AND status = 'approved' AND id != ?`,
  );
  const statusBefore = db.prepare<
    [string, string],
    { from_status: CommentStatus }
  >(
    `SELECT from_status FROM audit_items WHERE comment_id = ? AND to_status = ?
     ORDER BY entry_seq DESC LIMIT 1`,
  );
  const addEntry = db.prepare<
    [string, string, string, string, string | null, string | null]
  >(
    `INSERT INTO audit_entries (id, at, actor, action, note, undoes) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const addItem = db.prepare<[number, string, string, string]>(
    `INSERT INTO audit_items (entry_seq, comment_id, from_status, to_status) VALUES (?, ?, ?, ?)`,
  );
  const entryById = db.prepare<[string], EntryRow>(
    `SELECT * FROM audit_entries WHERE id = ?`,
  );
  const entryBySeq = db.prepare<[number], EntryRow>(
    `SELECT * FROM audit_entries WHERE seq = ?`,
  );
  const entriesBefore = db.prepare<[number, number], EntryRow>(
    `SELECT * FROM audit_entries WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
  );
  const itemsOf = db.prepare<[string], ItemRow>(
    `SELECT i.entry_seq, i.comment_id, i.from_status, i.to_status, c.thread_id, c.author_name
     FROM audit_items i LEFT JOIN comments c ON c.id = i.comment_id
     WHERE i.entry_seq IN (SELECT value FROM json_each(?))
     ORDER BY i.entry_seq, i.rowid`,
  );
  const markUndone = db.prepare<[string, number]>(
    `UPDATE audit_entries SET undone_by = ? WHERE seq = ?`,
  );
  const blocklistRows = db.prepare<[], BlocklistRow>(
    `SELECT list, kind, value, label, added_at FROM blocklist_entries ORDER BY position`,
  );
  const clearBlocklists = db.prepare(`DELETE FROM blocklist_entries`);
  const addBlocklistEntry = db.prepare<
    [string, string, string, string | null, string, number]
  >(
    `INSERT INTO blocklist_entries (list, kind, value, label, added_at, position)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );

  const toRecords = (entries: EntryRow[]): AuditRecord[] =>
    toAuditRecords(
      entries,
      entries.length
        ? itemsOf.all(JSON.stringify(entries.map((e) => e.seq)))
        : [],
    );

  /** Writes an entry and its items; every status change goes through `statusTx`, events and all. */
  const record = (
    entry: NewAuditEntry & { action: AuditRecord['action'] },
    changes: ReadonlyArray<{
      id: string;
      from: CommentStatus;
      to: CommentStatus;
    }>,
    extra: { note?: string; undoes?: string } = {},
  ): AuditRecord => {
    const seq = Number(
      addEntry.run(
        entry.id,
        entry.at,
        entry.actor,
        entry.action,
        extra.note ?? null,
        extra.undoes ?? null,
      ).lastInsertRowid,
    );
    for (const change of changes)
      addItem.run(seq, change.id, change.from, change.to);
    return toRecords([entryBySeq.get(seq)!])[0]!;
  };

  const moderateTx = db.transaction(
    ({ entry, ids, statusAfter }: ModerateRequest): ModerateResult => {
      const unchanged: string[] = [];
      const missing: string[] = [];
      const changes: Array<{
        id: string;
        from: CommentStatus;
        to: CommentStatus;
      }> = [];
      for (const id of new Set(ids)) {
        const row = byId.get(id);
        if (!row) {
          missing.push(id);
          continue;
        }
        const before = statusBefore.get(id, row.status)?.from_status;
        const to = statusAfter(row.status, before);
        if (!to || to === row.status) {
          unchanged.push(id);
          continue;
        }
        statusTx(id, to);
        changes.push({ id, from: row.status, to });
      }
      return changes.length
        ? { entry: record(entry, changes), unchanged, missing }
        : { unchanged, missing };
    },
  );

  const undoTx = db.transaction(
    ({ entry, undoes }: UndoRequest): UndoResult => {
      const target = entryById.get(undoes);
      if (!target) return { kind: 'not-found' };
      if (target.undone_by !== null)
        return { kind: 'already-undone', by: target.undone_by };
      const items = itemsOf.all(JSON.stringify([target.seq]));
      if (!items.length) return { kind: 'not-undoable' };
      const unchanged: string[] = [];
      const changes: Array<{
        id: string;
        from: CommentStatus;
        to: CommentStatus;
      }> = [];
      for (const item of items) {
        const row = byId.get(item.comment_id);
        // Someone changed it since: what they decided stands.
        if (!row || row.status !== item.to_status) {
          unchanged.push(item.comment_id);
          continue;
        }
        statusTx(item.comment_id, item.from_status);
        changes.push({
          id: item.comment_id,
          from: item.to_status,
          to: item.from_status,
        });
      }
      if (!changes.length) return { kind: 'undone', unchanged };
      const undo = record({ ...entry, action: 'undo' }, changes, {
        undoes: target.id,
      });
      markUndone.run(undo.id, target.seq);
      return { kind: 'undone', entry: undo, unchanged };
    },
  );

  const blocklistsNow = (): StoredBlocklists =>
    toBlocklists(blocklistRows.all());
  const blocklistVersionNow = () =>
    Number(getMeta.get('blocklists-version')?.value ?? 0);

  const replaceBlocklistsTx = db.transaction(
    (lists: StoredBlocklists, entry: NewAuditEntry & { note: string }) => {
      clearBlocklists.run();
      for (const [position, e] of blocklistEntries(lists, entry.at).entries())
        addBlocklistEntry.run(
          e.list,
          e.kind,
          e.value,
          e.label,
          e.added_at,
          position,
        );
      putMeta.run('blocklists-version', String(blocklistVersionNow() + 1));
      record({ ...entry, action: 'blocklists' }, [], { note: entry.note });
    },
  );

  // Mail, sign-in and the outbox.
  const addEvent = db.prepare<[string, string, string, number]>(
    `INSERT INTO outbox_events (type, subject, data, created_at) VALUES (?, ?, ?, ?)`,
  );
  const recordEvent = (
    type: OutboxEvent['type'],
    subject: string,
    data: Record<string, unknown>,
    at = Date.now(),
  ) => addEvent.run(type, subject, JSON.stringify(data), at);
  const events = db.prepare<[number], EventRow>(
    `SELECT * FROM outbox_events ORDER BY id LIMIT ?`,
  );
  const forgetEvent = db.prepare<[number]>(
    `DELETE FROM outbox_events WHERE id = ?`,
  );
  const addMessage = db.prepare(
    `INSERT INTO outbox_messages (key, channel, recipient, template, data, state, due_at, give_up_at, created_at)
     VALUES (@key, @channel, @recipient, @template, @data, 'waiting', @dueAt, @giveUpAt, @now)
     ON CONFLICT (key) DO NOTHING`,
  );
  const dueMessages = db.prepare<[number, number, number], { id: number }>(
    `SELECT id FROM outbox_messages
     WHERE state = 'waiting' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
     ORDER BY due_at, id LIMIT ?`,
  );
  const claimMessage = db.prepare<[string, number, number], MessageRow>(
    `UPDATE outbox_messages SET lease_token = ?, lease_until = ?, attempts = attempts + 1
     WHERE id = ? RETURNING *`,
  );
  const markSent = db.prepare<[number, number]>(
    `UPDATE outbox_messages SET state = 'sent', done_at = ?, lease_token = NULL, lease_until = NULL, reason = NULL
     WHERE id = ? AND state = 'waiting'`,
  );
  const markDone = db.prepare<[string, string, number, number, string]>(
    `UPDATE outbox_messages SET state = ?, reason = ?, done_at = ?, lease_token = NULL, lease_until = NULL
     WHERE id = ? AND lease_token = ? AND state = 'waiting'`,
  );
  const markRetry = db.prepare<[number, string, number, string]>(
    `UPDATE outbox_messages SET due_at = ?, reason = ?, lease_token = NULL, lease_until = NULL
     WHERE id = ? AND lease_token = ? AND state = 'waiting'`,
  );
  const messageCounts = db.prepare<[], { state: MessageState; n: number }>(
    `SELECT state, count(*) AS n FROM outbox_messages GROUP BY state`,
  );
  const forgetMessages = db.prepare<[number]>(
    `DELETE FROM outbox_messages WHERE state != 'waiting' AND done_at < ?`,
  );
  const forgetAttempts = db.prepare<[number]>(
    `DELETE FROM sign_in_attempts WHERE at < ?`,
  );
  const forgetTokens = db.prepare<[number]>(
    `DELETE FROM sign_in_tokens WHERE expires_at < ?`,
  );
  const forgetSessions = db.prepare<[number]>(
    `DELETE FROM sessions WHERE expires_at < ?`,
  );
  const forgetLinks = db.prepare<[number]>(
    `DELETE FROM action_links WHERE expires_at < ?`,
  );
  const attemptsByEmail = db.prepare<[string, number], AttemptsRow>(
    `SELECT count(*) AS n, min(at) AS first FROM sign_in_attempts WHERE email_key = ? AND at > ?`,
  );
  const attemptsByAddress = db.prepare<[string, number], AttemptsRow>(
    `SELECT count(*) AS n, min(at) AS first FROM sign_in_attempts WHERE address_key = ? AND at > ?`,
  );
  const addAttempt = db.prepare<[string, string | null, number]>(
    `INSERT INTO sign_in_attempts (email_key, address_key, at) VALUES (?, ?, ?)`,
  );
  const addSignInToken = db.prepare<[string, string, number, number]>(
    `INSERT INTO sign_in_tokens (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)`,
  );
  const signInTokenRow = db.prepare<[string], SignInTokenRow>(
    `SELECT email, expires_at, used_at FROM sign_in_tokens WHERE token_hash = ?`,
  );
  const spendSignInToken = db.prepare<[number, string]>(
    `UPDATE sign_in_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`,
  );
  const addSession = db.prepare<[string, string, number, number]>(
    `INSERT INTO sessions (id_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)`,
  );
  const sessionRow = db.prepare<
    [string, number],
    { email: string; expires_at: number }
  >(
    `SELECT email, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?`,
  );
  const dropSession = db.prepare<[string]>(
    `DELETE FROM sessions WHERE id_hash = ?`,
  );
  const addActionLink = db.prepare(
    `INSERT INTO action_links (token_hash, link_group, comment_id, action, email, created_at, expires_at)
     VALUES (@tokenHash, @group, @commentId, @action, @email, @now, @expiresAt)`,
  );
  const actionLinkRow = db.prepare<[string], LinkRow>(
    `SELECT link_group, comment_id, action, email, expires_at, used_at, used_action
     FROM action_links WHERE token_hash = ?`,
  );
  const spendLinks = db.prepare<[number, string, string]>(
    `UPDATE action_links SET used_at = ?, used_action = ? WHERE link_group = ? AND used_at IS NULL`,
  );
  interface PreferencesRow {
    address: string;
    key: string;
    held_comments: number;
    locale: string;
  }
  const preferencesRow = db.prepare<[string], PreferencesRow>(
    `SELECT address, key, held_comments, locale FROM mail_preferences WHERE address = ?`,
  );
  const preferencesByKey = db.prepare<[string], PreferencesRow>(
    `SELECT address, key, held_comments, locale FROM mail_preferences WHERE key = ?`,
  );
  const addPreferences = db.prepare<[string, string, number]>(
    `INSERT INTO mail_preferences (address, key, updated_at) VALUES (?, ?, ?) ON CONFLICT (address) DO NOTHING`,
  );
  const setLanguage = db.prepare<[string, string, number, string]>(
    `INSERT INTO mail_preferences (address, key, updated_at, locale) VALUES (?, ?, ?, ?)
     ON CONFLICT (address) DO UPDATE SET locale = excluded.locale, updated_at = excluded.updated_at`,
  );
  const setHeldComments = db.prepare<[number, number, string]>(
    `UPDATE mail_preferences SET held_comments = ?, updated_at = ? WHERE key = ?`,
  );
  const heldCommentsOff = db.prepare<[string], { address: string }>(
    `SELECT address FROM mail_preferences WHERE held_comments = 0 AND address IN (SELECT value FROM json_each(?))`,
  );

  const toPreferences = (row: PreferencesRow): MailPreferences => ({
    address: row.address,
    key: row.key,
    heldComments: row.held_comments === 1,
    locale: row.locale,
  });

  const dispatchTx = db.transaction(
    (
      eventId: number,
      messages: Parameters<CommentRepository['dispatchEvent']>[1],
    ) => {
      let added = 0;
      const now = Date.now();
      for (const m of messages)
        added += addMessage.run({
          key: m.key,
          channel: m.channel,
          recipient: m.recipient,
          template: m.template,
          data: JSON.stringify(m.data),
          dueAt: m.dueAt,
          giveUpAt: m.giveUpAt,
          now,
        }).changes;
      forgetEvent.run(eventId);
      return added;
    },
  );
  const claimTx = db.transaction(
    (now: number, leaseMs: number, limit: number): ClaimedMessage[] =>
      dueMessages
        .all(now, now, limit)
        .map(({ id }) =>
          toClaimed(claimMessage.get(randomUUID(), now + leaseMs, id)!),
        ),
  );
  // Tokens and links are kept a while past their expiry, so a late click is told "expired"
  // rather than "not valid"; a session past its expiry is of no use to anyone.
  const forgetTx = db.transaction((now: number, before: number) => {
    forgetMessages.run(before);
    forgetAttempts.run(before);
    forgetTokens.run(before);
    forgetLinks.run(before);
    forgetSessions.run(now);
    forgetConfirmations(before);
  });
  const signInRequestTx = db.transaction(
    ({
      email,
      locale,
      emailKey,
      addressKey,
      now,
      limits,
    }: Parameters<CommentRepository['requestSignIn']>[0]) => {
      const byEmail = attemptsByEmail.get(
        emailKey,
        now - limits.email.windowMs,
      )!;
      const byAddress = addressKey
        ? attemptsByAddress.get(addressKey, now - limits.address.windowMs)!
        : { n: 0, first: null };
      const retryAt = signInRetryAt(byEmail, byAddress, limits);
      if (retryAt > 0) return { accepted: false, retryAt } as const;
      addAttempt.run(emailKey, addressKey, now);
      addEvent.run(
        'sign-in.requested',
        emailKey,
        JSON.stringify({ email, locale }),
        now,
      );
      return { accepted: true } as const;
    },
  );
  const useSignInTx = db.transaction(
    ({
      tokenHash,
      now,
      session,
    }: Parameters<CommentRepository['useSignInToken']>[0]) => {
      const row = signInTokenRow.get(tokenHash);
      if (!row) return { ok: false, problem: 'unknown' } as const;
      if (row.used_at !== null) return { ok: false, problem: 'used' } as const;
      if (row.expires_at <= now)
        return { ok: false, problem: 'expired' } as const;
      spendSignInToken.run(now, tokenHash);
      addSession.run(session.idHash, row.email, now, session.expiresAt);
      return { ok: true, email: row.email } as const;
    },
  );
  const useLinkTx = db.transaction(
    ({
      tokenHash,
      now,
    }: {
      tokenHash: string;
      now: number;
    }): ActionLinkResult => {
      const row = actionLinkRow.get(tokenHash);
      if (!row) return { ok: false, problem: 'unknown' };
      const link = toLink(row);
      if (row.used_at !== null) return { ok: false, problem: 'used', link };
      if (row.expires_at <= now) return { ok: false, problem: 'expired', link };
      const comment = byId.get(row.comment_id);
      if (!comment) return { ok: false, problem: 'gone' };
      // A link acts only on what the mail was about: a comment someone already moderated
      // keeps what they decided.
      if (comment.status !== 'pending')
        return { ok: false, problem: 'settled', comment: toStored(comment) };
      // Through the moderation path, so the audit log says which moderator's link it was.
      moderateTx({
        entry: {
          id: randomUUID(),
          at: new Date(now).toISOString(),
          actor: row.email,
          action: row.action,
        },
        ids: [row.comment_id],
        statusAfter: () => LINK_STATUS[row.action],
      });
      spendLinks.run(now, row.action, row.link_group);
      return {
        ok: true,
        action: row.action,
        comment: toStored(byId.get(row.comment_id)!),
      };
    },
  );
  const preferencesTx = db.transaction((address: string, now: number) => {
    addPreferences.run(address, randomBytes(24).toString('base64url'), now);
    return toPreferences(preferencesRow.get(address)!);
  });

  // Readers' subscriptions to replies.
  const addSubscriber = db.prepare<[string, string, number]>(
    `INSERT INTO reply_subscribers (email, address, created_at) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING`,
  );
  const subscriberRow = db.prepare<[string], { confirmed_at: number | null }>(
    `SELECT confirmed_at FROM reply_subscribers WHERE email = ?`,
  );
  const addSubscription = db.prepare<
    [string, string, string, number, number, string]
  >(
    `INSERT INTO reply_subscriptions (thread_id, email, key, created_at, updated_at, locale) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (thread_id, email) DO UPDATE SET active = 1, updated_at = excluded.updated_at, locale = excluded.locale`,
  );
  const confirmationsByEmail = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM confirmation_requests WHERE email = ? AND at > ?`,
  );
  const confirmationsByAddress = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM confirmation_requests WHERE address_hash = ? AND at > ?`,
  );
  const addConfirmationRequest = db.prepare<[string, string | null, number]>(
    `INSERT INTO confirmation_requests (email, address_hash, at) VALUES (?, ?, ?)`,
  );
  const subscribersOf = db.prepare<[string], ReplySubscriber>(
    `SELECT s.email AS email, r.address AS address FROM reply_subscriptions s
     JOIN reply_subscribers r ON r.email = s.email
     WHERE s.thread_id = ? AND s.active = 1 AND r.confirmed_at IS NOT NULL
     ORDER BY s.created_at, s.email`,
  );
  interface SubscriptionRow {
    thread_id: string;
    key: string;
    active: number;
    confirmed_at: number | null;
    locale: string;
  }
  const subscriptionSelect = `SELECT s.thread_id, s.key, s.active, r.confirmed_at, s.locale FROM reply_subscriptions s
     JOIN reply_subscribers r ON r.email = s.email`;
  const subscriptionRow = db.prepare<[string, string], SubscriptionRow>(
    `${subscriptionSelect} WHERE s.email = ? AND s.thread_id = ?`,
  );
  const subscriptionByKey = db.prepare<[string], SubscriptionRow>(
    `${subscriptionSelect} WHERE s.key = ?`,
  );
  const endSubscription = db.prepare<[number, string]>(
    `UPDATE reply_subscriptions SET active = 0, updated_at = ? WHERE key = ?`,
  );
  const addConfirmation = db.prepare<[string, string, number, number]>(
    `INSERT INTO subscription_confirmations (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)`,
  );
  const confirmationRow = db.prepare<[string], ConfirmationRow>(
    `SELECT c.email, c.expires_at, c.used_at, r.confirmed_at FROM subscription_confirmations c
     LEFT JOIN reply_subscribers r ON r.email = c.email WHERE c.token_hash = ?`,
  );
  const spendConfirmation = db.prepare<[number, string]>(
    `UPDATE subscription_confirmations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`,
  );
  const confirmEmail = db.prepare<[number, string]>(
    `UPDATE reply_subscribers SET confirmed_at = coalesce(confirmed_at, ?) WHERE email = ?`,
  );
  const forgetConfirmationRequests = db.prepare<[number]>(
    `DELETE FROM confirmation_requests WHERE at < ?`,
  );
  const forgetConfirmationLinks = db.prepare<[number]>(
    `DELETE FROM subscription_confirmations WHERE expires_at < ?`,
  );
  function forgetConfirmations(before: number) {
    forgetConfirmationRequests.run(before);
    forgetConfirmationLinks.run(before);
  }
  const toSubscription = (row: SubscriptionRow): ReplySubscription => {
    const title = titleOf.get(row.thread_id);
    return {
      threadId: row.thread_id,
      key: row.key,
      active: row.active === 1,
      confirmed: row.confirmed_at !== null,
      locale: row.locale,
      ...(title ? { headline: toHeadline(title) } : {}),
    };
  };
  /** Part of the comment's transaction (insertTx): the limits hold across instances. */
  function subscribeTx(c: StoredComment, request: SubscribeRequest) {
    const email = request.email.toLowerCase();
    const { now, limits } = request;
    addSubscriber.run(email, request.email, now);
    addSubscription.run(
      c.threadId,
      email,
      randomBytes(24).toString('base64url'),
      now,
      now,
      request.locale,
    );
    if (subscriberRow.get(email)!.confirmed_at !== null) return;
    if (
      confirmationsByEmail.get(email, now - limits.email.windowMs)!.n >=
      limits.email.max
    )
      return;
    if (
      c.addressHash &&
      confirmationsByAddress.get(c.addressHash, now - limits.address.windowMs)!
        .n >= limits.address.max
    )
      return;
    addConfirmationRequest.run(email, c.addressHash, now);
    recordEvent(
      'subscription.requested',
      c.threadId,
      { email: request.email },
      now,
    );
  }
  const confirmTx = db.transaction(
    ({ tokenHash, now }: { tokenHash: string; now: number }) => {
      const row = confirmationRow.get(tokenHash);
      if (!row) return { ok: false, problem: 'unknown' } as const;
      if (row.used_at !== null) return { ok: false, problem: 'used' } as const;
      if (row.expires_at <= now)
        return { ok: false, problem: 'expired' } as const;
      spendConfirmation.run(now, tokenHash);
      confirmEmail.run(now, row.email);
      return { ok: true } as const;
    },
  );

  // Import and export. An imported comment goes in only if its id is new, so a second import
  // of the same file adds nothing; unlike `insert`, it records no outbox event.
  const importOne = db.prepare(
    `INSERT INTO comments (id, thread_id, parent_id, author_name, author_url, author_email, address_hash, body, created_at, status, body_digest)
     VALUES (@id, @threadId, @parentId, @name, @url, @email, @addressHash, @body, @createdAt, @status, @bodyDigest)
     ON CONFLICT (id) DO NOTHING`,
  );
  const importTitle = db.prepare<[string, string, string | null]>(
    `INSERT INTO thread_titles (thread_id, title, url) VALUES (?, ?, ?)
     ON CONFLICT (thread_id) DO NOTHING`,
  );
  const importTx = db.transaction(
    ({ comments, headlines = [] }: ImportBatch): string[] => {
      const stored: string[] = [];
      const shown = new Set<string>();
      for (const c of comments) {
        const { changes } = importOne.run({
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
          bodyDigest: bodyDigest(c.body),
        });
        if (changes === 0) continue;
        stored.push(c.id);
        if (c.status === 'approved') shown.add(c.threadId);
      }
      for (const threadId of shown) bump.run(threadId);
      for (const h of headlines)
        importTitle.run(h.threadId, h.title, h.url ?? null);
      return stored;
    },
  );
  // Along the thread index, so each page is a range of it, never a sort of the whole table.
  const exportRows = db.prepare<
    [string, string, string, string, number],
    CommentRow
  >(
    `SELECT * FROM comments
     WHERE (thread_id, status, created_at, id) > (?, ?, ?, ?)
     ORDER BY thread_id, status, created_at, id LIMIT ?`,
  );
  const allTitles = db.prepare<[], HeadlineRow>(
    `SELECT thread_id, title, url FROM thread_titles ORDER BY thread_id`,
  );

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
        const after = pageStart(order, cursor);
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
        const rows = inPageOrder(
          [...tops, ...replies].filter((r) => r.thread_id === threadId),
          order,
        );
        return pageOf(rows, more, tops.at(-1));
      }),
    countApproved: (threadId) => run(() => count.get(threadId)!.n),
    threadVersion: (threadId) => run(() => version.get(threadId)?.version ?? 0),
    countApprovedIn: (threadIds) =>
      run(() =>
        byThread(
          threadIds,
          countIn
            .all(JSON.stringify(threadIds))
            .map(({ id, n }) => ({ id, value: n })),
        ),
      ),
    threadVersions: (threadIds) =>
      run(() =>
        byThread(
          threadIds,
          versionsIn
            .all(JSON.stringify(threadIds))
            .map(({ id, version }) => ({ id, value: version })),
        ),
      ),
    recentApproved: (request) => run(() => recentTx(request)),
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
        if (row && answeredOrHeld(row, now)) return settled(row, requestHash);
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
      run(() =>
        copies.all({ threadId, addressHash, digest: bodyDigest(body), body }),
      ),
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

    // Moderation: queues, actions and their audit log, block lists, headlines.
    countByStatus: () => run(() => countsByStatus(statusCounts.all())),
    queue: ({ status, before, limit }) =>
      run(() => {
        const [at, id] = before
          ? [before.createdAt, before.id]
          : ['\uffff', '\uffff'];
        return queueRows.all(status, at, at, id, limit).map(toStored);
      }),
    moderationContext: (comments) =>
      run(() =>
        comments.map((c) =>
          toModerationContext(
            titleOf.get(c.threadId),
            c.parentId ? parentOf.get(c.parentId) : undefined,
            approvedWith.get(c.email, c.id)!.n,
          ),
        ),
      ),
    moderate: (request) => run(() => moderateTx.immediate(request)),
    undo: (request) => run(() => undoTx.immediate(request)),
    auditLog: ({ beforeSeq, limit }) =>
      run(() =>
        toRecords(
          entriesBefore.all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit),
        ),
      ),
    blocklists: () => run(blocklistsNow),
    blocklistVersion: () => run(blocklistVersionNow),
    replaceBlocklists: (lists, entry) =>
      run(() => {
        replaceBlocklistsTx.immediate(lists, entry);
      }),
    setThreadTitle: (threadId, { title, url }) =>
      run(() => {
        putTitle.run(threadId, title, url ?? null);
      }),

    // Mail, sign-in and the outbox.
    outboxEvents: (limit) => run(() => events.all(limit).map(toEvent)),
    dispatchEvent: (eventId, messages) =>
      run(() => dispatchTx.immediate(eventId, messages)),
    claimMessages: ({ now, leaseMs, limit }) =>
      run(() => claimTx.immediate(now, leaseMs, limit)),
    settleMessage: ({ id, leaseToken }, outcome, now) =>
      run(() => {
        const { changes } =
          outcome.state === 'sent'
            ? markSent.run(now, id)
            : outcome.state === 'waiting'
              ? markRetry.run(outcome.dueAt, outcome.reason, id, leaseToken)
              : markDone.run(
                  outcome.state,
                  outcome.reason,
                  now,
                  id,
                  leaseToken,
                );
        return changes === 1;
      }),
    outboxCounts: () => run(() => countsByState(messageCounts.all())),
    forgetExpired: (now, before) =>
      run(() => {
        forgetTx.immediate(now, before);
      }),
    requestSignIn: (request) => run(() => signInRequestTx.immediate(request)),
    createSignInToken: ({ tokenHash, email, now, expiresAt }) =>
      run(() => {
        addSignInToken.run(tokenHash, email, now, expiresAt);
      }),
    signInToken: (tokenHash) =>
      run(() => {
        const row = signInTokenRow.get(tokenHash);
        return row ? toSignInToken(row) : undefined;
      }),
    useSignInToken: (request) => run(() => useSignInTx.immediate(request)),
    session: (idHash, now) =>
      run(() => {
        const row = sessionRow.get(idHash, now);
        return row
          ? { email: row.email, expiresAt: row.expires_at }
          : undefined;
      }),
    endSession: (idHash) =>
      run(() => {
        dropSession.run(idHash);
      }),
    createActionLinks: (links) =>
      run(() => {
        db.transaction(() => {
          for (const link of links) addActionLink.run(link);
        }).immediate();
      }),
    actionLink: (tokenHash) =>
      run(() => {
        const row = actionLinkRow.get(tokenHash);
        return row ? toLink(row) : undefined;
      }),
    useActionLink: (request) => run(() => useLinkTx.immediate(request)),
    mailPreferences: (address, now) =>
      run(() => {
        const lower = address.toLowerCase();
        const row = preferencesRow.get(lower);
        return row ? toPreferences(row) : preferencesTx.immediate(lower, now);
      }),
    mailPreferencesByKey: (key) =>
      run(() => {
        const row = preferencesByKey.get(key);
        return row ? toPreferences(row) : undefined;
      }),
    setHeldCommentMail: (key, on, now) =>
      run(() => {
        setHeldComments.run(on ? 1 : 0, now, key);
        const row = preferencesByKey.get(key);
        return row ? toPreferences(row) : undefined;
      }),
    setMailLanguage: (address, locale, now) =>
      run(() => {
        setLanguage.run(
          address.toLowerCase(),
          randomBytes(24).toString('base64url'),
          now,
          locale,
        );
      }),
    heldCommentMailOff: (addresses) =>
      run(
        () =>
          new Set(
            heldCommentsOff
              .all(JSON.stringify(addresses.map((a) => a.toLowerCase())))
              .map((r) => r.address),
          ),
      ),

    // Readers' subscriptions to replies.
    threadSubscribers: (threadId) => run(() => subscribersOf.all(threadId)),
    replySubscription: (email, threadId) =>
      run(() => {
        const row = subscriptionRow.get(email.toLowerCase(), threadId);
        return row ? toSubscription(row) : undefined;
      }),
    replySubscriptionByKey: (key) =>
      run(() => {
        const row = subscriptionByKey.get(key);
        return row ? toSubscription(row) : undefined;
      }),
    unsubscribeReplies: (key, now) =>
      run(() => {
        endSubscription.run(now, key);
        const row = subscriptionByKey.get(key);
        return row ? toSubscription(row) : undefined;
      }),
    createSubscriptionConfirmation: ({ tokenHash, email, now, expiresAt }) =>
      run(() => {
        addConfirmation.run(tokenHash, email.toLowerCase(), now, expiresAt);
      }),
    subscriptionConfirmation: (tokenHash) =>
      run(() => {
        const row = confirmationRow.get(tokenHash);
        return row ? toConfirmation(row) : undefined;
      }),
    confirmSubscriber: (request) => run(() => confirmTx.immediate(request)),

    // Import and export.
    importComments: (batch) => run(() => importTx.immediate(batch)),
    exportComments: ({ after, limit }) =>
      run(() => {
        const { threadId, status, createdAt, id } = after ?? EXPORT_START;
        return exportRows
          .all(threadId, status, createdAt, id, limit)
          .map(toStored);
      }),
    threadHeadlines: () =>
      run(
        () =>
          new Map(
            allTitles
              .all()
              .map((t): [string, ThreadHeadline] => [
                t.thread_id,
                toHeadline(t),
              ]),
          ),
      ),
  };
}
