import { createHash } from 'node:crypto';
import type {
  CommentRepository,
  HeldReservation,
  IdempotentAnswer,
} from '../repository/types.js';

/** What the request hash is made of: the request after validation. */
export interface HashedRequest {
  threadId: string;
  key: string;
  parentId?: string | null | undefined;
  author: { name: string; email: string; url?: string | undefined };
  body: string;
  honeypot?: string | undefined;
}

/**
 * A hash of the request a key was used with: the validated fields in a fixed order, so a
 * retry matches whatever its JSON whitespace, property order or surrounding spaces.
 */
export function requestHash(request: HashedRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        request.threadId,
        request.key,
        request.parentId ?? null,
        request.author.name,
        request.author.email,
        request.author.url ?? null,
        request.body,
        request.honeypot ?? null,
      ]),
    )
    .digest('hex');
}

/** What the work did: answered (and stored, or not), or lost its reservation to a retry. */
export type Outcome = { response: Response; stored: boolean } | { lost: true };

export interface AnswerOnceOptions {
  repository: CommentRepository;
  threadId: string;
  key: string;
  requestHash: string;
  /** Does the work while holding the key; `stored` answers become the key's answer. */
  work: (reservation: HeldReservation) => Promise<Outcome>;
  /** Answers the same request answered before. */
  replay: (answer: IdempotentAnswer) => Response;
  /** Answers a request that reuses a key for something else. */
  conflict: () => Promise<Response>;
  /** Answers a retry that waited its whole deadline for another holder. */
  stillWorking: () => Response;
  /** How long a reservation holds before a retry may take it over. */
  leaseMs?: number;
  /** How long a retry waits for another holder's answer. */
  waitMs?: number;
  /** How often a waiting retry looks again. */
  pollMs?: number;
  /** The wall clock all instances share, in milliseconds. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A healthy request finishes in milliseconds, and a store on another machine (PostgreSQL)
 * in seconds at worst under load: 10 s is far beyond either, and short enough that the
 * retries of a crashed holder take over soon.
 */
export const LEASE_MS = 10_000;
/** Longer than the lease, so a waiting retry outlives a crashed holder and takes over. */
export const WAIT_MS = 15_000;
export const POLL_MS = 25;

const pause = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries are safe: one idempotency key, one piece of work, one answer, however retries
 * overlap, in one process or many. The key is reserved atomically before the work; a retry
 * of the same request that finds it taken waits for the first answer (or takes over a
 * reservation whose holder stopped); the same key with a different request is a conflict.
 * A refusal or a failure gives the key back, so a later retry can succeed.
 */
export async function answerOnce(
  options: AnswerOnceOptions,
): Promise<Response> {
  const {
    repository,
    threadId,
    key,
    work,
    leaseMs = LEASE_MS,
    waitMs = WAIT_MS,
    pollMs = POLL_MS,
    clock = Date.now,
    sleep = pause,
  } = options;
  const deadline = clock() + waitMs;
  for (;;) {
    const reservation = await repository.reserve({
      threadId,
      key,
      requestHash: options.requestHash,
      now: clock(),
      leaseMs,
    });
    if (reservation.kind === 'answered')
      return options.replay(reservation.answer);
    if (reservation.kind === 'conflict') return options.conflict();
    if (reservation.kind === 'reserved') {
      const held = { threadId, key, token: reservation.token };
      let outcome: Outcome;
      try {
        outcome = await work(held);
      } catch (error) {
        await repository.release(held).catch(() => undefined);
        throw error;
      }
      if (!('lost' in outcome)) {
        // A release that fails leaves the reservation to run out: the refusal still stands.
        if (!outcome.stored)
          await repository.release(held).catch(() => undefined);
        return outcome.response;
      }
      // Another retry took the key over while this one was slow: its answer is the answer.
    }
    if (clock() >= deadline) return options.stillWorking();
    await sleep(pollMs);
  }
}
