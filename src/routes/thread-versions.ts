import type { CommentRepository } from '../repository/types.js';

/** Threads read in one query at most: the rest wait for the next. */
const MAX_BATCH = 100;

/**
 * Reads threads' versions with at most one query in flight. Requests that arrive while a read
 * runs, or in the same turn of the event loop, wait, and are answered together by the next
 * read, which begins after they all arrived: so every request still sees each write that
 * committed before it came, and a busy thread costs one query per round trip to the database,
 * or per turn, rather than one per request. That query is most of the work of a 304: a round
 * trip to PostgreSQL; on SQLite, a read transaction and its file locks.
 *
 * @example
 * const versionOf = threadVersionReader(repository);
 * const version = await versionOf('cambodia-crackdown-2025');
 */
export function threadVersionReader(
  repository: Pick<CommentRepository, 'threadVersion' | 'threadVersions'>,
): (threadId: string) => Promise<number> {
  type Waiter = {
    resolve: (version: number) => void;
    reject: (e: unknown) => void;
  };
  const waiting = new Map<string, Waiter[]>();
  let reading = false;

  const readAll = async () => {
    reading = true;
    try {
      // Requests that the server read from its sockets in the same turn come in one by one:
      // wait for the rest of the turn, so they share this read too.
      await new Promise((resolve) => setImmediate(resolve));
      while (waiting.size > 0) {
        const batch = new Map<string, Waiter[]>();
        for (const [threadId, waiters] of waiting) {
          if (batch.size === MAX_BATCH) break;
          batch.set(threadId, waiters);
        }
        for (const threadId of batch.keys()) waiting.delete(threadId);
        try {
          const ids = [...batch.keys()];
          const versions =
            ids.length === 1
              ? new Map([[ids[0]!, await repository.threadVersion(ids[0]!)]])
              : await repository.threadVersions(ids);
          for (const [threadId, waiters] of batch)
            for (const waiter of waiters)
              waiter.resolve(versions.get(threadId) ?? 0);
        } catch (error) {
          for (const waiters of batch.values())
            for (const waiter of waiters) waiter.reject(error);
        }
      }
    } finally {
      reading = false;
    }
  };

  return (threadId) =>
    new Promise<number>((resolve, reject) => {
      const waiters = waiting.get(threadId);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(threadId, [{ resolve, reject }]);
      if (!reading) void readAll();
    });
}
