import type { NewCommentInput } from '../comment/schema.js';
import { fetcher, send } from './http.js';
import { browserStorage, pendingComments } from './pending.js';
import {
  CommentCreatedResponseSchema,
  CommentListResponseSchema,
} from './protocol.js';
import { ErrorResponseSchema } from './protocol-errors.js';
import {
  CommentStoreError,
  type CommentStore,
  type CommentStoreErrorCode,
  type CreateCommentOptions,
  type ListCommentsOptions,
} from './types.js';

/**
 * What the service's store also takes when posting: whether the author asked to be mailed
 * about follow-up comments. Other stores have no mail, and ignore it.
 */
export interface RestCreateOptions extends CreateCommentOptions {
  /** The author ticked "Notify me of follow-up comments by email."; off unless set. */
  notify?: boolean;
  /**
   * The language the author writes in (the form's, a BCP 47 tag such as "km"), sent as
   * `Accept-Language`: the service mails the author in it and words its refusals in it.
   * Without it, the browser's own preference is sent. A tag that is not one is left out.
   */
  locale?: string;
}

/** A BCP 47 tag as `Accept-Language` may carry it: letters, digits and hyphens, 35 at most. */
const LANGUAGE_TAG = /^[a-z]{1,8}(?:-[a-z\d]{1,8}){0,4}$/i;

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
  forbidden: 'refused-origin',
  conflict: 'invalid',
  unavailable: 'server',
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
    response.status >= 500
      ? 'The comment service is having trouble. Please try again in a moment.'
      : `The comment service refused the request (${response.status}).`,
    {
      code: response.status >= 500 ? 'server' : 'invalid',
      status: response.status,
      retryAfter,
    },
  );
}

const UNREACHABLE =
  'The comment service could not be reached. Check your connection and try again.';
/** Said when the service is up but its CORS setting (`DATELINE_ORIGINS`) leaves this page out. */
const REFUSED =
  'This site’s comment service does not accept comments from this page.';

/**
 * A store speaking the Dateline comment service's protocol (its schemas live in core). It
 * remembers the reader's own comments that await moderation, so they see them after a reload.
 *
 * @example
 * const store = createRestStore({ endpoint: '/api' });
 */
export function createRestStore(options: RestStoreOptions): CommentStore {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const doFetch = fetcher(options.fetch);
  const pending = pendingComments(
    options.storage ?? browserStorage(),
    `dateline:pending:${endpoint}`,
  );
  const url = (threadId: string) =>
    `${endpoint}/threads/${encodeURIComponent(threadId)}/comments`;
  // Any answer from the health check, even a refusal, shows that the service is up.
  const unreachable = {
    message: UNREACHABLE,
    probe: { url: `${endpoint}/health`, refused: REFUSED },
  };

  return {
    async list(threadId: string, opts: ListCommentsOptions = {}) {
      const query = new URLSearchParams();
      if (opts.cursor) query.set('cursor', opts.cursor);
      if (opts.limit) query.set('limit', String(opts.limit));
      if (opts.order) query.set('order', opts.order);
      const response = await send(
        doFetch,
        `${url(threadId)}${query.size ? `?${query}` : ''}`,
        { headers: { accept: 'application/json' }, signal: opts.signal },
        unreachable,
      );
      if (!response.ok) throw await refusal(response);
      const parsed = CommentListResponseSchema.safeParse(
        await response.json().catch(() => undefined),
      );
      if (!parsed.success)
        throw new CommentStoreError(
          'The comment service sent comments this page cannot read.',
          { code: 'server' },
        );
      const page = parsed.data;
      // The reader's own pending comments, on the first page only.
      const mine = pending.unlisted(threadId, page.comments);
      return {
        comments: [...page.comments, ...(opts.cursor ? [] : mine)],
        total: page.total,
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        ...(page.omitted ? { omitted: page.omitted } : {}),
      };
    },

    async create(input: NewCommentInput, opts: RestCreateOptions) {
      const response = await send(
        doFetch,
        url(input.threadId),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': opts.idempotencyKey,
            ...(LANGUAGE_TAG.test(opts.locale ?? '')
              ? { 'accept-language': opts.locale }
              : {}),
          },
          body: JSON.stringify({
            ...input,
            ...(opts.honeypot ? { honeypot: opts.honeypot } : {}),
            ...(opts.notify ? { notify: true } : {}),
          }),
          signal: opts.signal,
        },
        unreachable,
      );
      if (!response.ok) throw await refusal(response);
      const parsed = CommentCreatedResponseSchema.safeParse(
        await response.json().catch(() => undefined),
      );
      if (!parsed.success)
        throw new CommentStoreError(
          'The comment service answered in a way this page cannot read.',
          { code: 'server' },
        );
      const { comment } = parsed.data;
      if (comment.status === 'pending') pending.remember(comment);
      return comment;
    },
  };
}
