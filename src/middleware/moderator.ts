import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isModerator, type ServiceConfig } from '../config.js';
import { hashSecret, looksLikeSecret } from '../outbox/secrets.js';
import type { CommentRepository } from '../repository/types.js';
import { fail } from './answer.js';
import { isOwnOrigin } from './origin.js';

/** Who is moderating: a moderator signed in by mail, or a script with the admin token. */
export type Moderator = { email: string } | { token: true };

declare module 'hono' {
  interface ContextVariableMap {
    moderator: Moderator;
  }
}

/** How long a session lasts after signing in. */
export const SESSION_MS = 7 * 24 * 60 * 60 * 1000;

type Settings = Pick<ServiceConfig, 'adminToken' | 'moderators' | 'publicUrl'>;

/** Session cookies are Secure when people reach the service over https. */
export function secureCookies(config: Pick<ServiceConfig, 'publicUrl'>) {
  return config.publicUrl?.startsWith('https:') ?? false;
}

/**
 * The session cookie's name: with `__Host-` when Secure, so the browser itself refuses it
 * unless it came over https, for this host alone, for every path.
 */
export function sessionCookieName(config: Pick<ServiceConfig, 'publicUrl'>) {
  return secureCookies(config) ? '__Host-dateline-session' : 'dateline-session';
}

/** Gives the browser a session: HttpOnly, SameSite=Strict, Secure over https, Path=/. */
export function setSessionCookie(
  c: Context,
  config: Pick<ServiceConfig, 'publicUrl'>,
  sessionId: string,
): void {
  setCookie(c, sessionCookieName(config), sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureCookies(config),
    path: '/',
    maxAge: SESSION_MS / 1000,
  });
}

export function clearSessionCookie(
  c: Context,
  config: Pick<ServiceConfig, 'publicUrl'>,
): void {
  deleteCookie(c, sessionCookieName(config), {
    path: '/',
    secure: secureCookies(config),
    httpOnly: true,
    sameSite: 'Strict',
  });
}

/** The session id the browser sent, if it could be one. */
export function sentSessionId(
  c: Context,
  config: Pick<ServiceConfig, 'publicUrl'>,
): string | undefined {
  const id = getCookie(c, sessionCookieName(config));
  return id && looksLikeSecret(id) ? id : undefined;
}

/** The signed-in moderator of a request's session cookie, if it is live and still listed. */
export async function sessionModerator(
  c: Context,
  {
    repository,
    config,
    now = Date.now,
  }: {
    repository: CommentRepository;
    config: Pick<ServiceConfig, 'moderators' | 'publicUrl'>;
    now?: () => number;
  },
): Promise<{ email: string } | undefined> {
  const id = sentSessionId(c, config);
  if (!id) return undefined;
  const session = await repository.session(hashSecret(id), now());
  // Taking an address off DATELINE_MODERATORS ends its sessions at once.
  return session && isModerator(config, session.email)
    ? { email: session.email }
    : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that changes something comes from this service's own pages. Browsers
 * send `Origin` with every POST; where one is absent, `Sec-Fetch-Site` says where the request
 * came from. A request with neither is not a browser's, and cannot carry a victim's cookies.
 */
export function fromOwnPages(
  c: Context,
  config: Pick<ServiceConfig, 'publicUrl'>,
): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined)
    return (
      isOwnOrigin(origin, c.req.url) ||
      (config.publicUrl !== undefined &&
        origin.toLowerCase() === new URL(config.publicUrl).origin)
    );
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin';
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Lets in a moderator: the bearer of `DATELINE_ADMIN_TOKEN` (scripts), or a browser with a
 * live session of a listed moderator. Sets `moderator` on the context. A request signed in
 * by cookie that changes something must come from the service's own pages: the cookie is
 * SameSite=Strict, and a page on a sibling subdomain (same site, or listed in
 * DATELINE_ORIGINS) still cannot moderate with it.
 */
export function requireModerator({
  repository,
  config,
  now = Date.now,
}: {
  repository: CommentRepository;
  config: Settings;
  now?: () => number;
}): MiddlewareHandler {
  const expected = config.adminToken ? sha256(config.adminToken) : undefined;
  return async (c, next) => {
    c.header('WWW-Authenticate', 'Bearer realm="dateline"');
    c.header('Cache-Control', 'no-store');
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const sent = /^Bearer (.+)$/.exec(authorization)?.[1];
      // Digests have equal length, so the comparison takes the same time whatever was sent.
      if (!expected || !sent || !timingSafeEqual(sha256(sent), expected))
        return fail(c, 401, {
          code: 'unauthorized',
          message: expected
            ? 'A valid moderation token is required.'
            : 'Moderation by token is off: start the service with DATELINE_ADMIN_TOKEN set.',
        });
      c.set('moderator', { token: true });
      return next();
    }
    if (!expected && config.moderators.length === 0)
      return fail(c, 401, {
        code: 'unauthorized',
        message:
          'Moderation is off: start the service with DATELINE_ADMIN_TOKEN set, or with DATELINE_MODERATORS (and DATELINE_SMTP_URL) to sign in by mail.',
      });
    const moderator = await sessionModerator(c, { repository, config, now });
    if (!moderator)
      return fail(c, 401, {
        code: 'unauthorized',
        message:
          'Sign in at /admin to moderate, or send the moderation token (Authorization: Bearer …).',
      });
    if (!SAFE_METHODS.has(c.req.method) && !fromOwnPages(c, config))
      return fail(c, 403, {
        code: 'forbidden',
        message:
          'A signed-in moderator can change comments only from this service’s own pages.',
      });
    c.set('moderator', moderator);
    return next();
  };
}
