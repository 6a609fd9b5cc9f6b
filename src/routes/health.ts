import { Hono } from 'hono';
import {
  type CommentRepository,
  type StorageProblem,
  StorageUnavailableError,
} from '../repository/types.js';

/** What the operator is told the database's problem is. */
const PROBLEMS: Record<StorageProblem, string> = {
  full: 'the database cannot be written: it is full (the disk has no space left, or the database reached its size limit)',
  'read-only': 'the database cannot be written: it is read-only',
  unavailable: 'the database cannot be used right now',
};

export interface StorageHealthOptions {
  /** Bytes the store must still have room for: the largest comment. */
  room: number;
  /** Milliseconds between two real checks; answers in between are remembered. */
  intervalMs?: number;
  /** A monotonic clock in milliseconds. */
  clock?: () => number;
}

/** Whether the store can take a comment, as the health check and the error handler know it. */
export interface StorageHealth {
  /** The current problem, if any: checked for real at most once per interval. */
  check(): Promise<StorageUnavailableError | undefined>;
  /** A request just failed for this reason: the health check says so until a check passes. */
  failed(error: StorageUnavailableError): void;
}

/**
 * Checks the store with a real write, at most once per interval, so that a monitor (or
 * anyone) polling the health check cannot turn into a stream of disk writes.
 */
export function storageHealth(
  repository: CommentRepository,
  {
    room,
    intervalMs = 1000,
    clock = () => performance.now(),
  }: StorageHealthOptions,
): StorageHealth {
  let checkedAt = Number.NEGATIVE_INFINITY;
  let known: StorageUnavailableError | undefined;
  let running: Promise<StorageUnavailableError | undefined> | undefined;

  const probe = async () => {
    try {
      await repository.checkWritable(room);
      return undefined;
    } catch (error) {
      if (error instanceof StorageUnavailableError) return error;
      throw error;
    }
  };

  return {
    async check() {
      if (clock() - checkedAt < intervalMs) return known;
      running ??= probe().finally(() => {
        running = undefined;
      });
      known = await running;
      checkedAt = clock();
      return known;
    },
    failed(error) {
      known = error;
      checkedAt = clock();
    },
  };
}

/** The sentence a person reads about a storage problem. */
export function describeProblem(error: StorageUnavailableError): string {
  return PROBLEMS[error.problem];
}

/**
 * `GET /api/health`: 200 `{ status: "ok" }` when the database can be written, 503 with the
 * reason when not. It answers any origin, so a page can tell a service that is down from one
 * that refuses it.
 */
export function health(storage: StorageHealth) {
  return new Hono().get('/', async (c) => {
    const problem = await storage.check();
    c.header('Cache-Control', 'no-store');
    if (!problem) return c.json({ status: 'ok' });
    return c.json(
      {
        status: 'unavailable',
        error: {
          code: 'unavailable',
          message: `The comment service cannot store comments right now: ${describeProblem(problem)}.`,
        },
      },
      503,
    );
  });
}
