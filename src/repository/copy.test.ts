import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from '../../test/postgres.js';
import { root } from '../../test/service-process.js';
import { storedComment } from './contract.js';
import { copySqliteToPostgres } from './copy.js';
import { openPostgresRepository } from './postgres.js';
import { openSqliteRepository } from './sqlite.js';
import type { CommentRepository } from './types.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
}, 30_000);

const T0 = Date.UTC(2025, 6, 20, 8);

/** A SQLite file with a site's worth of everything: comments, moderation, mail, sign-in. */
async function site(): Promise<string> {
  const file = join(
    mkdtempSync(join(tmpdir(), 'dateline-copy-')),
    'comments.sqlite',
  );
  const repository = openSqliteRepository(file);
  const ids: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    const comment = storedComment({
      threadId: i % 3 ? 'crackdown' : 'seed',
      parentId: i > 5 && i % 4 === 0 ? ids[i - 5]! : null,
      status: i % 7 === 0 ? 'pending' : 'approved',
      body: `មតិ ${i}: ការបង្ក្រាប — “${'x'.repeat(i)}”`,
      author: {
        name: i % 2 ? 'Sokha' : 'Nguyễn Văn An',
        url: 'https://a.example/',
      },
    });
    ids.push(comment.id);
    await repository.insert(comment, {
      subscribe:
        i === 3
          ? {
              email: 'reader@example.com',
              now: T0,
              locale: 'km',
              limits: {
                email: { max: 3, windowMs: 3_600_000 },
                address: { max: 3, windowMs: 3_600_000 },
              },
            }
          : undefined,
    });
  }
  await repository.moderate({
    entry: {
      id: 'audit-1',
      at: new Date(T0).toISOString(),
      actor: 'mod@example.com',
      action: 'spam',
    },
    ids: [ids[1]!, ids[2]!, ids[4]!],
    statusAfter: () => 'spam',
  });
  await repository.setThreadTitle('crackdown', {
    title: 'Cambodia’s crackdown',
    url: 'https://news.example/crackdown',
  } as never);
  await repository.createSignInToken({
    tokenHash: 'h'.repeat(64),
    email: 'mod@example.com',
    now: T0,
    expiresAt: T0 + 60_000,
  });
  await repository.close();
  return file;
}

async function rows(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function same(a: CommentRepository, b: CommentRepository) {
  for (const threadId of ['seed', 'crackdown']) {
    const request = { threadId, limit: 100, order: 'oldest' } as never;
    expect(await b.page(request)).toEqual(await a.page(request));
    expect(await b.threadVersion(threadId)).toBe(
      await a.threadVersion(threadId),
    );
  }
  expect(await b.countByStatus()).toEqual(await a.countByStatus());
  expect(b.salt()).toBe(a.salt());
  expect(await b.auditLog({ limit: 10 } as never)).toEqual(
    await a.auditLog({ limit: 10 } as never),
  );
}

describe('copying a site from SQLite to PostgreSQL', () => {
  it('copies every table, checked, and PostgreSQL then answers as SQLite did', async () => {
    const file = await site();
    const url = await server.createDatabase();
    const report = await copySqliteToPostgres(file, url);
    expect(report.outcome).toBe('copied');
    expect(report.sourceChangedSince).toBe(false);
    const comments = report.tables.find((t) => t.table === 'comments');
    expect(comments?.rows).toBe(60);
    expect(report.tables.map((t) => t.table)).toEqual(
      expect.arrayContaining([
        'meta',
        'threads',
        'audit_entries',
        'audit_items',
        'outbox_events',
        'sign_in_tokens',
        'thread_titles',
      ]),
    );
    const sqlite = openSqliteRepository(file);
    const postgres = await openPostgresRepository(url);
    try {
      await same(sqlite, postgres);
      // New rows take numbers after the copied ones.
      const [{ seq }] = (await rows(
        url,
        'SELECT max(seq) AS seq FROM audit_entries',
      )) as [{ seq: string }];
      await postgres.moderate({
        entry: {
          id: 'audit-2',
          at: new Date(T0 + 1).toISOString(),
          actor: 'mod@example.com',
          action: 'approve',
        },
        ids: [(await postgres.listByStatus('spam', 1))[0]!.id],
        statusAfter: () => 'approved',
      });
      const [{ next }] = (await rows(
        url,
        `SELECT max(seq) AS next FROM audit_entries`,
      )) as [{ next: string }];
      expect(Number(next)).toBe(Number(seq) + 1);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  }, 60_000);

  it('checks and changes nothing when run again, and refuses a database that holds other data', async () => {
    const file = await site();
    const url = await server.createDatabase();
    const first = await copySqliteToPostgres(file, url);
    const again = await copySqliteToPostgres(file, url);
    expect(again.outcome).toBe('already-copied');
    expect(again.tables).toEqual(first.tables);

    const postgres = await openPostgresRepository(url);
    await postgres.insert(
      storedComment({ threadId: 'seed', body: 'Written on PostgreSQL' }),
    );
    await postgres.close();
    const before = await rows(url, 'SELECT count(*)::int AS n FROM comments');
    await expect(copySqliteToPostgres(file, url)).rejects.toThrow(
      /already holds data that is not this file's: .*comments \(61 rows in PostgreSQL, 60 in the file\).*nothing was changed/,
    );
    expect(await rows(url, 'SELECT count(*)::int AS n FROM comments')).toEqual(
      before,
    );
  }, 60_000);

  it('copies once when two copies run at the same time', async () => {
    const file = await site();
    const url = await server.createDatabase();
    const outcomes = await Promise.all([
      copySqliteToPostgres(file, url),
      copySqliteToPostgres(file, url),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual([
      'already-copied',
      'copied',
    ]);
    expect(await rows(url, 'SELECT count(*)::int AS n FROM comments')).toEqual([
      { n: 60 },
    ]);
  }, 60_000);

  it('says which database it cannot reach, without its password', async () => {
    const file = await site();
    const error = await copySqliteToPostgres(
      file,
      'postgres://dateline:s3cret-pass@127.0.0.1:1/none',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain('s3cret-pass');
  }, 60_000);

  it('runs as the README writes it: npm run db:copy -- --from sqlite:FILE --to URL', async () => {
    const file = await site();
    const url = await server.createDatabase();
    const run = promisify(execFile);
    const { stdout } = await run(
      'npm',
      [
        'run',
        '--silent',
        'db:copy',
        '--',
        '--from',
        `sqlite:${file}`,
        '--to',
        url,
      ],
      { cwd: root },
    );
    expect(stdout).toMatch(/^Copied: /m);
    expect(stdout).toMatch(/comments\s+60 rows\s+sha256 [0-9a-f]{16}\s+✓/);
    expect(stdout).not.toContain(server.password);
    const refused = await run(
      'npm',
      [
        'run',
        '--silent',
        'db:copy',
        '--',
        '--from',
        `sqlite:${file}`,
        '--to',
        'mysql://x',
      ],
      { cwd: root },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--to must be a PostgreSQL URL'),
    });
  }, 120_000);
});
