import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CommentListResponseSchema,
  CommentStoreError,
  createLocalStore,
  createMemoryStore,
  createRestStore,
  type CommentStore,
} from './index.js';
import type { Comment, NewCommentInput } from '../comment/schema.js';

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

  it('keeps the readable comments when one stored comment is damaged', async () => {
    const storage = memoryStorage();
    const store = createLocalStore({ storage });
    await store.create(input('first'), { idempotencyKey: 'a' });
    await store.create(input('second'), { idempotencyKey: 'b' });
    const stored = JSON.parse(storage.getItem('dateline:comments')!);
    stored.comments[0].author.name = '';
    storage.setItem('dateline:comments', JSON.stringify(stored));
    const again = createLocalStore({ storage });
    expect((await again.list('t')).comments.map((c) => c.body)).toEqual([
      'second',
    ]);
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

const stored = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  threadId: 't',
  parentId: null,
  author: { name: `Reader ${id}` },
  body: `Comment ${id}`,
  createdAt: '2025-07-20T08:00:00.000Z',
  status: 'approved',
  ...extra,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('CommentListResponseSchema', () => {
  it('reads a page row by row: a comment that fails the schema is left out and counted', () => {
    const page = CommentListResponseSchema.parse({
      comments: [
        stored('a'),
        { ...stored('b'), author: { name: '' } },
        { ...stored('c'), createdAt: 'yesterday' },
        null,
        stored('d'),
      ],
      total: 5,
    });
    expect(page.comments.map((c) => c.id)).toEqual(['a', 'd']);
    expect(page.omitted).toBe(3);
    expect(page.total).toBe(5);
  });

  it('says nothing is omitted when every row reads', () => {
    expect(
      CommentListResponseSchema.parse({ comments: [stored('a')], total: 1 }),
    ).toEqual({ comments: [stored('a')], total: 1 });
  });

  it('still refuses an answer that is not a page at all', () => {
    expect(
      CommentListResponseSchema.safeParse({ comments: 'none', total: 1 })
        .success,
    ).toBe(false);
    expect(CommentListResponseSchema.safeParse([stored('a')]).success).toBe(
      false,
    );
  });

  it('never lets a row’s own keys reach the prototype', () => {
    const page = CommentListResponseSchema.parse(
      JSON.parse(
        `{"comments":[{"__proto__":{"polluted":true},"id":"a","threadId":"t","parentId":null,"author":{"name":"A"},"body":"B","createdAt":"2025-07-20T08:00:00.000Z","status":"approved"}],"total":1}`,
      ),
    );
    expect(page.comments).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      (page.comments[0] as unknown as Record<string, unknown>).polluted,
    ).toBeUndefined();
  });
});

describe('REST store', () => {
  const endpoint = 'https://comments.example/api';
  const memory = () => ({ getItem: () => null, setItem: () => {} });

  /** A fetch that answers each request with the next step, and records the requests. */
  function scripted(...steps: Array<(init: RequestInit) => Response>) {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
      calls.push({ url: String(url), init });
      const step = steps[calls.length - 1];
      if (!step) throw new Error(`unexpected request ${String(url)}`);
      return step(init);
    };
    return { fetch: fetch as typeof globalThis.fetch, calls };
  }
  const failed = (): Response => {
    throw new TypeError('Failed to fetch');
  };
  const opaque = () => new Response(null, { status: 200 });

  /** A page at another origin than the service, as a browser would be. */
  function onPage(href: string, online = true) {
    vi.stubGlobal('location', { href, origin: new URL(href).origin });
    vi.stubGlobal('navigator', { onLine: online });
  }
  afterEach(() => vi.unstubAllGlobals());

  it('lists the readable comments of a page and says how many it left out', async () => {
    const { fetch } = scripted(() =>
      json({
        comments: [
          stored('a'),
          { ...stored('b'), author: { name: '   ' } },
          stored('c'),
        ],
        total: 3,
      }),
    );
    const page = await createRestStore({
      endpoint,
      fetch,
      storage: memory(),
    }).list('t');
    expect(page.comments.map((c) => c.id)).toEqual(['a', 'c']);
    expect(page.omitted).toBe(1);
    expect(page.total).toBe(3);
  });

  it('says the service sent what the page cannot read when the answer is not a page', async () => {
    const { fetch } = scripted(
      () => new Response('<html>proxy error</html>', { status: 200 }),
    );
    await expect(
      createRestStore({ endpoint, fetch, storage: memory() }).list('t'),
    ).rejects.toMatchObject({ code: 'server' });
  });

  it('tells a page the service refuses from a lost connection: the no-cors probe answers', async () => {
    onPage('https://news.example/story');
    const { fetch, calls } = scripted(failed, opaque);
    const error = await createRestStore({ endpoint, fetch, storage: memory() })
      .list('t')
      .catch((e) => e);
    expect(error).toBeInstanceOf(CommentStoreError);
    expect(error.code).toBe('refused-origin');
    expect(error.message).toBe(
      'This site’s comment service does not accept comments from this page.',
    );
    expect(error.retryable).toBe(false);
    expect(calls[1]!.url).toBe(`${endpoint}/health`);
    expect(calls[1]!.init).toMatchObject({
      mode: 'no-cors',
      cache: 'no-store',
    });
  });

  it('says the same of a refused post', async () => {
    onPage('https://news.example/story');
    const { fetch } = scripted(failed, opaque);
    await expect(
      createRestStore({ endpoint, fetch, storage: memory() }).create(
        input('Hello'),
        { idempotencyKey: 'k' },
      ),
    ).rejects.toMatchObject({ code: 'refused-origin' });
  });

  it('reads the service refusing a page on its own origin (403 forbidden) as a refused page', async () => {
    const { fetch } = scripted(() =>
      json(
        {
          error: {
            code: 'forbidden',
            message:
              'This comment service does not accept requests from pages on https://news.example.',
          },
        },
        403,
      ),
    );
    await expect(
      createRestStore({ endpoint, fetch, storage: memory() }).create(
        input('Hello'),
        { idempotencyKey: 'k' },
      ),
    ).rejects.toMatchObject({ code: 'refused-origin', status: 403 });
  });

  it('keeps the connection message when the probe fails too', async () => {
    onPage('https://news.example/story');
    const { fetch, calls } = scripted(failed, failed);
    const error = await createRestStore({ endpoint, fetch, storage: memory() })
      .list('t')
      .catch((e) => e);
    expect(error.code).toBe('network');
    expect(error.message).toContain('Check your connection');
    expect(calls).toHaveLength(2);
  });

  it('does not probe when the browser knows it is offline', async () => {
    onPage('https://news.example/story', false);
    const { fetch, calls } = scripted(failed, opaque);
    await expect(
      createRestStore({ endpoint, fetch, storage: memory() }).list('t'),
    ).rejects.toMatchObject({ code: 'network' });
    expect(calls).toHaveLength(1);
  });

  it('does not probe a service on the page’s own origin, which CORS cannot refuse', async () => {
    onPage('https://comments.example/story');
    const { fetch, calls } = scripted(failed, failed);
    await expect(
      createRestStore({ endpoint: '/api', fetch, storage: memory() }).list('t'),
    ).rejects.toMatchObject({ code: 'network' });
    await expect(
      createRestStore({ endpoint, fetch, storage: memory() }).list('t'),
    ).rejects.toMatchObject({ code: 'network' });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/threads/t/comments',
      `${endpoint}/threads/t/comments`,
    ]);
  });

  it('does not probe outside a browser, where there is no CORS', async () => {
    const { fetch, calls } = scripted(failed, opaque);
    await expect(
      createRestStore({ endpoint, fetch, storage: memory() }).list('t'),
    ).rejects.toMatchObject({ code: 'network' });
    expect(calls).toHaveLength(1);
  });

  it('leaves an aborted request an abort, without probing', async () => {
    onPage('https://news.example/story');
    const controller = new AbortController();
    const { fetch, calls } = scripted(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    }, opaque);
    const error = await createRestStore({ endpoint, fetch, storage: memory() })
      .list('t', { signal: controller.signal })
      .catch((e) => e);
    expect(error).not.toBeInstanceOf(CommentStoreError);
    expect(error.name).toBe('AbortError');
    expect(calls).toHaveLength(1);
  });
});
