import { randomBytes, randomUUID } from 'node:crypto';
import type { CommentStatus } from '@dateline/core';
import pg from 'pg';
import {
  answeredOrHeld,
  blocklistEntries,
  type BlocklistRow,
  byThread,
  type CommentRow,
  type ConfirmationRow,
  countsByState,
  countsByStatus,
  decodeCursor,
  type EntryRow,
  type EventRow,
  EXPORT_START,
  type HeadlineRow,
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
  type ActionLinkResult,
  type AuditRecord,
  type CommentCopy,
  type CommentRepository,
  type ImportBatch,
  type InsertOptions,
  type InsertResult,
  type MailPreferences,
  type MessageState,
  type ModerateRequest,
  type ModerateResult,
  type ModerationContext,
  type NewAuditEntry,
  type OutboxEvent,
  type Page,
  type PageRequest,
  type RecentComments,
  type RecentRequest,
  type ReplySubscriber,
  type ReplySubscription,
  type Reservation,
  type StorageProblem,
  StorageUnavailableError,
  type StoredComment,
  type SubscribeRequest,
  type ThreadHeadline,
  type UndoRequest,
  type UndoResult,
} from './types.js';

/**
 * Schema changes, in order; append only. `schema_migrations` remembers which were applied,
 * and they are applied under an advisory lock, in one transaction, so instances starting at
 * once on one database apply each exactly once.
 *
 * The schema is SQLite's (`sqlite.ts`) in PostgreSQL's types: times in milliseconds are
 * BIGINT, flags BOOLEAN, JSON kept as the text it was written as. Keys that are compared or
 * ordered are COLLATE "C", so PostgreSQL orders ids and ISO times byte by byte as SQLite
 * does, whatever the database's locale, and lower() folds ASCII only, as SQLite's NOCASE.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (name TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE comments (
     id TEXT COLLATE "C" PRIMARY KEY,
     thread_id TEXT COLLATE "C" NOT NULL,
     parent_id TEXT COLLATE "C",
     author_name TEXT COLLATE "C" NOT NULL,
     author_url TEXT,
     author_email TEXT COLLATE "C" NOT NULL,
     address_hash TEXT COLLATE "C",
     body TEXT COLLATE "C" NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL,
     status TEXT COLLATE "C" NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'deleted'))
   );
   CREATE INDEX comments_thread ON comments (thread_id, status, created_at, id);
   CREATE INDEX comments_parent ON comments (parent_id);
   CREATE INDEX comments_address ON comments (address_hash, created_at);
   CREATE INDEX comments_status ON comments (status, created_at, id);
   CREATE INDEX comments_approved_author
     ON comments (lower(author_email), author_name) WHERE status = 'approved';
   CREATE TABLE threads (thread_id TEXT COLLATE "C" PRIMARY KEY, version BIGINT NOT NULL);
   CREATE TABLE idempotency_keys (
     thread_id TEXT COLLATE "C" NOT NULL,
     key TEXT COLLATE "C" NOT NULL,
     request_hash TEXT,
     token TEXT,
     lease_until BIGINT,
     status INTEGER,
     body TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (thread_id, key)
   );

   CREATE TABLE outbox_events (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     type TEXT NOT NULL,
     subject TEXT NOT NULL,
     data TEXT NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE outbox_messages (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     key TEXT COLLATE "C" NOT NULL UNIQUE,
     channel TEXT NOT NULL,
     recipient TEXT NOT NULL,
     template TEXT NOT NULL,
     data TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'dropped', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     due_at BIGINT NOT NULL,
     give_up_at BIGINT NOT NULL,
     lease_token TEXT,
     lease_until BIGINT,
     reason TEXT,
     created_at BIGINT NOT NULL,
     done_at BIGINT
   );
   CREATE INDEX outbox_messages_due ON outbox_messages (due_at, id) WHERE state = 'waiting';
   CREATE INDEX outbox_messages_done ON outbox_messages (done_at) WHERE state != 'waiting';
   CREATE TABLE sign_in_attempts (
     email_key TEXT COLLATE "C" NOT NULL,
     address_key TEXT COLLATE "C",
     at BIGINT NOT NULL
   );
   CREATE INDEX sign_in_attempts_email ON sign_in_attempts (email_key, at);
   CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address_key, at);
   CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);
   CREATE TABLE sign_in_tokens (
     token_hash TEXT COLLATE "C" PRIMARY KEY,
     email TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT
   );
   CREATE INDEX sign_in_tokens_expiry ON sign_in_tokens (expires_at);
   CREATE TABLE sessions (
     id_hash TEXT COLLATE "C" PRIMARY KEY,
     email TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE action_links (
     token_hash TEXT COLLATE "C" PRIMARY KEY,
     link_group TEXT COLLATE "C" NOT NULL,
     comment_id TEXT COLLATE "C" NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('approve', 'spam', 'delete')),
     email TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT,
     used_action TEXT
   );
   CREATE INDEX action_links_group ON action_links (link_group);
   CREATE INDEX action_links_expiry ON action_links (expires_at);
   CREATE TABLE mail_preferences (
     address TEXT COLLATE "C" PRIMARY KEY,
     key TEXT COLLATE "C" NOT NULL UNIQUE,
     held_comments BOOLEAN NOT NULL DEFAULT TRUE,
     updated_at BIGINT NOT NULL
   );

   CREATE TABLE thread_titles (
     thread_id TEXT COLLATE "C" PRIMARY KEY,
     title TEXT NOT NULL,
     url TEXT
   );
   CREATE TABLE audit_entries (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id TEXT COLLATE "C" NOT NULL UNIQUE,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     note TEXT,
     undoes TEXT,
     undone_by TEXT
   );
   CREATE TABLE audit_items (
     entry_seq BIGINT NOT NULL REFERENCES audit_entries (seq),
     position INTEGER NOT NULL,
     comment_id TEXT COLLATE "C" NOT NULL,
     from_status TEXT NOT NULL,
     to_status TEXT NOT NULL,
     PRIMARY KEY (entry_seq, comment_id)
   );
   CREATE INDEX audit_items_comment ON audit_items (comment_id, entry_seq);
   CREATE TABLE blocklist_entries (
     list TEXT NOT NULL CHECK (list IN ('hold', 'refuse')),
     kind TEXT NOT NULL CHECK (kind IN ('word', 'email', 'address')),
     value TEXT COLLATE "C" NOT NULL,
     label TEXT,
     added_at TEXT NOT NULL,
     position INTEGER NOT NULL,
     PRIMARY KEY (list, kind, value)
   );

   CREATE TABLE reply_subscribers (
     email TEXT COLLATE "C" PRIMARY KEY,
     address TEXT NOT NULL,
     confirmed_at BIGINT,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE reply_subscriptions (
     thread_id TEXT COLLATE "C" NOT NULL,
     email TEXT COLLATE "C" NOT NULL REFERENCES reply_subscribers (email),
     key TEXT COLLATE "C" NOT NULL UNIQUE,
     active BOOLEAN NOT NULL DEFAULT TRUE,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (thread_id, email)
   );
   CREATE TABLE subscription_confirmations (
     token_hash TEXT COLLATE "C" PRIMARY KEY,
     email TEXT COLLATE "C" NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT
   );
   CREATE INDEX subscription_confirmations_expiry ON subscription_confirmations (expires_at);
   CREATE TABLE confirmation_requests (
     email TEXT COLLATE "C" NOT NULL,
     address_hash TEXT COLLATE "C",
     at BIGINT NOT NULL
   );
   CREATE INDEX confirmation_requests_email ON confirmation_requests (email, at);
   CREATE INDEX confirmation_requests_address ON confirmation_requests (address_hash, at);
   CREATE INDEX confirmation_requests_at ON confirmation_requests (at);

   -- What checkWritable writes and takes back: kept uncompressed, so the room asked for is
   -- really written to disk.
   CREATE TABLE writable_probe (bytes BYTEA NOT NULL);
   ALTER TABLE writable_probe ALTER COLUMN bytes SET STORAGE EXTERNAL;`,
  // The duplicate rule's lookup (copiesFrom): one search by thread, address and a digest of
  // the body, whatever the size of the thread or of what the address wrote. An index on the
  // expression, so every row has its digest, however it was written.
  `CREATE INDEX comments_copies ON comments (thread_id, address_hash, md5(body));`,
  // A reader's mails are written in the language they asked in.
  `ALTER TABLE reply_subscriptions ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';`,
  // A moderator's, in the language they last signed in with.
  `ALTER TABLE mail_preferences ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';`,
];

/**
 * A page of a thread's top-level comments and, in the same query (one snapshot), all their
 * approved replies. The walk goes from each comment found to its children by the parent
 * index, always: the subquery behind OFFSET 0 is one the planner cannot fold into a join,
 * and so cannot turn into a scan of every comment, whatever it guesses the sizes to be.
 * The cost of a page follows the page, never the site. (Each comment has one parent, so
 * a walk from the top-level comments never meets a cycle: UNION ALL.) Parameters: thread,
 * the cursor's time and id, the page's size. Exported for the test of its plan.
 */
export const pageQuery = (op: '>' | '<', dir: 'ASC' | 'DESC') => `
    WITH RECURSIVE
      candidates AS (
        SELECT ${columnsOf('c')} FROM comments c
        LEFT JOIN comments p ON p.id = c.parent_id AND p.status = 'approved'
        WHERE c.thread_id = $1 AND c.status = 'approved' AND p.id IS NULL
          AND (c.created_at ${op} $2::text OR (c.created_at = $2::text AND c.id ${op} $3::text))
        ORDER BY c.created_at ${dir}, c.id ${dir}
        LIMIT $4::int + 1
      ),
      tree AS (
        (SELECT ${COMMENT_COLUMNS}, TRUE AS top FROM candidates
         ORDER BY created_at ${dir}, id ${dir} LIMIT $4::int)
        UNION ALL
        SELECT ${columnsOf('r')}, FALSE FROM tree t CROSS JOIN LATERAL (
          SELECT ${COMMENT_COLUMNS} FROM comments c
          WHERE c.parent_id = t.id AND c.status = 'approved' OFFSET 0
        ) r
      )
    SELECT ${COMMENT_COLUMNS}, top, (SELECT count(*) FROM candidates) AS found
    FROM tree WHERE thread_id = $1`;

/**
 * The duplicate rule's lookup: thread, address hash, body. Exported for the test of its plan.
 */
export const COPIES_FROM = `SELECT author_email AS email, address_hash AS "addressHash", status FROM comments
  WHERE thread_id = $1 AND address_hash = $2 AND md5(body) = md5($3::text) AND body = $3
  LIMIT 100`;

/** The advisory lock migrations run under: "dateline" in ASCII (0x646174656c696e65), one 64-bit key. */
export const MIGRATION_LOCK = '7233190455493095013';

/**
 * Advisory locks (two 32-bit keys: a kind from here, "dl" and a number, and the hash of what
 * is locked; a space apart from the migration lock's single 64-bit key) that
 * serialise what SQLite serialises with its one write lock: checks that read, then write,
 * across instances. Taken in this order when a transaction takes several, so none waits in
 * a circle.
 */
const LOCKS = {
  /** The flood limit of one address. */
  flood: 0x646c0001,
  /** Sign-in requests of one email, then of one address. */
  signInEmail: 0x646c0002,
  signInAddress: 0x646c0003,
  /** Confirmation mails of one email, then of one address. */
  confirmEmail: 0x646c0004,
  confirmAddress: 0x646c0005,
  /** The block lists, replaced whole. */
  blocklists: 0x646c0006,
} as const;

/** PostgreSQL's BIGINT (counts, times in ms, ids) as a JavaScript number: all fit in 2^53. */
const INT8_OID = 20;
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(
          oid,
          format,
        )) as pg.CustomTypesConfig['getTypeParser'],
};

/** Columns named, never `*`: a prepared statement survives a column that a later migration adds. */
const COMMENT_COLUMNS =
  'id, thread_id, parent_id, author_name, author_url, author_email, address_hash, body, created_at, status';
const columnsOf = (alias: string) =>
  COMMENT_COLUMNS.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');

/**
 * The shared cursor check, and no NUL: PostgreSQL's text cannot hold one, and would refuse
 * the query rather than answer that the cursor is not valid.
 */
function textCursor(cursor: string): [string, string] | undefined {
  const decoded = decodeCursor(cursor);
  return decoded?.some((v) => v.includes('\0')) ? undefined : decoded;
}

/** Node's own codes for a server that cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** What node-postgres says, without a code, when a connection is lost or cannot be had. */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end)/;

/**
 * Why PostgreSQL (or the way to it) refused, as the service tells them apart, by SQLSTATE:
 * a full disk, a read-only server or user, or a server that cannot be used right now (down,
 * restarting, out of connections, unreachable, refusing our credentials). Anything else (a
 * constraint, a bug) is `undefined`: it stays the error it is.
 *
 * @example
 * storageProblem({ code: '53100' }) // 'full'
 */
export function storageProblem(error: unknown): StorageProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, errors } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (code === '53100') return 'full'; // disk_full
    // read_only_sql_transaction (a standby, default_transaction_read_only); insufficient_privilege
    if (code === '25006' || code === '42501') return 'read-only';
    if (
      // connection_exception, insufficient_resources, operator_intervention (shutdown, cancel),
      // system_error (I/O), internal_error (corruption), auth refused, no such database, lock not available
      /^(08|53|57|58|XX|28)/.test(code) ||
      code === '3D000' ||
      code === '55P03' ||
      code === '55000' ||
      NETWORK_CODES.has(code)
    )
      return 'unavailable';
  }
  if (typeof message === 'string' && LOST_CONNECTION.test(message))
    return 'unavailable';
  // A name that resolves to several addresses fails with one error per address.
  if (Array.isArray(errors) && errors.some((e) => storageProblem(e)))
    return 'unavailable';
  return undefined;
}

/** What a person may be shown of a connection URL: never its password or its options. */
export function shownPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${parsed.username}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

function translate(error: unknown, where: string): unknown {
  const problem = storageProblem(error);
  if (!problem) return error;
  const what =
    problem === 'full'
      ? 'is full (no space left on its disk)'
      : problem === 'read-only'
        ? 'is read-only'
        : 'cannot be used right now';
  const { code, message } = error as { code?: unknown; message?: unknown };
  const detail =
    typeof message === 'string' && message ? message : String(code);
  return new StorageUnavailableError(
    problem,
    `The PostgreSQL database ${where} ${what}: ${detail}${typeof code === 'string' ? ` (${code})` : ''}.`,
    { cause: error },
  );
}

/** Errors after which the same transaction, run again, may well succeed. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export interface PostgresRepositoryOptions {
  /** For the log and error messages; default the URL without its password. */
  name?: string;
  /** Connections each instance keeps at most; default 10. */
  maxConnections?: number;
  /** How long to wait for a connection before the request fails as unavailable; default 10 s. */
  connectionTimeoutMs?: number;
  /**
   * How long one statement may run (waiting for a lock included) before PostgreSQL cancels it
   * and the request fails as unavailable, to be tried again; default 30 s. A lock held by a
   * stuck session elsewhere then costs each request 30 s, not a connection for ever.
   * Migrations wait as long as they need.
   */
  statementTimeoutMs?: number;
}

type Db = pg.Pool | pg.PoolClient;

/** One name per query text, so each connection prepares a statement once and reuses it. */
const statementNames = new Map<string, string>();
function statement(text: string, values: readonly unknown[]) {
  let name = statementNames.get(text);
  if (!name) {
    name = `dateline_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}

async function rows<R extends pg.QueryResultRow>(
  db: Db,
  text: string,
  values: readonly unknown[] = [],
): Promise<R[]> {
  return (await db.query<R>(statement(text, values))).rows;
}

async function changed(
  db: Db,
  text: string,
  values: readonly unknown[] = [],
): Promise<number> {
  return (await db.query(statement(text, values))).rowCount ?? 0;
}

/** Waits for the lock of `kind` on `key`, until the transaction ends. */
async function lock(db: pg.PoolClient, kind: number, key: string) {
  await rows(db, `SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [
    kind,
    key,
  ]);
}

/**
 * A connection of the pool, for a transaction. node-postgres reports a connection lost
 * mid-transaction twice: to the query, and as an `error` event that, unheard, would end the
 * process. This hears it, and `release` then throws the connection away.
 */
async function checkout(pool: pg.Pool) {
  const client = await pool.connect();
  let broken = false;
  const lost = () => {
    broken = true;
  };
  client.on('error', lost);
  return {
    client,
    /** The connection cannot be trusted with another transaction. */
    discard: lost,
    release: () => {
      client.removeListener('error', lost);
      client.release(broken);
    },
  };
}

/**
 * Comments in PostgreSQL, for sites that outgrow one machine: any number of service
 * instances may share the database. What SQLite gets from its one write lock, this gets from
 * row locks (SELECT … FOR UPDATE) and advisory locks on exactly what a check reads, so the
 * rules hold across instances: one comment per idempotency key, the flood and mail limits,
 * one claim per outbox message (FOR UPDATE SKIP LOCKED).
 *
 * Opening connects, applies the migrations not yet applied and reads the salt; it rejects
 * with `StorageUnavailableError` when the database cannot be reached. Once open, a database
 * that cannot be used (down, full, read-only) throws `StorageUnavailableError`, which the
 * service answers with 503 or 507.
 *
 * @example
 * const repository = await openPostgresRepository('postgres://dateline:secret@db.internal/dateline');
 */
export async function openPostgresRepository(
  url: string,
  options: PostgresRepositoryOptions = {},
): Promise<CommentRepository> {
  const where = options.name ?? shownPostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'dateline',
    types: TYPES,
  });
  pool.on('error', () => {
    // An idle connection was lost (the server restarted, a proxy dropped it). The pool
    // forgets it; the next query connects again or reports the problem.
  });
  let salt: string;
  try {
    salt = await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw translate(error, where);
  }
  return repository(pool, salt, where);
}

/** Applies what is new, under the migration lock, and makes the salt once. */
async function migrate(pool: pg.Pool): Promise<string> {
  const { client, discard, release } = await checkout(pool);
  try {
    await client.query('BEGIN');
    // Another instance's migration, or an index built on a large table, may take a while.
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    // Read first and create only when missing: a database already migrated opens even when
    // it is read-only, and then answers reads.
    const [known] = (
      await client.query<{ known: boolean }>(
        `SELECT to_regclass('schema_migrations') IS NOT NULL AS known`,
      )
    ).rows;
    if (!known?.known)
      await client.query(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    const [applied] = (
      await client.query<{ version: number }>(
        'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
      )
    ).rows;
    for (
      let target = (applied?.version ?? 0) + 1;
      target <= MIGRATIONS.length;
      target += 1
    ) {
      await client.query(MIGRATIONS[target - 1]!);
      await client.query(
        'INSERT INTO schema_migrations (version) VALUES ($1)',
        [target],
      );
    }
    let [row] = (
      await client.query<{ value: string }>(
        `SELECT value FROM meta WHERE name = 'salt'`,
      )
    ).rows;
    if (!row) {
      [row] = (
        await client.query<{ value: string }>(
          `INSERT INTO meta (name, value) VALUES ('salt', $1) RETURNING value`,
          [randomBytes(32).toString('hex')],
        )
      ).rows;
    }
    await client.query('COMMIT');
    return row!.value;
  } catch (error) {
    await client.query('ROLLBACK').catch(discard);
    throw error;
  } finally {
    release();
  }
}

function repository(
  pool: pg.Pool,
  salt: string,
  where: string,
): CommentRepository {
  /** Runs `work`, turning "cannot be used" failures into StorageUnavailableError. */
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw translate(error, where);
    }
  };

  /**
   * Runs `work` in one transaction on one connection; again, from the start, when PostgreSQL
   * chose it as a deadlock's victim.
   */
  const transaction = <T>(
    work: (db: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN',
  ): Promise<T> =>
    run(async () => {
      for (let attempt = 1; ; attempt += 1) {
        const { client, discard, release } = await checkout(pool);
        try {
          await client.query(begin);
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(discard);
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'string' && RETRYABLE.has(code) && attempt < 5)
            continue;
          throw error;
        } finally {
          release();
        }
      }
    });
  /** One consistent view for several reads. */
  const snapshot = <T>(work: (db: pg.PoolClient) => Promise<T>) =>
    transaction(work, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');

  const byId = async (db: Db, id: string, forUpdate = false) =>
    (
      await rows<CommentRow>(
        db,
        `SELECT ${COMMENT_COLUMNS} FROM comments WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [id],
      )
    )[0];
  const bump = (db: Db, threadId: string) =>
    changed(
      db,
      `INSERT INTO threads (thread_id, version) VALUES ($1, 1)
       ON CONFLICT (thread_id) DO UPDATE SET version = threads.version + 1`,
      [threadId],
    );
  const recordEvent = (
    db: Db,
    type: OutboxEvent['type'],
    subject: string,
    data: Record<string, unknown>,
    at = Date.now(),
  ) =>
    changed(
      db,
      `INSERT INTO outbox_events (type, subject, data, created_at) VALUES ($1, $2, $3, $4)`,
      [type, subject, JSON.stringify(data), at],
    );
  const lastFrom = async (db: Db, addressHash: string) =>
    (
      await rows<{ created_at: string }>(
        db,
        `SELECT created_at FROM comments WHERE address_hash = $1 ORDER BY created_at DESC LIMIT 1`,
        [addressHash],
      )
    )[0]?.created_at;
  const titleOf = async (db: Db, threadId: string) =>
    (
      await rows<TitleRow>(
        db,
        `SELECT title, url FROM thread_titles WHERE thread_id = $1`,
        [threadId],
      )
    )[0];
  const metaValue = async (db: Db, name: string) =>
    (
      await rows<{ value: string }>(
        db,
        `SELECT value FROM meta WHERE name = $1`,
        [name],
      )
    )[0]?.value;

  const PAGE_OLDEST = pageQuery('>', 'ASC');
  const PAGE_NEWEST = pageQuery('<', 'DESC');

  const KEY_ROW = `SELECT request_hash, token, lease_until, status, body FROM idempotency_keys
    WHERE thread_id = $1 AND key = $2`;

  const insertComment = async (
    db: pg.PoolClient,
    c: StoredComment,
    options: InsertOptions = {},
  ): Promise<InsertResult> => {
    const { reservation, quietSince, subscribe } = options;
    if (reservation) {
      // Locked: a retry taking the key over waits until this completes it, or finds it taken.
      const [row] = await rows<KeyRow>(db, `${KEY_ROW} FOR UPDATE`, [
        reservation.threadId,
        reservation.key,
      ]);
      if (!row || row.status !== null || row.token !== reservation.token)
        return { stored: false, reason: 'reservation-lost' };
    }
    if (quietSince && c.addressHash) {
      // Posts from one address pass this check one at a time, on every instance.
      await lock(db, LOCKS.flood, c.addressHash);
      const last = await lastFrom(db, c.addressHash);
      if (last && last > quietSince)
        return { stored: false, reason: 'too-fast', lastPostAt: last };
    }
    await changed(
      db,
      `INSERT INTO comments (${COMMENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.id,
        c.threadId,
        c.parentId,
        c.author.name,
        c.author.url ?? null,
        c.email,
        c.addressHash,
        c.body,
        c.createdAt,
        c.status,
      ],
    );
    if (reservation)
      await changed(
        db,
        `UPDATE idempotency_keys SET status = $1, body = $2, token = NULL, lease_until = NULL
         WHERE thread_id = $3 AND key = $4 AND token = $5 AND status IS NULL`,
        [
          reservation.answer.status,
          reservation.answer.body,
          reservation.threadId,
          reservation.key,
          reservation.token,
        ],
      );
    if (c.status === 'approved') await bump(db, c.threadId);
    await recordEvent(
      db,
      'comment.created',
      c.id,
      { status: c.status },
      Date.parse(c.createdAt),
    );
    // Spam asks for nothing: no bot gets us to mail whom it names.
    if (subscribe && c.status !== 'spam') await subscribeTo(db, c, subscribe);
    return { stored: true };
  };

  const changeStatus = async (
    db: pg.PoolClient,
    id: string,
    status: CommentStatus,
  ): Promise<StoredComment | undefined> => {
    const before = await byId(db, id, true);
    if (!before) return undefined;
    await changed(db, `UPDATE comments SET status = $1 WHERE id = $2`, [
      status,
      id,
    ]);
    // Anything that changes what the thread shows changes its version (and so its ETag).
    if (before.status === 'approved' || status === 'approved')
      await bump(db, before.thread_id);
    if (before.status !== status)
      await recordEvent(db, 'comment.status-changed', id, {
        from: before.status,
        to: status,
      });
    return toStored({ ...before, status });
  };

  // Moderation: the audit log.
  const ENTRY_COLUMNS = 'seq, id, at, actor, action, note, undoes, undone_by';
  const itemsOf = (db: Db, seqs: readonly number[]) =>
    rows<ItemRow>(
      db,
      `SELECT i.entry_seq, i.comment_id, i.from_status, i.to_status, c.thread_id, c.author_name
       FROM audit_items i LEFT JOIN comments c ON c.id = i.comment_id
       WHERE i.entry_seq = ANY($1::bigint[])
       ORDER BY i.entry_seq, i.position`,
      [seqs],
    );
  const toRecords = async (
    db: Db,
    entries: readonly EntryRow[],
  ): Promise<AuditRecord[]> =>
    toAuditRecords(
      entries,
      entries.length
        ? await itemsOf(
            db,
            entries.map((e) => e.seq),
          )
        : [],
    );

  /** Writes an entry and its items; every status change goes through `changeStatus`. */
  const record = async (
    db: pg.PoolClient,
    entry: NewAuditEntry & { action: AuditRecord['action'] },
    changes: ReadonlyArray<{
      id: string;
      from: CommentStatus;
      to: CommentStatus;
    }>,
    extra: { note?: string; undoes?: string } = {},
  ): Promise<AuditRecord> => {
    const [written] = await rows<EntryRow>(
      db,
      `INSERT INTO audit_entries (id, at, actor, action, note, undoes) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${ENTRY_COLUMNS}`,
      [
        entry.id,
        entry.at,
        entry.actor,
        entry.action,
        extra.note ?? null,
        extra.undoes ?? null,
      ],
    );
    if (changes.length)
      await changed(
        db,
        `INSERT INTO audit_items (entry_seq, position, comment_id, from_status, to_status)
         SELECT $1, position, comment_id, from_status, to_status
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])
           AS i (position, comment_id, from_status, to_status)`,
        [
          written!.seq,
          changes.map((_, i) => i),
          changes.map((c) => c.id),
          changes.map((c) => c.from),
          changes.map((c) => c.to),
        ],
      );
    return (await toRecords(db, [written!]))[0]!;
  };

  /** Locks the comments of `ids` in id order, so two moderators on the same comments never deadlock. */
  const lockComments = async (db: pg.PoolClient, ids: readonly string[]) =>
    new Map(
      (
        await rows<CommentRow>(
          db,
          `SELECT ${COMMENT_COLUMNS} FROM comments WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
          [ids],
        )
      ).map((r) => [r.id, r]),
    );

  const moderateIn = async (
    db: pg.PoolClient,
    { entry, ids, statusAfter }: ModerateRequest,
  ): Promise<ModerateResult> => {
    const unique = [...new Set(ids)];
    const found = await lockComments(db, unique);
    const unchanged: string[] = [];
    const missing: string[] = [];
    const changes: Array<{
      id: string;
      from: CommentStatus;
      to: CommentStatus;
    }> = [];
    for (const id of unique) {
      const row = found.get(id);
      if (!row) {
        missing.push(id);
        continue;
      }
      const [previous] = await rows<{ from_status: CommentStatus }>(
        db,
        `SELECT from_status FROM audit_items WHERE comment_id = $1 AND to_status = $2
         ORDER BY entry_seq DESC LIMIT 1`,
        [id, row.status],
      );
      const to = statusAfter(row.status, previous?.from_status);
      if (!to || to === row.status) {
        unchanged.push(id);
        continue;
      }
      await changeStatus(db, id, to);
      changes.push({ id, from: row.status, to });
    }
    return changes.length
      ? { entry: await record(db, entry, changes), unchanged, missing }
      : { unchanged, missing };
  };

  const undoIn = async (
    db: pg.PoolClient,
    { entry, undoes }: UndoRequest,
  ): Promise<UndoResult> => {
    // Locked: two undos of one entry wait for each other, and the second finds it undone.
    const [target] = await rows<EntryRow>(
      db,
      `SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE id = $1 FOR UPDATE`,
      [undoes],
    );
    if (!target) return { kind: 'not-found' };
    if (target.undone_by !== null)
      return { kind: 'already-undone', by: target.undone_by };
    const items = await itemsOf(db, [target.seq]);
    if (!items.length) return { kind: 'not-undoable' };
    const current = await lockComments(
      db,
      items.map((i) => i.comment_id),
    );
    const unchanged: string[] = [];
    const changes: Array<{
      id: string;
      from: CommentStatus;
      to: CommentStatus;
    }> = [];
    for (const item of items) {
      const row = current.get(item.comment_id);
      // Someone changed it since: what they decided stands.
      if (!row || row.status !== item.to_status) {
        unchanged.push(item.comment_id);
        continue;
      }
      await changeStatus(db, item.comment_id, item.from_status);
      changes.push({
        id: item.comment_id,
        from: item.to_status,
        to: item.from_status,
      });
    }
    if (!changes.length) return { kind: 'undone', unchanged };
    const undo = await record(db, { ...entry, action: 'undo' }, changes, {
      undoes: target.id,
    });
    await changed(
      db,
      `UPDATE audit_entries SET undone_by = $1 WHERE seq = $2`,
      [undo.id, target.seq],
    );
    return { kind: 'undone', entry: undo, unchanged };
  };

  // Mail, sign-in and the outbox.
  const LINK_ROW = `SELECT link_group, comment_id, action, email, expires_at, used_at, used_action
    FROM action_links WHERE token_hash = $1`;
  interface PreferencesRow {
    address: string;
    key: string;
    held_comments: boolean;
    locale: string;
  }
  const toPreferences = (row: PreferencesRow): MailPreferences => ({
    address: row.address,
    key: row.key,
    heldComments: row.held_comments,
    locale: row.locale,
  });
  const preferencesWhere = async (
    db: Db,
    column: 'address' | 'key',
    value: string,
  ) =>
    (
      await rows<PreferencesRow>(
        db,
        `SELECT address, key, held_comments, locale FROM mail_preferences WHERE ${column} = $1`,
        [value],
      )
    )[0];
  const count = async (db: Db, text: string, values: readonly unknown[]) =>
    (await rows<{ n: number; first: number | null }>(db, text, values))[0]!;

  // Readers' subscriptions to replies.
  interface SubscriptionRow {
    thread_id: string;
    key: string;
    active: boolean;
    confirmed_at: number | null;
    locale: string;
    title: string | null;
    url: string | null;
  }
  const SUBSCRIPTION_ROW = `SELECT s.thread_id, s.key, s.active, r.confirmed_at, s.locale, t.title, t.url
    FROM reply_subscriptions s
    JOIN reply_subscribers r ON r.email = s.email
    LEFT JOIN thread_titles t ON t.thread_id = s.thread_id`;
  const toSubscription = (row: SubscriptionRow): ReplySubscription => ({
    threadId: row.thread_id,
    key: row.key,
    active: row.active,
    confirmed: row.confirmed_at !== null,
    locale: row.locale,
    ...(row.title !== null
      ? { headline: toHeadline({ title: row.title, url: row.url }) }
      : {}),
  });
  const subscriptionByKey = async (db: Db, key: string) =>
    (
      await rows<SubscriptionRow>(db, `${SUBSCRIPTION_ROW} WHERE s.key = $1`, [
        key,
      ])
    )[0];
  const CONFIRMATION_ROW = `SELECT c.email, c.expires_at, c.used_at, r.confirmed_at
    FROM subscription_confirmations c
    LEFT JOIN reply_subscribers r ON r.email = c.email WHERE c.token_hash = $1`;

  /** Part of the comment's transaction: the limits hold across instances. */
  async function subscribeTo(
    db: pg.PoolClient,
    c: StoredComment,
    request: SubscribeRequest,
  ) {
    const email = request.email.toLowerCase();
    const { now, limits } = request;
    await changed(
      db,
      `INSERT INTO reply_subscribers (email, address, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING`,
      [email, request.email, now],
    );
    await changed(
      db,
      `INSERT INTO reply_subscriptions (thread_id, email, key, created_at, updated_at, locale)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (thread_id, email) DO UPDATE SET active = TRUE, updated_at = excluded.updated_at, locale = excluded.locale`,
      [
        c.threadId,
        email,
        randomBytes(24).toString('base64url'),
        now,
        now,
        request.locale,
      ],
    );
    const [subscriber] = await rows<{ confirmed_at: number | null }>(
      db,
      `SELECT confirmed_at FROM reply_subscribers WHERE email = $1`,
      [email],
    );
    if (subscriber!.confirmed_at !== null) return;
    await lock(db, LOCKS.confirmEmail, email);
    if (c.addressHash) await lock(db, LOCKS.confirmAddress, c.addressHash);
    const byEmail = await count(
      db,
      `SELECT count(*) AS n FROM confirmation_requests WHERE email = $1 AND at > $2`,
      [email, now - limits.email.windowMs],
    );
    if (byEmail.n >= limits.email.max) return;
    if (c.addressHash) {
      const byAddress = await count(
        db,
        `SELECT count(*) AS n FROM confirmation_requests WHERE address_hash = $1 AND at > $2`,
        [c.addressHash, now - limits.address.windowMs],
      );
      if (byAddress.n >= limits.address.max) return;
    }
    await changed(
      db,
      `INSERT INTO confirmation_requests (email, address_hash, at) VALUES ($1, $2, $3)`,
      [email, c.addressHash, now],
    );
    await recordEvent(
      db,
      'subscription.requested',
      c.threadId,
      { email: request.email },
      now,
    );
  }

  let closing: Promise<void> | undefined;

  return {
    page: ({ threadId, limit, order, cursor }: PageRequest) =>
      run(async (): Promise<Page> => {
        const after = pageStart(order, cursor, textCursor);
        const found = await rows<CommentRow & { top: boolean; found: number }>(
          pool,
          order === 'oldest' ? PAGE_OLDEST : PAGE_NEWEST,
          [threadId, after[0], after[1], limit],
        );
        const more = (found[0]?.found ?? 0) > limit;
        const sorted = inPageOrder(found, order);
        return pageOf(sorted, more, sorted.filter((r) => r.top).at(-1));
      }),
    countApproved: (threadId) =>
      run(
        async () =>
          (
            await count(
              pool,
              `SELECT count(*) AS n FROM comments WHERE thread_id = $1 AND status = 'approved'`,
              [threadId],
            )
          ).n,
      ),
    threadVersion: (threadId) =>
      run(
        async () =>
          (
            await rows<{ version: number }>(
              pool,
              `SELECT version FROM threads WHERE thread_id = $1`,
              [threadId],
            )
          )[0]?.version ?? 0,
      ),
    countApprovedIn: (threadIds) =>
      run(async () =>
        byThread(
          threadIds,
          threadIds.length
            ? await rows<{ id: string; value: number }>(
                pool,
                `SELECT thread_id AS id, count(*) AS value FROM comments
                 WHERE thread_id = ANY($1::text[]) AND status = 'approved'
                 GROUP BY thread_id`,
                [threadIds],
              )
            : [],
        ),
      ),
    threadVersions: (threadIds) =>
      run(async () =>
        byThread(
          threadIds,
          threadIds.length
            ? await rows<{ id: string; value: number }>(
                pool,
                `SELECT thread_id AS id, version AS value FROM threads WHERE thread_id = ANY($1::text[])`,
                [threadIds],
              )
            : [],
        ),
      ),
    recentApproved: ({ threadId, limit }: RecentRequest) =>
      snapshot(async (db): Promise<RecentComments> => {
        const found =
          threadId === undefined
            ? await rows<CommentRow>(
                db,
                `SELECT ${COMMENT_COLUMNS} FROM comments WHERE status = 'approved'
                 ORDER BY created_at DESC, id DESC LIMIT $1`,
                [limit],
              )
            : await rows<CommentRow>(
                db,
                `SELECT ${COMMENT_COLUMNS} FROM comments WHERE thread_id = $1 AND status = 'approved'
                 ORDER BY created_at DESC, id DESC LIMIT $2`,
                [threadId, limit],
              );
        const ids = new Set(found.map((r) => r.thread_id));
        if (threadId !== undefined) ids.add(threadId);
        const threads = new Map<string, ThreadHeadline>();
        for (const h of await rows<HeadlineRow>(
          db,
          `SELECT thread_id, title, url FROM thread_titles WHERE thread_id = ANY($1::text[])`,
          [[...ids]],
        ))
          threads.set(h.thread_id, toHeadline(h));
        return { comments: found.map(toPublic), threads };
      }),
    get: (id) =>
      run(async () => {
        const row = await byId(pool, id);
        return row ? toStored(row) : undefined;
      }),
    reserve: ({ threadId, key, requestHash, now, leaseMs }) =>
      run(async () => {
        // Retries that wait look often: answer them from a plain read while the key is
        // answered or held, and write only to reserve or take over.
        const [seen] = await rows<KeyRow>(pool, KEY_ROW, [threadId, key]);
        if (seen && answeredOrHeld(seen, now))
          return settled(seen, requestHash);
        return transaction(async (db): Promise<Reservation> => {
          for (;;) {
            const token = randomUUID();
            // Of concurrent inserts of one key, one writes; the others wait for it, then see it.
            const made = await changed(
              db,
              `INSERT INTO idempotency_keys (thread_id, key, request_hash, token, lease_until, created_at)
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (thread_id, key) DO NOTHING`,
              [
                threadId,
                key,
                requestHash,
                token,
                now + leaseMs,
                new Date(now).toISOString(),
              ],
            );
            if (made) return { kind: 'reserved', token };
            const [row] = await rows<KeyRow>(db, `${KEY_ROW} FOR UPDATE`, [
              threadId,
              key,
            ]);
            // Released between the two statements: try to take it again.
            if (!row) continue;
            if (answeredOrHeld(row, now)) return settled(row, requestHash);
            // The holder's lease ran out: it crashed or hangs, and stored nothing (a comment
            // and its key's answer are written together). Its completion will find the token
            // changed.
            await changed(
              db,
              `UPDATE idempotency_keys SET request_hash = $1, token = $2, lease_until = $3
               WHERE thread_id = $4 AND key = $5 AND status IS NULL`,
              [requestHash, token, now + leaseMs, threadId, key],
            );
            return { kind: 'reserved', token };
          }
        });
      }),
    release: ({ threadId, key, token }) =>
      run(async () => {
        await changed(
          pool,
          `DELETE FROM idempotency_keys WHERE thread_id = $1 AND key = $2 AND token = $3 AND status IS NULL`,
          [threadId, key, token],
        );
      }),
    insert: (comment, options) =>
      transaction((db) => insertComment(db, comment, options)),
    findApprovedCommenter: ({ name, email }) =>
      run(
        async () =>
          (
            await rows<{ name: string; email: string }>(
              pool,
              `SELECT author_name AS name, author_email AS email FROM comments
               WHERE lower(author_email) = lower($1::text COLLATE "C") AND author_name = $2
                 AND status = 'approved' LIMIT 1`,
              [email, name],
            )
          )[0],
      ),
    copiesFrom: ({ threadId, body, addressHash }) =>
      run(() =>
        rows<CommentCopy & pg.QueryResultRow>(pool, COPIES_FROM, [
          threadId,
          addressHash,
          body,
        ]),
      ),
    lastPostFrom: (addressHash) => run(() => lastFrom(pool, addressHash)),
    listByStatus: (status, limit) =>
      run(async () =>
        (
          await rows<CommentRow>(
            pool,
            `SELECT ${COMMENT_COLUMNS} FROM comments WHERE status = $1
             ORDER BY created_at DESC, id DESC LIMIT $2`,
            [status, limit],
          )
        ).map(toStored),
      ),
    setStatus: (id, status) =>
      transaction((db) => changeStatus(db, id, status)),
    checkWritable: (room) =>
      transaction(async (db) => {
        // A real write that commits: a read-only server or a full disk fails it.
        await changed(
          db,
          `INSERT INTO meta (name, value) VALUES ('writable-at', $1)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
          [new Date().toISOString()],
        );
        // And room for `room` more bytes, written uncompressed to the disk and taken back
        // before the commit: a disk without that room fails the write.
        await db.query('SAVEPOINT room');
        await changed(
          db,
          `INSERT INTO writable_probe (bytes) VALUES (convert_to(repeat('x', $1::int), 'UTF8'))`,
          [Math.max(0, Math.floor(room))],
        );
        await db.query('ROLLBACK TO SAVEPOINT room');
      }),
    salt: () => salt,
    close: () => {
      closing ??= pool.end();
      return closing;
    },

    // Moderation: queues, actions and their audit log, block lists, headlines.
    countByStatus: () =>
      run(async () =>
        countsByStatus(
          await rows<{ status: CommentStatus; n: number }>(
            pool,
            `SELECT status, count(*) AS n FROM comments GROUP BY status`,
          ),
        ),
      ),
    queue: ({ status, before, limit }) =>
      run(async () => {
        const [at, id] = before
          ? [before.createdAt, before.id]
          : ['\uffff', '\uffff'];
        return (
          await rows<CommentRow>(
            pool,
            `SELECT ${COMMENT_COLUMNS} FROM comments
             WHERE status = $1 AND (created_at < $2::text OR (created_at = $2::text AND id < $3::text))
             ORDER BY created_at DESC, id DESC LIMIT $4`,
            [status, at, id, limit],
          )
        ).map(toStored);
      }),
    moderationContext: (comments) =>
      snapshot(async (db) => {
        const contexts: ModerationContext[] = [];
        for (const c of comments) {
          const title = await titleOf(db, c.threadId);
          const [parent] = c.parentId
            ? await rows<ParentRow>(
                db,
                `SELECT id, author_name, substr(body, 1, 300) AS body FROM comments WHERE id = $1`,
                [c.parentId],
              )
            : [];
          const approved = await count(
            db,
            `SELECT count(*) AS n FROM comments
             WHERE lower(author_email) = lower($1::text COLLATE "C") AND status = 'approved' AND id != $2`,
            [c.email, c.id],
          );
          contexts.push(toModerationContext(title, parent, approved.n));
        }
        return contexts;
      }),
    moderate: (request) => transaction((db) => moderateIn(db, request)),
    undo: (request) => transaction((db) => undoIn(db, request)),
    auditLog: ({ beforeSeq, limit }) =>
      snapshot(async (db) =>
        toRecords(
          db,
          await rows<EntryRow>(
            db,
            `SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE seq < $1 ORDER BY seq DESC LIMIT $2`,
            [beforeSeq ?? Number.MAX_SAFE_INTEGER, limit],
          ),
        ),
      ),
    blocklists: () =>
      run(async () =>
        toBlocklists(
          await rows<BlocklistRow>(
            pool,
            `SELECT list, kind, value, label, added_at FROM blocklist_entries ORDER BY position`,
          ),
        ),
      ),
    blocklistVersion: () =>
      run(async () =>
        Number((await metaValue(pool, 'blocklists-version')) ?? 0),
      ),
    replaceBlocklists: (lists, entry) =>
      transaction(async (db) => {
        // Replaced whole: two moderators saving at once save one after the other.
        await lock(db, LOCKS.blocklists, 'blocklists');
        await changed(db, `DELETE FROM blocklist_entries`);
        const entries = blocklistEntries(lists, entry.at);
        if (entries.length)
          await changed(
            db,
            `INSERT INTO blocklist_entries (list, kind, value, label, added_at, position)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
             ON CONFLICT DO NOTHING`,
            [
              entries.map((e) => e.list),
              entries.map((e) => e.kind),
              entries.map((e) => e.value),
              entries.map((e) => e.label),
              entries.map((e) => e.added_at),
              entries.map((_, i) => i),
            ],
          );
        await changed(
          db,
          `INSERT INTO meta (name, value) VALUES ('blocklists-version', '1')
           ON CONFLICT (name) DO UPDATE SET value = (meta.value::bigint + 1)::text`,
        );
        await record(db, { ...entry, action: 'blocklists' }, [], {
          note: entry.note,
        });
      }),
    setThreadTitle: (threadId, { title, url }) =>
      run(async () => {
        await changed(
          pool,
          `INSERT INTO thread_titles (thread_id, title, url) VALUES ($1, $2, $3)
           ON CONFLICT (thread_id) DO UPDATE SET title = excluded.title, url = excluded.url`,
          [threadId, title, url ?? null],
        );
      }),

    // Mail, sign-in and the outbox.
    outboxEvents: (limit) =>
      run(async () =>
        (
          await rows<EventRow>(
            pool,
            `SELECT id, type, subject, data, created_at FROM outbox_events ORDER BY id LIMIT $1`,
            [limit],
          )
        ).map(toEvent),
      ),
    dispatchEvent: (eventId, messages) =>
      transaction(async (db) => {
        let added = 0;
        const now = Date.now();
        // Another instance dispatching the same event waits on each key, then adds nothing.
        for (const m of messages)
          added += await changed(
            db,
            `INSERT INTO outbox_messages (key, channel, recipient, template, data, state, due_at, give_up_at, created_at)
             VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $8)
             ON CONFLICT (key) DO NOTHING`,
            [
              m.key,
              m.channel,
              m.recipient,
              m.template,
              JSON.stringify(m.data),
              m.dueAt,
              m.giveUpAt,
              now,
            ],
          );
        await changed(db, `DELETE FROM outbox_events WHERE id = $1`, [eventId]);
        return added;
      }),
    claimMessages: ({ now, leaseMs, limit }) =>
      run(async () => {
        // SKIP LOCKED: a message another instance is claiming right now is left to it, and
        // one whose claim committed meanwhile is checked again and found leased.
        const claimed = await rows<MessageRow>(
          pool,
          `WITH due AS (
             SELECT id FROM outbox_messages
             WHERE state = 'waiting' AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
             ORDER BY due_at, id LIMIT $3
             FOR UPDATE SKIP LOCKED
           )
           UPDATE outbox_messages m
           SET lease_token = gen_random_uuid()::text, lease_until = $2, attempts = m.attempts + 1
           FROM due WHERE m.id = due.id
           RETURNING m.id, m.key, m.channel, m.recipient, m.template, m.data, m.attempts,
             m.due_at, m.give_up_at, m.lease_token, m.created_at`,
          [now, now + leaseMs, limit],
        );
        return claimed
          .sort((a, b) => a.due_at - b.due_at || a.id - b.id)
          .map(toClaimed);
      }),
    settleMessage: ({ id, leaseToken }, outcome, now) =>
      run(
        async () =>
          (outcome.state === 'sent'
            ? await changed(
                pool,
                `UPDATE outbox_messages SET state = 'sent', done_at = $1, lease_token = NULL, lease_until = NULL, reason = NULL
                 WHERE id = $2 AND state = 'waiting'`,
                [now, id],
              )
            : outcome.state === 'waiting'
              ? await changed(
                  pool,
                  `UPDATE outbox_messages SET due_at = $1, reason = $2, lease_token = NULL, lease_until = NULL
                   WHERE id = $3 AND lease_token = $4 AND state = 'waiting'`,
                  [outcome.dueAt, outcome.reason, id, leaseToken],
                )
              : await changed(
                  pool,
                  `UPDATE outbox_messages SET state = $1, reason = $2, done_at = $3, lease_token = NULL, lease_until = NULL
                   WHERE id = $4 AND lease_token = $5 AND state = 'waiting'`,
                  [outcome.state, outcome.reason, now, id, leaseToken],
                )) === 1,
      ),
    outboxCounts: () =>
      run(async () =>
        countsByState(
          await rows<{ state: MessageState; n: number }>(
            pool,
            `SELECT state, count(*) AS n FROM outbox_messages GROUP BY state`,
          ),
        ),
      ),
    // Tokens and links are kept a while past their expiry, so a late click is told "expired"
    // rather than "not valid"; a session past its expiry is of no use to anyone.
    forgetExpired: (now, before) =>
      transaction(async (db) => {
        await changed(
          db,
          `DELETE FROM outbox_messages WHERE state != 'waiting' AND done_at < $1`,
          [before],
        );
        await changed(db, `DELETE FROM sign_in_attempts WHERE at < $1`, [
          before,
        ]);
        await changed(db, `DELETE FROM sign_in_tokens WHERE expires_at < $1`, [
          before,
        ]);
        await changed(db, `DELETE FROM action_links WHERE expires_at < $1`, [
          before,
        ]);
        await changed(db, `DELETE FROM sessions WHERE expires_at < $1`, [now]);
        await changed(db, `DELETE FROM confirmation_requests WHERE at < $1`, [
          before,
        ]);
        await changed(
          db,
          `DELETE FROM subscription_confirmations WHERE expires_at < $1`,
          [before],
        );
      }),
    requestSignIn: ({ email, locale, emailKey, addressKey, now, limits }) =>
      transaction(async (db) => {
        // Requests for one email, and from one address, are counted one at a time.
        await lock(db, LOCKS.signInEmail, emailKey);
        if (addressKey) await lock(db, LOCKS.signInAddress, addressKey);
        const byEmail = await count(
          db,
          `SELECT count(*) AS n, min(at) AS first FROM sign_in_attempts WHERE email_key = $1 AND at > $2`,
          [emailKey, now - limits.email.windowMs],
        );
        const byAddress = addressKey
          ? await count(
              db,
              `SELECT count(*) AS n, min(at) AS first FROM sign_in_attempts WHERE address_key = $1 AND at > $2`,
              [addressKey, now - limits.address.windowMs],
            )
          : { n: 0, first: null };
        const retryAt = signInRetryAt(byEmail, byAddress, limits);
        if (retryAt > 0) return { accepted: false, retryAt } as const;
        await changed(
          db,
          `INSERT INTO sign_in_attempts (email_key, address_key, at) VALUES ($1, $2, $3)`,
          [emailKey, addressKey, now],
        );
        await recordEvent(
          db,
          'sign-in.requested',
          emailKey,
          { email, locale },
          now,
        );
        return { accepted: true } as const;
      }),
    createSignInToken: ({ tokenHash, email, now, expiresAt }) =>
      run(async () => {
        await changed(
          pool,
          `INSERT INTO sign_in_tokens (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
          [tokenHash, email, now, expiresAt],
        );
      }),
    signInToken: (tokenHash) =>
      run(async () => {
        const [row] = await rows<SignInTokenRow>(
          pool,
          `SELECT email, expires_at, used_at FROM sign_in_tokens WHERE token_hash = $1`,
          [tokenHash],
        );
        return row ? toSignInToken(row) : undefined;
      }),
    useSignInToken: ({ tokenHash, now, session }) =>
      transaction(async (db) => {
        // Locked: of two uses at once, the second finds it used.
        const [row] = await rows<SignInTokenRow>(
          db,
          `SELECT email, expires_at, used_at FROM sign_in_tokens WHERE token_hash = $1 FOR UPDATE`,
          [tokenHash],
        );
        if (!row) return { ok: false, problem: 'unknown' } as const;
        if (row.used_at !== null)
          return { ok: false, problem: 'used' } as const;
        if (row.expires_at <= now)
          return { ok: false, problem: 'expired' } as const;
        await changed(
          db,
          `UPDATE sign_in_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`,
          [now, tokenHash],
        );
        await changed(
          db,
          `INSERT INTO sessions (id_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
          [session.idHash, row.email, now, session.expiresAt],
        );
        return { ok: true, email: row.email } as const;
      }),
    session: (idHash, now) =>
      run(async () => {
        const [row] = await rows<{ email: string; expires_at: number }>(
          pool,
          `SELECT email, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2`,
          [idHash, now],
        );
        return row
          ? { email: row.email, expiresAt: row.expires_at }
          : undefined;
      }),
    endSession: (idHash) =>
      run(async () => {
        await changed(pool, `DELETE FROM sessions WHERE id_hash = $1`, [
          idHash,
        ]);
      }),
    createActionLinks: (links) =>
      transaction(async (db) => {
        for (const link of links)
          await changed(
            db,
            `INSERT INTO action_links (token_hash, link_group, comment_id, action, email, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              link.tokenHash,
              link.group,
              link.commentId,
              link.action,
              link.email,
              link.now,
              link.expiresAt,
            ],
          );
      }),
    actionLink: (tokenHash) =>
      run(async () => {
        const [row] = await rows<LinkRow>(pool, LINK_ROW, [tokenHash]);
        return row ? toLink(row) : undefined;
      }),
    useActionLink: ({ tokenHash, now }) =>
      transaction(async (db): Promise<ActionLinkResult> => {
        const [seen] = await rows<LinkRow>(db, LINK_ROW, [tokenHash]);
        if (!seen) return { ok: false, problem: 'unknown' };
        // Every link of the mail, locked: of two clicks at once, the second finds them spent.
        await rows(
          db,
          `SELECT token_hash FROM action_links WHERE link_group = $1 ORDER BY token_hash FOR UPDATE`,
          [seen.link_group],
        );
        const [row] = await rows<LinkRow>(db, LINK_ROW, [tokenHash]);
        if (!row) return { ok: false, problem: 'unknown' };
        const link = toLink(row);
        if (row.used_at !== null) return { ok: false, problem: 'used', link };
        if (row.expires_at <= now)
          return { ok: false, problem: 'expired', link };
        const comment = await byId(db, row.comment_id, true);
        if (!comment) return { ok: false, problem: 'gone' };
        // A link acts only on what the mail was about: a comment someone already moderated
        // keeps what they decided.
        if (comment.status !== 'pending')
          return { ok: false, problem: 'settled', comment: toStored(comment) };
        // Through the moderation path, so the audit log says which moderator's link it was.
        await moderateIn(db, {
          entry: {
            id: randomUUID(),
            at: new Date(now).toISOString(),
            actor: row.email,
            action: row.action,
          },
          ids: [row.comment_id],
          statusAfter: () => LINK_STATUS[row.action],
        });
        await changed(
          db,
          `UPDATE action_links SET used_at = $1, used_action = $2 WHERE link_group = $3 AND used_at IS NULL`,
          [now, row.action, row.link_group],
        );
        return {
          ok: true,
          action: row.action,
          comment: toStored((await byId(db, row.comment_id))!),
        };
      }),
    mailPreferences: (address, now) =>
      run(async () => {
        const lower = address.toLowerCase();
        const row = await preferencesWhere(pool, 'address', lower);
        if (row) return toPreferences(row);
        await changed(
          pool,
          `INSERT INTO mail_preferences (address, key, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (address) DO NOTHING`,
          [lower, randomBytes(24).toString('base64url'), now],
        );
        return toPreferences((await preferencesWhere(pool, 'address', lower))!);
      }),
    mailPreferencesByKey: (key) =>
      run(async () => {
        const row = await preferencesWhere(pool, 'key', key);
        return row ? toPreferences(row) : undefined;
      }),
    setHeldCommentMail: (key, on, now) =>
      run(async () => {
        const [row] = await rows<PreferencesRow>(
          pool,
          `UPDATE mail_preferences SET held_comments = $1, updated_at = $2 WHERE key = $3
           RETURNING address, key, held_comments, locale`,
          [on, now, key],
        );
        return row ? toPreferences(row) : undefined;
      }),
    setMailLanguage: (address, locale, now) =>
      run(async () => {
        await changed(
          pool,
          `INSERT INTO mail_preferences (address, key, updated_at, locale) VALUES ($1, $2, $3, $4)
           ON CONFLICT (address) DO UPDATE SET locale = excluded.locale, updated_at = excluded.updated_at`,
          [
            address.toLowerCase(),
            randomBytes(24).toString('base64url'),
            now,
            locale,
          ],
        );
      }),
    heldCommentMailOff: (addresses) =>
      run(
        async () =>
          new Set(
            (
              await rows<{ address: string }>(
                pool,
                `SELECT address FROM mail_preferences WHERE NOT held_comments AND address = ANY($1::text[])`,
                [addresses.map((a) => a.toLowerCase())],
              )
            ).map((r) => r.address),
          ),
      ),

    // Readers' subscriptions to replies.
    threadSubscribers: (threadId) =>
      run(() =>
        rows<ReplySubscriber & pg.QueryResultRow>(
          pool,
          `SELECT s.email AS email, r.address AS address FROM reply_subscriptions s
           JOIN reply_subscribers r ON r.email = s.email
           WHERE s.thread_id = $1 AND s.active AND r.confirmed_at IS NOT NULL
           ORDER BY s.created_at, s.email`,
          [threadId],
        ),
      ),
    replySubscription: (email, threadId) =>
      run(async () => {
        const [row] = await rows<SubscriptionRow>(
          pool,
          `${SUBSCRIPTION_ROW} WHERE s.email = $1 AND s.thread_id = $2`,
          [email.toLowerCase(), threadId],
        );
        return row ? toSubscription(row) : undefined;
      }),
    replySubscriptionByKey: (key) =>
      run(async () => {
        const row = await subscriptionByKey(pool, key);
        return row ? toSubscription(row) : undefined;
      }),
    unsubscribeReplies: (key, now) =>
      run(async () => {
        await changed(
          pool,
          `UPDATE reply_subscriptions SET active = FALSE, updated_at = $1 WHERE key = $2`,
          [now, key],
        );
        const row = await subscriptionByKey(pool, key);
        return row ? toSubscription(row) : undefined;
      }),
    createSubscriptionConfirmation: ({ tokenHash, email, now, expiresAt }) =>
      run(async () => {
        await changed(
          pool,
          `INSERT INTO subscription_confirmations (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
          [tokenHash, email.toLowerCase(), now, expiresAt],
        );
      }),
    subscriptionConfirmation: (tokenHash) =>
      run(async () => {
        const [row] = await rows<ConfirmationRow>(pool, CONFIRMATION_ROW, [
          tokenHash,
        ]);
        return row ? toConfirmation(row) : undefined;
      }),
    confirmSubscriber: ({ tokenHash, now }) =>
      transaction(async (db) => {
        const [row] = await rows<ConfirmationRow>(
          db,
          `${CONFIRMATION_ROW} FOR UPDATE OF c`,
          [tokenHash],
        );
        if (!row) return { ok: false, problem: 'unknown' } as const;
        if (row.used_at !== null)
          return { ok: false, problem: 'used' } as const;
        if (row.expires_at <= now)
          return { ok: false, problem: 'expired' } as const;
        await changed(
          db,
          `UPDATE subscription_confirmations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`,
          [now, tokenHash],
        );
        await changed(
          db,
          `UPDATE reply_subscribers SET confirmed_at = coalesce(confirmed_at, $1) WHERE email = $2`,
          [now, row.email],
        );
        return { ok: true } as const;
      }),

    // Import and export. An imported comment goes in only if its id is new, so a second import
    // of the same file adds nothing; unlike `insert`, it records no outbox event.
    importComments: ({ comments, headlines = [] }: ImportBatch) =>
      transaction(async (db) => {
        const added = comments.length
          ? await rows<{ id: string; thread_id: string; status: string }>(
              db,
              // In the batch's order, so of two comments with one id the first is kept.
              `INSERT INTO comments (${COMMENT_COLUMNS})
               SELECT ${COMMENT_COLUMNS} FROM unnest(
                 $1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                 $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]
               ) WITH ORDINALITY AS i (${COMMENT_COLUMNS}, n)
               ORDER BY n
               ON CONFLICT (id) DO NOTHING
               RETURNING id, thread_id, status`,
              [
                comments.map((c) => c.id),
                comments.map((c) => c.threadId),
                comments.map((c) => c.parentId),
                comments.map((c) => c.author.name),
                comments.map((c) => c.author.url ?? null),
                comments.map((c) => c.email),
                comments.map((c) => c.addressHash),
                comments.map((c) => c.body),
                comments.map((c) => c.createdAt),
                comments.map((c) => c.status),
              ],
            )
          : [];
        const fresh = new Set(added.map((r) => r.id));
        const stored: string[] = [];
        for (const c of comments) if (fresh.delete(c.id)) stored.push(c.id);
        const shown = new Set(
          added.filter((r) => r.status === 'approved').map((r) => r.thread_id),
        );
        for (const threadId of [...shown].sort()) await bump(db, threadId);
        for (const h of headlines)
          await changed(
            db,
            `INSERT INTO thread_titles (thread_id, title, url) VALUES ($1, $2, $3)
             ON CONFLICT (thread_id) DO NOTHING`,
            [h.threadId, h.title, h.url ?? null],
          );
        return stored;
      }),
    exportComments: ({ after, limit }) =>
      run(async () => {
        const { threadId, status, createdAt, id } = after ?? EXPORT_START;
        // Along the thread index, so each page is a range of it, never a sort of the whole table.
        return (
          await rows<CommentRow>(
            pool,
            `SELECT ${COMMENT_COLUMNS} FROM comments
             WHERE (thread_id, status, created_at, id) > ($1::text, $2::text, $3::text, $4::text)
             ORDER BY thread_id, status, created_at, id LIMIT $5`,
            [threadId, status, createdAt, id, limit],
          )
        ).map(toStored);
      }),
    threadHeadlines: () =>
      run(
        async () =>
          new Map(
            (
              await rows<HeadlineRow>(
                pool,
                `SELECT thread_id, title, url FROM thread_titles ORDER BY thread_id`,
              )
            ).map((t): [string, ThreadHeadline] => [
              t.thread_id,
              toHeadline(t),
            ]),
          ),
      ),
  };
}
