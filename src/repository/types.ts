import type { Comment, CommentOrder, CommentStatus } from '@dateline/core';

/** A comment as the service keeps it: the public comment plus what only moderators see. */
export interface StoredComment extends Comment {
  /** Never part of a public response. */
  email: string;
  /** Salted hash of the poster's address, for rate limits; never the address itself. */
  addressHash: string | null;
}

export interface PageRequest {
  threadId: string;
  /** Top-level comments per page; each comes with all its approved replies. */
  limit: number;
  order: CommentOrder;
  cursor?: string;
}

export interface Page {
  comments: Comment[];
  nextCursor?: string;
}

/** A first answer remembered for an idempotency key. */
export interface IdempotentAnswer {
  status: number;
  body: string;
}

/** A request asking to be the one that does the work for an idempotency key. */
export interface ReservationRequest {
  threadId: string;
  key: string;
  /**
   * Hash of the whole request (thread, key, canonical body): a key answers only the request
   * it was first used with.
   */
  requestHash: string;
  /** Now, in milliseconds since the epoch, by the clock every instance shares. */
  now: number;
  /**
   * How long the reservation holds. A holder that has not finished by then presumably
   * crashed, and a retry may take the reservation over.
   */
  leaseMs: number;
}

/** The outcome of `reserve`. */
export type Reservation =
  /** The caller holds the key and does the work, then `insert`s or `release`s with `token`. */
  | { kind: 'reserved'; token: string }
  /** The same request was answered before: answer it the same. */
  | { kind: 'answered'; answer: IdempotentAnswer }
  /** The same request is being worked on by another holder whose lease has not run out. */
  | { kind: 'in-progress' }
  /** The key was used for a different request. */
  | { kind: 'conflict' };

/** A reservation the caller holds. */
export interface HeldReservation {
  threadId: string;
  key: string;
  token: string;
}

export interface InsertOptions {
  /** Completes this reservation with `answer`, in the same transaction as the comment. */
  reservation?: HeldReservation & { answer: IdempotentAnswer };
  /**
   * The flood limit, checked again under the write lock so concurrent posts from one address
   * cannot all pass it: if the comment's address posted after this ISO time, nothing is
   * stored.
   */
  quietSince?: string;
}

export type InsertResult =
  | { stored: true }
  /** The address posted at `lastPostAt`, after `quietSince`. */
  | { stored: false; reason: 'too-fast'; lastPostAt: string }
  /** The reservation ran out and another request took it over; it will answer. */
  | { stored: false; reason: 'reservation-lost' };

/** An earlier comment with the same text, from the same address, in the same thread. */
export interface CommentCopy {
  email: string;
  addressHash: string | null;
  status: CommentStatus;
}

/**
 * Where the service keeps comments. SQLite by default; the interface is what a PostgreSQL
 * implementation has to offer when a site outgrows one machine, so every method is
 * asynchronous and every rule that must hold across instances (one comment per idempotency
 * key, the flood limit) is enforced inside the repository's transactions.
 *
 * The shared contract tests (`contract.ts`) say what each method must do.
 */
export interface CommentRepository {
  /** Approved comments, a page of top-level ones with all their replies. Throws `InvalidCursorError`. */
  page(request: PageRequest): Promise<Page>;
  countApproved(threadId: string): Promise<number>;
  /** Changes whenever what a thread shows changes: the basis of its ETag. */
  threadVersion(threadId: string): Promise<number>;
  get(id: string): Promise<StoredComment | undefined>;
  /**
   * Atomically takes an idempotency key for a request, or says who has it. Only one of any
   * number of concurrent callers, across processes, gets `reserved`.
   */
  reserve(request: ReservationRequest): Promise<Reservation>;
  /** Gives a reservation up, so a later retry of the request can do the work. */
  release(reservation: HeldReservation): Promise<void>;
  /**
   * Stores a comment, in one transaction with the completion of its reservation (if any), so
   * the answer for a key exists exactly when its comment does.
   */
  insert(
    comment: StoredComment,
    options?: InsertOptions,
  ): Promise<InsertResult>;
  /**
   * An approved comment's author with this exact name and this email (ignoring ASCII case),
   * if there is one: what first-time moderation asks (see `isReturningCommenter`).
   */
  findApprovedCommenter(author: {
    name: string;
    email: string;
  }): Promise<{ name: string; email: string } | undefined>;
  /** Comments of the thread with exactly this body from this address (at most 100), any status. */
  copiesFrom(request: {
    threadId: string;
    body: string;
    addressHash: string;
  }): Promise<CommentCopy[]>;
  /** When the address last posted, as an ISO date, if ever. */
  lastPostFrom(addressHash: string): Promise<string | undefined>;
  listByStatus(status: CommentStatus, limit: number): Promise<StoredComment[]>;
  setStatus(
    id: string,
    status: CommentStatus,
  ): Promise<StoredComment | undefined>;
  /**
   * Proves the store can be written: commits a real write, and checks that `room` more bytes
   * would still fit. Throws `StorageUnavailableError` when not.
   */
  checkWritable(room: number): Promise<void>;
  /** A secret kept with the data, used to salt address hashes. */
  salt(): string;
  close(): Promise<void>;
}

/** A cursor this service did not give out. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/**
 * Why the store cannot be written: `full` (no disk space, or the database's size limit),
 * `read-only` (file or disk not writable), `unavailable` (locked, I/O error, unreachable).
 */
export type StorageProblem = 'full' | 'read-only' | 'unavailable';

/**
 * The store refused a read or write for a reason outside the request: nothing the request
 * asked for was stored. `message` is for the operator's log, never for the reader.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly problem: StorageProblem;

  constructor(
    problem: StorageProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.problem = problem;
  }
}
