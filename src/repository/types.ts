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

/**
 * Where the service keeps comments. SQLite by default; the interface is what a PostgreSQL
 * implementation has to offer when a site outgrows one machine.
 */
export interface CommentRepository {
  /** Approved comments, a page of top-level ones with all their replies. */
  page(request: PageRequest): Page;
  countApproved(threadId: string): number;
  /** Changes whenever what a thread shows changes: the basis of its ETag. */
  threadVersion(threadId: string): number;
  get(id: string): StoredComment | undefined;
  /** Stores a comment and the answer for its idempotency key, in one transaction. */
  insert(
    comment: StoredComment,
    idempotency: { key: string; answer: IdempotentAnswer },
  ): void;
  answered(threadId: string, key: string): IdempotentAnswer | undefined;
  hasApprovedFrom(email: string): boolean;
  isDuplicate(
    threadId: string,
    author: { name: string; email: string },
    body: string,
  ): boolean;
  /** When the address last posted, as an ISO date, if ever. */
  lastPostFrom(addressHash: string): string | undefined;
  listByStatus(status: CommentStatus, limit: number): StoredComment[];
  setStatus(id: string, status: CommentStatus): StoredComment | undefined;
  /** A secret kept with the data, used to salt address hashes. */
  salt(): string;
  close(): void;
}
