import type { Comment } from '../comment/schema.js';
import type { CommentOrder } from '../comment/thread.js';
import type { CommentPage } from './types.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Cursors for stores that hold the whole thread: the offset into the top-level list. */
export function encodeOffsetCursor(offset: number): string {
  return `o${offset.toString(36)}`;
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o([0-9a-z]{1,10})$/.exec(cursor);
  return m ? parseInt(m[1]!, 36) : 0;
}

export function compareCreated(a: Comment, b: Comment): number {
  return a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

/**
 * One page of a whole thread held in memory: `limit` top-level comments with all their
 * replies. A reply whose parent is not visible counts as top-level, as `buildThread` shows it.
 */
export function pageOfThread(
  visible: readonly Comment[],
  options: { cursor?: string; limit?: number; order?: CommentOrder },
): Omit<CommentPage, 'total'> {
  const limit = Math.min(
    Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE)),
    MAX_PAGE_SIZE,
  );
  const sorted = [...visible].sort(compareCreated);
  if (options.order === 'newest') sorted.reverse();
  const ids = new Set(sorted.map((c) => c.id));
  const children = new Map<string, Comment[]>();
  const tops: Comment[] = [];
  for (const c of sorted) {
    if (c.parentId !== null && c.parentId !== c.id && ids.has(c.parentId)) {
      const list = children.get(c.parentId) ?? [];
      list.push(c);
      children.set(c.parentId, list);
    } else tops.push(c);
  }
  const offset = decodeOffsetCursor(options.cursor);
  const pageTops = tops.slice(offset, offset + limit);
  const included = new Set<string>();
  const stack = [...pageTops];
  while (stack.length) {
    const c = stack.pop()!;
    if (included.has(c.id)) continue; // parent cycles
    included.add(c.id);
    stack.push(...(children.get(c.id) ?? []));
  }
  const comments = sorted.filter((c) => included.has(c.id));
  const next = offset + limit;
  return next < tops.length
    ? { comments, nextCursor: encodeOffsetCursor(next) }
    : { comments };
}
