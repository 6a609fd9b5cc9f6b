import { CommentSchema, type Comment } from '../comment/schema.js';

/**
 * The reader's own comments that await moderation, kept in their browser so they still see
 * them after a reload: stores list only approved comments to the public.
 */
export interface PendingComments {
  /** The remembered comments of a thread that `listed` does not contain yet; forgets the rest. */
  unlisted(threadId: string, listed: readonly Comment[]): Comment[];
  remember(comment: Comment): void;
}

export function pendingComments(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  key: string,
): PendingComments {
  const read = (): Comment[] => {
    try {
      const raw = JSON.parse(storage?.getItem(key) ?? '[]');
      return Array.isArray(raw)
        ? raw.filter((c): c is Comment => CommentSchema.safeParse(c).success)
        : [];
    } catch {
      return [];
    }
  };
  const write = (list: Comment[]) => {
    try {
      storage?.setItem(key, JSON.stringify(list));
    } catch {
      // storage full or denied: the notice shows for this visit only
    }
  };
  return {
    unlisted(threadId, listed) {
      // Shown until the store lists them as approved.
      const ids = new Set(listed.map((c) => c.id));
      const all = read();
      const still = all.filter((c) => !ids.has(c.id));
      if (still.length !== all.length) write(still);
      return still.filter((c) => c.threadId === threadId);
    },
    remember(comment) {
      write([...read().filter((c) => c.id !== comment.id), comment]);
    },
  };
}

/** localStorage where there is one. */
export const browserStorage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;
