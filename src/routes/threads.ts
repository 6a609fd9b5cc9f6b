import { createHash } from 'node:crypto';
import {
  type Comment,
  fieldErrors,
  ListQuerySchema,
  messageFor,
  NEW_COMMENT_LIMITS,
  newId,
  PostCommentRequestSchema,
  ThreadIdSchema,
} from '@dateline/core';
import { type Context, Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import { limitBody } from '../middleware/body-limit.js';
import {
  answerLanguage,
  readerLocale,
  wordsFor,
  wordsOf,
} from '../middleware/language.js';
import { blocklistChecker } from '../policy/blocklist.js';
import { isReturningCommenter } from '../policy/commenter.js';
import { isRepeat } from '../policy/duplicate.js';
import { floodWait, quietSince } from '../policy/flood.js';
import { decideStatus, needsCommenterHistory } from '../policy/moderation.js';
import {
  formatKilobytes,
  MAX_COMMENT_REQUEST_BYTES,
} from '../policy/request-size.js';
import {
  type HeldReservation,
  InvalidCursorError,
  type StoredComment,
} from '../repository/types.js';
import type { RouteDeps } from './deps.js';
import { ifNoneMatch, pageCache } from './page-cache.js';
import { CONFIRMATION_LIMITS } from './subscriptions.js';
import { threadIdRefusal } from './thread-ids.js';
import { threadVersionReader } from './thread-versions.js';
import { answerOnce, type Outcome, requestHash } from './idempotency.js';

type PostInput = ReturnType<typeof PostCommentRequestSchema.parse>;

export function publicComment(s: StoredComment): Comment {
  const { email: _email, addressHash: _address, ...comment } = s;
  return comment;
}

/** Why a request is too large to be a comment, in its language. */
function tooLarge(c: Context): string {
  const { say, locale } = wordsFor(c);
  return say('api-too-large', {
    size: formatKilobytes(MAX_COMMENT_REQUEST_BYTES, locale),
    max: NEW_COMMENT_LIMITS.body.toLocaleString(locale),
  });
}

async function tooFast(c: Context, wait: number): Promise<Response> {
  const locale = await answerLanguage(c);
  return fail(
    c,
    429,
    {
      code: 'too-fast',
      message: messageFor('comment-too-fast', undefined, { locale }),
      retryAfter: wait,
    },
    { 'Retry-After': String(wait) },
  );
}

/** Bytes of page answers an instance keeps (see `pageCache`): a few hundred big pages. */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

export interface ThreadsOptions {
  /** Bytes of page answers kept; default `PAGE_CACHE_BYTES`. */
  pageCacheBytes?: number;
}

/** A page's ETag: the thread's version, and which page of it. */
function pageEtag(
  version: number,
  cursor: string | undefined,
  limit: number,
  order: string,
): string {
  const page = createHash('sha1')
    .update(`${cursor ?? ''}|${limit}|${order}`)
    .digest('base64url')
    .slice(0, 12);
  return `W/"${version}-${page}"`;
}

/**
 * `/api/threads`: a thread's comments, read by anyone, written by "Leave a Reply".
 *
 * A post is checked in an order that tells a stranger nothing: first the request's shape,
 * then the flood limit for the address, and only then anything that looks at stored
 * comments (the parent, the duplicate rule, first-time moderation). An Idempotency-Key is
 * reserved before the work, so overlapping retries store one comment and get one answer.
 */
export function threads(deps: RouteDeps, options: ThreadsOptions = {}) {
  const { repository, config, address, now } = deps;
  const pages = pageCache({
    maxBytes: options.pageCacheBytes ?? PAGE_CACHE_BYTES,
  });
  const versionOf = threadVersionReader(repository);
  const salt = repository.salt();
  const blocklisted = blocklistChecker(repository);
  const hashAddress = (ip: string) =>
    createHash('sha256').update(`${salt}:${ip}`).digest('hex');

  const app = new Hono();

  app.get('/:threadId/comments', async (c) => {
    const threadId = c.req.param('threadId');
    if (!ThreadIdSchema.safeParse(threadId).success) return threadIdRefusal(c);
    const query = ListQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      const locale = await answerLanguage(c);
      return fail(c, 400, {
        code: 'invalid',
        message: wordsOf(c)[locale]['api-query-invalid'],
        fields: fieldErrors(query.error, { locale }),
      });
    }
    const limit = Number(query.data.limit ?? 50);
    const order = query.data.order ?? 'oldest';
    const cursor = query.data.cursor;
    // What the answer depends on besides the thread's version: nothing else of the request
    // (no locale, no reader), so the same bytes answer everyone.
    const key = `${threadId}\n${limit}\n${order}\n${cursor ?? ''}`;
    // The version is read from the database for every request (reads that arrive together
    // share one query, begun after they came), so every instance answers what is stored now:
    // a repeat read costs this one indexed lookup.
    const version = await versionOf(threadId);
    const kept = pages.get(key, version);
    const etag = kept?.etag ?? pageEtag(version, cursor, limit, order);
    if (ifNoneMatch(c.req.header('if-none-match'), etag))
      return c.body(null, 304, { ETag: etag, 'Cache-Control': 'no-cache' });
    try {
      const answer =
        kept ??
        (await pages.answer(key, version, async () => {
          const page = await repository.page({
            threadId,
            limit,
            order,
            ...(cursor ? { cursor } : {}),
          });
          const total = await repository.countApproved(threadId);
          return {
            etag,
            body: Buffer.from(JSON.stringify({ ...page, total })),
          };
        }));
      return c.body(answer.body, 200, {
        'Content-Type': 'application/json',
        ETag: answer.etag,
        'Cache-Control': 'no-cache',
      });
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        const message = wordsFor(c).say('api-cursor');
        return fail(c, 400, {
          code: 'invalid',
          message,
          fields: { cursor: message },
        });
      }
      throw error;
    }
  });

  app.post(
    '/:threadId/comments',
    limitBody(MAX_COMMENT_REQUEST_BYTES, tooLarge),
    async (c) => {
      // 1. The request's shape: nothing stored is looked at yet.
      const threadId = c.req.param('threadId');
      if (!ThreadIdSchema.safeParse(threadId).success)
        return threadIdRefusal(c);
      const key = c.req.header('idempotency-key')?.trim();
      if (key !== undefined && !/^[\x21-\x7e]{1,128}$/.test(key))
        return fail(c, 400, {
          code: 'invalid',
          message: wordsFor(c).say('api-key-invalid'),
        });
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        return fail(c, 415, {
          code: 'invalid',
          message: wordsFor(c).say('api-send-json'),
        });
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        return fail(c, 400, {
          code: 'invalid',
          message: wordsFor(c).say('api-not-json'),
        });
      }
      const withThread =
        json && typeof json === 'object' && !Array.isArray(json)
          ? { ...json, threadId }
          : json;
      const parsed = PostCommentRequestSchema.safeParse(withThread);
      if (!parsed.success) {
        // What the reader is told about their comment is in their language.
        const locale = await answerLanguage(c);
        return fail(c, 400, {
          code: 'invalid',
          message: messageFor('comment-not-posted', undefined, { locale }),
          fields: fieldErrors(parsed.error, { locale }),
        });
      }

      const input = parsed.data;
      const ip = address?.(c);
      const addressHash = ip ? hashAddress(ip) : null;
      const at = now();
      const post = (reservation?: HeldReservation) =>
        store(c, input, threadId, addressHash, at, reservation);

      if (!key) {
        const outcome = await post();
        // Without a key there is no reservation to lose.
        return 'lost' in outcome
          ? fail(c, 500, {
              code: 'server',
              message: wordsFor(c).say('api-failed'),
            })
          : outcome.response;
      }
      return answerOnce({
        repository,
        threadId,
        key,
        requestHash: requestHash({ ...input, threadId, key }),
        work: post,
        replay: (answer) =>
          c.body(answer.body, answer.status as 201, {
            'content-type': 'application/json',
            'idempotent-replay': 'true',
          }),
        conflict: async () => {
          // The flood limit still comes first, so reusing a key is no way around it.
          const wait = addressHash
            ? floodWait(
                await repository.lastPostFrom(addressHash),
                at,
                config.floodSeconds,
              )
            : 0;
          if (wait > 0) return tooFast(c, wait);
          return fail(c, 422, {
            code: 'conflict',
            message: wordsFor(c).say('api-key-reused'),
          });
        },
        stillWorking: () =>
          fail(
            c,
            503,
            {
              code: 'unavailable',
              message: wordsFor(c).say('api-still-storing'),
            },
            { 'Retry-After': '1' },
          ),
      });
    },
  );

  /** The checks that look at stored comments, in order, and the write. */
  async function store(
    c: Context,
    input: PostInput,
    threadId: string,
    addressHash: string | null,
    at: Date,
    reservation?: HeldReservation,
  ): Promise<Outcome> {
    const refused = (response: Response) => ({ response, stored: false });

    // 2. The flood limit, before anything that could answer differently for stored data.
    if (addressHash) {
      const wait = floodWait(
        await repository.lastPostFrom(addressHash),
        at,
        config.floodSeconds,
      );
      if (wait > 0) return refused(await tooFast(c, wait));
    }

    // 3. Only now what is stored: the parent, a repeat by the same sender, the author's history.
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await repository.get(parentId);
      if (
        !parent ||
        parent.threadId !== threadId ||
        parent.status !== 'approved'
      ) {
        const locale = await answerLanguage(c);
        const message = messageFor('parent-invalid', undefined, { locale });
        return refused(
          fail(c, 400, {
            code: 'invalid',
            message,
            fields: { parentId: message },
          }),
        );
      }
    }
    const sender = { email: input.author.email, addressHash };
    const copies = addressHash
      ? await repository.copiesFrom({
          threadId,
          body: input.body,
          addressHash,
        })
      : [];
    if (isRepeat(sender, copies)) {
      const locale = await answerLanguage(c);
      const message = messageFor('comment-duplicate', undefined, { locale });
      return refused(
        fail(c, 409, {
          code: 'duplicate',
          message,
          fields: { body: message },
        }),
      );
    }

    const known = needsCommenterHistory(input, config)
      ? await repository.findApprovedCommenter(input.author)
      : undefined;
    const { status } = decideStatus(
      input,
      {
        returningCommenter: isReturningCommenter(
          input.author,
          known ? [known] : [],
        ),
        blocklist: await blocklisted({
          ...input.author,
          body: input.body,
          addressHash,
        }),
      },
      config,
    );

    const comment: StoredComment = {
      id: newId(),
      threadId,
      parentId,
      author: input.author.url
        ? { name: input.author.name, url: input.author.url }
        : { name: input.author.name },
      body: input.body,
      createdAt: at.toISOString(),
      status,
      email: input.author.email,
      addressHash,
    };
    const shown = publicComment(comment);
    // Spam is answered as "awaiting moderation", so a bot learns nothing.
    const body = JSON.stringify({
      comment: status === 'spam' ? { ...shown, status: 'pending' } : shown,
    });
    const since = quietSince(at, config.floodSeconds);
    const result = await repository.insert(comment, {
      ...(reservation
        ? { reservation: { ...reservation, answer: { status: 201, body } } }
        : {}),
      ...(since ? { quietSince: since } : {}),
      // Asked for with the comment, kept with it; whether a confirmation mail goes out is
      // decided inside, and the answer is the same either way.
      ...(input.notify
        ? {
            subscribe: {
              email: input.author.email,
              now: at.getTime(),
              limits: CONFIRMATION_LIMITS,
              // The reader's mails are written in the language their browser asks for.
              locale: readerLocale(c.req.header('accept-language')),
            },
          }
        : {}),
    });
    if (result.stored)
      // The 201 goes out only after the transaction has committed.
      return {
        response: c.body(body, 201, { 'content-type': 'application/json' }),
        stored: true,
      };
    if (result.reason === 'reservation-lost') return { lost: true };
    return refused(
      await tooFast(
        c,
        Math.max(1, floodWait(result.lastPostAt, at, config.floodSeconds)),
      ),
    );
  }

  return app;
}
