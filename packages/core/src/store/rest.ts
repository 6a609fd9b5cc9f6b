import { CommentSchema, type Comment, type NewCommentInput } from '../comment/schema.js';
import { CommentCreatedResponseSchema, CommentListResponseSchema, ErrorResponseSchema } from './protocol.js';
import { CommentStoreError, type CommentStore, type CommentStoreErrorCode, type CreateCommentOptions, type ListCommentsOptions } from './types.js';

export interface RestStoreOptions {
  /** The service's API root, e.g. "/api" or "https://comments.example.com/api". */
  endpoint: string;
  /** For tests and other runtimes; default the global fetch. */
  fetch?: typeof fetch;
  /** Where the reader's own pending comments are remembered; default localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const STORE_CODES: Record<string, CommentStoreErrorCode> = {
  invalid: 'invalid',
  duplicate: 'duplicate',
  'too-fast': 'too-fast',
  closed: 'closed',
  'not-found': 'invalid',
  'too-large': 'invalid',
  unauthorized: 'server',
  server: 'server',
};

async function refusal(response: Response): Promise<CommentStoreError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's error page, say
  }
  const parsed = ErrorResponseSchema.safeParse(body);
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new CommentStoreError(message, {
      code: STORE_CODES[code] ?? 'server',
      fields: fields ?? {},
      retryAfter: parsed.data.error.retryAfter ?? retryAfter,
      status: response.status,
    });
  }
  return new CommentStoreError(
    response.status >= 500 ? 'The comment service is having trouble. Please try again in a moment.' : `The comment service refused the request (${response.status}).`,
    { code: response.status >= 500 ? 'server' : 'invalid', status: response.status, retryAfter },
  );
}

function networkError(cause: unknown): CommentStoreError {
  return new CommentStoreError('The comment service could not be reached. Check your connection and try again.', { code: 'network', cause });
}

/**
 * A store speaking the Dateline comment service's protocol (its schemas live in core). It
 * remembers the reader's own comments that await moderation, so they see them after a reload.
 *
 * @example
 * const store = createRestStore({ endpoint: '/api' });
 */
export function createRestStore(options: RestStoreOptions): CommentStore {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const storage = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  const pendingKey = `dateline:pending:${endpoint}`;
  const url = (threadId: string) => `${endpoint}/threads/${encodeURIComponent(threadId)}/comments`;

  const readPending = (): Comment[] => {
    try {
      const raw = JSON.parse(storage?.getItem(pendingKey) ?? '[]');
      return Array.isArray(raw) ? raw.filter((c): c is Comment => CommentSchema.safeParse(c).success) : [];
    } catch {
      return [];
    }
  };
  const writePending = (list: Comment[]) => {
    try {
      storage?.setItem(pendingKey, JSON.stringify(list));
    } catch {
      // storage full or denied: the notice shows for this visit only
    }
  };

  return {
    async list(threadId: string, opts: ListCommentsOptions = {}) {
      const query = new URLSearchParams();
      if (opts.cursor) query.set('cursor', opts.cursor);
      if (opts.limit) query.set('limit', String(opts.limit));
      if (opts.order) query.set('order', opts.order);
      let response: Response;
      try {
        response = await doFetch(`${url(threadId)}${query.size ? `?${query}` : ''}`, { headers: { accept: 'application/json' }, signal: opts.signal });
      } catch (error) {
        throw networkError(error);
      }
      if (!response.ok) throw await refusal(response);
      const parsed = CommentListResponseSchema.safeParse(await response.json());
      if (!parsed.success) throw new CommentStoreError('The comment service sent comments this page cannot read.', { code: 'server' });
      const page = parsed.data;
      // The reader's own pending comments: shown until the service lists them as approved.
      const listed = new Set(page.comments.map((c) => c.id));
      const pending = readPending();
      const stillPending = pending.filter((c) => !listed.has(c.id));
      if (stillPending.length !== pending.length) writePending(stillPending);
      const mine = opts.cursor ? [] : stillPending.filter((c) => c.threadId === threadId);
      return { comments: [...page.comments, ...mine], total: page.total, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },

    async create(input: NewCommentInput, opts: CreateCommentOptions) {
      let response: Response;
      try {
        response = await doFetch(url(input.threadId), {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': opts.idempotencyKey },
          body: JSON.stringify(opts.honeypot ? { ...input, honeypot: opts.honeypot } : input),
          signal: opts.signal,
        });
      } catch (error) {
        throw networkError(error);
      }
      if (!response.ok) throw await refusal(response);
      const parsed = CommentCreatedResponseSchema.safeParse(await response.json());
      if (!parsed.success) throw new CommentStoreError('The comment service answered in a way this page cannot read.', { code: 'server' });
      const { comment } = parsed.data;
      if (comment.status === 'pending') writePending([...readPending().filter((c) => c.id !== comment.id), comment]);
      return comment;
    },
  };
}
