import { parentPlaces } from './parents.js';
import type { Comment } from './schema.js';

/** A comment with its replies, as a thread shows it. */
export interface ThreadNode {
  comment: Comment;
  replies: ThreadNode[];
  /** 1 for a top-level comment. */
  depth: number;
}

export type CommentOrder = 'oldest' | 'newest';

export interface BuildThreadOptions {
  /** Oldest first (default, as WordPress) or newest first; replies follow the same order. */
  order?: CommentOrder;
  /** Levels of nesting; deeper replies attach at the deepest level. Default 5, as WordPress. */
  maxDepth?: number;
}

/** 1 if ascending by date, -1 if descending, 0 if neither (ties fit both). One pass. */
function direction(comments: readonly Comment[]): 1 | -1 | 0 {
  let up = true;
  let down = true;
  for (let i = 1; i < comments.length && (up || down); i += 1) {
    const a = comments[i - 1]!.createdAt;
    const b = comments[i]!.createdAt;
    if (a > b) up = false;
    else if (a < b) down = false;
  }
  return up ? 1 : down ? -1 : 0;
}

function ordered(
  comments: readonly Comment[],
  order: CommentOrder,
): readonly Comment[] {
  // Stores hand comments over already in order, so the common case stays linear.
  const want = order === 'oldest' ? 1 : -1;
  const have = direction(comments);
  if (have === want) return comments;
  if (have === -want) return [...comments].reverse();
  const sorted = [...comments].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
  return want === 1 ? sorted : sorted.reverse();
}

/**
 * The comments, each id once (its first copy), and where each one's parent is among them (-1
 * for none): by the table of `parentPlaces`, or by a Map when ids repeat or are too alike for it.
 */
function linked(list: readonly Comment[]): {
  source: readonly Comment[];
  parentOf: Int32Array;
} {
  const { parents } = parentPlaces(list);
  if (parents) return { source: list, parentOf: parents };
  // Each id numbered by its first copy's place among the comments kept.
  const place = new Map<string, number>();
  const source = list.filter(
    (c) => !place.has(c.id) && !!place.set(c.id, place.size),
  );
  const parentOf = Int32Array.from(source, ({ parentId }) =>
    parentId === null ? -1 : (place.get(parentId) ?? -1),
  );
  return { source, parentOf };
}

/**
 * Turns a flat list of comments into a thread. Linear in the number of comments when they come
 * in either date order (as stores return them). Replies whose parent is missing become
 * top-level; a cycle of parents is broken where it is found; a repeated id keeps its first copy.
 * Nothing recurses, so a chain of any length is built.
 *
 * @example
 * buildThread(comments, { order: 'oldest', maxDepth: 5 })
 * // [{ comment, depth: 1, replies: [{ comment, depth: 2, replies: [] }] }]
 */
export function buildThread(
  comments: readonly Comment[],
  options: BuildThreadOptions = {},
): ThreadNode[] {
  const maxDepth = Math.max(1, Math.floor(options.maxDepth ?? 5));
  const list = ordered(comments, options.order ?? 'oldest');

  // Comments are numbered by their place in the list, and everything but the nodes lives in
  // typed arrays: a thread of 100,000 comments allocates its nodes and little else.
  const { source, parentOf } = linked(list);
  const n = source.length;

  // Where each comment is listed: the comment whose replies hold it, -1 for top level.
  const holder = new Int32Array(n);
  // 0 not placed yet, -1 on the path being walked, else its depth.
  const depth = new Int32Array(n);
  const path = new Int32Array(n);
  for (let start = 0; start < n; start += 1) {
    if (depth[start] !== 0) continue;
    // Walk up to the first placed ancestor or a root, then place the path top-down.
    let length = 0;
    let i = start;
    while (i !== -1 && depth[i] === 0) {
      depth[i] = -1;
      path[length++] = i;
      i = parentOf[i]!;
    }
    // Meeting the path again is a cycle: the last comment walked becomes top-level.
    let parent = i !== -1 && depth[i]! > 0 ? i : -1;
    while (length > 0) {
      const j = path[--length]!;
      if (parent === -1) {
        depth[j] = 1;
        holder[j] = -1;
      } else if (depth[parent]! < maxDepth) {
        depth[j] = depth[parent]! + 1;
        holder[j] = parent;
      } else {
        depth[j] = maxDepth;
        holder[j] = holder[parent]!;
      }
      parent = j;
    }
  }

  // Each list allocated once at its final size, then filled in display order.
  const left = new Int32Array(n);
  let rootCount = 0;
  for (let i = 0; i < n; i += 1) {
    const h = holder[i]!;
    if (h === -1) rootCount += 1;
    else left[h]! += 1;
  }
  const nodes: ThreadNode[] = new Array(n);
  for (let i = 0; i < n; i += 1)
    nodes[i] = {
      comment: source[i]!,
      replies: left[i] === 0 ? [] : new Array(left[i]!),
      depth: depth[i]!,
    };
  const roots: ThreadNode[] = new Array(rootCount);
  let r = 0;
  for (let i = 0; i < n; i += 1) {
    const h = holder[i]!;
    if (h === -1) {
      roots[r++] = nodes[i]!;
    } else {
      const replies = nodes[h]!.replies;
      replies[replies.length - left[h]!] = nodes[i]!;
      left[h]! -= 1;
    }
  }
  return roots;
}

/** Counts the comments in a thread, however deep or wide. */
export function countThread(nodes: readonly ThreadNode[]): number {
  let n = 0;
  const stack: (readonly ThreadNode[])[] = [nodes];
  while (stack.length) {
    const level = stack.pop()!;
    n += level.length;
    for (const node of level) if (node.replies.length) stack.push(node.replies);
  }
  return n;
}
