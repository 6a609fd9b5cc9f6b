import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresServer, startPostgres } from './postgres.js';
import {
  failedStart,
  freePort,
  type ServiceProcess,
  startService,
} from './process.js';

/** The service as `npm start` runs it, told DATABASE_URL: comments go to PostgreSQL. */
describe('the service on PostgreSQL', () => {
  let postgres: PostgresServer;
  const running: ServiceProcess[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterEach(async () => {
    for (const service of running.splice(0)) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  const start = async (url: string) => {
    // Without the flood limit: every post here comes from this machine's one address.
    const service = await startService({
      DATABASE_URL: url,
      DATELINE_FLOOD_SECONDS: '0',
    });
    running.push(service);
    return service;
  };
  const post = (service: ServiceProcess, thread: string, body: string) =>
    fetch(`${service.url}/api/threads/${thread}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        author: { name: 'Sokha', email: 'sokha@example.com' },
        body,
      }),
    });
  const bodies = async (service: ServiceProcess, thread: string) =>
    (
      (await (
        await fetch(`${service.url}/api/threads/${thread}/comments`)
      ).json()) as { comments: Array<{ body: string }> }
    ).comments.map((c) => c.body);

  it('keeps comments in the database DATABASE_URL names, shared by two instances, and never prints its password', async () => {
    const url = await postgres.createDatabase();
    const [a, b] = [await start(url), await start(url)];
    expect((await post(a!, 'kh', 'Written through the first')).status).toBe(
      201,
    );
    expect((await post(b!, 'kh', 'Written through the second')).status).toBe(
      201,
    );
    expect(await bodies(b!, 'kh')).toEqual([
      'Written through the first',
      'Written through the second',
    ]);
    expect(await bodies(a!, 'kh')).toEqual(await bodies(b!, 'kh'));
    const database = new URL(url).pathname;
    expect(a!.output()).toContain(
      `comments are stored in PostgreSQL at postgres://dateline:****@127.0.0.1:${postgres.port}${database}`,
    );
    for (const service of [a!, b!])
      expect(service.output()).not.toContain(postgres.password);
  });

  it('answers 503, not 500, while PostgreSQL refuses connections, and works again after', async () => {
    const url = await postgres.createDatabase();
    const name = new URL(url).pathname.slice(1);
    const service = await start(url);
    expect((await post(service, 'kh', 'Before')).status).toBe(201);
    await postgres.admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await postgres.admin(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    const refused = await post(service, 'kh', 'During');
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('unavailable');
    expect((await fetch(`${service.url}/api/health`)).status).toBe(503);
    await postgres.admin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    expect((await post(service, 'kh', 'After')).status).toBe(201);
    expect(await bodies(service, 'kh')).toEqual(['Before', 'After']);
    expect(service.output()).toContain('cannot be used right now');
    expect(service.output()).not.toContain(postgres.password);
  });

  it('will not start when the database cannot be reached, and says so without the password', async () => {
    const port = await freePort();
    const { code, output } = await failedStart({
      DATABASE_URL: `postgres://dateline:hunter2-secret@127.0.0.1:${port}/dateline`,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      `Dateline cannot start: the PostgreSQL database postgres://dateline:****@127.0.0.1:${port}/dateline cannot be used: connect ECONNREFUSED`,
    );
    expect(output).not.toContain('hunter2');
  });

  it('will not start with a DATABASE_URL that is not PostgreSQL’s', async () => {
    const { code, output } = await failedStart({
      DATABASE_URL: 'mysql://dateline:hunter2-secret@db.example/dateline',
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'Dateline cannot start: DATABASE_URL must be a PostgreSQL URL',
    );
    expect(output).not.toContain('hunter2');
  });
});
