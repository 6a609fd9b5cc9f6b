import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteRepository } from '../repository/sqlite.js';
import { type Io, runExport, runImport } from './cli.js';
import { scratch, writeFile, wxr } from './test-kit.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = {
    env,
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
  };
  return {
    io: value,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const exportFile = (dir: string) =>
  writeFile(
    dir,
    'wordpress.xml',
    wxr([
      {
        id: 5,
        title: 'Crackdown',
        link: 'https://news.example/crackdown/',
        comments: [
          { id: 1, content: 'First.', email: 'a@example.com' },
          { id: 2, parent: 1, content: 'Reply.' },
        ],
      },
    ]),
  );

describe('npm run import', () => {
  it('imports into the database DATELINE_DB names, and prints the report', async () => {
    const dir = scratch();
    const db = join(dir, 'data', 'dateline.sqlite');
    const run = io({ DATELINE_DB: db });
    expect(await runImport(['wxr', exportFile(dir)], run.io)).toBe(0);
    expect(run.out()).toContain(
      'Imported 2, already present 0, skipped 0, in 1 thread.',
    );
    expect(run.err()).toContain(`into ${db}`);
    const repository = openSqliteRepository(db);
    expect(await repository.countApproved('wp-5')).toBe(2);
    await repository.close();
  });

  it('says what is wrong with its arguments, and how to call it', async () => {
    for (const argv of [
      [],
      ['json', 'x.xml'],
      ['wxr'],
      ['wxr', 'a', 'b'],
      ['wxr', 'a', '--mapp', 'm'],
    ]) {
      const run = io();
      expect(await runImport(argv, run.io)).toBe(2);
      expect(run.err()).toContain('Usage: npm run import -- wxr FILE');
    }
    const help = io();
    expect(await runImport(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('--map MAP.json');
  });

  it('stops before creating a database when the file or the mapping is not there or not right', async () => {
    const dir = scratch();
    const db = join(dir, 'dateline.sqlite');
    const missing = io({ DATELINE_DB: db });
    expect(await runImport(['wxr', join(dir, 'none.xml')], missing.io)).toBe(1);
    expect(missing.err()).toBe(
      `Nothing was imported: There is no file ${join(dir, 'none.xml')}.\n`,
    );
    const badMap = io({ DATELINE_DB: db });
    const map = writeFile(dir, 'map.json', '{"https://news.example/x": "a b"}');
    expect(
      await runImport(['wxr', exportFile(dir), '--map', map], badMap.io),
    ).toBe(1);
    expect(badMap.err()).toContain(
      'the thread id for "https://news.example/x" is not one',
    );
    expect(existsSync(db)).toBe(false);
  });

  it('says which line of a garbled file is wrong, and imports nothing', async () => {
    const dir = scratch();
    const db = join(dir, 'dateline.sqlite');
    const run = io({ DATELINE_DB: db });
    const whole = readFileSync(exportFile(dir), 'utf8');
    const file = writeFile(
      dir,
      'garbled.xml',
      whole.replace('</wp:comment_content>', '</wp:comment_contnt>'),
    );
    expect(await runImport(['wxr', file], run.io)).toBe(1);
    expect(run.err()).toMatch(
      /^Nothing was imported: .*garbled\.xml:\d+: the file is not well-formed XML: unexpected close tag/m,
    );
    const repository = openSqliteRepository(db);
    expect(await repository.countByStatus()).toEqual({
      approved: 0,
      pending: 0,
      spam: 0,
      deleted: 0,
    });
    await repository.close();
  });
});

describe('npm run export', () => {
  it('writes JSON or WXR to a file, whole or not at all', async () => {
    const dir = scratch();
    const db = join(dir, 'dateline.sqlite');
    await runImport(['wxr', exportFile(dir)], io({ DATELINE_DB: db }).io);
    const json = join(dir, 'comments.json');
    const run = io({ DATELINE_DB: db });
    expect(await runExport(['json', '--out', json], run.io)).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).comments).toHaveLength(2);
    expect(run.err()).toBe(
      `Exported 2 comments in 1 thread from ${db} to ${json}.\n`,
    );
    const toStdout = io({ DATELINE_DB: db });
    expect(
      await runExport(['wxr', '--site', 'https://news.example'], toStdout.io),
    ).toBe(0);
    expect(toStdout.out()).toContain(
      '<wp:base_site_url>https://news.example</wp:base_site_url>',
    );
    // A folder that cannot hold the file: an error, and no partial file anywhere.
    const nowhere = io({ DATELINE_DB: db });
    expect(
      await runExport(
        ['json', '--out', join(dir, 'no', 'such', 'x.json')],
        nowhere.io,
      ),
    ).toBe(1);
    expect(nowhere.err()).toMatch(
      /^Nothing was exported: .*x\.json cannot be written/,
    );
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses to export a database that is not there, rather than make one', async () => {
    const dir = scratch();
    const run = io({ DATELINE_DB: join(dir, 'none.sqlite') });
    expect(await runExport(['json'], run.io)).toBe(1);
    expect(run.err()).toContain('There is no database at');
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
  });

  it('says what is wrong with its arguments', async () => {
    for (const argv of [
      [],
      ['csv'],
      ['json', '--site', 'https://x.example'],
      ['wxr', '--without-emails'],
      ['wxr', '--site', 'news.example'],
      ['json', 'out.json'],
    ]) {
      const run = io();
      expect(await runExport(argv, run.io)).toBe(2);
      expect(run.err()).toContain('Usage: npm run export -- json');
    }
  });
});

describe('the scripts', () => {
  it('run as npm run import and npm run export on the database npm start uses', () => {
    const dir = scratch();
    const env = { ...process.env, DATELINE_DB: join(dir, 'dateline.sqlite') };
    const imported = spawnSync(
      'npm',
      ['run', '--silent', 'import', '--', 'wxr', exportFile(dir)],
      { cwd: root, env, encoding: 'utf8' },
    );
    expect(imported.stderr).toContain('Importing');
    expect(imported.stdout).toContain('Imported 2, already present 0');
    expect(imported.status).toBe(0);
    const exported = spawnSync(
      'npm',
      ['run', '--silent', 'export', '--', 'json'],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout).comments).toHaveLength(2);
  }, 60_000);
});
