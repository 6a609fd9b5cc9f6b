// Moves a site from SQLite to PostgreSQL: every table, in one PostgreSQL transaction, checked
// row by row (counts and checksums) before it commits. Run again, it checks what it copied
// before and changes nothing; it never writes into a database that holds other data.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresRepository, shownPostgresUrl } from './postgres.js';
import { openSqliteRepository } from './sqlite.js';

/** What one table's copy found. */
export interface TableCopy {
  table: string;
  rows: number;
  /** SHA-256 of the table's rows, the same on both sides. */
  checksum: string;
}

export interface CopyReport {
  /** 'copied' now, or 'already-copied': the destination already held exactly this data. */
  outcome: 'copied' | 'already-copied';
  tables: TableCopy[];
  /** Whether the SQLite file changed while it was read (a service still writing to it). */
  sourceChangedSince: boolean;
}

/** Why a copy did not happen, in words for whoever runs it. */
export class CopyError extends Error {
  override name = 'CopyError';
}

/** Columns SQLite keeps that PostgreSQL computes instead (an index on md5(body)). */
const SQLITE_ONLY = new Map([['comments', new Set(['body_digest'])]]);

/**
 * The order tables are written in, so a row's references exist before it. Tables not named
 * here follow, in name order.
 */
const ORDER = [
  'meta',
  'threads',
  'comments',
  'thread_titles',
  'audit_entries',
  'audit_items',
  'reply_subscribers',
  'reply_subscriptions',
];

interface PgColumn {
  name: string;
  type: string;
  identity: boolean;
}

/** A value as both sides agree to hash it: SQLite's 0/1 and PostgreSQL's booleans alike. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '\u0000null';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return `\u0000bytes:${value.toString('base64')}`;
  return String(value);
}

/**
 * A checksum of rows that does not depend on their order, which the two databases' collations
 * may not share: each row's hash, sorted, hashed.
 */
class RowsDigest {
  #rows: string[] = [];
  add(values: readonly unknown[]): void {
    this.#rows.push(
      createHash('sha256')
        .update(JSON.stringify(values.map(canonical)))
        .digest('base64'),
    );
  }
  get count(): number {
    return this.#rows.length;
  }
  digest(): string {
    const hash = createHash('sha256');
    for (const row of this.#rows.sort()) hash.update(row);
    return hash.digest('hex');
  }
}

/** A table's columns as PostgreSQL has them. */
async function pgColumns(
  client: pg.ClientBase,
  table: string,
): Promise<PgColumn[]> {
  const { rows } = await client.query<{
    column_name: string;
    data_type: string;
    is_identity: string;
  }>(
    `SELECT column_name, data_type, is_identity FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => ({
    name: r.column_name,
    type: r.data_type,
    identity: r.is_identity === 'YES',
  }));
}

/** What a SQLite row's value becomes in a PostgreSQL column. */
function toPg(value: unknown, column: PgColumn): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'boolean') return value === 1 || value === 1n;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

interface TablePlan {
  table: string;
  /** Columns read from SQLite and written to PostgreSQL, in order. */
  columns: PgColumn[];
  /** SQLite's expression for each column (audit_items.position is derived). */
  select: string;
}

/**
 * How each SQLite table maps to PostgreSQL's. Every column of one must have a place in the
 * other, or the copy stops before writing anything: a column left behind would be data lost.
 */
async function plan(
  source: Database.Database,
  client: pg.ClientBase,
): Promise<TablePlan[]> {
  const tables = (
    source
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  tables.sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    if (ia !== ib)
      return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const plans: TablePlan[] = [];
  for (const table of tables) {
    const sqliteColumns = (
      source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as {
        name: string;
      }[]
    ).map((c) => c.name);
    const columns = await pgColumns(client, table);
    if (!columns.length)
      throw new CopyError(
        `PostgreSQL has no table "${table}", which the SQLite file holds: update Dateline on both sides to the same version.`,
      );
    const skipped = SQLITE_ONLY.get(table) ?? new Set<string>();
    const names = new Set(columns.map((c) => c.name));
    for (const name of sqliteColumns)
      if (!names.has(name) && !skipped.has(name))
        throw new CopyError(
          `PostgreSQL's table "${table}" has no column "${name}", which the SQLite file holds: update Dateline on both sides to the same version.`,
        );
    const select = columns.map((c) => {
      if (sqliteColumns.includes(c.name)) return `"${c.name}"`;
      if (table === 'audit_items' && c.name === 'position')
        // SQLite keeps an entry's items in the order they were written.
        return `(SELECT count(*) FROM audit_items o WHERE o.entry_seq = audit_items.entry_seq AND o.rowid < audit_items.rowid)`;
      throw new CopyError(
        `The SQLite file's table "${table}" has no column "${c.name}", which PostgreSQL's has: update Dateline on both sides to the same version.`,
      );
    });
    plans.push({ table, columns, select: select.join(', ') });
  }
  return plans;
}

/** The digest of one table as SQLite holds it. */
function sqliteDigest(source: Database.Database, p: TablePlan): RowsDigest {
  const digest = new RowsDigest();
  for (const row of source
    .prepare(`SELECT ${p.select} FROM "${p.table}"`)
    .raw()
    .iterate() as Iterable<unknown[]>)
    digest.add(row);
  return digest;
}

/** The digest of one table as PostgreSQL holds it, read in batches through a cursor. */
async function pgDigest(
  client: pg.ClientBase,
  p: TablePlan,
): Promise<RowsDigest> {
  const digest = new RowsDigest();
  const list = p.columns.map((c) => `"${c.name}"`).join(', ');
  await client.query(
    `DECLARE dateline_copy NO SCROLL CURSOR FOR SELECT ${list} FROM "${p.table}"`,
  );
  for (;;) {
    const { rows } = await client.query({
      text: 'FETCH 5000 FROM dateline_copy',
      rowMode: 'array',
    });
    for (const row of rows as unknown[][]) digest.add(row);
    if (rows.length < 5000) break;
  }
  await client.query('CLOSE dateline_copy');
  return digest;
}

/** Writes one table's rows, a few hundred per statement. */
async function copyTable(
  source: Database.Database,
  client: pg.ClientBase,
  p: TablePlan,
): Promise<void> {
  const names = p.columns.map((c) => `"${c.name}"`).join(', ');
  const identity = p.columns.some((c) => c.identity)
    ? ' OVERRIDING SYSTEM VALUE'
    : '';
  const perStatement = Math.max(
    1,
    Math.min(500, Math.floor(30_000 / p.columns.length)),
  );
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const slots = row.map((value, i) => {
        values.push(toPg(value, p.columns[i]!));
        return `$${values.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await client.query(
      `INSERT INTO "${p.table}" (${names})${identity} VALUES ${tuples.join(', ')}`,
      values,
    );
    batch = [];
  };
  for (const row of source
    .prepare(`SELECT ${p.select} FROM "${p.table}"`)
    .raw()
    .iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length >= perStatement) await flush();
  }
  await flush();
  // Later rows must not take numbers the copied ones have.
  for (const column of p.columns.filter((c) => c.identity))
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max("${column.name}") FROM "${p.table}"), 1), (SELECT count(*) > 0 FROM "${p.table}"))`,
      [p.table, column.name],
    );
}

/** Whether PostgreSQL holds anything of a site: a comment, a session, a mail, a setting. */
async function holdsData(
  client: pg.ClientBase,
  plans: readonly TablePlan[],
): Promise<boolean> {
  for (const { table } of plans) {
    // A fresh database has its own salt; nothing else.
    const where = table === 'meta' ? ` WHERE name != 'salt'` : '';
    const { rows } = await client.query(
      `SELECT EXISTS (SELECT 1 FROM "${table}"${where}) AS found`,
    );
    if (rows[0]?.found) return true;
  }
  return false;
}

/** The site's tables, whatever they hold, as a fingerprint of the SQLite file's state. */
function sourceState(source: Database.Database): string {
  return String(source.pragma('data_version', { simple: true }));
}

/**
 * Copies the SQLite file `from` into the PostgreSQL database `to`. The file is first brought
 * to the current schema (as `npm start` would), then read in one snapshot; PostgreSQL's tables
 * are created as the service creates them, filled in one transaction, and compared with the
 * file table by table (row count and checksum) before the transaction commits. Stop the
 * service that writes to the file first: what it writes after the snapshot is not copied
 * (the report says whether it did).
 */
export async function copySqliteToPostgres(
  from: string,
  to: string,
  log: (line: string) => void = () => {},
): Promise<CopyReport> {
  // The current schema on both sides, as each repository makes it.
  await openSqliteRepository(from).close();
  await (await openPostgresRepository(to)).close();

  const source = new Database(from, { readonly: true, fileMustExist: true });
  source.defaultSafeIntegers(false);
  const client = new pg.Client({ connectionString: to });
  try {
    await client.connect();
  } catch (error) {
    source.close();
    throw new CopyError(
      `PostgreSQL at ${shownPostgresUrl(to)} could not be reached: ${(error as Error).message}`,
    );
  }
  try {
    // One snapshot of the file: every table is read as it was at this moment.
    source.exec('BEGIN');
    const before = sourceState(source);
    await client.query('BEGIN');
    // Two copies at once into one database wait for each other.
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext('dateline:db-copy'))`,
    );
    const plans = await plan(source, client);

    const expected = new Map<string, RowsDigest>();
    for (const p of plans) expected.set(p.table, sqliteDigest(source, p));

    const again = await holdsData(client, plans);
    if (!again) {
      // The file's salt replaces the fresh one, or every address hash would change meaning.
      await client.query('DELETE FROM meta');
      for (const p of plans) {
        log(`Copying ${p.table} (${expected.get(p.table)!.count} rows)…`);
        await copyTable(source, client, p);
      }
    }

    const tables: TableCopy[] = [];
    const different: string[] = [];
    for (const p of plans) {
      const want = expected.get(p.table)!;
      const have = await pgDigest(client, p);
      const checksum = want.digest();
      if (have.count !== want.count || have.digest() !== checksum)
        different.push(
          `${p.table} (${have.count} rows in PostgreSQL, ${want.count} in the file)`,
        );
      tables.push({ table: p.table, rows: want.count, checksum });
    }
    if (different.length) {
      await client.query('ROLLBACK');
      throw new CopyError(
        again
          ? `PostgreSQL at ${shownPostgresUrl(to)} already holds data that is not this file's: ${different.join(', ')}. Copy into an empty database; nothing was changed.`
          : `The copy did not match the file, so nothing was kept: ${different.join(', ')}.`,
      );
    }
    await client.query('COMMIT');
    source.exec('COMMIT');
    return {
      outcome: again ? 'already-copied' : 'copied',
      tables,
      sourceChangedSince: sourceState(source) !== before,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (source.inTransaction) source.exec('ROLLBACK');
    throw error;
  } finally {
    source.close();
    await client.end().catch(() => {});
  }
}
