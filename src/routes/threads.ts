import { createHash } from 'node:crypto';
import {
  type Comment,
  fieldErrors,
  ListQuerySchema,
  NEW_COMMENT_LIMITS,
  newId,
  PostCommentRequestSchema,
  ThreadIdSchema,
} from '@dateline/core';
import { type Context, Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import { limitBody } from '../middleware/body-limit.js';
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
import { CONFIRMATION_LIMITS } from './subscriptions.js';
import { answerOnce, type Outcome, requestHash } from './idempotency.js';

type PostInput = ReturnType<typeof PostCommentRequestSchema.parse>;

export function publicComment(s: StoredComment): Comment {
  const { email: _email, addressHash: _address, ...comment } = s;
  return comment;
}

const THREAD_ID_REFUSAL = {
  code: 'invalid',
  message: 'That is not a thread id.',
  fields: {
    threadId: 'A thread id is letters, digits and _ . : - (up to 128).',
  },
} as const;

/** The answer to a failure nobody could foresee. */
export const SERVER_FAILED = {
  code: 'server',
  message: 'The comment service failed; nothing was stored. Please try again.',
} as const;

const DUPLICATE =
  'Duplicate comment detected; it looks as though you’ve already said that!';

const TOO_LARGE = `This request is larger than any comment can be: requests are limited to ${formatKilobytes(
  MAX_COMMENT_REQUEST_BYTES,
)}, room for a ${NEW_COMMENT_LIMITS.body.toLocaleString('en')}-character comment in any script. Nothing was stored.`;

function tooFast(c: Context, wait: number): Response {
  return fail(
    c,
    429,
    {
      code: 'too-fast',
      message: 'You are posting comments too quickly. Slow down.',
      retryAfter: wait,
    },
    { 'Retry-After': String(wait) },
  );
}

/**
 * `/api/threads`: a thread's comments, read by anyone, written by "Leave a Reply".
 *
 * A post is checked in an order that tells a stranger nothing: first the request's shape,
 * then the flood limit for the address, and only then anything that looks at stored
 * comments (the parent, the duplicate rule, first-time moderation). An Idempotency-Key is
 * reserved before the work, so overlapping retries store one comment and get one answer.
 */
export function threads(deps: RouteDeps) {
  const { repository, config, address, now } = deps;
  const salt = repository.salt();
  const blocklisted = blocklistChecker(repository);
  const hashAddress = (ip: string) =>
    createHash('sha256').update(`${salt}:${ip}`).digest('hex');

  const app = new Hono();

  app.get('/:threadId/comments', async (c) => {
    const threadId = c.req.param('threadId');
    if (!ThreadIdSchema.safeParse(threadId).success)
      return fail(c, 400, THREAD_ID_REFUSAL);
    const query = ListQuerySchema.safeParse(c.req.query());
    if (!query.success)
      return fail(c, 400, {
        code: 'invalid',
        message: 'The query is not valid.',
        fields: fieldErrors(query.error),
      });
    const limit = Number(query.data.limit ?? 50);
    const order = query.data.order ?? 'oldest';
    // The ETag comes from the thread's version, so a repeat read costs one indexed lookup.
    const etag = `W/"${await repository.threadVersion(threadId)}-${createHash(
      'sha1',
    )
      .update(`${query.data.cursor ?? ''}|${limit}|${order}`)
      .digest('base64url')
      .slice(0, 12)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    try {
      const page = await repository.page({
        threadId,
        limit,
        order,
        ...(query.data.cursor ? { cursor: query.data.cursor } : {}),
      });
      return c.json({
        ...page,
        total: await repository.countApproved(threadId),
      });
    } catch (error) {
      if (error instanceof InvalidCursorError)
        return fail(c, 400, {
          code: 'invalid',
          message: error.message,
          fields: { cursor: error.message },
        });
      throw error;
    }
  });

  app.post(
    '/:threadId/comments',
    limitBody(MAX_COMMENT_REQUEST_BYTES, TOO_LARGE),
    async (c) => {
      // 1. The request's shape: nothing stored is looked at yet.
      const threadId = c.req.param('threadId');
      if (!ThreadIdSchema.safeParse(threadId).success)
        return fail(c, 400, THREAD_ID_REFUSAL);
      const key = c.req.header('idempotency-key')?.trim();
      if (key !== undefined && !/^[\x21-\x7e]{1,128}$/.test(key))
        return fail(c, 400, {
          code: 'invalid',
          message:
            'The Idempotency-Key header must be 1 to 128 visible ASCII characters.',
        });
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        return fail(c, 415, {
          code: 'invalid',
          message: 'Send the comment as JSON (Content-Type: application/json).',
        });
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        return fail(c, 400, {
          code: 'invalid',
          message: 'The request body is not valid JSON.',
        });
      }
      const withThread =
        json && typeof json === 'object' && !Array.isArray(json)
          ? { ...json, threadId }
          : json;
      const parsed = PostCommentRequestSchema.safeParse(withThread);
      if (!parsed.success)
        return fail(c, 400, {
          code: 'invalid',
          message:
            'Your comment could not be posted: please check the highlighted fields.',
          fields: fieldErrors(parsed.error),
        });

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
          ? fail(c, 500, SERVER_FAILED)
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
            message:
              'This Idempotency-Key was already used for a different comment. Send each new comment with a new key.',
          });
        },
        stillWorking: () =>
          fail(
            c,
            503,
            {
              code: 'unavailable',
              message:
                'This comment is still being stored by an earlier attempt. Please try again in a moment.',
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
      if (wait > 0) return refused(tooFast(c, wait));
    }

    // 3. Only now what is stored: the parent, a repeat by the same sender, the author's history.
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await repository.get(parentId);
      if (
        !parent ||
        parent.threadId !== threadId ||
        parent.status !== 'approved'
      )
        return refused(
          fail(c, 400, {
            code: 'invalid',
            message: 'The comment you are replying to could not be found.',
            fields: {
              parentId: 'The comment you are replying to could not be found.',
            },
          }),
        );
    }
    const sender = { email: input.author.email, addressHash };
    const copies = addressHash
      ? await repository.copiesFrom({
          threadId,
          body: input.body,
          addressHash,
        })
      : [];
    if (isRepeat(sender, copies))
      return refused(
        fail(c, 409, {
          code: 'duplicate',
          message: DUPLICATE,
          fields: { body: DUPLICATE },
        }),
      );

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
      tooFast(
        c,
        Math.max(1, floodWait(result.lastPostAt, at, config.floodSeconds)),
      ),
    );
  }

  return app;
}
