import type { Server, ServerOptions, ServerResponse } from 'node:http';

/** Whole headers of a comment API request are a few hundred bytes: ten seconds is plenty. */
export const HEADERS_SECONDS = 10;
/** Node's own default; idle keep-alive connections are closed after it. */
export const KEEP_ALIVE_SECONDS = 5;

/**
 * Timeouts for Node's HTTP server. Node allows 5 minutes for a request by default, so a client
 * that sends a body a byte at a time (slow loris) holds a connection that long; here a
 * request has `requestSeconds` in all, headers at most ten of them. Node checks these every
 * `connectionsCheckingInterval`, 30 s by default, which would stretch every limit by as much.
 *
 * @example
 * httpServerOptions({ requestSeconds: 30 }) // { requestTimeout: 30000, headersTimeout: 10000, … }
 */
export function httpServerOptions({
  requestSeconds,
}: {
  requestSeconds: number;
}): ServerOptions {
  const requestTimeout = requestSeconds * 1000;
  return {
    requestTimeout,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(HEADERS_SECONDS * 1000, requestTimeout),
    keepAliveTimeout: KEEP_ALIVE_SECONDS * 1000,
    connectionsCheckingInterval: Math.min(1000, requestTimeout),
  };
}

export interface StopResult {
  /** Requests still unanswered at the deadline, whose connections were closed. */
  dropped: number;
}

export interface GracefulServer {
  /** Requests received and not yet answered. */
  readonly inFlight: number;
  /**
   * Stops listening, lets requests in flight finish, and resolves once every connection is
   * closed. Requests still running after `deadlineMs` are dropped. Calling it again drops the
   * rest at once (a second Ctrl-C).
   */
  stop(deadlineMs: number): Promise<StopResult>;
}

/**
 * Follows a server's requests so it can stop cleanly: once stopping, every answer closes its
 * connection, so keep-alive clients move on rather than send more.
 */
export function graceful(server: Server): GracefulServer {
  const active = new Set<ServerResponse>();
  let stopping: Promise<StopResult> | undefined;
  let dropNow: (() => void) | undefined;

  server.on('request', (_request, response: ServerResponse) => {
    active.add(response);
    if (stopping) response.shouldKeepAlive = false;
    response.once('close', () => {
      active.delete(response);
      if (stopping) server.closeIdleConnections();
    });
  });

  return {
    get inFlight() {
      return active.size;
    },
    stop(deadlineMs) {
      if (stopping) {
        dropNow?.();
        return stopping;
      }
      for (const response of active) response.shouldKeepAlive = false;
      stopping = new Promise((resolve) => {
        let dropped = 0;
        const drop = () => {
          dropped = active.size;
          server.closeAllConnections();
        };
        const timer = setTimeout(drop, deadlineMs);
        dropNow = () => {
          clearTimeout(timer);
          drop();
        };
        server.close(() => {
          clearTimeout(timer);
          resolve({ dropped });
        });
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}

/**
 * Counts the request handlers still running, so the database closes only after the last one
 * has settled, including those whose connection was dropped at the deadline.
 */
export function handlerTracker() {
  let running = 0;
  const waiting = new Set<() => void>();
  return {
    get running() {
      return running;
    },
    wrap<A extends unknown[], R>(handler: (...args: A) => R | Promise<R>) {
      return async (...args: A): Promise<R> => {
        running += 1;
        try {
          return await handler(...args);
        } finally {
          running -= 1;
          if (running === 0) for (const resolve of waiting) resolve();
          if (running === 0) waiting.clear();
        }
      };
    },
    /** Resolves when no handler runs, or after `limitMs` whatever they do. */
    settled(limitMs: number): Promise<void> {
      if (running === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, limitMs);
        waiting.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
