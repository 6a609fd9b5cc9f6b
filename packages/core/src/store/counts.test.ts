import { describe, expect, it } from 'vitest';
import {
  CommentStoreError,
  CountsResponseSchema,
  createCountsClient,
  createWordPressCountsClient,
  fetchCounts,
  MAX_COUNT_THREADS,
} from './index.js';

/** A fake comment service: answers `/api/counts` from `counts`, with an ETag per answer. */
function fakeService(
  counts: Record<string, unknown> | ((ids: string[]) => Response),
) {
  const requests: Array<{ url: URL; ifNoneMatch: string | null }> = [];
  let version = 1;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://service.test');
    const headers = new Headers(init?.headers);
    requests.push({ url, ifNoneMatch: headers.get('if-none-match') });
    const ids = url.searchParams.get('threads')!.split(',');
    if (typeof counts === 'function') return counts(ids);
    const etag = `W/"${version}:${ids.join(',')}"`;
    if (headers.get('if-none-match') === etag)
      return new Response(null, { status: 304, headers: { etag } });
    const body = `{"counts":{${ids
      .filter((id) => Object.hasOwn(counts, id))
      .map((id) => `${JSON.stringify(id)}:${JSON.stringify(counts[id])}`)
      .join(',')}}}`;
    return new Response(body, {
      headers: { 'content-type': 'application/json', etag },
    });
  }) as typeof globalThis.fetch;
  return {
    fetch,
    requests,
    change: () => {
      version += 1;
    },
  };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as CommentStoreError,
  );

describe('createCountsClient', () => {
  it('asks once for every count asked in the same task', async () => {
    const service = fakeService({ a: 3, b: 0, c: 12 });
    const client = createCountsClient({
      endpoint: '/api/',
      fetch: service.fetch,
    });
    const counts = await Promise.all(
      ['c', 'a', 'b', 'a'].map((id) => client.count(id)),
    );
    expect(counts).toEqual([12, 3, 0, 3]);
    expect(
      service.requests.map((r) => `${r.url.pathname}${r.url.search}`),
    ).toEqual(['/api/counts?threads=a,b,c']);
  });

  it('revalidates with the ETag, keeps the counts on 304, and takes new ones when they change', async () => {
    const counts = { a: 3, b: 1 };
    const service = fakeService(counts);
    const client = createCountsClient({
      endpoint: '/api',
      fetch: service.fetch,
    });
    const ask = () => Promise.all([client.count('a'), client.count('b')]);
    expect(await ask()).toEqual([3, 1]);
    expect(await ask()).toEqual([3, 1]);
    expect(service.requests[0]!.ifNoneMatch).toBeNull();
    expect(service.requests[1]!.ifNoneMatch).toBe('W/"1:a,b"');

    counts.a = 4;
    service.change();
    expect(await ask()).toEqual([4, 1]);
    expect(service.requests[2]!.ifNoneMatch).toBe('W/"1:a,b"');
    expect(await ask()).toEqual([4, 1]);
    expect(service.requests[3]!.ifNoneMatch).toBe('W/"2:a,b"');
  });

  it('shows the other counts when one entry is not a count, and says why that one is missing', async () => {
    const service = fakeService({ a: 3, b: 'many', c: -1, d: 1.5 });
    const client = createCountsClient({
      endpoint: '/api',
      fetch: service.fetch,
    });
    const [a, b, c, d, e] = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e'].map((id) => client.count(id)),
    );
    expect(a).toEqual({ status: 'fulfilled', value: 3 });
    for (const unreadable of [b, c, d])
      expect(unreadable).toMatchObject({
        status: 'rejected',
        reason: {
          message:
            'The comment service sent a count for this thread that this page cannot read.',
        },
      });
    expect(e).toMatchObject({
      status: 'rejected',
      reason: { message: 'The comment service sent no count for this thread.' },
    });
  });

  it('counts threads named like Object’s own keys as any other thread', async () => {
    const answer =
      '{"counts": {"__proto__": {"polluted": 1}, "constructor": 2, "toString": 0}}';
    const service = fakeService(() => new Response(answer));
    const client = createCountsClient({
      endpoint: '/api',
      fetch: service.fetch,
    });
    const counts = await Promise.all(
      ['constructor', 'toString'].map((id) => client.count(id)),
    );
    expect(counts).toEqual([2, 0]);
    expect(CountsResponseSchema.parse(JSON.parse(answer)).omitted).toEqual([
      '__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('asks in several requests past 100 threads', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `t${i}`);
    const service = fakeService(
      Object.fromEntries(ids.map((id, i) => [id, i])),
    );
    const client = createCountsClient({
      endpoint: '/api',
      fetch: service.fetch,
    });
    const counts = await Promise.all(ids.map((id) => client.count(id)));
    expect(counts).toEqual(ids.map((_, i) => i));
    expect(service.requests).toHaveLength(3);
    for (const { url } of service.requests)
      expect(
        url.searchParams.get('threads')!.split(',').length,
      ).toBeLessThanOrEqual(MAX_COUNT_THREADS);
  });

  it('keeps each request line short when thread ids are long', async () => {
    const ids = Array.from(
      { length: 100 },
      (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(125)}`,
    );
    const service = fakeService(Object.fromEntries(ids.map((id) => [id, 1])));
    const client = createCountsClient({
      endpoint: '/api',
      fetch: service.fetch,
    });
    await Promise.all(ids.map((id) => client.count(id)));
    expect(service.requests.length).toBeGreaterThan(1);
    for (const { url } of service.requests)
      expect(url.search.length).toBeLessThanOrEqual(4000 + '?threads='.length);
    expect(
      service.requests.flatMap(({ url }) =>
        url.searchParams.get('threads')!.split(','),
      ),
    ).toEqual(ids);
  });

  it('rejects every count of a refused request with the service’s own words', async () => {
    const service = fakeService(() =>
      Response.json(
        {
          error: {
            code: 'invalid',
            message: 'Up to 100 threads can be counted at once.',
          },
        },
        { status: 400 },
      ),
    );
    const client = createCountsClient({
      endpoint: '/api',
      fetch: service.fetch,
    });
    const [a, b] = await Promise.all([
      rejection(client.count('a')),
      rejection(client.count('b')),
    ]);
    for (const error of [a, b]) {
      expect(error).toBeInstanceOf(CommentStoreError);
      expect(error.message).toBe('Up to 100 threads can be counted at once.');
      expect(error.status).toBe(400);
    }
  });

  it('says the service sent what the page cannot read when the answer is not counts', async () => {
    for (const body of ['<html>', '{"counts":[1,2]}', '{"count":{"a":1}}']) {
      const service = fakeService(
        () => new Response(body, { headers: { 'content-type': 'text/html' } }),
      );
      const client = createCountsClient({
        endpoint: '/api',
        fetch: service.fetch,
      });
      const error = await rejection(client.count('a'));
      expect(error.message).toBe(
        'The comment service sent counts this page cannot read.',
      );
    }
  });

  it('says the service cannot be reached when the network fails', async () => {
    const client = createCountsClient({
      endpoint: '/api',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await rejection(client.count('a'));
    expect(error.code).toBe('network');
    expect(error.message).toContain('could not be reached');
  });
});

describe('fetchCounts', () => {
  it('asks for 1 to 100 threads at once, and says so otherwise', async () => {
    const { fetch } = fakeService({});
    await expect(fetchCounts([], { endpoint: '/api', fetch })).rejects.toThrow(
      'fetchCounts asks for 1 to 100 threads at once, not 0.',
    );
    await expect(
      fetchCounts(
        Array.from({ length: 101 }, (_, i) => `t${i}`),
        { endpoint: '/api', fetch },
      ),
    ).rejects.toThrow('not 101');
  });

  it('answers not modified only to a request that sent an ETag', async () => {
    const service = fakeService({ a: 1 });
    const first = await fetchCounts(['a'], {
      endpoint: '/api',
      fetch: service.fetch,
    });
    expect(first).toEqual({
      modified: true,
      counts: new Map([['a', 1]]),
      omitted: [],
      etag: 'W/"1:a"',
    });
    expect(
      await fetchCounts(['a'], {
        endpoint: '/api',
        fetch: service.fetch,
        etag: 'W/"1:a"',
      }),
    ).toEqual({ modified: false });
  });
});

describe('CountsResponseSchema', () => {
  it('reads entry by entry, naming those it left out', () => {
    expect(
      CountsResponseSchema.parse({
        counts: { a: 2, 'bad id!': 1, b: null, c: Number.MAX_SAFE_INTEGER + 1 },
      }),
    ).toEqual({ counts: new Map([['a', 2]]), omitted: ['bad id!', 'b', 'c'] });
  });

  it('refuses an answer that is not counts at all', () => {
    for (const answer of [null, [], { counts: null }, { counts: [1] }, {}])
      expect(CountsResponseSchema.safeParse(answer).success).toBe(false);
  });
});

/**
 * A fake WordPress `wp/v2/comments`: `post` takes a list (post__in), `per_page` up to 100,
 * X-WP-Total and X-WP-TotalPages as WordPress sends them, `_fields` honoured; a protected post
 * refuses any request that names it, as WordPress does without the password.
 */
function fakeWordPress(
  comments: Array<{ id: number; post: number }>,
  { protectedPosts = [] as number[], damaged = [] as number[] } = {},
) {
  const requests: URL[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    requests.push(url);
    expect(url.pathname).toBe('/wp-json/wp/v2/comments');
    const posts = url.searchParams.get('post')!.split(',').map(Number);
    if (posts.some((p) => protectedPosts.includes(p)))
      return Response.json(
        {
          code: 'rest_cannot_read_post',
          message:
            'Sorry, you are not allowed to read the post for this comment.',
          data: { status: 401 },
        },
        { status: 401 },
      );
    const perPage = Number(url.searchParams.get('per_page') ?? 10);
    const page = Number(url.searchParams.get('page') ?? 1);
    const fields = url.searchParams.get('_fields')!.split(',');
    const matching = comments.filter((c) => posts.includes(c.post));
    const rows = matching
      .slice((page - 1) * perPage, page * perPage)
      .map((c) =>
        damaged.includes(c.id)
          ? { id: c.id }
          : Object.fromEntries(fields.map((f) => [f, c[f as 'id' | 'post']])),
      );
    return Response.json(rows, {
      headers: {
        'x-wp-total': String(matching.length),
        'x-wp-totalpages': String(
          Math.max(1, Math.ceil(matching.length / perPage)),
        ),
      },
    });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** `n` comments on each post given as [post, n]. */
function commentsOn(...spread: Array<[post: number, n: number]>) {
  let id = 0;
  return spread.flatMap(([post, n]) =>
    Array.from({ length: n }, () => ({ id: ++id, post })),
  );
}

describe('createWordPressCountsClient', () => {
  const site = 'https://news.example/';

  it('counts several posts from one listing of their comments', async () => {
    const wp = fakeWordPress(commentsOn([7, 3], [9, 1], [12, 40]));
    const client = createWordPressCountsClient({ site, fetch: wp.fetch });
    const counts = await Promise.all(
      [7, 9, 12, 15].map((p) => client.count(p)),
    );
    expect(counts).toEqual([3, 1, 40, 0]);
    expect(wp.requests).toHaveLength(1);
    expect(wp.requests[0]!.searchParams.get('post')).toBe('7,9,12,15');
    expect(wp.requests[0]!.searchParams.get('_fields')).toBe('id,post');
  });

  it('reads a few more pages when the comments run past one', async () => {
    const wp = fakeWordPress(commentsOn([1, 120], [2, 90], [3, 40]));
    const client = createWordPressCountsClient({ site, fetch: wp.fetch });
    expect(await Promise.all([1, 2, 3].map((p) => client.count(p)))).toEqual([
      120, 90, 40,
    ]);
    expect(wp.requests.map((u) => u.searchParams.get('page'))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('counts each post alone when that takes fewer requests than the pages', async () => {
    const wp = fakeWordPress(commentsOn([1, 300], [2, 150]));
    const client = createWordPressCountsClient({ site, fetch: wp.fetch });
    expect(await Promise.all([1, 2].map((p) => client.count(p)))).toEqual([
      300, 150,
    ]);
    // The listing said 5 pages; then one request per post, reading X-WP-Total.
    expect(wp.requests).toHaveLength(3);
    expect(
      wp.requests.slice(1).map((u) => u.searchParams.get('per_page')),
    ).toEqual(['1', '1']);
  });

  it('counts the other posts when one refuses to be read', async () => {
    const wp = fakeWordPress(commentsOn([1, 2], [2, 5], [3, 1]), {
      protectedPosts: [2],
    });
    const client = createWordPressCountsClient({ site, fetch: wp.fetch });
    const [one, two, three] = await Promise.allSettled(
      [1, 2, 3].map((p) => client.count(p)),
    );
    expect(one).toEqual({ status: 'fulfilled', value: 2 });
    expect(three).toEqual({ status: 'fulfilled', value: 1 });
    expect(two).toMatchObject({
      status: 'rejected',
      reason: {
        message:
          'Sorry, you are not allowed to read the post for this comment.',
      },
    });
  });

  it('counts each post alone when a listed comment is damaged', async () => {
    const wp = fakeWordPress(commentsOn([1, 2], [2, 3]), { damaged: [2] });
    const client = createWordPressCountsClient({ site, fetch: wp.fetch });
    expect(await Promise.all([1, 2].map((p) => client.count(p)))).toEqual([
      2, 3,
    ]);
  });

  it('refuses a post id that is not a positive whole number, and counts the rest', async () => {
    const wp = fakeWordPress(commentsOn([4, 2]));
    const client = createWordPressCountsClient({ site, fetch: wp.fetch });
    const [bad, good] = await Promise.allSettled([
      client.count(-1),
      client.count(4),
    ]);
    expect(bad).toMatchObject({
      status: 'rejected',
      reason: {
        message: 'A WordPress post id is a positive whole number, not -1.',
      },
    });
    expect(good).toEqual({ status: 'fulfilled', value: 2 });
  });
});
