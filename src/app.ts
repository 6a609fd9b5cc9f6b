import { createHash, timingSafeEqual } from 'node:crypto';
import {
  fieldErrors,
  linkify,
  ListQuerySchema,
  ModerationRequestSchema,
  newId,
  PostCommentRequestSchema,
  ThreadIdSchema,
  type Comment,
  type ErrorResponse,
} from '@dateline/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ServiceConfig } from './config.js';
import { InvalidCursorError } from './repository/sqlite.js';
import type { CommentRepository, StoredComment } from './repository/types.js';

export interface AppOptions {
  repository: CommentRepository;
  config: ServiceConfig;
  /** The client's address for rate limits; the server adapter knows it. */
  address?: (c: Context) => string | undefined;
  now?: () => Date;
}

type ErrorBody = ErrorResponse['error'];

function fail(
  c: Context,
  status: 400 | 401 | 404 | 409 | 413 | 415 | 429 | 500,
  error: ErrorBody,
  headers: Record<string, string> = {},
) {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json({ error }, status);
}

function publicComment(s: StoredComment): Comment {
  const { email: _email, addressHash: _address, ...comment } = s;
  return comment;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The comment service as a standard fetch handler (Hono): it runs on Node through
 * @hono/node-server, and wherever else Hono runs given a repository.
 */
export function createApp({
  repository,
  config,
  address,
  now = () => new Date(),
}: AppOptions) {
  const app = new Hono();
  const salt = repository.salt();
  const adminDigest = config.adminToken ? sha256(config.adminToken) : undefined;
  const hashAddress = (ip: string) =>
    createHash('sha256').update(`${salt}:${ip}`).digest('hex');

  app.use(
    '/api/*',
    cors({
      origin: (origin) => (config.origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowHeaders: [
        'Content-Type',
        'Idempotency-Key',
        'Authorization',
        'If-None-Match',
      ],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );

  app.get('/api/health', (c) => {
    repository.countApproved('health-check');
    return c.json({ status: 'ok' });
  });

  app.get('/api/threads/:threadId/comments', (c) => {
    const threadId = c.req.param('threadId');
    if (!ThreadIdSchema.safeParse(threadId).success) {
      return fail(c, 400, {
        code: 'invalid',
        message: 'That is not a thread id.',
        fields: {
          threadId: 'A thread id is letters, digits and _ . : - (up to 128).',
        },
      });
    }
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
    const etag = `W/"${repository.threadVersion(threadId)}-${createHash('sha1')
      .update(`${query.data.cursor ?? ''}|${limit}|${order}`)
      .digest('base64url')
      .slice(0, 12)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    try {
      const page = repository.page({
        threadId,
        limit,
        order,
        ...(query.data.cursor ? { cursor: query.data.cursor } : {}),
      });
      return c.json({ ...page, total: repository.countApproved(threadId) });
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
    '/api/threads/:threadId/comments',
    bodyLimit({
      maxSize: 100 * 1024,
      onError: (c) =>
        fail(c, 413, {
          code: 'too-large',
          message: 'The comment is too large: requests are limited to 100 KB.',
        }),
    }),
    async (c) => {
      const threadId = c.req.param('threadId');
      if (!ThreadIdSchema.safeParse(threadId).success) {
        return fail(c, 400, {
          code: 'invalid',
          message: 'That is not a thread id.',
          fields: {
            threadId: 'A thread id is letters, digits and _ . : - (up to 128).',
          },
        });
      }
      const key = c.req.header('idempotency-key')?.trim();
      if (key !== undefined && !/^[\x21-\x7e]{1,128}$/.test(key)) {
        return fail(c, 400, {
          code: 'invalid',
          message:
            'The Idempotency-Key header must be 1 to 128 visible ASCII characters.',
        });
      }
      if (key) {
        const previous = repository.answered(threadId, key);
        if (previous)
          return c.body(previous.body, previous.status as 201, {
            'content-type': 'application/json',
            'idempotent-replay': 'true',
          });
      }
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        return fail(c, 415, {
          code: 'invalid',
          message: 'Send the comment as JSON (Content-Type: application/json).',
        });
      }
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
      if (!parsed.success) {
        return fail(c, 400, {
          code: 'invalid',
          message:
            'Your comment could not be posted: please check the highlighted fields.',
          fields: fieldErrors(parsed.error),
        });
      }
      const input = parsed.data;
      const parentId = input.parentId ?? null;
      if (parentId !== null) {
        const parent = repository.get(parentId);
        if (
          !parent ||
          parent.threadId !== threadId ||
          parent.status !== 'approved'
        ) {
          return fail(c, 400, {
            code: 'invalid',
            message: 'The comment you are replying to could not be found.',
            fields: {
              parentId: 'The comment you are replying to could not be found.',
            },
          });
        }
      }
      if (repository.isDuplicate(threadId, input.author, input.body)) {
        return fail(c, 409, {
          code: 'duplicate',
          message:
            'Duplicate comment detected; it looks as though you’ve already said that!',
          fields: {
            body: 'Duplicate comment detected; it looks as though you’ve already said that!',
          },
        });
      }
      const ip = address?.(c);
      const addressHash = ip ? hashAddress(ip) : null;
      const at = now();
      if (addressHash && config.floodSeconds > 0) {
        const last = repository.lastPostFrom(addressHash);
        const wait = last
          ? Math.ceil(
              config.floodSeconds - (at.getTime() - Date.parse(last)) / 1000,
            )
          : 0;
        if (wait > 0) {
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
      }

      let status: Comment['status'] = 'approved';
      if (input.honeypot) status = 'spam';
      else if (config.moderation === 'all') status = 'pending';
      // As WordPress: links in the comment's text, not the author's website, count.
      else if (
        linkify(input.body).filter((p) => typeof p !== 'string').length >
        config.maxLinks
      )
        status = 'pending';
      else if (
        config.moderation === 'first-time' &&
        !repository.hasApprovedFrom(input.author.email)
      )
        status = 'pending';

      const stored: StoredComment = {
        id: newId(),
        threadId,
        parentId,
        author: input.author.url
          ? { name: input.author.name, url: input.author.url }
          : { name: input.author.name },
        body: input.body,
        createdAt: at.toISOString(),
        // Spam is answered as "awaiting moderation", so a bot learns nothing.
        status,
        email: input.author.email,
        addressHash,
      };
      const shown = publicComment(stored);
      const body = JSON.stringify({
        comment: status === 'spam' ? { ...shown, status: 'pending' } : shown,
      });
      // The 201 goes out only after this transaction has committed.
      repository.insert(stored, {
        key: key ?? `auto:${stored.id}`,
        answer: { status: 201, body },
      });
      return c.body(body, 201, { 'content-type': 'application/json' });
    },
  );

  // Moderation
  app.use('/api/admin/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    c.header('WWW-Authenticate', 'Bearer realm="dateline"');
    if (!adminDigest)
      return fail(c, 401, {
        code: 'unauthorized',
        message:
          'Moderation is off: start the service with DATELINE_ADMIN_TOKEN set.',
      });
    // Digests have equal length, so the comparison takes the same time whatever was sent.
    if (!token || !timingSafeEqual(sha256(token), adminDigest))
      return fail(c, 401, {
        code: 'unauthorized',
        message: 'A valid moderation token is required.',
      });
    await next();
  });

  app.get('/api/admin/comments', (c) => {
    const status = c.req.query('status') ?? 'pending';
    if (
      status !== 'pending' &&
      status !== 'spam' &&
      status !== 'approved' &&
      status !== 'deleted'
    ) {
      return fail(c, 400, {
        code: 'invalid',
        message: 'status must be pending, spam, approved or deleted.',
        fields: {
          status: 'status must be pending, spam, approved or deleted.',
        },
      });
    }
    // Moderators see emails to judge a comment; address hashes stay inside.
    const comments = repository
      .listByStatus(status, 200)
      .map(({ addressHash: _address, ...c }) => c);
    return c.json({ comments });
  });

  const moderate = (c: Context, status: Comment['status']) => {
    const updated = repository.setStatus(c.req.param('id')!, status);
    if (!updated)
      return fail(c, 404, {
        code: 'not-found',
        message: 'There is no comment with that id.',
      });
    return c.json({ comment: publicComment(updated) });
  };

  app.patch('/api/admin/comments/:id', async (c) => {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return fail(c, 400, {
        code: 'invalid',
        message: 'The request body is not valid JSON.',
      });
    }
    const parsed = ModerationRequestSchema.safeParse(json);
    if (!parsed.success)
      return fail(c, 400, {
        code: 'invalid',
        message: 'The status is not valid.',
        fields: fieldErrors(parsed.error),
      });
    return moderate(c, parsed.data.status);
  });

  app.delete('/api/admin/comments/:id', (c) => moderate(c, 'deleted'));

  app.all('/api/*', (c) =>
    fail(c, 404, {
      code: 'not-found',
      message: `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API.`,
    }),
  );

  app.onError((error, c) => {
    console.error(error);
    return fail(c, 500, {
      code: 'server',
      message:
        'The comment service failed; nothing was stored. Please try again.',
    });
  });

  return app;
}
