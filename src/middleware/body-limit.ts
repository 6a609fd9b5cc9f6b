import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fail } from './answer.js';

/**
 * Refuses a request body over `maxBytes` with 413 and `message`, before reading more of it
 * than that (a declared Content-Length is refused without reading at all).
 */
export function limitBody(
  maxBytes: number,
  message: string,
): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => fail(c, 413, { code: 'too-large', message }),
  });
}
