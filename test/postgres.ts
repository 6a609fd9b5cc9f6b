/**
 * A real PostgreSQL for tests, started by the test itself: `initdb` into a new temporary
 * folder (in memory where /dev/shm has room), the server on 127.0.0.1 and a free port, a
 * database made with CREATE DATABASE for each test or suite. Everything goes when it stops,
 * or when the test process ends, however it ends.
 *
 *   const postgres = await startPostgres();
 *   const url = await postgres.createDatabase(); // postgres://dateline:…@127.0.0.1:PORT/test_1_…
 *   …
 *   await postgres.stop();
 *
 * PostgreSQL refuses to run as root; as root the server runs as `nobody`, in a folder given
 * to nobody. Debian's `postgresql` package has the binaries (`apt-get install postgresql`).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, NOBODY, runningAsRoot } from './process.js';

export interface PostgresServer {
  /** The database made at start, `dateline`. */
  url: string;
  host: string;
  port: number;
  /** The superuser every URL signs in as (with a password: the server asks for one over TCP). */
  user: string;
  password: string;
  /** The data folder's parent, removed on stop. */
  folder: string;
  /**
   * Makes a new, empty database (a new name unless given one) and resolves to its URL. With
   * `icuLocale` (such as `en-US`) its default collation is that language's, from ICU.
   */
  createDatabase(
    name?: string,
    options?: { icuLocale?: string },
  ): Promise<string>;
  /** Drops a database made by `createDatabase`, ending the connections still open to it. */
  dropDatabase(url: string): Promise<void>;
  /** Runs SQL as the superuser in the `postgres` database: for what a test does to the server. */
  admin<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** Everything the server logged, the last 20,000 characters. */
  log(): string;
  /** Stops the server (fast shutdown: connections are ended) and removes its folder. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Server settings (`-c name=value`) beside the test defaults. */
  settings?: Record<string, string>;
}

const BINARIES = ['initdb', 'postgres'] as const;

/** Where PostgreSQL's server binaries are: `pg_config --bindir`, Debian's folder, or the PATH. */
function binDir(): string | undefined {
  const found = (dir: string) =>
    BINARIES.every((name) => existsSync(join(dir, name)));
  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (found(dir)) return dir;
  } catch {
    // no pg_config: look where Debian puts them
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = join(debian, version, 'bin');
      if (found(dir)) return dir;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && found(dir)) return dir;
  return undefined;
}

let databases = 0;
/** Names the harness makes, and the only shape it accepts: a plain identifier. */
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Starts a PostgreSQL server of its own, for one test file. Durability is traded for speed
 * (fsync off): the data is thrown away anyway.
 */
export async function startPostgres(
  options: StartPostgresOptions = {},
): Promise<PostgresServer> {
  const bin = binDir();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed: initdb and postgres were not found (pg_config --bindir, /usr/lib/postgresql/*/bin, PATH). Install Debian’s postgresql: apt-get install postgresql.',
    );
  const user = 'dateline';
  const password = randomBytes(18).toString('base64url');
  // The port is free when asked for, and may be taken before the server binds it: try again.
  let launched: Launched | undefined;
  for (let attempt = 1; !launched; attempt += 1) {
    try {
      launched = await launch(bin, user, password, options.settings ?? {});
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) throw error;
    }
  }
  const { folder, port, server, admin: adminClient, log } = launched;

  const urlOf = (database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // One CREATE DATABASE at a time: PostgreSQL refuses to copy a template in use by another.
  let queue: Promise<unknown> = Promise.resolve();
  const createDatabase = (
    name?: string,
    { icuLocale }: { icuLocale?: string } = {},
  ) => {
    databases += 1;
    const database =
      name ??
      `test_${databases}_${process.pid}_${randomBytes(3).toString('hex')}`;
    if (!DATABASE_NAME.test(database))
      return Promise.reject(
        new Error(
          `A test database's name is lower-case letters, digits and _, starting with a letter or _, at most 63 long; not ${JSON.stringify(database)}.`,
        ),
      );
    if (icuLocale !== undefined && !/^[A-Za-z0-9-]{1,40}$/.test(icuLocale))
      return Promise.reject(
        new Error(
          `An ICU locale is letters, digits and -, such as en-US; not ${JSON.stringify(icuLocale)}.`,
        ),
      );
    const made = queue.then(() =>
      adminClient.query(
        icuLocale
          ? `CREATE DATABASE "${database}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${icuLocale}'`
          : `CREATE DATABASE "${database}"`,
      ),
    );
    queue = made.catch(() => undefined);
    return made.then(() => urlOf(database));
  };
  const dropDatabase = async (url: string) => {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    if (!DATABASE_NAME.test(database))
      throw new Error(`${JSON.stringify(database)} is not a test database.`);
    const dropped = queue.then(() =>
      adminClient.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    );
    queue = dropped.catch(() => undefined);
    await dropped;
  };
  await createDatabase('dateline');

  let stopping: Promise<void> | undefined;
  return {
    url: urlOf('dateline'),
    host: '127.0.0.1',
    port,
    user,
    password,
    folder,
    createDatabase,
    dropDatabase,
    admin: (sql, values) => adminClient.query(sql, values),
    log,
    stop: () => {
      stopping ??= (async () => {
        await adminClient.end().catch(() => undefined);
        // The watchdog stops the server once its input closes, then removes the folder.
        server.stdin!.end();
        await exited(server);
      })();
      return stopping;
    },
  };
}

/**
 * Where the data goes: memory (/dev/shm) when it has room, as a test's data is thrown away
 * anyway and every write and the final removal are then free; else the temporary folder.
 */
function scratch(): string {
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize > 2 ** 31) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

/** Thrown when another program took the port before the server could bind it. */
class PortTaken extends Error {}

interface Launched {
  folder: string;
  port: number;
  /** The watchdog shell that runs the server. */
  server: ChildProcess;
  admin: pg.Client;
  log: () => string;
}

/**
 * Runs the server under a shell that holds the test process's pipe as its input: when the pipe
 * closes (`stop`, or the test process ending in any way, killed included), the shell stops
 * the server (fast shutdown, then immediate after 10 s) and removes the folder. It also
 * removes the folder when the server ends on its own.
 */
const WATCHDOG = `
folder=$1
shift
exec 3<&0
"$@" </dev/null 3<&- &
server=$!
(
  while read -r _ <&3; do :; done
  kill -INT "$server" 2>/dev/null
  sleep 10
  kill -QUIT "$server" 2>/dev/null
) </dev/null &
watcher=$!
exec 3<&-
wait "$server"
status=$?
kill "$watcher" 2>/dev/null
rm -rf "$folder"
exit "$status"
`;

/** initdb in a new folder, then the server on a free port; resolves once it takes connections. */
async function launch(
  bin: string,
  user: string,
  password: string,
  extra: Record<string, string>,
): Promise<Launched> {
  const owner = runningAsRoot ? NOBODY : undefined;
  // Short: the server's unix socket lives here too, and socket paths hold 107 bytes at most.
  const folder = mkdtempSync(join(scratch(), 'dateline-pg-'));
  const remove = () =>
    rmSync(folder, {
      recursive: true,
      force: true,
      maxRetries: 5,
      retryDelay: 50,
    });
  // Until the watchdog runs, the folder is this process's to remove.
  process.once('exit', remove);
  const asOwner = {
    cwd: folder,
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC' },
    ...(owner ?? {}),
  };
  const data = join(folder, 'data');
  let server: ChildProcess | undefined;
  try {
    if (owner) chownSync(folder, owner.uid, owner.gid);
    const passwordFile = join(folder, 'password');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (owner) chownSync(passwordFile, owner.uid, owner.gid);
    await runToEnd(
      join(bin, 'initdb'),
      [
        '--pgdata',
        data,
        '--username',
        user,
        `--pwfile=${passwordFile}`,
        // Over TCP a password is asked for, as on a real server; the socket is the folder's owner's.
        '--auth-host=scram-sha-256',
        '--auth-local=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
      ],
      asOwner,
    );
    rmSync(passwordFile);

    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: folder,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
      shared_buffers: '32MB',
      max_wal_size: '128MB',
      min_wal_size: '32MB',
      log_min_messages: 'warning',
      ...extra,
    };
    const port = await freePort();
    let log = '';
    server = spawn(
      'sh',
      [
        '-c',
        WATCHDOG,
        'postgres-watchdog',
        folder,
        join(bin, 'postgres'),
        '-D',
        data,
        '-p',
        String(port),
        ...Object.entries(settings).flatMap(([name, value]) => [
          '-c',
          `${name}=${value}`,
        ]),
      ],
      { ...asOwner, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const keep = (d: Buffer) => {
      log = (log + d).slice(-20_000);
    };
    server.stdout!.on('data', keep);
    server.stderr!.on('data', keep);
    // From here the watchdog removes the folder, whenever the server ends.
    process.removeListener('exit', remove);
    const admin = await connectWhenReady(server, {
      host: '127.0.0.1',
      port,
      user,
      password,
      database: 'postgres',
    }).catch(async (error: unknown) => {
      server!.stdin!.end();
      await exited(server!);
      if (/could not bind|Address already in use/.test(log))
        throw new PortTaken(`port ${port} was taken`);
      throw new Error(
        `PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${log}`,
      );
    });
    admin.on('error', () => {
      // The server stopping ends this connection; `stop` expects that.
    });
    return { folder, port, server, admin, log: () => log };
  } catch (error) {
    if (!server) {
      process.removeListener('exit', remove);
      remove();
    }
    throw error;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

function runToEnd(
  command: string,
  args: string[],
  options: Parameters<typeof spawn>[2],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${command} ${args.join(' ')} failed (${code ?? signal}):\n${output}`,
            ),
          ),
    );
  });
}

/** Connects once the server accepts connections; rejects if it exits first or takes a minute. */
async function connectWhenReady(
  server: ChildProcess,
  config: pg.ClientConfig,
): Promise<pg.Client> {
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(
        `the server exited (${server.exitCode ?? server.signalCode})`,
      );
    const client = new pg.Client(config);
    client.on('error', () => {
      // a failed attempt; the next one decides
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() - started > 60_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
