import { describe, expect, it } from 'vitest';
import { threadVersionReader } from './thread-versions.js';

/**
 * A database whose reads take as long as the test says: each read sees the versions as they
 * are when it begins, and answers when `finish` is called.
 */
function slowDatabase() {
  const versions = new Map<string, number>();
  const reads: { threads: string[]; finish: () => void }[] = [];
  const read = (threads: string[]) =>
    new Promise<Map<string, number>>((resolve) => {
      const seen = new Map(threads.map((id) => [id, versions.get(id) ?? 0]));
      reads.push({ threads, finish: () => resolve(seen) });
    });
  const repository = {
    threadVersion: async (id: string) => (await read([id])).get(id)!,
    threadVersions: (ids: readonly string[]) => read([...ids]),
  };
  return { versions, reads, repository };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('threadVersionReader', () => {
  it('answers the requests that arrive during a read with one read, begun after they came', async () => {
    const db = slowDatabase();
    const versionOf = threadVersionReader(db.repository);
    db.versions.set('t', 1);
    const first = versionOf('t');
    await tick();
    expect(db.reads).toHaveLength(1);
    // A write commits while the first read runs; then many requests come.
    db.versions.set('t', 2);
    const later = Array.from({ length: 20 }, () => versionOf('t'));
    const other = versionOf('u');
    expect(db.reads).toHaveLength(1);
    db.reads[0]!.finish();
    expect(await first).toBe(1);
    await tick();
    // One read for all that waited, both threads in it.
    expect(db.reads).toHaveLength(2);
    expect(db.reads[1]!.threads.sort()).toEqual(['t', 'u']);
    db.reads[1]!.finish();
    // None of them is answered from the read that began before it came.
    expect(await Promise.all(later)).toEqual(Array(20).fill(2));
    expect(await other).toBe(0);
  });

  it('shares one read between the requests of one turn of the event loop', async () => {
    const db = slowDatabase();
    db.versions.set('a', 5);
    const versionOf = threadVersionReader(db.repository);
    const asked = [versionOf('a'), versionOf('b'), versionOf('a')];
    expect(db.reads).toHaveLength(0);
    await tick();
    expect(db.reads).toHaveLength(1);
    expect(db.reads[0]!.threads.sort()).toEqual(['a', 'b']);
    db.reads[0]!.finish();
    expect(await Promise.all(asked)).toEqual([5, 0, 5]);
  });

  it('reads within the turn when nothing is being read', async () => {
    const db = slowDatabase();
    const versionOf = threadVersionReader(db.repository);
    const a = versionOf('a');
    await tick();
    db.reads[0]!.finish();
    await a;
    const b = versionOf('a');
    await tick();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.finish();
    expect(await b).toBe(0);
  });

  it('gives a failed read’s error to each request that waited for it, and reads again for the next', async () => {
    let fail = true;
    const versionOf = threadVersionReader({
      threadVersion: async () => {
        if (fail) throw new Error('database gone');
        return 7;
      },
      threadVersions: async () => {
        throw new Error('database gone');
      },
    });
    const waiting = [versionOf('t'), versionOf('t'), versionOf('u')];
    const results = await Promise.allSettled(waiting);
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
    ]);
    fail = false;
    expect(await versionOf('t')).toBe(7);
  });

  it('reads threads named like prototype keys as any other', async () => {
    const db = slowDatabase();
    db.versions.set('__proto__', 3);
    db.versions.set('constructor', 4);
    const versionOf = threadVersionReader(db.repository);
    const proto = versionOf('__proto__');
    const ctor = versionOf('constructor');
    await tick();
    db.reads[0]!.finish();
    expect([await proto, await ctor]).toEqual([3, 4]);
  });
});
