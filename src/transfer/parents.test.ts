import { describe, expect, it } from 'vitest';
import { type ParentInput, resolveParents } from './parents.js';

let clock = 0;
const c = (
  key: string,
  parent?: string,
  over: Partial<ParentInput> = {},
): ParentInput => {
  clock += 1;
  return {
    key,
    thread: 't',
    ...(parent === undefined ? {} : { parent }),
    kept: true,
    createdAt: new Date(Date.UTC(2025, 6, 20, 8, 0, clock)).toISOString(),
    ...over,
  };
};

/** Each kept comment's parent key (or null) and note. */
function resolved(entries: ParentInput[]) {
  return resolveParents(entries).flatMap((o, i) =>
    entries[i]!.kept
      ? [
          [
            entries[i]!.key,
            o.parent === null ? null : entries[o.parent]!.key,
            o.note ?? '',
          ],
        ]
      : [],
  );
}

describe('resolveParents', () => {
  it('keeps replies on the comments they answer, in any order of the file', () => {
    expect(resolved([c('b', 'a'), c('a'), c('c', 'b')])).toEqual([
      ['b', 'a', ''],
      ['a', null, ''],
      ['c', 'b', ''],
    ]);
  });

  it('moves a reply to a skipped comment up to the nearest kept ancestor', () => {
    expect(
      resolved([
        c('a'),
        c('b', 'a', { kept: false }),
        c('c', 'b', { kept: false }),
        c('d', 'c'),
        c('e', 'b'),
      ]),
    ).toEqual([
      ['a', null, ''],
      ['d', 'a', 'parent-skipped'],
      ['e', 'a', 'parent-skipped'],
    ]);
  });

  it('makes top-level a reply to a comment the file lacks, or one of another thread', () => {
    expect(
      resolved([
        c('a', 'gone'),
        c('x', undefined, { thread: 'u' }),
        c('b', 'x'),
      ]),
    ).toEqual([
      ['a', null, 'parent-missing'],
      ['x', null, ''],
      ['b', null, 'parent-missing'],
    ]);
  });

  it('makes top-level a reply whose skipped ancestors end nowhere', () => {
    expect(resolved([c('b', 'a', { kept: false }), c('c', 'b')])).toEqual([
      ['c', null, 'parent-skipped'],
    ]);
  });

  it('cuts a circle of replies at its earliest comment', () => {
    const late = c('late', 'early');
    const middle = c('middle', 'late');
    const early = c('early', 'middle', {
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(resolved([late, middle, early, c('leaf', 'middle')])).toEqual([
      ['late', 'early', ''],
      ['middle', 'late', ''],
      ['early', null, 'parent-cycle'],
      ['leaf', 'middle', ''],
    ]);
  });

  it('cuts a comment that answers itself, and a circle of skipped comments', () => {
    expect(
      resolved([
        c('self', 'self'),
        c('p', 'q', { kept: false }),
        c('q', 'p', { kept: false }),
        c('r', 'p'),
      ]),
    ).toEqual([
      ['self', null, 'parent-cycle'],
      ['r', null, 'parent-skipped'],
    ]);
  });

  it('links replies to the first comment of a repeated id', () => {
    const entries = [c('a'), c('a', undefined, { kept: false }), c('b', 'a')];
    expect(resolveParents(entries)[2]).toEqual({ parent: 0 });
  });

  it('takes prototype names as ids like any other', () => {
    expect(
      resolved([
        c('__proto__'),
        c('constructor', '__proto__'),
        c('x', 'toString'),
      ]),
    ).toEqual([
      ['__proto__', null, ''],
      ['constructor', '__proto__', ''],
      ['x', null, 'parent-missing'],
    ]);
  });

  it('follows a chain 100,000 replies deep without running out of stack', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) =>
      c(`n${i}`, i ? `n${i - 1}` : undefined, { kept: i % 2 === 0 }),
    );
    const outcomes = resolveParents(chain);
    expect(outcomes[4]).toEqual({ parent: 2, note: 'parent-skipped' });
    expect(outcomes[99_998]).toEqual({
      parent: 99_996,
      note: 'parent-skipped',
    });
  });

  it('takes work in proportion to the comments, whatever their shape', () => {
    // Worst shapes: a long chain of skipped comments each with a kept reply (each reply walks
    // up the chain), and one long circle.
    const shapes = (n: number) => [
      Array.from({ length: n }, (_, i) =>
        i % 2 === 0
          ? c(`s${i}`, i ? `s${i - 2}` : undefined, { kept: false })
          : c(`k${i}`, `s${i - 1}`),
      ),
      Array.from({ length: n }, (_, i) => c(`r${i}`, `r${(i + 1) % n}`)),
    ];
    for (const [small, large] of shapes(10_000).map((s, k) => [
      s,
      shapes(20_000)[k]!,
    ])) {
      const a = { steps: 0 };
      const b = { steps: 0 };
      resolveParents(small!, a);
      resolveParents(large!, b);
      expect(b.steps / a.steps).toBeGreaterThan(1.8);
      expect(b.steps / a.steps).toBeLessThan(2.2);
    }
  });
});
