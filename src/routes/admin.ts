import {
  type CommentStatus,
  COMMENT_STATUSES,
  fieldErrors,
  ModerationRequestSchema,
} from '@dateline/core';
import { type Context, Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import { requireBearer } from '../middleware/bearer.js';
import { limitBody } from '../middleware/body-limit.js';
import {
  formatKilobytes,
  MAX_ADMIN_REQUEST_BYTES,
} from '../policy/request-size.js';
import type { RouteDeps } from './deps.js';
import { publicComment } from './threads.js';

const STATUS_RULE = `status must be ${COMMENT_STATUSES.slice(0, -1).join(', ')} or ${COMMENT_STATUSES.at(-1)}.`;

function isStatus(value: string): value is CommentStatus {
  return (COMMENT_STATUSES as readonly string[]).includes(value);
}

/**
 * `/api/admin`: moderation, for the bearer of `DATELINE_ADMIN_TOKEN`. Moderators see
 * emails to judge a comment; address hashes never leave the service.
 */
export function admin({
  repository,
  config,
}: Pick<RouteDeps, 'repository' | 'config'>) {
  const app = new Hono();
  app.use('*', requireBearer(config.adminToken, 'DATELINE_ADMIN_TOKEN'));
  app.use(
    '*',
    limitBody(
      MAX_ADMIN_REQUEST_BYTES,
      `A moderation request is limited to ${formatKilobytes(MAX_ADMIN_REQUEST_BYTES)}.`,
    ),
  );

  app.get('/comments', async (c) => {
    const status = c.req.query('status') ?? 'pending';
    if (!isStatus(status))
      return fail(c, 400, {
        code: 'invalid',
        message: STATUS_RULE,
        fields: { status: STATUS_RULE },
      });
    const comments = (await repository.listByStatus(status, 200)).map(
      ({ addressHash: _address, ...comment }) => comment,
    );
    return c.json({ comments });
  });

  const moderate = async (c: Context, status: CommentStatus) => {
    const updated = await repository.setStatus(c.req.param('id')!, status);
    if (!updated)
      return fail(c, 404, {
        code: 'not-found',
        message: 'There is no comment with that id.',
      });
    return c.json({ comment: publicComment(updated) });
  };

  app.patch('/comments/:id', async (c) => {
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

  app.delete('/comments/:id', (c) => moderate(c, 'deleted'));

  return app;
}
