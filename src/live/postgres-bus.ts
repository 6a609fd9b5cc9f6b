import pg from 'pg';
import type { Logger } from '../middleware/answer.js';
import {
  fanOut,
  type LiveBus,
  type LiveMessage,
  type LiveSignal,
} from './bus.js';

export interface PostgresBusOptions {
  /** The database the instances share (`DATABASE_URL`). */
  connectionString: string;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Default `dateline_live`; NOTIFY reaches the listeners of the same database only. */
  channel?: string;
  /** How long to wait before connecting again, by attempt (1, 2, …). Default 1 s doubling to 30 s. */
  reconnectDelay?: (attempt: number) => number;
}

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more: ids are sent in messages that
 * stay well below it.
 */
export const MAX_PAYLOAD_BYTES = 7000;

/** The messages `message` travels as: one, or several when its ids would not fit in one. */
export function payloads(message: LiveMessage): string[] {
  const out: string[] = [];
  let ids: string[] = [];
  const encode = (list: string[]) =>
    JSON.stringify({ t: message.threadId, v: message.version, i: list });
  for (const id of message.ids) {
    if (
      ids.length &&
      Buffer.byteLength(encode([...ids, id])) > MAX_PAYLOAD_BYTES
    ) {
      out.push(encode(ids));
      ids = [];
    }
    ids.push(id);
  }
  if (ids.length || out.length === 0) out.push(encode(ids));
  return out;
}

/** A payload read back; `undefined` for anything this service did not write. */
export function readPayload(payload: string): LiveMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { t, v, i } = value as Record<string, unknown>;
  if (
    typeof t !== 'string' ||
    !Number.isSafeInteger(v) ||
    (v as number) < 0 ||
    !Array.isArray(i) ||
    !i.every((id) => typeof id === 'string')
  )
    return undefined;
  return { threadId: t, version: v as number, ids: i as string[] };
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The bus of instances sharing one PostgreSQL database: one connection per instance LISTENs,
 * and publishes with pg_notify, which reaches every instance's listener once the sending
 * transaction has committed. When that connection drops, it connects again, and subscribers
 * are told that messages may have been lost in between (`gap`).
 */
export function postgresBus(options: PostgresBusOptions): LiveBus {
  const channel = options.channel ?? 'dateline_live';
  if (!IDENTIFIER.test(channel))
    throw new Error(
      `The live channel's name must be lower-case letters, digits and _, not ${JSON.stringify(channel)}.`,
    );
  const delay =
    options.reconnectDelay ??
    ((attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1)));
  const listeners = new Set<(signal: LiveSignal) => void>();
  const emit = (signal: LiveSignal) =>
    fanOut(listeners, signal, (error) =>
      options.logger.error('A live update listener failed.', error),
    );

  let connection: Promise<pg.Client> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let closed = false;
  /** Whether a connection was lost since the last one was made: the next one says so. */
  let lost = false;

  /** The connection made last: what an older one says about itself no longer matters. */
  let latest: pg.Client | undefined;

  const dropped = (client: pg.Client, error?: unknown) => {
    if (closed || client !== latest) return;
    latest = undefined;
    if (connection) {
      connection = undefined;
      lost = true;
      emit({ kind: 'gap' });
      options.logger.warn(
        `Live updates lost their connection to PostgreSQL${error instanceof Error ? ` (${error.message})` : ''}; connecting again.`,
      );
    }
    client.end().catch(() => undefined);
    clearTimeout(timer);
    attempts += 1;
    timer = setTimeout(
      () => void connect().catch(() => undefined),
      delay(attempts),
    );
    timer.unref?.();
  };

  const connect = (): Promise<pg.Client> => {
    if (closed) return Promise.reject(new Error('The live bus is closed.'));
    connection ??= (async () => {
      const client = new pg.Client({
        connectionString: options.connectionString,
      });
      latest = client;
      client.on('error', (error) => dropped(client, error));
      client.on('end', () => dropped(client));
      client.on('notification', (note) => {
        if (note.channel !== channel || note.payload === undefined) return;
        const message = readPayload(note.payload);
        if (message) emit({ kind: 'message', message });
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        dropped(client, error);
        throw error;
      }
      attempts = 0;
      if (lost) {
        lost = false;
        emit({ kind: 'gap' });
      }
      return client;
    })();
    return connection;
  };

  return {
    async publish(message) {
      const client = await connect();
      for (const payload of payloads(message))
        await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    subscribe(listener) {
      listeners.add(listener);
      // Listening starts with the first subscriber; a failure is retried by `dropped`.
      connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
    ready: async () => {
      await connect();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      listeners.clear();
      const current = connection;
      connection = undefined;
      const client = await current?.catch(() => undefined);
      await client?.end().catch(() => undefined);
    },
  };
}
