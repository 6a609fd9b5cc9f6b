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
 * Turns a flat list of comments into a thread. Linear in the number of comments when they come
 * in either date order (as stores return them). Replies whose parent is missing become
 * top-level; a cycle of parents is broken where it is found; a repeated id keeps its first copy.
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

  // Index-based bookkeeping: one Map for ids, typed arrays for the rest. Setting ids from the
  // end lets the first copy of a repeated id win without a lookup per comment.
  let source = list;
  let index = new Map<string, number>();
  for (let i = source.length - 1; i >= 0; i -= 1) index.set(source[i]!.id, i);
  if (index.size !== source.length) {
    source = source.filter((c, i) => index.get(c.id) === i);
    index = new Map(source.map((c, i) => [c.id, i]));
  }
  const n = source.length;
  const nodes: ThreadNode[] = new Array(n);
  const parentOf = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const comment = source[i]!;
    nodes[i] = { comment, replies: [], depth: 0 };
    const pid = comment.parentId;
    parentOf[i] = pid === null ? -1 : (index.get(pid) ?? -1);
  }

  // Where each node is listed: the index of the node whose replies hold it, -1 for the roots.
  const holder = new Int32Array(n);
  const state = new Uint8Array(n); // 0 unplaced, 1 on the current path, 2 placed
  const path: number[] = [];

  for (let start = 0; start < n; start += 1) {
    if (state[start] === 2) continue;
    // Walk up to the first placed ancestor or a root, then place the path top-down.
    let i = start;
    while (i !== -1 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = parentOf[i]!;
    }
    // Meeting the path again is a cycle: the last node walked becomes a root.
    let parent = i !== -1 && state[i] === 2 ? i : -1;
    for (let k = path.length - 1; k >= 0; k -= 1) {
      const j = path[k]!;
      const node = nodes[j]!;
      if (parent === -1) {
        node.depth = 1;
        holder[j] = -1;
      } else {
        const p = nodes[parent]!;
        if (p.depth < maxDepth) {
          node.depth = p.depth + 1;
          holder[j] = parent;
        } else {
          node.depth = maxDepth;
          holder[j] = holder[parent]!;
        }
      }
      state[j] = 2;
      parent = j;
    }
    path.length = 0;
  }

  // Fill the lists in display order, each allocated at its final size.
  const counts = new Int32Array(n);
  let rootCount = 0;
  for (let i = 0; i < n; i += 1) {
    const h = holder[i]!;
    if (h === -1) rootCount += 1;
    else counts[h]! += 1;
  }
  const roots: ThreadNode[] = new Array(rootCount);
  const filled = new Int32Array(n);
  let r = 0;
  for (let i = 0; i < n; i += 1) {
    const h = holder[i]!;
    if (h === -1) {
      roots[r++] = nodes[i]!;
    } else {
      const p = nodes[h]!;
      if (filled[h] === 0) p.replies = new Array(counts[h]!);
      p.replies[filled[h]!++] = nodes[i]!;
    }
  }
  return roots;
}

/** Counts the comments in a thread. */
export function countThread(nodes: readonly ThreadNode[]): number {
  let n = 0;
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    n += 1;
    stack.push(...node.replies);
  }
  return n;
}
