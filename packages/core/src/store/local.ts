import * as z from 'zod/mini';
import { createMemoryStore, type MemoryStoreState } from './memory.js';
import { CommentRowsSchema } from './protocol.js';
import type { CommentStore } from './types.js';

export interface LocalStoreOptions {
  /** Where to keep comments. Default `globalThis.localStorage`. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** The storage key. Default "dateline:comments". */
  key?: string;
}

/**
 * What is kept in storage; idempotency keys as pairs (a Zod record costs more bundle). A
 * damaged comment is left out without losing the others.
 */
const StoredSchema = z.object({
  comments: CommentRowsSchema,
  answered: z.array(z.object({ key: z.string(), id: z.string() })),
});

/**
 * A comment store in the reader's own browser (localStorage): the demo mode of the elements
 * when no service is configured. Only this browser sees the comments.
 *
 * @example
 * const store = createLocalStore();
 */
export function createLocalStore(
  options: LocalStoreOptions = {},
): CommentStore {
  const storage = options.storage ?? globalThis.localStorage;
  const key = options.key ?? 'dateline:comments';
  let state: MemoryStoreState = { comments: [], answered: {} };
  try {
    const raw = storage?.getItem(key);
    // A damaged entry is ignored rather than thrown: it must not break the page.
    const parsed = raw ? StoredSchema.safeParse(JSON.parse(raw)) : undefined;
    if (parsed?.success) {
      state = {
        comments: parsed.data.comments.comments,
        answered: Object.fromEntries(
          parsed.data.answered.map((a) => [a.key, a.id]),
        ),
      };
    }
  } catch {
    // unreadable JSON or storage denied: start empty
  }
  return createMemoryStore({
    comments: state.comments,
    answered: state.answered,
    onChange(next) {
      try {
        const stored = {
          comments: next.comments,
          answered: Object.entries(next.answered).map(([k, id]) => ({
            key: k,
            id,
          })),
        };
        storage?.setItem(key, JSON.stringify(stored));
      } catch {
        // storage full or denied: the comment still shows for this visit
      }
    },
  });
}
