import { describe, expect, it } from 'vitest';
import { indexIds } from './id-index.js';

const serviceIds = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, '0') +
      i.toString(16).padStart(16, '0'),
  );

/** Ids alike in their first and last 8 characters, where they are hashed: they all collide. */
const colliding = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `aaaaaaaa${i.toString(36).padStart(8, '0')}bbbbbbbb`,
  );

describe('indexIds', () => {
  it('finds where each id first appears, and -1 for one not there', () => {
    const ids = ['b', 'a', 'c', 'a', '', 'b'];
    const index = indexIds(ids);
    expect(index.size).toBe(4);
    expect(['a', 'b', 'c', '', 'd'].map((id) => index.get(id))).toEqual([
      1, 0, 2, 4, -1,
    ]);
  });

  it('compares whole ids, not the characters it hashes', () => {
    const ids = colliding(3);
    const index = indexIds(ids);
    expect(ids.map((id) => index.get(id))).toEqual([0, 1, 2]);
    expect(index.get(`aaaaaaaa${'z'.repeat(8)}bbbbbbbb`)).toBe(-1);
  });

  it('finds ids of every length and script, and ids built apart from the list', () => {
    const ids = [
      '1',
      '42',
      'comment-123',
      'ខ្មែរ-១២៣',
      '评论-8',
      '😀'.repeat(20),
      ...serviceIds(1000),
    ];
    const index = indexIds(ids);
    // Equal strings that are not the same objects, as a page parsed from JSON holds them.
    const copies: string[] = JSON.parse(JSON.stringify(ids));
    expect(copies.map((id) => index.get(id))).toEqual(ids.map((_, i) => i));
  });

  it('costs a few probes an id for the ids a store makes', () => {
    const n = 100_000;
    const ids = serviceIds(n);
    const index = indexIds(ids);
    for (const id of ids) index.get(id);
    for (let i = 0; i < n; i += 1) index.get(`gone-${i}`);
    expect(index.fellBack).toBe(false);
    expect(index.probes).toBeLessThan(3 * n);
  });

  it('stays linear on ids shaped to collide: past its budget it hands over to a Map', () => {
    const work = (n: number) => {
      const ids = colliding(n);
      const index = indexIds(ids);
      expect(index.fellBack).toBe(true);
      expect(index.size).toBe(n);
      expect(index.get(ids[n - 1]!)).toBe(n - 1);
      return index.probes;
    };
    const small = work(5000);
    const large = work(10_000);
    expect(large).toBeLessThanOrEqual(2 * small + 64);
    expect(large).toBeLessThanOrEqual(8 * 10_000 + 64);
  });

  it('stays linear on lookups of ids shaped to land where the table is crowded', () => {
    const n = 20_000;
    // A few hundred alike ids make one crowded stretch, within the build's budget.
    const ids = [...colliding(300), ...serviceIds(n - 300)];
    const index = indexIds(ids);
    expect(index.fellBack).toBe(false);
    // Each lookup of another alike id walks the whole stretch: the budget stops that.
    const built = index.probes;
    for (let i = 0; i < n; i += 1)
      expect(index.get(`aaaaaaaa${`q${i}`.padStart(8, '0')}bbbbbbbb`)).toBe(-1);
    expect(index.fellBack).toBe(true);
    expect(index.probes - built).toBeLessThanOrEqual(8 * n + 64);
    expect(index.get(ids[5]!)).toBe(5);
  });
});
