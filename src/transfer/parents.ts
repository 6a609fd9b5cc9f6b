/**
 * Which comment each imported comment replies to, once some of the file's comments are left
 * out. A reply to a skipped comment moves up to the nearest ancestor that is imported (what
 * WordPress does to the replies of a comment it deletes); a reply to a comment the file lacks,
 * or one of another thread, becomes top-level; a circle of replies is cut at its earliest
 * comment. Linear in the number of comments however they are shaped: no recursion, and each
 * chain of skipped comments is walked once.
 */

export interface ParentInput {
  /** The source id; a later comment with the same id must not be `kept`. */
  key: string;
  thread: string;
  parent?: string;
  kept: boolean;
  /** Orders a circle's members: the earliest becomes its top. */
  createdAt: string;
}

export type ParentNote = 'parent-missing' | 'parent-skipped' | 'parent-cycle';

export interface ParentOutcome {
  /** The index of the comment it replies to, or null for top-level. */
  parent: number | null;
  note?: ParentNote;
}

/** Counts the steps taken, so a test can show the work grows linearly. */
export interface WorkCounter {
  steps: number;
}

const NONE = -1;
const UNKNOWN = -2;

/**
 * The parent of each kept comment of `entries` (by index); entries not kept get
 * `{ parent: null }`.
 */
export function resolveParents(
  entries: readonly ParentInput[],
  work: WorkCounter = { steps: 0 },
): ParentOutcome[] {
  const n = entries.length;
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i += 1)
    if (!byKey.has(entries[i]!.key)) byKey.set(entries[i]!.key, i);

  /** The index of a comment's parent in the same thread, NONE when it has none there. */
  const raw = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const e = entries[i]!;
    const p = e.parent === undefined ? undefined : byKey.get(e.parent);
    // A comment naming itself stays so: a circle of one, cut below like any circle.
    raw[i] = p === undefined || entries[p]!.thread !== e.thread ? NONE : p;
  }

  /** For a skipped comment: its nearest kept ancestor, NONE, or UNKNOWN until found. */
  const nearest = new Int32Array(n).fill(UNKNOWN);
  const path: number[] = [];
  const onPath = new Uint8Array(n);
  const nearestKept = (start: number): number => {
    let at = start;
    let found = NONE;
    for (;;) {
      work.steps += 1;
      if (at === NONE) break;
      if (entries[at]!.kept) {
        found = at;
        break;
      }
      if (nearest[at] !== UNKNOWN) {
        found = nearest[at]!;
        break;
      }
      // A circle of skipped comments leads to no kept one.
      if (onPath[at]) break;
      onPath[at] = 1;
      path.push(at);
      at = raw[at]!;
    }
    for (const skipped of path) {
      nearest[skipped] = found;
      onPath[skipped] = 0;
    }
    path.length = 0;
    return found;
  };

  const outcomes: ParentOutcome[] = new Array(n);
  const parent = new Int32Array(n).fill(NONE);
  for (let i = 0; i < n; i += 1) {
    const e = entries[i]!;
    if (!e.kept) {
      outcomes[i] = { parent: null };
      continue;
    }
    const p = raw[i]!;
    if (p === NONE) {
      outcomes[i] =
        e.parent === undefined
          ? { parent: null }
          : { parent: null, note: 'parent-missing' };
    } else if (p === i || entries[p]!.kept) {
      parent[i] = p;
      outcomes[i] = { parent: p };
    } else {
      const up = nearestKept(p);
      parent[i] = up;
      outcomes[i] = { parent: up === NONE ? null : up, note: 'parent-skipped' };
    }
  }

  // Kept comments now form chains that end at the top or go round: cut each circle once.
  const state = new Uint8Array(n); // 0 unseen, 1 on the walk, 2 settled
  const walk: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (!entries[i]!.kept || state[i] !== 0) continue;
    let at = i;
    while (at !== NONE && state[at] === 0) {
      work.steps += 1;
      state[at] = 1;
      walk.push(at);
      at = parent[at]!;
    }
    if (at !== NONE && state[at] === 1) {
      const circle = walk.slice(walk.indexOf(at));
      let top = circle[0]!;
      for (const member of circle) {
        work.steps += 1;
        const a = entries[member]!;
        const b = entries[top]!;
        if (
          a.createdAt < b.createdAt ||
          (a.createdAt === b.createdAt && member < top)
        )
          top = member;
      }
      parent[top] = NONE;
      outcomes[top] = { parent: null, note: 'parent-cycle' };
    }
    for (const settled of walk) state[settled] = 2;
    walk.length = 0;
  }
  return outcomes;
}
