import type { Context, MiddlewareHandler } from 'hono';
import { fail, type Logger } from './answer.js';
import { wordsFor } from './language.js';

export interface OriginGuardOptions {
  /** Other origins whose pages may call the API (`DATELINE_ORIGINS`). */
  allowed: readonly string[];
  /** The setting that lists them, named in the log. */
  setting: string;
  logger: Pick<Logger, 'warn'>;
  /**
   * How many different refused origins are logged one by one; past that, one line says the
   * rest are not, so a client inventing origins cannot fill the log.
   */
  maxLogged?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether `origin` is the service's own: the host the request was sent to. The scheme is
 * not compared, because behind a proxy that ends TLS the service sees http for a page on
 * https; only the same host can be the same site.
 */
export function isOwnOrigin(origin: string, requestUrl: string): boolean {
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    return from.host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/** Whether `origin` is one of `allowed`; origins compare ignoring case, as hosts do. */
export function listedOrigin(
  allowed: readonly string[],
): (origin: string) => boolean {
  const set = new Set(allowed.map((o) => o.toLowerCase()));
  return (origin) => set.has(origin.toLowerCase());
}

/** An origin as it may appear in a log line: printable ASCII, not too long. */
function printable(origin: string): string {
  const clean = origin.replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/**
 * Checks the origin of every API request. A page's origin is allowed when it is the
 * service's own or is listed; requests without an `Origin` (curl, servers) are not a page's
 * and pass. A refused origin is logged once, with the setting to change; a refused origin may
 * still read (CORS keeps the answer from its page) but never change anything: POST, PATCH and
 * DELETE are answered 403, so a cross-site form cannot post or moderate.
 */
export function originGuard(options: OriginGuardOptions): MiddlewareHandler {
  const { allowed, setting, logger, maxLogged = 100 } = options;
  const listed = listedOrigin(allowed);
  const logged = new Set<string>();
  let silenced = false;

  const remember = (origin: string) => {
    if (logged.has(origin) || silenced) return;
    if (logged.size >= maxLogged) {
      silenced = true;
      logger.warn(
        `Comment requests from more than ${maxLogged} other origins were refused; further ones are not logged.`,
      );
      return;
    }
    logged.add(origin);
    logger.warn(
      `Comment request from ${printable(origin)} refused: add it to ${setting} to allow it.`,
    );
  };

  return async (c: Context, next) => {
    const origin = c.req.header('origin');
    if (
      origin === undefined ||
      listed(origin) ||
      isOwnOrigin(origin, c.req.url)
    )
      return next();
    remember(origin);
    if (SAFE_METHODS.has(c.req.method)) return next();
    return fail(c, 403, {
      code: 'forbidden',
      message: wordsFor(c).say('api-origin', { origin: printable(origin) }),
    });
  };
}
