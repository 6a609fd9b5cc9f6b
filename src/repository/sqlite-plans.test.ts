/**
 * What SQLite does for a post and a read, checked by its query plans: the work of a post must
 * not grow with the thread, and a repeat read must cost one lookup. Plans, not clocks.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { storedComment } from './contract.js';
import { COPIES_FROM, openSqliteRepository } from './sqlite.js';

const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const newFile = () =>
  join(mkdtempSync(join(tmpdir(), 'dateline-plans-')), 'comments.sqlite');

/** Each line of SQLite's plan for `sql`. */
function planOf(db: Database.Database, sql: string): string[] {
  return db
    .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all()
    .map((row) => row.detail);
}

/**
 * The service over a connection that records every statement it runs, with a thread of
 * `size` comments from one address (everyone behind one proxy), each a reply to the last.
 */
async function service(size: number) {
  const statements: string[] = [];
  let recording = false;
  const db = new Database(newFile(), {
    verbose: (sql) => {
      if (recording) statements.push(String(sql));
    },
  });
  const repository = openSqliteRepository(db);
  closing.push(() => repository.close());
  let last: string | null = null;
  const thread = Array.from({ length: size }, (_, i) => {
    const comment = storedComment({
      parentId: last,
      addressHash: 'p'.repeat(64),
      body: `Comment ${i} of a busy thread`,
    });
    last = comment.id;
    return comment;
  });
  await repository.importComments({ comments: thread });
  let clock = Date.UTC(2025, 6, 21);
  const tick = () => {
    clock += 60_000;
    return new Date(clock);
  };
  const app = createApp({
    repository,
    config: {
      ...readConfig({ DATELINE_MODERATION: 'first-time' }),
      origins: [],
    },
    address: () => '203.0.113.7',
    // A minute between requests, so the flood limit lets each post through.
    now: tick,
    logger: { warn: () => {}, error: () => {} },
  });
  /** The statements `work` made SQLite run, but those that begin or end transactions. */
  const recorded = async (work: () => unknown) => {
    statements.length = 0;
    recording = true;
    try {
      await work();
    } finally {
      recording = false;
    }
    return statements.filter(
      (sql) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(sql),
    );
  };
  const post = (body: string, key: string) =>
    app.request('http://comments.example/api/threads/t/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({
        author: { name: 'Dara', email: 'dara@example.com' },
        body,
        parentId: last,
        notify: true,
      }),
    });
  const get = (headers: Record<string, string> = {}) =>
    app.request('http://comments.example/api/threads/t/comments', {
      headers,
    });
  return { db, recorded, post, get };
}

/**
 * How a post may read comments: each a search that ends after a bounded number of rows, what
 * ever the size of the thread. One comment by id; an address's latest post (the newest entry
 * of its index range, nothing else read); a sender's copies of one text; one approved comment
 * by an author's email and name.
 */
const BOUNDED_COMMENT_READS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^SEARCH comments USING INDEX sqlite_autoindex_comments_1 \(id=\?\)$/, /./],
  [
    /^SEARCH comments USING COVERING INDEX comments_address \(address_hash=\?\)$/,
    /ORDER BY created_at DESC LIMIT 1$/,
  ],
  [
    /^SEARCH comments USING INDEX comments_copies \(thread_id=\? AND address_hash=\? AND body_digest=\?\)$/,
    /./,
  ],
  [
    /^SEARCH comments USING COVERING INDEX comments_approved_author \(author_email=\? AND author_name=\?\)$/,
    /LIMIT 1$/,
  ],
];

/**
 * Whether a plan line reads a range that grows with a thread or the site: a scan of a table,
 * a sort, or a read of comments not in BOUNDED_COMMENT_READS. The block lists are read whole,
 * once after each change to them: they grow with what moderators list, not with comments.
 */
function growing(line: string, sql: string): boolean {
  if (/^SELECT [^;]* FROM blocklist_entries ORDER BY position$/.test(sql))
    return false;
  if (/USE TEMP B-TREE/.test(line)) return true;
  const scan = /^SCAN (\w+)/.exec(line);
  if (scan) return scan[1] !== 'json_each';
  if (!/^SEARCH comments\b/.test(line)) return false;
  const statement = sql.replace(/\s+/g, ' ').trim();
  return !BOUNDED_COMMENT_READS.some(
    ([plan, query]) => plan.test(line) && query.test(statement),
  );
}

describe('the SQLite plans of a post and a read', () => {
  it('finds copies of a text by thread, address and digest, in both of its searches', () => {
    const db = new Database(':memory:');
    const repository = openSqliteRepository(db);
    closing.push(() => repository.close());
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${COPIES_FROM}`)
      .all({ threadId: 't', addressHash: 'h', digest: 'd', body: 'b' })
      .map((row) => (row as { detail: string }).detail);
    const searches = plan.filter((line) => line.startsWith('SEARCH'));
    expect(searches).toEqual([
      'SEARCH comments USING INDEX comments_copies (thread_id=? AND address_hash=? AND body_digest=?)',
      'SEARCH comments USING INDEX comments_copies (thread_id=? AND address_hash=? AND body_digest=?)',
    ]);
    expect(plan.join('\n')).not.toMatch(/SCAN|comments_address/);
  });

  it('posts a reply without reading anything that grows with the thread', async () => {
    const { db, recorded, post } = await service(3_000);
    // The first post from this address; the second finds an earlier post, a copy to compare.
    const statements = [
      ...(await recorded(() => post('A first reply', 'key-1'))),
      ...(await recorded(() => post('A second reply', 'key-2'))),
    ];
    expect(statements.some((sql) => sql.includes('body_digest'))).toBe(true);
    const growingReads = statements.flatMap((sql) =>
      planOf(db, sql)
        .filter((line) => growing(line, sql))
        .map((line) => `${line}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`),
    );
    expect(growingReads).toEqual([]);
  });

  it('answers a repeat read with one lookup of the thread’s version', async () => {
    const { recorded, get } = await service(300);
    const first = await recorded(() => get());
    expect(first.length).toBeGreaterThan(1);
    const etag = (await get()).headers.get('etag')!;
    for (const headers of [{}, { 'if-none-match': etag }] as Record<
      string,
      string
    >[]) {
      const again = await recorded(() => get(headers));
      expect(again).toEqual([
        "SELECT version FROM threads WHERE thread_id = 't'",
      ]);
    }
  });
});
