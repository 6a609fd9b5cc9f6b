import { describe, expect, it } from 'vitest';
import {
  CommentStoreError,
  createLocalStore,
  createMemoryStore,
  type CommentStore,
} from './index.js';
import type { NewCommentInput } from '../comment/schema.js';

const input = (
  body: string,
  extra: Partial<NewCommentInput> = {},
): NewCommentInput => ({
  threadId: 't',
  author: {
    name: 'Dara',
    email: 'dara@example.com',
    url: 'https://dara.example',
  },
  body,
  ...extra,
});

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

let t = 0;
const now = () => new Date(Date.UTC(2025, 6, 20) + 1000 * ++t);

describe.each([
  ['memory', () => createMemoryStore({ now })],
  ['local', () => createLocalStore({ storage: memoryStorage() })],
] as const)('%s store', (_name, make: () => CommentStore) => {
  it('stores a comment and lists it without the email', async () => {
    const store = make();
    const created = await store.create(input('First!'), {
      idempotencyKey: 'k1',
    });
    expect(created).toMatchObject({
      threadId: 't',
      parentId: null,
      body: 'First!',
      status: 'approved',
      author: { name: 'Dara', url: 'https://dara.example' },
    });
    expect(JSON.stringify(created)).not.toContain('dara@example.com');
    const page = await store.list('t');
    expect(page.comments).toEqual([created]);
    expect(page.total).toBe(1);
  });

  it('returns the first result for a repeated idempotency key', async () => {
    const store = make();
    const a = await store.create(input('Once'), { idempotencyKey: 'same' });
    const b = await store.create(input('Once'), { idempotencyKey: 'same' });
    expect(b).toEqual(a);
    expect((await store.list('t')).comments).toHaveLength(1);
  });

  it('refuses invalid input with a field → message map', async () => {
    const store = make();
    const err = await store
      .create(input('  ', { author: { name: '', email: 'x' } }), {
        idempotencyKey: 'k',
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(CommentStoreError);
    expect(err.code).toBe('invalid');
    expect(Object.keys(err.fields).sort()).toEqual([
      'author.email',
      'author.name',
      'body',
    ]);
  });

  it('refuses a reply to a comment that is not there, and a duplicate', async () => {
    const store = make();
    await expect(
      store.create(input('Reply', { parentId: 'nope' }), {
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: { parentId: expect.any(String) },
    });
    await store.create(input('Same words'), { idempotencyKey: 'a' });
    await expect(
      store.create(input('Same words'), { idempotencyKey: 'b' }),
    ).rejects.toMatchObject({ code: 'duplicate' });
  });

  it('pages by top-level comment, replies included', async () => {
    const store = make();
    const first = await store.create(input('top 1'), { idempotencyKey: '1' });
    await store.create(input('top 2'), { idempotencyKey: '2' });
    await store.create(input('reply to 1', { parentId: first.id }), {
      idempotencyKey: '3',
    });
    await store.create(input('top 3'), { idempotencyKey: '4' });
    const p1 = await store.list('t', { limit: 2 });
    expect(p1.comments.map((c) => c.body)).toEqual([
      'top 1',
      'top 2',
      'reply to 1',
    ]);
    expect(p1.nextCursor).toBeDefined();
    const p2 = await store.list('t', { limit: 2, cursor: p1.nextCursor });
    expect(p2.comments.map((c) => c.body)).toEqual(['top 3']);
    expect(p2.nextCursor).toBeUndefined();
    const newest = await store.list('t', { limit: 1, order: 'newest' });
    expect(newest.comments.map((c) => c.body)).toEqual(['top 3']);
  });
});

describe('memory store', () => {
  it('lists the caller’s own pending comments but not others’', async () => {
    const store = createMemoryStore({
      newStatus: 'pending',
      comments: [
        {
          id: 'x',
          threadId: 't',
          parentId: null,
          author: { name: 'X' },
          body: 'someone else’s',
          createdAt: '2025-07-01T00:00:00.000Z',
          status: 'pending',
        },
      ],
    });
    const mine = await store.create(input('awaiting'), { idempotencyKey: 'k' });
    expect(mine.status).toBe('pending');
    const page = await store.list('t');
    expect(page.comments.map((c) => c.id)).toEqual([mine.id]);
    expect(page.total).toBe(0);
  });
});

describe('local store', () => {
  it('keeps comments across page loads', async () => {
    const storage = memoryStorage();
    await createLocalStore({ storage }).create(input('persisted'), {
      idempotencyKey: 'k',
    });
    const again = createLocalStore({ storage });
    expect((await again.list('t')).comments.map((c) => c.body)).toEqual([
      'persisted',
    ]);
    // the idempotency key survives too
    expect(
      (await again.create(input('persisted'), { idempotencyKey: 'k' })).body,
    ).toBe('persisted');
  });

  it('starts empty when what is stored is damaged', async () => {
    const storage = memoryStorage();
    storage.setItem('dateline:comments', '{not json');
    expect((await createLocalStore({ storage }).list('t')).comments).toEqual(
      [],
    );
    storage.setItem(
      'dateline:comments',
      JSON.stringify({ comments: [{ id: 1 }], answered: [] }),
    );
    expect((await createLocalStore({ storage }).list('t')).comments).toEqual(
      [],
    );
  });
});
