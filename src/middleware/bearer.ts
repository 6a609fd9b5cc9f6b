import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { fail } from './answer.js';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Lets a request through only with `Authorization: Bearer <token>`. Without a configured
 * token everything is refused, with the setting that turns it on.
 */
export function requireBearer(
  token: string | undefined,
  setting: string,
): MiddlewareHandler {
  const expected = token ? sha256(token) : undefined;
  return async (c, next) => {
    c.header('WWW-Authenticate', 'Bearer realm="dateline"');
    if (!expected)
      return fail(c, 401, {
        code: 'unauthorized',
        message: `Moderation is off: start the service with ${setting} set.`,
      });
    const sent = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    // Digests have equal length, so the comparison takes the same time whatever was sent.
    if (!sent || !timingSafeEqual(sha256(sent), expected))
      return fail(c, 401, {
        code: 'unauthorized',
        message: 'A valid moderation token is required.',
      });
    await next();
  };
}
