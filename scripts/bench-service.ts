/**
 * Load on loopback with autocannon, every setup in one run, side by side:
 *
 * - a bare Hono app on @hono/node-server answering "hello": the HTTP server's own limit here;
 * - the service on SQLite, its file on disk as `npm start` keeps it (every write synced);
 * - the service on SQLite, its file in memory (tmpfs), where the PostgreSQL below keeps its data;
 * - the service on one PostgreSQL (started here by test/postgres.ts);
 * - two instances of the service on that PostgreSQL behind a round-robin proxy.
 *
 * Each service gets a thread of 1,000 comments: 300 top-level comments and 700 replies, 3 deep
 * (300 replies to top-level comments, 300 replies to those, 100 a level deeper), so its first
 * page is 50 top-level comments with their 150 replies. Then, 32 connections each: GET the first
 * page, GET it again with If-None-Match (304), POST new comments, and POST again once the
 * thread has grown by what the first POST run added. Prints requests/s, latency p50 and p99,
 * and CPU per request: the service's processes, and the database's (PostgreSQL's processes;
 * SQLite runs inside the service). Each measurement starts once those processes are idle.
 * Autocannon itself takes about a core of the machine, and the proxy some more.
 *
 *   npm run bench:service                  # 10 s a measurement
 *   BENCH_SECONDS=3 npm run bench:service  # quicker
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres } from '../test/postgres.js';
import { freePort, startService } from '../test/service-process.js';

const [role, ...roleArgs] = process.argv.slice(2);
if (role === '--hello') await hello(Number(roleArgs[0]));
else if (role === '--proxy')
  proxy(Number(roleArgs[0]), roleArgs.slice(1).map(Number));
else await main();

/** The bare server: what Hono on Node answers when the route does nothing. */
async function hello(port: number) {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const app = new Hono();
  app.get('/hello', (c) => c.text('hello'));
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
    console.log('listening'),
  );
}

/** A round-robin HTTP proxy over keep-alive connections, as a load balancer in front. */
function proxy(port: number, targets: number[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding']);
  const pass = (headers: Record<string, string | string[] | undefined>) =>
    Object.fromEntries(
      Object.entries(headers).filter(([name]) => !hopByHop.has(name)),
    );
  let next = 0;
  createServer((req, res) => {
    const target = targets[next++ % targets.length]!;
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: pass(req.headers),
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, pass(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }).listen(port, '127.0.0.1', () => console.log('listening'));
}

async function main() {
  const THREAD = 'bench-thread';
  const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
  const CONNECTIONS = 32;
  const self = fileURLToPath(import.meta.url);

  /** Ticks of CPU (user + system) a process has used; 0 once it is gone. */
  const ticks = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const TICK_MS = 10; // USER_HZ is 100 on Linux
  /** A process and every process it started (PostgreSQL's backends, say). */
  const family = (root: number): number[] => {
    const parents = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(name), Number(fields[1]));
      } catch {
        // gone meanwhile
      }
    }
    const found = [root];
    for (let i = 0; i < found.length; i += 1)
      for (const [pid, parent] of parents)
        if (parent === found[i]) found.push(pid);
    return found;
  };
  const cpuOf = (pids: () => number[]) =>
    pids().reduce((sum, pid) => sum + ticks(pid), 0);
  /**
   * Waits until `pids` are idle (under 4 % of a core for half a second), or 30 s: what a
   * previous step left to do, such as the outbox sending for the comments just posted, is not
   * counted against the next measurement.
   */
  const settled = async (pids: () => number[]) => {
    for (let waited = 0; waited < 30_000; waited += 500) {
      const before = cpuOf(pids);
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (cpuOf(pids) - before <= 2) return;
    }
  };

  /** Starts this script in another role, once it listens. */
  const startRole = async (args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`${args[0]} exited (${code})`)),
      );
      child.stdout!.once('data', () => resolve());
    });
    return child;
  };
  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  /** 300 top-level comments, then 300 replies to them, 300 to those, 100 a level deeper. */
  async function seed(base: string) {
    const url = `${base}/api/threads/${THREAD}/comments`;
    const post = async (i: number, parentId?: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          author: { name: `Reader ${i}`, email: `reader${i}@example.com` },
          body: `Comment number ${i} on the crackdown.`,
          ...(parentId ? { parentId } : {}),
        }),
      });
      if (res.status !== 201)
        throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { comment: { id: string } }).comment.id;
    };
    let level: string[] = [];
    for (let i = 0; i < 300; i += 1) level.push(await post(i));
    let n = 300;
    for (const count of [300, 300, 100]) {
      const replies: string[] = [];
      for (let i = 0; i < count; i += 1)
        replies.push(await post(n++, level[i]));
      level = replies;
    }
    const page = (await (await fetch(url)).json()) as {
      comments: unknown[];
      total: number;
    };
    if (page.total !== 1000 || page.comments.length !== 200)
      throw new Error(
        `the thread is not shaped as planned: ${page.total} comments, ${page.comments.length} on the first page`,
      );
  }

  interface Row {
    setup: string;
    request: string;
    result: autocannon.Result;
    /** Answers of another status than the one this request should get. */
    unexpected: number;
    cpuMs: { service: number; database?: number };
  }
  const rows: Row[] = [];

  const run = (opts: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        { connections: CONNECTIONS, duration: DURATION, ...opts },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });

  /** One measurement, with the CPU the service's and the database's processes used meanwhile. */
  async function measure(
    setup: string,
    name: string,
    expected: number,
    opts: autocannon.Options,
    service: () => number[],
    database?: () => number[],
  ) {
    await settled(() => [...service(), ...(database?.() ?? [])]);
    const before = [cpuOf(service), database ? cpuOf(database) : 0];
    const result = await run(opts);
    const after = [cpuOf(service), database ? cpuOf(database) : 0];
    const total = result.requests.total || 1;
    const perRequest = (i: number) =>
      ((after[i]! - before[i]!) * TICK_MS) / total;
    const answered = Object.entries(result.statusCodeStats ?? {}).reduce(
      (sum, [code, { count = 0 }]) =>
        sum + (Number(code) === expected ? count : 0),
      0,
    );
    rows.push({
      setup,
      request: name,
      result,
      unexpected: result.requests.total - answered + result.errors,
      cpuMs: {
        service: perRequest(0),
        ...(database ? { database: perRequest(1) } : {}),
      },
    });
  }

  /** GET, 304, POST and POST again against a seeded service at `base`. */
  async function measureService(
    setup: string,
    base: string,
    service: () => number[],
    database?: () => number[],
  ) {
    await seed(base);
    const pageUrl = `${base}/api/threads/${THREAD}/comments`;
    const etag = (await fetch(pageUrl)).headers.get('etag')!;
    await measure(
      setup,
      'GET the first page',
      200,
      { url: pageUrl },
      service,
      database,
    );
    await measure(
      setup,
      'GET it with If-None-Match (304)',
      304,
      { url: pageUrl, headers: { 'if-none-match': etag } },
      service,
      database,
    );
    let n = 0;
    const posting: autocannon.Options = {
      url: pageUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            n += 1;
            return {
              ...req,
              headers: {
                ...req.headers,
                'idempotency-key': `bench-${process.pid}-${rows.length}-${n}`,
              },
              body: JSON.stringify({
                author: { name: `Bench ${n}`, email: `bench${n}@example.com` },
                body: `Load test comment ${n}`,
              }),
            };
          },
        },
      ],
    };
    await measure(
      setup,
      'POST a comment (thread of 1,000)',
      201,
      posting,
      service,
      database,
    );
    const grown = (
      (await (await fetch(pageUrl)).json()) as { total: number }
    ).total.toLocaleString('en');
    await measure(
      setup,
      `POST a comment (thread of ${grown})`,
      201,
      posting,
      service,
      database,
    );
  }

  // The HTTP server's own limit.
  {
    const port = await freePort();
    const server = await startRole(['--hello', String(port)]);
    try {
      await measure(
        'bare Hono on Node',
        'GET /hello',
        200,
        { url: `http://127.0.0.1:${port}/hello` },
        () => [server.pid!],
      );
    } finally {
      await stopChild(server);
    }
  }

  const SERVICE_ENV = {
    DATELINE_FLOOD_SECONDS: '0',
    DATELINE_MODERATION: 'none',
  };
  for (const [setup, folder] of [
    ['SQLite, file on disk', tmpdir()],
    ['SQLite, file in memory', '/dev/shm'],
  ] as const) {
    const dir = mkdtempSync(join(folder, 'dateline-bench-'));
    const service = await startService(
      { ...SERVICE_ENV, DATELINE_DB: join(dir, 'dateline.sqlite') },
      [],
    );
    try {
      await measureService(setup, service.url, () => [service.process.pid!]);
    } finally {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const postgres = await startPostgres({
    // Every commit waits for its write, as SQLite's do (its data is in memory all the same).
    settings: {
      fsync: 'on',
      synchronous_commit: 'on',
      full_page_writes: 'on',
    },
  });
  try {
    const postmaster = Number(
      readFileSync(join(postgres.folder, 'data', 'postmaster.pid'), 'utf8')
        .split('\n')[0]!
        .trim(),
    );
    const database = () => family(postmaster);
    {
      const url = await postgres.createDatabase();
      const service = await startService(
        { ...SERVICE_ENV, DATABASE_URL: url },
        [],
      );
      try {
        await measureService(
          'PostgreSQL, one instance',
          service.url,
          () => [service.process.pid!],
          database,
        );
      } finally {
        await service.stop();
      }
    }
    {
      const url = await postgres.createDatabase();
      const instances = [
        await startService({ ...SERVICE_ENV, DATABASE_URL: url }, []),
        await startService({ ...SERVICE_ENV, DATABASE_URL: url }, []),
      ];
      const port = await freePort();
      const balancer = await startRole([
        '--proxy',
        String(port),
        ...instances.map((i) => String(i.port)),
      ]);
      try {
        await measureService(
          'PostgreSQL, two instances behind a proxy',
          `http://127.0.0.1:${port}`,
          () => instances.map((i) => i.process.pid!),
          database,
        );
      } finally {
        await stopChild(balancer);
        for (const instance of instances) await instance.stop();
      }
    }
  } finally {
    await postgres.stop();
  }

  const limit = rows[0]!.result.requests.average;
  const ms = (value: number) =>
    value >= 1 ? value.toFixed(1) : value.toFixed(2);
  console.log(
    `\nThread: 1,000 comments, 300 top-level and 700 replies 3 deep; the first page is 50 top-level comments with their 150 replies. Loopback, ${CONNECTIONS} connections, ${DURATION} s each.\n`,
  );
  console.log(
    '| setup | request | requests/s | of the bare server | p50 | p99 | CPU per request: service + database | unexpected answers |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const rate = row.result.requests.average;
    const { service, database } = row.cpuMs;
    console.log(
      `| ${row.setup} | ${row.request} | ${Math.round(rate).toLocaleString('en')} | ${Math.round((100 * rate) / limit)} % | ${row.result.latency.p50} ms | ${row.result.latency.p99} ms | ${ms(service)}${database === undefined ? '' : ` + ${ms(database)}`} ms | ${row.unexpected} |`,
    );
  }
}
