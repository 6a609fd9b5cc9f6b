import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fail } from './answer.js';

/**
 * Refuses a request body over `maxBytes` with 413 and `message` (or the message for this
 * request, in its language), before reading more of it than that (a declared Content-Length
 * is refused without reading at all).
 */
export function limitBody(
  maxBytes: number,
  message: string | ((c: Context) => string),
): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      fail(c, 413, {
        code: 'too-large',
        message: typeof message === 'string' ? message : message(c),
      }),
  });
}
