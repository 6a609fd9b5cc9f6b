import type { CommentStatus } from '@dateline/core';
import type { ServiceConfig } from '../config.js';
import type { Logger } from '../middleware/answer.js';
import type {
  AuditRecordItem,
  CommentRepository,
} from '../repository/types.js';
import { inProcessBus, type LiveBus } from './bus.js';
import { createLiveHub, type LiveHub, type LiveHubOptions } from './hub.js';
import { postgresBus } from './postgres-bus.js';

const LIVE = Symbol('dateline.live');

interface Live {
  bus: LiveBus;
  hub: () => LiveHub;
  /** Messages being sent now. */
  sending: Set<Promise<void>>;
  close(): Promise<void>;
}

export interface LiveUpdatesOptions {
  /**
   * Default: PostgreSQL's LISTEN/NOTIFY when `config` names a PostgreSQL database (instances
   * share it), else the bus of this process alone (SQLite).
   */
  bus?: LiveBus;
  config?: Pick<ServiceConfig, 'databaseUrl'>;
  logger?: Pick<Logger, 'warn' | 'error'>;
  /** Limits and timings of the hub that serves readers' connections. */
  hub?: Omit<LiveHubOptions, 'repository' | 'bus' | 'logger'>;
}

/** Whether a change from `from` to `to` changes what readers see. */
const shows = (from: CommentStatus, to: CommentStatus) =>
  (from === 'approved') !== (to === 'approved');

/** The comments of audit items whose change readers see, by thread. */
function visibleByThread(
  items: readonly AuditRecordItem[],
): Map<string, string[]> {
  const byThread = new Map<string, string[]>();
  for (const item of items) {
    if (!item.threadId || !shows(item.from, item.to)) continue;
    const ids = byThread.get(item.threadId) ?? [];
    ids.push(item.commentId);
    byThread.set(item.threadId, ids);
  }
  return byThread;
}

/**
 * The repository, telling the live bus whenever a write changes what a thread shows: a comment
 * stored approved, and every status change into or out of "approved", whoever makes it (the
 * moderation page, a mailed one-click link, an undo). Every write the service makes goes
 * through its repository, so no path can change what readers see without the bus hearing of
 * it. The message is sent after the write has committed, and never delays or fails it: a
 * message lost (the bus down) is found later by the hub's version checks.
 *
 * Wrapping a repository that is already wrapped returns it as it is.
 *
 * @example
 * const repository = withLiveUpdates(openSqliteRepository(file));
 * liveHubOf(repository)?.connect(…)
 */
export function withLiveUpdates(
  repository: CommentRepository,
  options: LiveUpdatesOptions = {},
): CommentRepository {
  if (liveOf(repository)) return repository;
  const logger = options.logger ?? console;
  const databaseUrl = options.config?.databaseUrl;
  const bus =
    options.bus ??
    (databaseUrl
      ? postgresBus({ connectionString: databaseUrl, logger })
      : inProcessBus((error) =>
          logger.error('A live update listener failed.', error),
        ));
  let hub: LiveHub | undefined;
  const live: Live = {
    bus,
    sending: new Set(),
    hub: () => {
      hub ??= createLiveHub({
        ...options.hub,
        repository,
        bus,
        logger,
      });
      return hub;
    },
    async close() {
      await hub?.close();
      await bus.close();
    },
  };

  const publish = (byThread: Map<string, string[]>) => {
    if (byThread.size === 0) return;
    const sent = (async () => {
      const threadIds = [...byThread.keys()];
      const versions = await repository.threadVersions(threadIds);
      for (const [threadId, ids] of byThread)
        await bus.publish({
          threadId,
          version: versions.get(threadId) ?? 0,
          ids,
        });
    })().catch((error: unknown) =>
      logger.warn(
        `A live update could not be sent; pages open on the thread will fetch it again later (${error instanceof Error ? error.message : String(error)}).`,
      ),
    );
    live.sending.add(sent);
    void sent.finally(() => live.sending.delete(sent));
  };
  const one = (threadId: string, id: string) =>
    publish(new Map([[threadId, [id]]]));

  const wrapped: Partial<CommentRepository> = {
    async insert(comment, insertOptions) {
      const result = await repository.insert(comment, insertOptions);
      if (result.stored && comment.status === 'approved')
        one(comment.threadId, comment.id);
      return result;
    },
    async setStatus(id, status) {
      const before = await repository.get(id);
      const after = await repository.setStatus(id, status);
      if (before && after && shows(before.status, after.status))
        one(after.threadId, after.id);
      return after;
    },
    async moderate(request) {
      const result = await repository.moderate(request);
      if (result.entry) publish(visibleByThread(result.entry.items));
      return result;
    },
    async undo(request) {
      const result = await repository.undo(request);
      if (result.kind === 'undone' && result.entry)
        publish(visibleByThread(result.entry.items));
      return result;
    },
    async useActionLink(request) {
      const result = await repository.useActionLink(request);
      // A link acts only on a comment that awaits moderation: only "approve" shows anything.
      if (result.ok && result.comment.status === 'approved')
        one(result.comment.threadId, result.comment.id);
      return result;
    },
    async close() {
      await live.close();
      await repository.close();
    },
  };

  return new Proxy(repository, {
    get(target, name, receiver) {
      if (name === LIVE) return live;
      if (Object.hasOwn(wrapped, name))
        return wrapped[name as keyof CommentRepository];
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function liveOf(repository: CommentRepository): Live | undefined {
  return (repository as unknown as Record<symbol, Live | undefined>)[LIVE];
}

/** The hub serving readers' live connections, for a repository wrapped by `withLiveUpdates`. */
export function liveHubOf(repository: CommentRepository): LiveHub | undefined {
  return liveOf(repository)?.hub();
}

/**
 * Resolves once the messages of writes made so far have been sent and told to every connection
 * of this instance: for tests, which must not wait by the clock.
 */
export async function liveSettled(
  repository: CommentRepository,
): Promise<void> {
  const live = liveOf(repository);
  if (!live) return;
  await Promise.all(live.sending);
  await live.hub().settled();
}

/** The bus a wrapped repository publishes on. */
export function liveBusOf(repository: CommentRepository): LiveBus | undefined {
  return liveOf(repository)?.bus;
}
