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
