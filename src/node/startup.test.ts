import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  databaseFailure,
  databaseProblem,
  listenFailure,
  shownPath,
} from './startup.js';

const asRoot = process.getuid?.() === 0;
const folder = () => mkdtempSync(join(tmpdir(), 'dateline-startup-'));

function thrownBy(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('databaseProblem', () => {
  it('finds nothing wrong with a new file in a writable folder, or an existing one', () => {
    const dir = folder();
    expect(databaseProblem(join(dir, 'new/deeper/comments.sqlite'))).toBe(
      undefined,
    );
    writeFileSync(join(dir, 'comments.sqlite'), '');
    expect(databaseProblem(join(dir, 'comments.sqlite'))).toBeUndefined();
    expect(databaseProblem(':memory:')).toBeUndefined();
  });

  it('says when DATELINE_DB names a folder', () => {
    const dir = folder();
    expect(databaseProblem(dir, dir)).toBe(
      `DATELINE_DB names the folder ${dir}; give the path of a file in it, such as ${join(dir, 'dateline.sqlite')}.`,
    );
  });

  it('says when a part of the path is a file, which root cannot get past either', () => {
    const dir = folder();
    writeFileSync(join(dir, 'data'), 'not a folder');
    expect(databaseProblem(join(dir, 'data/sub/comments.sqlite'), dir)).toBe(
      'the database data/sub/comments.sqlite cannot be created: data is a file, not a folder; set DATELINE_DB to a path in a folder.',
    );
  });

  // Root writes whatever the mode says, so these run as an ordinary user; the e2e tests run
  // the same case as another user when the suite runs as root.
  it.skipIf(asRoot)('says when the database file is read-only', () => {
    const dir = folder();
    const file = join(dir, 'comments.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    expect(databaseProblem(file, dir)).toBe(
      'the database comments.sqlite is read-only; let the user running Dateline write there, or set DATELINE_DB to a writable path.',
    );
  });

  it.skipIf(asRoot)(
    'says when the folder is read-only, since SQLite writes its journal there',
    () => {
      const dir = folder();
      mkdirSync(join(dir, 'ro'));
      writeFileSync(join(dir, 'ro/comments.sqlite'), '');
      chmodSync(join(dir, 'ro'), 0o555);
      expect(databaseProblem(join(dir, 'ro/comments.sqlite'), dir)).toMatch(
        /^the database ro\/comments\.sqlite is read-only because its folder ro is \(SQLite writes its journal/,
      );
      expect(databaseProblem(join(dir, 'ro/new.sqlite'), dir)).toMatch(
        /^the database ro\/new\.sqlite cannot be created: the folder ro is read-only/,
      );
    },
  );
});

describe('databaseFailure', () => {
  it('words SQLite’s read-only error', () => {
    expect(
      databaseFailure({ code: 'SQLITE_READONLY_DIRECTORY' }, '/srv/d.sqlite'),
    ).toBe(
      'the database /srv/d.sqlite is read-only; let the user running Dateline write there, or set DATELINE_DB to a writable path.',
    );
  });

  it('words a real “not a database” error from SQLite', () => {
    const dir = folder();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'These are my notes, not a database.'.repeat(200));
    const error = thrownBy(() => new Database(file).pragma('user_version'));
    expect(databaseFailure(error, file, dir)).toBe(
      "notes.txt is not a SQLite database; set DATELINE_DB to the service's database or to a new file.",
    );
  });

  it('words a real “cannot open” error from SQLite', () => {
    const dir = folder();
    mkdirSync(join(dir, 'x.sqlite'));
    const error = thrownBy(() => new Database(join(dir, 'x.sqlite')));
    expect(databaseFailure(error, join(dir, 'x.sqlite'), dir)).toBe(
      'the database x.sqlite cannot be opened; check that DATELINE_DB names a file in a folder the user running Dateline can write to.',
    );
  });

  it.each([
    ['SQLITE_CORRUPT', 'is damaged'],
    ['SQLITE_FULL', 'is full'],
    ['ENOSPC', 'is full'],
    ['SQLITE_BUSY', 'is locked by another program'],
    ['SQLITE_IOERR_WRITE', 'cannot be read or written (SQLITE_IOERR_WRITE)'],
    ['EACCES', 'permission to write'],
    ['EROFS', 'read-only file system'],
    ['ENOTDIR', 'is a file, not a folder'],
  ])('words %s', (code, words) => {
    expect(databaseFailure({ code }, '/srv/d.sqlite')).toContain(words);
  });

  it('leaves an error it does not know to the stack trace', () => {
    expect(databaseFailure(new TypeError('a bug'), '/srv/d.sqlite')).toBe(
      undefined,
    );
    expect(databaseFailure(undefined, '/srv/d.sqlite')).toBeUndefined();
    expect(databaseFailure({ code: 'ESOMETHING' }, '/srv/d.sqlite')).toBe(
      undefined,
    );
  });
});

describe('listenFailure', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  const listen = (port: number, host: string) =>
    new Promise<unknown>((resolve) => {
      const server = createServer();
      servers.push(server);
      server.once('error', resolve);
      server.listen(port, host, () => resolve(server.address()));
    });

  it('names PORT when the port is taken', async () => {
    const { port } = (await listen(0, '127.0.0.1')) as { port: number };
    const error = await listen(port, '127.0.0.1');
    expect(listenFailure(error, '127.0.0.1', port)).toBe(
      `port ${port} on 127.0.0.1 is already in use; stop the program that holds it or set PORT to another port.`,
    );
  });

  it('names HOST when it is not an address of this machine', async () => {
    // 192.0.2.0/24 is reserved for documentation: no machine has it.
    const error = await listen(0, '192.0.2.1');
    expect(listenFailure(error, '192.0.2.1', 4321)).toBe(
      "HOST 192.0.2.1 is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of this machine's addresses.",
    );
  });

  it('names HOST when its name does not resolve, and PORT when it needs privileges', () => {
    expect(listenFailure({ code: 'ENOTFOUND' }, 'comments.invalid', 4321)).toBe(
      'HOST comments.invalid is not a name this machine can resolve; use an IP address such as 127.0.0.1.',
    );
    expect(listenFailure({ code: 'EACCES' }, '0.0.0.0', 80)).toBe(
      'this user may not listen on port 80; set PORT to 1024 or above (a reverse proxy can take port 80 or 443).',
    );
  });

  it('leaves an error it does not know to the stack trace', () => {
    expect(listenFailure(new Error('?'), '127.0.0.1', 1)).toBeUndefined();
  });
});

describe('shownPath', () => {
  it('shows a path inside the working folder relative to it, and any other in full', () => {
    expect(shownPath('/srv/app/.data/d.sqlite', '/srv/app')).toBe(
      '.data/d.sqlite',
    );
    expect(shownPath('/var/lib/d.sqlite', '/srv/app')).toBe(
      '/var/lib/d.sqlite',
    );
    expect(shownPath('/srv/application/d.sqlite', '/srv/app')).toBe(
      '/srv/application/d.sqlite',
    );
  });
});
