import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  graceful,
  handlerTracker,
  httpServerOptions,
  type StopResult,
} from './http.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

/** A server whose handler waits until the test lets each request go. */
async function slowServer() {
  const waiting: Array<() => void> = [];
  const arrived: Array<() => void> = [];
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    waiting.push(() => res.end('done'));
    arrived.shift()?.();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    /** Resolves once the handler holds a request. */
    nextArrival: () => new Promise<void>((r) => arrived.push(r)),
    release: () => waiting.shift()?.(),
  };
}

function get(port: number, agent?: Agent) {
  return new Promise<{ status: number; body: string; connection: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/', ...(agent ? { agent } : {}) },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              body,
              connection: String(res.headers.connection),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('graceful', () => {
  it('lets a request in flight finish, refuses new connections, then closes', async () => {
    const { server, port, nextArrival, release } = await slowServer();
    const lifecycle = graceful(server);
    const arrival = nextArrival();
    const answer = get(port);
    await arrival;
    expect(lifecycle.inFlight).toBe(1);
    let result: StopResult | undefined;
    const stopped = lifecycle.stop(60_000).then((r) => (result = r));
    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(result).toBeUndefined();
    release();
    await expect(answer).resolves.toEqual({
      status: 200,
      body: 'done',
      connection: 'close',
    });
    await stopped;
    expect(result).toEqual({ dropped: 0 });
  });

  it('drops requests still running at the deadline', async () => {
    const { server, port, nextArrival } = await slowServer();
    const lifecycle = graceful(server);
    const arrival = nextArrival();
    const answer = get(port);
    await arrival;
    await expect(lifecycle.stop(50)).resolves.toEqual({ dropped: 1 });
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('closes idle keep-alive connections at once rather than wait for the deadline', async () => {
    const { server, port, nextArrival, release } = await slowServer();
    const lifecycle = graceful(server);
    const agent = new Agent({ keepAlive: true });
    const arrival = nextArrival();
    const answer = get(port, agent);
    await arrival;
    release();
    expect((await answer).connection).toBe('keep-alive');
    // Were the idle connection kept, this would wait out the test's timeout.
    await expect(lifecycle.stop(600_000)).resolves.toEqual({ dropped: 0 });
    agent.destroy();
  });

  it('drops what is left at once when asked to stop a second time', async () => {
    const { server, port, nextArrival } = await slowServer();
    const lifecycle = graceful(server);
    const arrival = nextArrival();
    const answer = get(port).catch((e: unknown) => e);
    await arrival;
    const first = lifecycle.stop(600_000);
    const second = lifecycle.stop(600_000);
    await expect(first).resolves.toEqual({ dropped: 1 });
    await expect(second).resolves.toEqual({ dropped: 1 });
    await expect(answer).resolves.toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('handlerTracker', () => {
  it('settles once the last running handler has', async () => {
    const tracker = handlerTracker();
    let finish!: () => void;
    const handler = tracker.wrap(
      () => new Promise<string>((r) => (finish = () => r('ok'))),
    );
    const result = handler();
    expect(tracker.running).toBe(1);
    let settled = false;
    const done = tracker.settled(600_000).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish();
    await expect(result).resolves.toBe('ok');
    await done;
    expect(tracker.running).toBe(0);
  });

  it('counts a handler that throws as settled', async () => {
    const tracker = handlerTracker();
    const handler = tracker.wrap(async () => {
      throw new Error('dropped');
    });
    await expect(handler()).rejects.toThrow('dropped');
    expect(tracker.running).toBe(0);
    await tracker.settled(600_000);
  });
});

describe('httpServerOptions', () => {
  it('gives a request 30 s in all and its headers 10 s by default, checked every second', () => {
    expect(httpServerOptions({ requestSeconds: 30 })).toEqual({
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    });
  });

  it('never gives headers longer than the whole request, which Node refuses', () => {
    const options = httpServerOptions({ requestSeconds: 2 });
    expect(options.headersTimeout).toBe(2_000);
    expect(() => createServer(options).close()).not.toThrow();
  });
});
