import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningService {
  url: string;
  port: number;
  database: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts the service as `npm start` does (tsx src/server.ts), on a free port and its own database. */
export async function startService(
  env: Record<string, string> = {},
  args: string[] = ['--demo'],
): Promise<RunningService> {
  const port = await freePort();
  const database =
    env.DATELINE_DB ??
    join(mkdtempSync(join(tmpdir(), 'dateline-')), 'dateline.sqlite');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/server.ts'), ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATELINE_DB: database,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The service exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000)
      throw new Error(`The service did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    database,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null)
          return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * Posts `count` requests that certainly overlap: each sends its headers (with the body's
 * Content-Length, as browsers do) and half its body, and none sends the rest until every one
 * has sent its first half. So the service starts them all before it can finish any (a plain
 * `Promise.all` of fetches may well be served one after another). `url(i)` says where the
 * i-th goes, e.g. to one of several processes.
 */
export async function overlappingPosts(
  count: number,
  url: (i: number) => string,
  headers: Record<string, string>,
  body: string,
  /** Resolves once the service has begun every request, where the test can tell. */
  begun: Promise<void> = Promise.resolve(),
): Promise<Response[]> {
  const bytes = Buffer.from(body);
  const half = Math.max(1, Math.floor(bytes.length / 2));
  let release!: () => void;
  const allStarted = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = 0;
  return Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<Response>((resolve, reject) => {
          const req = request(
            url(i),
            {
              method: 'POST',
              headers: { ...headers, 'content-length': bytes.length },
              agent: false,
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('error', reject);
              res.on('end', () => {
                const answer = new Headers();
                for (const [name, value] of Object.entries(res.headers))
                  if (typeof value === 'string') answer.set(name, value);
                resolve(
                  new Response(
                    res.statusCode === 304 ? null : Buffer.concat(chunks),
                    { status: res.statusCode ?? 0, headers: answer },
                  ),
                );
              });
            },
          );
          req.on('error', reject);
          req.write(bytes.subarray(0, half), () => {
            started += 1;
            if (started === count) void begun.then(release);
          });
          void allStarted.then(() => req.end(bytes.subarray(half)));
        }),
    ),
  );
}
