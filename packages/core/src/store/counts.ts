import * as z from 'zod/mini';
import { fetcher, send, type Unreachable } from './http.js';
import { CountsResponseSchema, MAX_COUNT_THREADS } from './protocol-counts.js';
import { ErrorResponseSchema } from './protocol-errors.js';
import { CommentStoreError } from './types.js';

/**
 * Comment counts for index pages: how many approved comments each thread (or WordPress post)
 * has, for "12 comments" beside each headline. Counts asked for in the same task go out as one
 * request, however many elements ask.
 */

/** Counts each thread or post on a page: one per key, asked for together. */
export interface CountsClient<Key extends string | number = string> {
  /**
   * The approved comments of one thread (for WordPress, one post). Calls made in the same task
   * go out together, in as few requests as the source allows. Rejects with a
   * `CommentStoreError` when this one count cannot be read; the others are unaffected.
   */
  count(key: Key): Promise<number>;
}

export interface CountsClientOptions {
  /** The service's API root, e.g. "/api" or "https://comments.example.com/api". */
  endpoint: string;
  /** For tests and other runtimes; default the global fetch. */
  fetch?: typeof fetch;
}

export interface WordPressCountsClientOptions {
  /** The WordPress site's address, e.g. "https://news.example.com"; its REST API is under /wp-json/. */
  site: string;
  /** For tests and other runtimes; default the global fetch. */
  fetch?: typeof fetch;
}

export interface FetchCountsOptions {
  /** The service's API root, e.g. "/api". */
  endpoint: string;
  /** For tests and other runtimes; default the global fetch. */
  fetch?: typeof fetch;
  /** The ETag of an earlier answer to this same request: the service answers 304 if nothing changed. */
  etag?: string;
  signal?: AbortSignal;
}

/** What one counts request brought back. */
export type FetchCountsResult =
  /** Nothing changed since the answer whose ETag was sent. */
  | { modified: false }
  | {
      modified: true;
      /** Approved comments by thread id. */
      counts: Map<string, number>;
      /** Thread ids whose entries were not counts this page can read. */
      omitted: string[];
      /** Send it back as `etag` to ask again cheaply. */
      etag?: string;
    };

/** The answer to one key: its count, or why it has none. */
type Outcome = number | CommentStoreError;

/**
 * The longest `threads=` value sent in one request. A hundred long thread ids would make a
 * request line that some proxies refuse (many stop at 8 KB), so a long list is split sooner.
 */
const MAX_QUERY_CHARS = 4000;
/** Answers remembered for revalidation, per client; the oldest is forgotten past this. */
const REMEMBERED = 50;
/** WordPress's own limit for `per_page`, and for the posts it reads in one request here. */
const WP_PAGE = 100;

const UNREACHABLE =
  'The comment service could not be reached. Check your connection and try again.';
const REFUSED =
  'This site’s comment service does not accept requests from this page.';
const UNREADABLE = 'The comment service sent counts this page cannot read.';

/** How WordPress refuses: `{ code, message, data }`. */
const WordPressRefusalSchema = z.object({
  code: z.string(),
  message: z.string(),
});

/** Why a request was refused, in the words the service (or WordPress) gave, or in ours. */
async function refusal(
  response: Response,
  what: string,
): Promise<CommentStoreError> {
  const body = await response.json().catch(() => undefined);
  const ours = ErrorResponseSchema.safeParse(body);
  const wordpress = WordPressRefusalSchema.safeParse(body);
  const server = response.status >= 500;
  return new CommentStoreError(
    ours.success
      ? ours.data.error.message
      : wordpress.success
        ? wordpress.data.message
        : server
          ? `${what} is having trouble. Please try again in a moment.`
          : `${what} refused the request (${response.status}).`,
    { code: server ? 'server' : 'invalid', status: response.status },
  );
}

/** The URL that asks the service for these threads' counts (sorted, so the same set is one URL). */
function countsUrl(endpoint: string, threadIds: readonly string[]): string {
  const root = endpoint.replace(/\/+$/, '');
  return `${root}/counts?threads=${threadIds.map(encodeURIComponent).join(',')}`;
}

/**
 * Asks the comment service for the counts of up to `MAX_COUNT_THREADS` threads in one
 * request, revalidating with `etag` when given. Rejects with a `CommentStoreError` when the
 * service cannot be reached, refuses, or answers with something that is not counts at all;
 * entries that are not counts are only left out (`omitted`).
 *
 * @example
 * const { counts } = await fetchCounts(['a', 'b'], { endpoint: '/api' });
 */
export async function fetchCounts(
  threadIds: readonly string[],
  options: FetchCountsOptions,
): Promise<FetchCountsResult> {
  if (threadIds.length === 0 || threadIds.length > MAX_COUNT_THREADS)
    throw new RangeError(
      `fetchCounts asks for 1 to ${MAX_COUNT_THREADS} threads at once, not ${threadIds.length}.`,
    );
  const root = options.endpoint.replace(/\/+$/, '');
  const unreachable: Unreachable = {
    message: UNREACHABLE,
    probe: { url: `${root}/health`, refused: REFUSED },
  };
  const response = await send(
    fetcher(options.fetch),
    countsUrl(root, threadIds),
    {
      headers: {
        accept: 'application/json',
        ...(options.etag ? { 'if-none-match': options.etag } : {}),
      },
      signal: options.signal,
    },
    unreachable,
  );
  if (response.status === 304 && options.etag) return { modified: false };
  if (!response.ok) throw await refusal(response, 'The comment service');
  const parsed = CountsResponseSchema.safeParse(
    await response.json().catch(() => undefined),
  );
  if (!parsed.success)
    throw new CommentStoreError(UNREADABLE, {
      code: 'server',
      status: response.status,
    });
  const etag = response.headers.get('etag') ?? undefined;
  return { modified: true, ...parsed.data, ...(etag ? { etag } : {}) };
}

/**
 * Gathers the keys asked for within one task and hands them over together. A task rather
 * than a microtask: elements added in one go may get their keys set after they connect, in
 * later microtasks of the same task.
 */
function batched<Key extends string | number>(
  run: (keys: Key[]) => Promise<Map<Key, Outcome>>,
): (key: Key) => Promise<number> {
  let waiting: Map<Key, Array<(outcome: Outcome) => void>> | undefined;
  const flush = async () => {
    const batch = waiting!;
    waiting = undefined;
    let outcomes: Map<Key, Outcome>;
    try {
      outcomes = await run([...batch.keys()]);
    } catch (error) {
      const failure =
        error instanceof CommentStoreError
          ? error
          : new CommentStoreError(UNREADABLE, { code: 'server', cause: error });
      outcomes = new Map([...batch.keys()].map((key) => [key, failure]));
    }
    for (const [key, settle] of batch) {
      const outcome =
        outcomes.get(key) ??
        new CommentStoreError(UNREADABLE, { code: 'server' });
      for (const one of settle) one(outcome);
    }
  };
  return (key) =>
    new Promise<number>((resolve, reject) => {
      if (!waiting) {
        waiting = new Map();
        setTimeout(flush, 0);
      }
      const settle = (outcome: Outcome) =>
        typeof outcome === 'number' ? resolve(outcome) : reject(outcome);
      const list = waiting.get(key);
      if (list) list.push(settle);
      else waiting.set(key, [settle]);
    });
}

/** Splits sorted thread ids into requests of at most `MAX_COUNT_THREADS` and `MAX_QUERY_CHARS`. */
function chunks(threadIds: readonly string[]): string[][] {
  const out: string[][] = [];
  let chunk: string[] = [];
  let chars = 0;
  for (const id of threadIds) {
    const length = encodeURIComponent(id).length + 1;
    if (
      chunk.length === MAX_COUNT_THREADS ||
      (chunk.length > 0 && chars + length > MAX_QUERY_CHARS)
    ) {
      out.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(id);
    chars += length;
  }
  if (chunk.length) out.push(chunk);
  return out;
}

/**
 * Counts threads on the Dateline comment service (`GET /api/counts`): every `count()` of one
 * task in one request (several past 100 threads), and each answer remembered with its ETag so
 * that asking again costs the service a 304.
 *
 * @example
 * const counts = createCountsClient({ endpoint: '/api' });
 * const [a, b] = await Promise.all([counts.count('a'), counts.count('b')]); // one request
 */
export function createCountsClient(
  options: CountsClientOptions,
): CountsClient<string> {
  const remembered = new Map<
    string,
    { etag: string; counts: Map<string, number>; omitted: string[] }
  >();

  const one = async (threadIds: string[]): Promise<Map<string, Outcome>> => {
    const key = threadIds.join(',');
    const known = remembered.get(key);
    const answer = await fetchCounts(threadIds, {
      endpoint: options.endpoint,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(known ? { etag: known.etag } : {}),
    });
    let counts: Map<string, number>;
    let omitted: string[];
    if (answer.modified) {
      ({ counts, omitted } = answer);
      remembered.delete(key);
      if (answer.etag) {
        remembered.set(key, { etag: answer.etag, counts, omitted });
        if (remembered.size > REMEMBERED)
          remembered.delete(remembered.keys().next().value!);
      }
    } else {
      ({ counts, omitted } = known!);
    }
    const skipped = new Set(omitted);
    return new Map(
      threadIds.map((id): [string, Outcome] => [
        id,
        counts.get(id) ??
          new CommentStoreError(
            skipped.has(id)
              ? 'The comment service sent a count for this thread that this page cannot read.'
              : 'The comment service sent no count for this thread.',
            { code: 'server' },
          ),
      ]),
    );
  };

  return {
    count: batched(async (threadIds) => {
      const answers = await Promise.all(
        chunks([...threadIds].sort()).map((chunk) =>
          one(chunk).catch(
            (error: unknown) =>
              new Map(
                chunk.map((id): [string, Outcome] => [
                  id,
                  error instanceof CommentStoreError
                    ? error
                    : new CommentStoreError(UNREADABLE, {
                        code: 'server',
                        cause: error,
                      }),
                ]),
              ),
          ),
        ),
      );
      return new Map(answers.flatMap((answer) => [...answer]));
    }),
  };
}

/** A row of `wp/v2/comments?_fields=id,post`. */
const WordPressCountRowSchema = z.object({ id: z.number(), post: z.number() });

/**
 * Counts posts' comments on a WordPress site, from its REST API alone (`wp/v2/comments`, no
 * plugin). WordPress counts one post per request (`?post=ID&per_page=1`, the X-WP-Total
 * header) and its posts carry no comment count; but `post=1,2,3` lists the comments of several
 * posts at once. So one request lists the comments of up to 100 posts (their ids and posts
 * only) and counts them by post; when they run to more pages than there are posts, or the
 * list cannot be read whole (a protected post refuses the batch, a row is damaged), each post
 * is counted on its own, and one that cannot be counted leaves the others' counts standing.
 *
 * @example
 * const counts = createWordPressCountsClient({ site: 'https://news.example.com' });
 * await counts.count(42); // 12
 */
export function createWordPressCountsClient(
  options: WordPressCountsClientOptions,
): CountsClient<number> {
  const endpoint = `${options.site.replace(/\/+$/, '')}/wp-json/wp/v2/comments`;
  const doFetch = fetcher(options.fetch);
  const unreachable: Unreachable = {
    message:
      'The site could not be reached. Check your connection and try again.',
  };
  const get = async (params: Record<string, string | number>) => {
    const response = await send(
      doFetch,
      `${endpoint}?${new URLSearchParams(
        Object.entries(params).map(([k, v]) => [k, String(v)]),
      )}`,
      { headers: { accept: 'application/json' } },
      unreachable,
    );
    if (!response.ok) throw await refusal(response, 'The site');
    return response;
  };
  const total = (response: Response) => {
    const n = Number(response.headers.get('x-wp-total') ?? Number.NaN);
    return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  };

  /** One post, from the X-WP-Total of a one-comment page. */
  const single = async (post: number): Promise<Outcome> => {
    try {
      const n = total(await get({ post, per_page: 1, _fields: 'id' }));
      return (
        n ??
        new CommentStoreError(
          'The site did not say how many comments there are.',
          {
            code: 'server',
          },
        )
      );
    } catch (error) {
      if (error instanceof CommentStoreError) return error;
      throw error;
    }
  };

  /** Several posts from their listed comments, or undefined when the list cannot be trusted whole. */
  const listed = async (
    posts: number[],
  ): Promise<Map<number, Outcome> | undefined> => {
    const page = (n: number) =>
      get({
        post: posts.join(','),
        per_page: WP_PAGE,
        page: n,
        _fields: 'id,post',
        orderby: 'id',
        order: 'asc',
      });
    let first: Response;
    try {
      first = await page(1);
    } catch (error) {
      // A refusal may be one post's (protected or private); each post alone says whose.
      if (error instanceof CommentStoreError && error.code === 'invalid')
        return undefined;
      throw error;
    }
    const expected = total(first);
    const pages = Number(first.headers.get('x-wp-totalpages')) || 1;
    if (expected === undefined || pages - 1 > posts.length) return undefined;
    const responses = [
      first,
      ...(await Promise.all(
        Array.from({ length: pages - 1 }, (_, i) => page(i + 2)),
      )),
    ];
    const seen = new Set<number>();
    const counts = new Map<number, Outcome>(posts.map((p) => [p, 0]));
    for (const response of responses) {
      const rows = await response.json().catch(() => undefined);
      if (!Array.isArray(rows)) return undefined;
      for (const raw of rows) {
        const row = WordPressCountRowSchema.safeParse(raw);
        if (!row.success || !counts.has(row.data.post)) return undefined;
        if (seen.has(row.data.id)) continue;
        seen.add(row.data.id);
        counts.set(row.data.post, (counts.get(row.data.post) as number) + 1);
      }
    }
    // Comments added or removed between pages shift them: count each post alone instead.
    return seen.size === expected ? counts : undefined;
  };

  return {
    count: batched(async (keys) => {
      const outcomes = new Map<number, Outcome>();
      const posts: number[] = [];
      for (const post of keys) {
        if (Number.isSafeInteger(post) && post > 0) posts.push(post);
        else
          outcomes.set(
            post,
            new CommentStoreError(
              `A WordPress post id is a positive whole number, not ${String(post)}.`,
              { code: 'invalid' },
            ),
          );
      }
      posts.sort((a, b) => a - b);
      for (let i = 0; i < posts.length; i += WP_PAGE) {
        const group = posts.slice(i, i + WP_PAGE);
        const counts =
          (group.length > 1 ? await listed(group) : undefined) ??
          new Map(
            await Promise.all(
              group.map(
                async (p): Promise<[number, Outcome]> => [p, await single(p)],
              ),
            ),
          );
        for (const [post, outcome] of counts) outcomes.set(post, outcome);
      }
      return outcomes;
    }),
  };
}
