/**
 * Where each id of a list first appears, for `buildThread`. An open-addressing table in typed
 * arrays: a thread of 100,000 comments makes no garbage for the collector to copy, where a Map
 * of as many strings costs more than the rest of the build. Ids are hashed from at most their
 * first and last 8 characters, with a seed drawn per list; the table compares whole ids. Ids
 * shaped to collide (alike where they are hashed) cannot make it quadratic: past a bounded
 * number of probes it hands over to a Map.
 */
export interface IdIndex {
  /** How many different ids the list holds. */
  readonly size: number;
  /** The first place of `id` in the list, or -1. */
  get(id: string): number;
  /** Slots looked at past the first, building and looking up: the work collisions cost. */
  readonly probes: number;
  /** Whether the table gave up for a Map. */
  readonly fellBack: boolean;
}

function hashOf(id: string, seed: number): number {
  const n = id.length;
  let h = seed ^ n;
  // Every character of a short id; the first and last 8 of a long one.
  const head = n > 16 ? 8 : n;
  for (let i = 0; i < head; i += 1)
    h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  for (let i = n > 16 ? n - 8 : n; i < n; i += 1)
    h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Probes past the first allowed per id, for building and again for lookups, before a Map. */
const PROBES_PER_ID = 8;

class IdTable implements IdIndex {
  size = 0;
  probes = 0;
  private readonly mask: number;
  /**
   * Two numbers a slot, side by side so that one read of memory finds both: the place + 1 (0
   * for an empty slot) and the id's hash. Never more than half full.
   */
  private readonly slots: Int32Array;
  private readonly seed = (Math.random() * 2 ** 32) | 0;
  private budget: number;
  private map: Map<string, number> | undefined;

  constructor(private readonly ids: readonly string[]) {
    const n = ids.length;
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.mask = 2 * size - 1;
    this.slots = new Int32Array(2 * size);
    this.budget = PROBES_PER_ID * n + 64;
    for (let i = 0; i < n; i += 1) {
      const id = ids[i]!;
      const h = hashOf(id, this.seed);
      const j = this.find(id, h);
      if (j < 0) {
        this.fallBack();
        return;
      }
      if (this.slots[j] === 0) {
        this.slots[j] = i + 1;
        this.slots[j + 1] = h;
        this.size += 1;
      }
    }
    this.budget = PROBES_PER_ID * n + 64;
  }

  /** Where the slot holding `id` starts, or the empty one where it would go; -1 once over budget. */
  private find(id: string, h: number): number {
    const { slots, ids, mask } = this;
    for (let j = (h << 1) & mask; ; j = (j + 2) & mask) {
      const at = slots[j]! - 1;
      if (at < 0 || (slots[j + 1] === h && ids[at] === id)) return j;
      if (--this.budget < 0) return -1;
      this.probes += 1;
    }
  }

  private fallBack(): Map<string, number> {
    const map = new Map<string, number>();
    for (let i = this.ids.length - 1; i >= 0; i -= 1) map.set(this.ids[i]!, i);
    this.size = map.size;
    this.map = map;
    return map;
  }

  get fellBack(): boolean {
    return this.map !== undefined;
  }

  get(id: string): number {
    if (!this.map) {
      const j = this.find(id, hashOf(id, this.seed));
      if (j >= 0) return this.slots[j]! - 1;
    }
    return (this.map ?? this.fallBack()).get(id) ?? -1;
  }
}

export function indexIds(ids: readonly string[]): IdIndex {
  return new IdTable(ids);
}
