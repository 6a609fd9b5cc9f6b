import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from './service-process.js';

export { freePort, root };

/** A user without rights, for servers that refuse to run as root (PostgreSQL). */
export const NOBODY = { uid: 65534, gid: 65534 };
export const runningAsRoot = process.getuid?.() === 0;

/**
 * Root writes whatever a file's mode says. A test that needs "read-only" runs the service as
 * root without the capabilities that override modes: it then obeys them, and still reads a
 * checkout only root may enter (under a folder `mktemp -d` made), as another user could not.
 */
const OBEYING_MODES = [
  '--bounding-set=-dac_override,-dac_read_search',
  '--inh-caps=-dac_override,-dac_read_search',
  '--',
];

/** A temporary folder for a service's files. */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'dateline-process-'));
}

export interface ServiceProcess {
  url: string;
  port: number;
  /** The SQLite file it was given. */
  database: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  /** Resolves once its output contains `text`; rejects if it exits first. */
  printed: (text: string) => Promise<void>;
  /** Sends `signal` (SIGTERM unless named) if it is still running; resolves once it has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Runs `src/server.ts` as `npm start` does, on a free port and a fresh database unless `env`
 * says otherwise; with `obeyModes`, unable to write where a file's mode forbids it, even as
 * root. Does not wait for it to listen.
 */
export async function spawnService(
  env: Record<string, string> = {},
  {
    args = ['--demo'],
    obeyModes = false,
  }: { args?: string[]; obeyModes?: boolean } = {},
): Promise<ServiceProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const database = env.DATELINE_DB ?? join(scratchFolder(), 'dateline.sqlite');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('DATELINE_')),
  );
  const command = [
    process.execPath,
    '--import',
    'tsx',
    join(root, 'src/server.ts'),
    ...args,
  ];
  const [file, ...argv] =
    obeyModes && runningAsRoot
      ? ['setpriv', ...OBEYING_MODES, ...command]
      : command;
  const child = spawn(file!, argv, {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(port),
      DATELINE_DB: database,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d;
    for (const w of watchers) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      for (const w of watchers) w();
      resolve(code);
    }),
  );
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.includes(text)) {
          watchers.delete(check);
          resolve();
        } else if (child.exitCode !== null) {
          watchers.delete(check);
          reject(
            new Error(`The service exited before printing ${text}:\n${output}`),
          );
        }
      };
      watchers.add(check);
      check();
    });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    database,
    child,
    output: () => output,
    exited,
    printed,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs the service and waits until it answers /api/health. */
export async function startService(
  env: Record<string, string> = {},
  options: Parameters<typeof spawnService>[1] = {},
): Promise<ServiceProcess> {
  const service = await spawnService(env, options);
  await service.printed('Dateline is running at');
  return service;
}

/** Runs the service expecting it not to start: its exit code and what it printed. */
export async function failedStart(
  env: Record<string, string>,
  options: Parameters<typeof spawnService>[1] = {},
): Promise<{ code: number | null; output: string }> {
  const service = await spawnService(env, options);
  const code = await service.exited;
  return { code, output: service.output() };
}

/** A raw connection, for requests no HTTP client would send: slow, stalled, unnormalised. */
export async function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = '';
  const watchers = new Set<() => void>();
  socket.on('data', (d) => {
    received += d;
    for (const w of watchers) w();
  });
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => {
      for (const w of watchers) w();
      resolve();
    });
  });
  socket.on('error', () => {
    // A reset is one of the answers these tests look for; `closed` reports it.
  });
  return {
    socket,
    received: () => received,
    closed,
    isClosed: () => socket.destroyed,
    /** Resolves once the server has sent `text`, or closed the connection. */
    receivedOrClosed: (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.includes(text) || socket.destroyed) {
            watchers.delete(check);
            resolve();
          }
        };
        watchers.add(check);
        check();
      }),
    write: (text: string) =>
      new Promise<void>((resolve, reject) =>
        socket.write(text, (e) => (e ? reject(e) : resolve())),
      ),
  };
}

/**
 * The service as `npm start` runs it, mailing through a test's mail server (`smtpUrl`), its
 * links leading to its own port: every comment held, no flood limit, a failed mail retried
 * after a second. `env` names its moderators and anything else.
 */
export async function startMailingService(
  smtpUrl: string,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const port = env.PORT ?? String(await freePort());
  return startService(
    {
      PORT: port,
      DATELINE_MODERATION: 'all',
      DATELINE_FLOOD_SECONDS: '0',
      DATELINE_SMTP_URL: smtpUrl,
      DATELINE_MAIL_FROM: 'Dateline <comments@news.example>',
      DATELINE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATELINE_MAIL_RETRY_SECONDS: '1',
      ...env,
    },
    { args: [] },
  );
}
