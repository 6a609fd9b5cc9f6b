import { describe, expect, it } from 'vitest';
import { PROBE_LIMIT, parentPlaces } from './parents.js';
import type { Comment } from './schema.js';
import { buildThread, countThread, type ThreadNode } from './thread.js';

const at = Date.UTC(2025, 6, 20);
const comment = (id: string, parentId: string | null, i = 0): Comment => ({
  id,
  threadId: 't',
  parentId,
  author: { name: 'Reader' },
  body: 'A comment.',
  createdAt: new Date(at + i * 1000).toISOString(),
  status: 'approved',
});

/** An id shaped as the service makes them: 24 hex digits. */
const serviceId = (i: number) =>
  (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(24, '0');

/** Comments with service ids, each replying to an earlier one or none. */
function serviceIds(n: number): Comment[] {
  const ids = Array.from({ length: n }, (_, i) => serviceId(i));
  let pick = 7;
  return ids.map((id, i) => {
    pick = (Math.imul(pick, 48271) + 1) >>> 0;
    return comment(id, i && pick % 4 ? ids[pick % i]! : null, i);
  });
}

/** Ids that differ only where the hash does not look: one run of the table holds them all. */
const alike = (i: number) => `x${String(i).padStart(14, '0')}${'y'.repeat(15)}`;

describe('parentPlaces', () => {
  it('finds each parent by its id’s text, -1 for none or a missing one', () => {
    const list: Comment[] = JSON.parse(
      JSON.stringify([
        comment('a', null),
        comment('b', 'a'),
        comment('c', 'gone'),
        comment('d', 'b'),
      ]),
    );
    expect([...parentPlaces(list).parents!]).toEqual([-1, 0, -1, 1]);
  });

  it('tells ids apart that differ only where it does not hash', () => {
    const list = [comment(alike(1), null), comment(alike(2), alike(1))];
    expect([...parentPlaces(list).parents!]).toEqual([-1, 0]);
  });

  it('gives way on a repeated id, so the caller keeps its first copy', () => {
    expect(
      parentPlaces([comment('a', null), comment('a', null)]).parents,
    ).toBeNull();
  });

  it('gives way when ids are too alike, having probed at most the limit for each', () => {
    const chain = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        comment(alike(i), i ? alike(i - 1) : null, i),
      );
    // Up to the limit the run only grows: each insertion walks it, each lookup of the one
    // before walks it up to that one's place.
    const full = parentPlaces(chain(PROBE_LIMIT));
    expect(full.parents).not.toBeNull();
    expect(full.probes).toBe(
      (PROBE_LIMIT * (PROBE_LIMIT + 1)) / 2 +
        ((PROBE_LIMIT - 1) * PROBE_LIMIT) / 2,
    );
    // One more, and building stops at the limit: the work is that triangle, however many.
    const triangle = (PROBE_LIMIT * (PROBE_LIMIT + 1)) / 2;
    for (const n of [PROBE_LIMIT + 1, 1000, 100_000]) {
      const { parents, probes } = parentPlaces(chain(n));
      expect(parents).toBeNull();
      expect(probes).toBe(triangle + PROBE_LIMIT);
    }
  });

  it('does linear work: twice the comments, about twice the probes', () => {
    const small = parentPlaces(serviceIds(50_000)).probes;
    const large = parentPlaces(serviceIds(100_000)).probes;
    expect(large / small).toBeLessThan(2.2);
  });

  it.each([
    ['the service’s', serviceId],
    ['WordPress’s', (i: number) => String(i + 1)],
    ['prefixed', (i: number) => `comment-${i}`],
    ['dated', (i: number) => `2025-07-${10 + (i % 20)}-${i}`],
  ])('spreads %s ids: under two probes a comment on average', (_, idOf) => {
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, i) => idOf(i));
    const list = ids.map((id, i) => comment(id, ids[(i * 7919) % n]!, i));
    const { parents, probes } = parentPlaces(list);
    expect(parents).not.toBeNull();
    expect(probes / (2 * n)).toBeLessThan(2);
  });
});

describe('buildThread, whatever the ids', () => {
  it('builds a thread from ids that are not text, as a caller without types may pass', () => {
    const list = [comment('1', null), comment('2', '1')].map((c) => ({
      ...c,
      id: Number(c.id),
      parentId: c.parentId && Number(c.parentId),
    })) as unknown as Comment[];
    const [root] = buildThread(list);
    expect(root!.replies.map((r) => r.comment.id)).toEqual([2]);
  });

  const shape = (nodes: readonly ThreadNode[]): unknown =>
    nodes.map((n) => [n.comment.id, ...n.replies.map((r) => shape([r]))]);

  it('builds the same thread from ids the table cannot hold as from ones it can', () => {
    // A chain of 2,000 replies, once with service ids and once with alike ones.
    const plain = serviceIds(2000).map((c, i, all) =>
      comment(c.id, i ? all[i - 1]!.id : null, i),
    );
    const rename = new Map(plain.map((c, i) => [c.id, alike(i)]));
    const renamed = plain.map((c, i) =>
      comment(alike(i), c.parentId && rename.get(c.parentId)!, i),
    );
    expect(parentPlaces(plain).parents).not.toBeNull();
    expect(parentPlaces(renamed).parents).toBeNull();
    const a = buildThread(plain, { maxDepth: 3 });
    const b = buildThread(renamed, { maxDepth: 3 });
    expect(countThread(b)).toBe(2000);
    expect(JSON.stringify(shape(b))).toBe(
      JSON.stringify(shape(a)).replace(/"([0-9a-f]{24})"/g, (_, id: string) =>
        JSON.stringify(rename.get(id)),
      ),
    );
  });
});
