import { describe, expect, it } from 'vitest';
import {
  buildThread,
  countThread,
  type Comment,
  type ThreadNode,
} from './index.js';

let clock = 0;
const c = (id: string, parentId: string | null = null): Comment => ({
  id,
  threadId: 't',
  parentId,
  author: { name: id },
  body: id,
  createdAt: new Date(Date.UTC(2025, 6, 20) + 1000 * ++clock).toISOString(),
  status: 'approved',
});
const shape = (nodes: readonly ThreadNode[]): unknown =>
  nodes.map((n) => [
    n.comment.id,
    n.depth,
    ...(n.replies.length ? [shape(n.replies)] : []),
  ]);

describe('buildThread', () => {
  it('nests replies under their parents, oldest first', () => {
    const list = [c('a'), c('b', 'a'), c('c'), c('d', 'b')];
    expect(shape(buildThread(list))).toEqual([
      ['a', 1, [['b', 2, [['d', 3]]]]],
      ['c', 1],
    ]);
  });

  it('orders newest first on request, at every level', () => {
    const list = [c('a'), c('b', 'a'), c('c', 'a'), c('d')];
    expect(shape(buildThread(list, { order: 'newest' }))).toEqual([
      ['d', 1],
      [
        'a',
        1,
        [
          ['c', 2],
          ['b', 2],
        ],
      ],
    ]);
  });

  it('sorts input that comes in no order', () => {
    const [a, b, d] = [c('a'), c('b', 'a'), c('d')];
    expect(shape(buildThread([d!, b!, a!]))).toEqual([
      ['a', 1, [['b', 2]]],
      ['d', 1],
    ]);
  });

  it('attaches replies past the depth limit at the deepest level, as WordPress', () => {
    const list = [
      c('1'),
      c('2', '1'),
      c('3', '2'),
      c('4', '3'),
      c('5', '4'),
      c('6', '5'),
      c('7', '6'),
    ];
    expect(shape(buildThread(list))).toEqual([
      [
        '1',
        1,
        [
          [
            '2',
            2,
            [
              [
                '3',
                3,
                [
                  [
                    '4',
                    4,
                    [
                      ['5', 5],
                      ['6', 5],
                      ['7', 5],
                    ],
                  ],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
    expect(shape(buildThread(list, { maxDepth: 2 }))).toEqual([
      [
        '1',
        1,
        [
          ['2', 2],
          ['3', 2],
          ['4', 2],
          ['5', 2],
          ['6', 2],
          ['7', 2],
        ],
      ],
    ]);
  });

  it('makes orphans top-level', () => {
    expect(shape(buildThread([c('a', 'gone'), c('b', 'a')]))).toEqual([
      ['a', 1, [['b', 2]]],
    ]);
  });

  it('breaks cycles without hanging and loses no comment', () => {
    const list = [c('a', 'c'), c('b', 'a'), c('c', 'b'), c('self', 'self')];
    const thread = buildThread(list);
    expect(countThread(thread)).toBe(4);
    // Walking up from "a" meets "a" again after "c" and "b": the last one walked becomes a root.
    expect(shape(thread)).toEqual([
      ['b', 1, [['c', 2, [['a', 3]]]]],
      ['self', 1],
    ]);
  });

  it('keeps the first copy of a repeated id', () => {
    const a = c('a');
    expect(countThread(buildThread([a, { ...a, body: 'copy' }]))).toBe(1);
  });

  it('finds parents by their ids’ text, as a page parsed from JSON holds them', () => {
    const list: Comment[] = JSON.parse(
      JSON.stringify([c('a'), c('b', 'a'), c('c', 'b'), c('d', 'a')]),
    );
    expect(shape(buildThread(list))).toEqual([
      [
        'a',
        1,
        [
          ['b', 2, [['c', 3]]],
          ['d', 2],
        ],
      ],
    ]);
  });

  it('handles a chain of 100,000 replies without recursion limits', () => {
    const list = [c('0')];
    for (let i = 1; i < 100_000; i += 1) list.push(c(String(i), String(i - 1)));
    expect(countThread(buildThread(list))).toBe(100_000);
  });

  it('nests a chain of 100,000 replies as deep as asked, without recursion limits', () => {
    const list = [c('0')];
    for (let i = 1; i < 100_000; i += 1) list.push(c(String(i), String(i - 1)));
    const thread = buildThread(list, { maxDepth: 1_000_000 });
    let level: readonly ThreadNode[] = thread;
    let deepest = level[0]!;
    let widest = 0;
    while (level.length) {
      widest = Math.max(widest, level.length);
      deepest = level[0]!;
      level = deepest.replies;
    }
    expect(widest).toBe(1);
    expect(deepest.depth).toBe(100_000);
    expect(deepest.comment.id).toBe('99999');
    expect(countThread(thread)).toBe(100_000);
  });

  it('counts a comment with 300,000 replies at one level', () => {
    const list = [c('root')];
    for (let i = 1; i <= 300_000; i += 1) list.push(c(String(i), 'root'));
    const [root] = buildThread(list);
    expect(root!.replies).toHaveLength(300_000);
    expect(countThread([root!])).toBe(300_001);
  });

  it('places replies that come before their parents, in display order', () => {
    // Dates in order, parents later in the list: an import, or clocks that disagree.
    const list = [c('late-reply', 'p'), c('other'), c('p'), c('reply', 'p')];
    expect(shape(buildThread(list))).toEqual([
      ['other', 1],
      [
        'p',
        1,
        [
          ['late-reply', 2],
          ['reply', 2],
        ],
      ],
    ]);
  });
});
