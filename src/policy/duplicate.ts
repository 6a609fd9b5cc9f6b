import { createHash } from 'node:crypto';
import type { CommentStatus } from '@dateline/core';
import { sameEmail } from './commenter.js';

/** Who is posting, as far as the service can tell. */
export interface Sender {
  email: string;
  /** Salted hash of the poster's address; null when the service could not tell it. */
  addressHash: string | null;
}

/** An earlier comment with the same text in the same thread. */
export interface EarlierCopy {
  email: string;
  addressHash: string | null;
  status: CommentStatus;
}

/**
 * Whether a new comment repeats one its sender already posted, which is answered 409 so a
 * double click or a resent form does not post twice.
 *
 * Only the same sender is told: the same address AND the same email, with a copy in any
 * status but deleted. Anyone else's identical text is an ordinary new comment, so the
 * answer never reveals who wrote what (guessing a commenter's email against a known comment
 * learns nothing). Without an address the sender cannot be recognised, so nothing is a repeat.
 *
 * @example
 * isRepeat({ email: 'a@example.com', addressHash: 'h1' }, [{ email: 'a@example.com', addressHash: 'h1', status: 'pending' }]) // → true
 * isRepeat({ email: 'a@example.com', addressHash: 'h2' }, [{ email: 'a@example.com', addressHash: 'h1', status: 'pending' }]) // → false
 */
export function isRepeat(
  sender: Sender,
  copies: readonly EarlierCopy[],
): boolean {
  if (sender.addressHash === null) return false;
  return copies.some(
    (copy) =>
      copy.status !== 'deleted' &&
      copy.addressHash === sender.addressHash &&
      sameEmail(copy.email, sender.email),
  );
}

/**
 * The key a repository finds a sender's earlier copies of a text by: SHA-256 of the body's
 * UTF-8 bytes, its first 128 bits in base64url (22 characters). A comment's body is up to
 * 65,525 characters, too long to index as it is; its digest keeps the index small and the
 * lookup one search, whatever the size of the thread. The body is stored normalised (trimmed,
 * NFC) and so is hashed as stored; a copy is a copy only if the bodies are equal too, so two
 * texts sharing a digest are still told apart.
 *
 * @example
 * bodyDigest('Hello') // 'GF-NsyJx_iX1Yab8k4suJg'
 */
export function bodyDigest(body: string): string {
  return createHash('sha256')
    .update(body, 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
