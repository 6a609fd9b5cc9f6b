import {
  NewCommentSchema,
  type Comment,
  type NewCommentInput,
} from '../comment/schema.js';
import { commentMessage } from '../messages/comment-message.js';
import { fieldErrors } from '../validation/field-errors.js';
import { newId } from './id.js';
import { pageOfThread } from './paging.js';
import {
  CommentStoreError,
  type CommentStore,
  type CreateCommentOptions,
  type ListCommentsOptions,
} from './types.js';

export interface MemoryStoreOptions {
  /** Comments the store starts with. */
  comments?: readonly Comment[];
  /** Status given to new comments: "approved" (default) or "pending" to act as a moderated site. */
  newStatus?: 'approved' | 'pending';
  /** The clock, for tests. */
  now?: () => Date;
  /** Called after every change with the whole state, for stores that persist it. */
  onChange?: (state: MemoryStoreState) => void;
  /** Idempotency keys already answered, from a persisted state. */
  answered?: Readonly<Record<string, string>>;
}

export interface MemoryStoreState {
  comments: Comment[];
  /** idempotency key → comment id */
  answered: Record<string, string>;
}

/**
 * A comment store held in memory: for tests, previews and as the base of the local store.
 * Comments it created itself count as the caller's own, so their pending ones are listed.
 *
 * @example
 * const store = createMemoryStore();
 * await store.create({ threadId: 't', author: { name: 'Ana', email: 'ana@example.com' }, body: 'Hi' }, { idempotencyKey: 'k1' });
 */
export function createMemoryStore(
  options: MemoryStoreOptions = {},
): CommentStore {
  const comments: Comment[] = [...(options.comments ?? [])];
  const answered = new Map<string, string>(
    Object.entries(options.answered ?? {}),
  );
  const own = new Set<string>(answered.values());
  const now = options.now ?? (() => new Date());

  // Posts in the same millisecond must still list in the order they were made.
  let last = comments.reduce(
    (max, c) => Math.max(max, Date.parse(c.createdAt) || 0),
    0,
  );
  const stamp = () => {
    last = Math.max(now().getTime(), last + 1);
    return new Date(last).toISOString();
  };

  const save = () =>
    options.onChange?.({
      comments: [...comments],
      answered: Object.fromEntries(answered),
    });

  return {
    async list(threadId: string, opts: ListCommentsOptions = {}) {
      const visible = comments.filter(
        (c) =>
          c.threadId === threadId &&
          (c.status === 'approved' ||
            (c.status === 'pending' && own.has(c.id))),
      );
      const page = pageOfThread(visible, opts);
      const total = comments.filter(
        (c) => c.threadId === threadId && c.status === 'approved',
      ).length;
      return { ...page, total };
    },

    async create(input: NewCommentInput, opts: CreateCommentOptions) {
      const previous = answered.get(opts.idempotencyKey);
      const first =
        previous === undefined
          ? undefined
          : comments.find((c) => c.id === previous);
      if (first) return first;

      const parsed = NewCommentSchema.safeParse(input);
      if (!parsed.success) {
        throw new CommentStoreError(
          'Your comment could not be posted: please check the highlighted fields.',
          {
            code: 'invalid',
            fields: fieldErrors(parsed.error),
          },
        );
      }
      const data = parsed.data;
      const parentId = data.parentId ?? null;
      if (
        parentId !== null &&
        !comments.some(
          (c) =>
            c.id === parentId &&
            c.threadId === data.threadId &&
            c.status === 'approved',
        )
      ) {
        const notFound = commentMessage('parent-invalid');
        throw new CommentStoreError(notFound, {
          code: 'invalid',
          fields: { parentId: notFound },
        });
      }
      if (
        comments.some(
          (c) =>
            c.threadId === data.threadId &&
            c.author.name === data.author.name &&
            c.body === data.body,
        )
      ) {
        throw new CommentStoreError('You have already said that.', {
          code: 'duplicate',
          fields: {
            body: 'Duplicate comment detected; it looks as though you’ve already said that!',
          },
        });
      }
      const comment: Comment = {
        id: newId(),
        threadId: data.threadId,
        parentId,
        author: data.author.url
          ? { name: data.author.name, url: data.author.url }
          : { name: data.author.name },
        body: data.body,
        createdAt: stamp(),
        status: options.newStatus ?? 'approved',
      };
      comments.push(comment);
      answered.set(opts.idempotencyKey, comment.id);
      own.add(comment.id);
      save();
      return comment;
    },
  };
}
