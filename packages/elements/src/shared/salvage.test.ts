import {
  CommentSchema,
  englishMessages as say,
  NEW_COMMENT_LIMITS,
} from '@dateline/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { salvage } from './salvage.js';

const Row = z.object({
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  count: z
    .number()
    .check(z.refine((n) => n >= 0, { error: 'A count cannot be negative.' })),
});
const Box = z.object({
  id: z.string().check(z.minLength(1)),
  total: z.optional(z.number()),
  rows: z.array(Row),
  directive: z.optional(
    z.object({ by: z.string().check(z.minLength(1)), role: z.string() }),
  ),
  tags: z.array(z.enum(['a', 'b'])),
});

const good = {
  id: 'op',
  total: 5,
  rows: [
    { country: 'KH', count: 1 },
    { country: 'VN', count: 2 },
    { country: 'TH', count: 3 },
  ],
  directive: { by: 'Hun Manet', role: 'Prime Minister' },
  tags: ['a', 'b'],
};

describe('salvage', () => {
  it('returns valid data whole, with nothing omitted', () => {
    expect(salvage(Box, good)).toEqual({ ok: true, value: good, omitted: [] });
  });

  it('leaves out a bad list element and keeps the others in order', () => {
    const data = {
      ...good,
      rows: [good.rows[0], { country: 'Vietnam', count: 2 }, good.rows[2]],
    };
    const result = salvage(Box, data);
    expect(result.ok && result.value.rows).toEqual([
      good.rows[0],
      good.rows[2],
    ]);
    expect(result.ok && result.omitted.map((o) => o.path)).toEqual(['rows.1']);
  });

  it('leaves out a bad optional field, and a part whose required field is bad', () => {
    const result = salvage(Box, {
      ...good,
      total: 'five',
      directive: { by: '', role: 'Prime Minister' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      ...good,
      total: undefined,
      directive: undefined,
    });
    expect(result.omitted.map((o) => o.path).sort()).toEqual([
      'directive',
      'total',
    ]);
  });

  it('names each left-out element by its place in the data given, across rounds', () => {
    // rows 0 and 3 go at once; row 2's required count goes first, then the row that needs it
    const result = salvage(Box, {
      ...good,
      rows: [
        'not a row',
        good.rows[0],
        { country: 'VN', count: -2 },
        null,
        good.rows[2],
      ],
      tags: ['a', 'z', 'b', 'z'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows).toEqual([good.rows[0], good.rows[2]]);
    expect(result.value.tags).toEqual(['a', 'b']);
    expect(result.omitted.map((o) => o.path).sort()).toEqual([
      'rows.0',
      'rows.2',
      'rows.3',
      'tags.1',
      'tags.3',
    ]);
    // the reason given is the first one found, not "missing" after it was taken out
    expect(result.omitted.find((o) => o.path === 'rows.2')!.message).toBe(
      'A count cannot be negative.',
    );
  });

  it('keeps core’s code and values beside the message, so an element can word it in its reader’s language', () => {
    const Thread = z.object({ comments: z.array(CommentSchema) });
    const comment = {
      id: 'c1',
      threadId: 't',
      parentId: null,
      author: { name: 'Dara' },
      body: 'Fine',
      createdAt: '2025-07-20T08:00:00Z',
      status: 'approved',
    };
    const result = salvage(Thread, {
      comments: [
        comment,
        { ...comment, id: 'c2', author: { name: '' } },
        { ...comment, id: 'c3', author: { name: 'x'.repeat(300) } },
      ],
    });
    expect(result.ok && result.omitted).toEqual([
      {
        path: 'comments.1',
        message: say['name-required'],
        code: 'name-required',
        params: { code: 'name-required' },
      },
      {
        path: 'comments.2',
        message: say['name-too-long'],
        code: 'name-too-long',
        params: { code: 'name-too-long', max: NEW_COMMENT_LIMITS.name },
      },
    ]);
    // Issues of other schemas keep their message alone.
    const other = salvage(Box, { ...good, total: 'five' });
    expect(other.ok && Object.keys(other.omitted[0]!)).toEqual([
      'path',
      'message',
    ]);
  });

  it('fails when what is wrong is required at the top', () => {
    const result = salvage(Box, { ...good, id: '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([['id']]);
    expect(salvage(Box, 'not an object').ok).toBe(false);
    expect(salvage(Box, { ...good, rows: 'none' }).ok).toBe(false);
  });

  it('leaves the caller’s data untouched', () => {
    const data = structuredClone({
      ...good,
      rows: [...good.rows, { country: 'x', count: 0 }],
    });
    const before = JSON.stringify(data);
    salvage(Box, data);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('never lets a __proto__ key in the data reach a prototype', () => {
    const data = JSON.parse(
      '{"id":"op","rows":[{"country":"x","count":1,"__proto__":{"polluted":true}}],"tags":[],"__proto__":{"polluted":true}}',
    );
    const result = salvage(Box, data);
    expect(result.ok && result.value.rows).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      result.ok && (result.value as Record<string, unknown>).polluted,
    ).toBeUndefined();
  });

  it('fails cleanly on data that refers to itself', () => {
    const rows: unknown[] = [];
    rows.push(rows);
    expect(salvage(Box, { ...good, rows }).ok).toBe(false);
    const loop: Record<string, unknown> = { ...good, id: '' };
    loop.self = loop;
    expect(salvage(Box, loop).ok).toBe(false);
  });

  it('parses once per level of nesting, however many rows are bad', () => {
    let parses = 0;
    const counting = {
      safeParse: (data: unknown) => {
        parses += 1;
        return Box.safeParse(data);
      },
    };
    const bad = { country: 'VN', count: 'two' };
    const run = (n: number) => {
      parses = 0;
      const result = salvage(counting, {
        ...good,
        rows: Array.from({ length: n }, (_, i) => (i % 2 ? good.rows[0] : bad)),
      });
      expect(result.ok && result.value.rows).toHaveLength(n / 2);
      return parses;
    };
    expect(run(2000)).toBe(run(20));
  });
});
