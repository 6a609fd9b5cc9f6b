import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  failedStart,
  rawConnection,
  type ServiceProcess,
  scratchFolder,
  startService,
} from './process.js';

/** An address of this machine other than loopback, where it has one. */
const otherInterface = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal);
const THREAD = 'cambodia-cybercrime-crackdown-2025-07';
const services: ServiceProcess[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  for (const s of services.splice(0)) {
    if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await s.exited;
  }
  for (const b of blockers.splice(0)) b.close();
});

async function running(
  env: Record<string, string> = {},
  options: Parameters<typeof startService>[1] = {},
) {
  const service = await startService(env, options);
  services.push(service);
  return service;
}

/** The one line a failed start prints, checked to be one line and no stack trace. */
function oneLine(output: string): string {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

const comment = (n: number) =>
  JSON.stringify({
    author: { name: `Reader ${n}`, email: `reader${n}@example.com` },
    body: `Comment number ${n} on the crackdown.`,
  });

describe('start-up', () => {
  it('prints where it runs and who it listens to', async () => {
    const service = await running();
    await service.printed('listening on');
    expect(service.output()).toContain(
      `Dateline is running at http://127.0.0.1:${service.port}\n  listening on 127.0.0.1 only`,
    );
    expect((await fetch(`${service.url}/api/health`)).status).toBe(200);
  });

  it.skipIf(!otherInterface)(
    'listens on this machine only unless HOST says otherwise',
    async () => {
      const other = otherInterface!;
      const local = await running();
      await expect(
        fetch(`http://${other.address}:${local.port}/api/health`),
      ).rejects.toThrow();
      const open = await running({ HOST: '0.0.0.0' });
      expect(
        (await fetch(`http://${other.address}:${open.port}/api/health`)).status,
      ).toBe(200);
      await open.printed('listening on every interface');
    },
  );

  it('stops at a bad setting with one line that names it', async () => {
    const { code, output } = await failedStart({
      DATELINE_FLOOD_SECONDS: 'abc',
    });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      'Dateline cannot start: DATELINE_FLOOD_SECONDS must be a whole number of seconds from 0 (no limit) to 86400 (a day), not "abc".',
    );
  });

  it('speaks in the site’s own words from DATELINE_WORDS, and stops at words it cannot use', async () => {
    const dir = scratchFolder();
    const words = join(dir, 'words.json');
    writeFileSync(
      words,
      JSON.stringify({ en: { 'sign-in-title': 'Log in to the newsroom' } }),
    );
    const service = await running({
      DATELINE_WORDS: words,
      DATELINE_SMTP_URL: 'smtp://127.0.0.1:9',
      DATELINE_MAIL_FROM: 'Dateline <comments@news.example>',
      DATELINE_PUBLIC_URL: 'https://comments.news.example',
    });
    await service.printed(`words: the site's own, from ${words}`);
    expect(
      await (await fetch(`${service.url}/admin/sign-in`)).text(),
    ).toContain('<h1>Log in to the newsroom</h1>');

    writeFileSync(
      words,
      JSON.stringify({ km: { 'mail-stop': 'ឈប់៖ {url}។' }, xx: {} }),
    );
    const { code, output } = await failedStart({ DATELINE_WORDS: words });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Dateline cannot start: DATELINE_WORDS (${words}): km "mail-stop" must follow {site} and {url} with a space, a full stop or nothing, so the link ends there. DATELINE_WORDS (${words}): "xx" is not one of the service's languages (en, km, vi, id, th, zh-Hans, zh-Hant, ar).`,
    );
  });

  it('stops when the database file is read-only, in one line', async () => {
    const dir = scratchFolder();
    const file = join(dir, 'comments.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    chmodSync(file, 0o444);
    const { code, output } = await failedStart(
      { DATELINE_DB: file },
      { obeyModes: true },
    );
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Dateline cannot start: the database ${file} is read-only; let the user running Dateline write there, or set DATELINE_DB to a writable path.`,
    );
  });

  it('stops when the database folder is read-only, in one line', async () => {
    const dir = scratchFolder();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    const { code, output } = await failedStart(
      { DATELINE_DB: join(dir, 'ro/comments.sqlite') },
      { obeyModes: true },
    );
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Dateline cannot start: the database ${join(dir, 'ro/comments.sqlite')} cannot be created: the folder ${join(dir, 'ro')} is read-only; let the user running Dateline write there, or set DATELINE_DB to a writable path.`,
    );
  });

  it('stops when a part of the database path is a file, which root cannot get past', async () => {
    const dir = scratchFolder();
    writeFileSync(join(dir, 'data'), 'a file');
    const { code, output } = await failedStart({
      DATELINE_DB: join(dir, 'data/comments.sqlite'),
    });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Dateline cannot start: the database ${join(dir, 'data/comments.sqlite')} cannot be created: ${join(dir, 'data')} is a file, not a folder; set DATELINE_DB to a path in a folder.`,
    );
  });

  it('stops when the database file is not a database, as SQLite finds', async () => {
    const dir = scratchFolder();
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'Not a database. '.repeat(500));
    const { code, output } = await failedStart({ DATELINE_DB: file });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Dateline cannot start: ${file} is not a SQLite database; set DATELINE_DB to the service's database or to a new file.`,
    );
  });

  it('stops when the port is taken, naming PORT', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as { port: number };
    const { code, output } = await failedStart({ PORT: String(port) });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Dateline cannot start: port ${port} on 127.0.0.1 is already in use; stop the program that holds it or set PORT to another port.`,
    );
  });

  it('stops when HOST is not an address of this machine, naming HOST', async () => {
    const { code, output } = await failedStart({ HOST: '192.0.2.1' });
    expect(code).toBe(1);
    expect(oneLine(output)).toMatch(
      /^Dateline cannot start: HOST 192\.0\.2\.1 is not an address of this machine;/,
    );
  });
});

describe('behind a reverse proxy', () => {
  it('counts the address the proxy saw, so rotating the leftmost X-Forwarded-For does not pass the flood limit', async () => {
    const service = await running({
      DATELINE_TRUST_PROXY: '1',
      DATELINE_FLOOD_SECONDS: '60',
    });
    const statuses: number[] = [];
    for (const [n, forged] of ['1.1.1.1', '2.2.2.2', '3.3.3.3'].entries()) {
      const res = await fetch(`${service.url}/api/threads/${THREAD}/comments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // What nginx's $proxy_add_x_forwarded_for sends: the client's header, then the client.
          'x-forwarded-for': `${forged}, 203.0.113.9`,
        },
        body: comment(n),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 429, 429]);
    // Another reader behind the same proxy is not held back by the first.
    const other = await fetch(`${service.url}/api/threads/${THREAD}/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.10',
      },
      body: comment(9),
    });
    expect(other.status).toBe(201);
  });
});

/** A POST whose headers the server has taken (it answered 100 Continue) and whose body is half sent. */
async function halfSentComment(port: number) {
  const body = comment(1);
  const connection = await rawConnection(port);
  await connection.write(
    `POST /api/threads/${THREAD}/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await connection.receivedOrClosed('100 Continue');
  expect(connection.received()).toContain('HTTP/1.1 100 Continue');
  const half = Math.floor(body.length / 2);
  await connection.write(body.slice(0, half));
  return { connection, rest: body.slice(half) };
}

describe('stopping', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s, finishes the request in flight, stores it, then exits 0',
    async (signal) => {
      const service = await running();
      const { connection, rest } = await halfSentComment(service.port);
      service.child.kill(signal);
      await service.printed(
        `Dateline is stopping (${signal}): finishing 1 request`,
      );
      // No new connections once stopping.
      await expect(fetch(`${service.url}/api/health`)).rejects.toThrow();
      await connection.write(rest);
      await connection.closed;
      expect(connection.received()).toMatch(/HTTP\/1\.1 201 Created/);
      expect(connection.received()).toMatch(/connection: close/i);
      expect(await service.exited).toBe(0);
      expect(service.output()).toContain('Dateline stopped.');
      const db = new Database(service.database, { readonly: true });
      const stored = db.prepare('SELECT count(*) AS n FROM comments').get() as {
        n: number;
      };
      db.close();
      expect(stored.n).toBe(1);
    },
  );

  it('drops a request still running at the deadline and exits 0', async () => {
    const service = await running({ DATELINE_SHUTDOWN_SECONDS: '1' });
    const { connection } = await halfSentComment(service.port);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    await connection.closed;
    expect(connection.received()).not.toContain('201');
    expect(service.output()).toContain(
      'Dateline stopped; 1 request still running after 1 s was dropped.',
    );
  });

  it('drops what is left at once on a second signal', async () => {
    const service = await running({ DATELINE_SHUTDOWN_SECONDS: '600' });
    const { connection } = await halfSentComment(service.port);
    service.child.kill('SIGTERM');
    await service.printed('finishing 1 request');
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(0);
    await connection.closed;
    expect(service.output()).toContain('1 request still running');
  });
});

describe('slow clients', () => {
  it('cuts off a client that sends its body a byte at a time (slow loris)', async () => {
    const service = await running({ DATELINE_REQUEST_SECONDS: '2' });
    const connection = await rawConnection(service.port);
    const length = 10_000;
    await connection.write(
      `POST /api/threads/${THREAD}/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
    let sent = 0;
    while (!connection.isClosed() && sent < length) {
      await connection.write('x').catch(() => undefined);
      sent += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
    await connection.closed;
    expect(sent).toBeLessThan(length);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
  }, 60_000);

  it('disconnects a client that sends its headers and then stalls', async () => {
    const service = await running({ DATELINE_REQUEST_SECONDS: '2' });
    const connection = await rawConnection(service.port);
    await connection.write(
      `POST /api/threads/${THREAD}/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
    );
    await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('disconnects a client that never finishes its headers', async () => {
    const service = await running({ DATELINE_REQUEST_SECONDS: '2' });
    const connection = await rawConnection(service.port);
    await connection.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});
