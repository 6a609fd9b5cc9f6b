import type { Comment } from './schema.js';

/**
 * Longest probe the table allows, in either building or looking up, before it gives way to a
 * Map. At most half the table is full, so a probe of ids that hash well takes one or two steps.
 */
export const PROBE_LIMIT = 64;

/**
 * An id's hash from a few of its characters, so a lookup reads little of the string: its
 * length, its first and middle characters and its last six (where the ids stores make differ:
 * counters, random hex, WordPress's numbers). Ids that agree in all of those fill one run of
 * the table; the probe limit then hands the work to a Map.
 */
function hashOf(text: string): number {
  // As text: a caller without types may pass WordPress's ids as numbers, which the check of a
  // match still tells apart from the same digits as text, as a Map does.
  const id = String(text);
  const n = id.length;
  let h = n;
  let i = 0;
  if (n > 8) {
    h = Math.imul(h ^ id.charCodeAt(0), 0x01000193);
    h = Math.imul(h ^ id.charCodeAt(n >> 1), 0x01000193);
    i = n - 6;
  }
  for (; i < n; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h;
}

/** What `parentPlaces` found, and the work it did (for tests that prove it linear). */
export interface ParentPlaces {
  /**
   * Each comment's parent's place in the list, -1 if it has none or the parent is missing; null
   * when the table cannot answer well: a repeated id (the caller keeps the first copy), or ids
   * so alike that a probe passes `PROBE_LIMIT`.
   */
  parents: Int32Array | null;
  /** Table slots visited, building and looking up. */
  probes: number;
}

/**
 * Where each comment's parent is in `list`, through a table of ids in typed arrays: the Map it
 * replaces spent most of its time hashing every character of 200,000 strings and chasing its
 * own entries. Each comment costs at most two probes of `PROBE_LIMIT` steps, so the work is
 * linear whatever the ids.
 */
export function parentPlaces(list: readonly Comment[]): ParentPlaces {
  const n = list.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  // The ids side by side, so a lookup's check of a match reads one string, not a comment first.
  const ids: string[] = new Array(n);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const id = list[i]!.id;
    ids[i] = id;
    hashes[i] = hashOf(id);
  }
  // Place + 1 of the comment in each slot, 0 for an empty one.
  const slots = new Int32Array(size);
  let probes = 0;
  /** The slot that holds `id`, or the empty one where it would go; -1 past the limit. */
  const slotOf = (id: string, h: number): number => {
    let slot = h & mask;
    for (let step = 0; step < PROBE_LIMIT; step += 1) {
      probes += 1;
      const j = slots[slot]! - 1;
      if (j === -1 || (hashes[j] === h && ids[j] === id)) return slot;
      slot = (slot + 1) & mask;
    }
    return -1;
  };
  for (let i = 0; i < n; i += 1) {
    const slot = slotOf(ids[i]!, hashes[i]!);
    if (slot === -1 || slots[slot]) return { parents: null, probes };
    slots[slot] = i + 1;
  }
  const parents = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const id = list[i]!.parentId;
    const slot = id === null ? 0 : slotOf(id, hashOf(id));
    if (slot === -1) return { parents: null, probes };
    parents[i] = id === null ? -1 : slots[slot]! - 1;
  }
  return { parents, probes };
}
