/**
 * How the service's instances tell each other that what a thread shows changed: in one process
 * for SQLite, through PostgreSQL's LISTEN/NOTIFY when several instances share a database.
 */

/**
 * Comments whose visibility changed in one thread (approved, or no longer shown), and the
 * thread's version read after the change. Only ids travel: each instance reads the comments
 * themselves when it tells its readers, so a message never carries what a reader must not see,
 * and a late message can never show a comment that has since been removed.
 */
export interface LiveMessage {
  threadId: string;
  version: number;
  ids: string[];
}

export type LiveSignal =
  | { kind: 'message'; message: LiveMessage }
  /**
   * Messages may have been lost (the connection to the database dropped and came back):
   * whoever follows threads checks their versions again.
   */
  | { kind: 'gap' };

export interface LiveBus {
  /** Sends to every subscriber of every instance, this one included. */
  publish(message: LiveMessage): Promise<void>;
  subscribe(listener: (signal: LiveSignal) => void): () => void;
  /** Resolves once messages published from now on reach this bus's subscribers. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Calls each listener, so that one that throws never stops the others. */
export function fanOut(
  listeners: Iterable<(signal: LiveSignal) => void>,
  signal: LiveSignal,
  onError: (error: unknown) => void,
): void {
  for (const listener of [...listeners])
    try {
      listener(signal);
    } catch (error) {
      onError(error);
    }
}

/** The bus of a single process: what SQLite needs, one instance per database file. */
export function inProcessBus(
  onError: (error: unknown) => void = () => {},
): LiveBus {
  const listeners = new Set<(signal: LiveSignal) => void>();
  return {
    async publish(message) {
      fanOut(listeners, { kind: 'message', message }, onError);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: async () => {},
    async close() {
      listeners.clear();
    },
  };
}
