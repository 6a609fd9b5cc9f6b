import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { hashSecret, newSecret } from '../outbox/secrets.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';
import { requireModerator, SESSION_MS } from './moderator.js';

const TOKEN = 'moderator-token-0123456789abcdef';
const T0 = Date.UTC(2025, 6, 20, 8);
const SITE = 'https://comments.news.example';

const opened: CommentRepository[] = [];
afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
});

function setup(env: Record<string, string> = {}) {
  const repository = openSqliteRepository(':memory:');
  opened.push(repository);
  const config = readConfig({
    DATELINE_ADMIN_TOKEN: TOKEN,
    DATELINE_MODERATORS: 'editor@news.example',
    DATELINE_PUBLIC_URL: SITE,
    DATELINE_ORIGINS: 'https://news.example',
    ...env,
  });
  const clock = { now: T0 };
  const app = new Hono()
    .use('*', requireModerator({ repository, config, now: () => clock.now }))
    .all('/', (c) => c.json(c.get('moderator')));
  /** A live session of `email`, as the cookie the browser sends. */
  const session = async (email = 'editor@news.example') => {
    const token = newSecret();
    const id = newSecret();
    await repository.createSignInToken({
      tokenHash: hashSecret(token),
      email,
      now: clock.now,
      expiresAt: clock.now + 60_000,
    });
    await repository.useSignInToken({
      tokenHash: hashSecret(token),
      now: clock.now,
      session: { idHash: hashSecret(id), expiresAt: clock.now + SESSION_MS },
    });
    return { cookie: `__Host-dateline-session=${id}`, id };
  };
  const send = (init: RequestInit = {}) => app.request(`${SITE}/`, init);
  return { repository, clock, send, session };
}

describe('requireModerator', () => {
  it('lets in a script with the admin token, and a browser with a moderator’s session', async () => {
    const { send, session } = setup();
    const bearer = await send({
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await bearer.json()).toEqual({ token: true });
    const { cookie } = await session();
    const browser = await send({ headers: { cookie } });
    expect(await browser.json()).toEqual({ email: 'editor@news.example' });
    expect(browser.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong token even beside a live session', async () => {
    const { send, session } = setup();
    const { cookie } = await session();
    const res = await send({
      headers: { cookie, authorization: 'Bearer wrong-token-0123456789' },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe(
      'A valid moderation token is required.',
    );
  });

  it('refuses a forged, expired or ended session, and one whose address was taken off the list', async () => {
    const { send, session, clock, repository } = setup();
    const refused = async (cookie: string) => {
      const res = await send({ headers: { cookie } });
      expect(res.status, cookie).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(
        'Bearer realm="dateline"',
      );
      return (await res.json()).error.message;
    };
    expect(await refused(`__Host-dateline-session=${newSecret()}`)).toBe(
      'Sign in at /admin to moderate, or send the moderation token (Authorization: Bearer …).',
    );
    await refused('__Host-dateline-session=constructor');
    await refused(`dateline-session=${(await session()).id}`);
    const ended = await session();
    await repository.endSession(hashSecret(ended.id));
    await refused(ended.cookie);
    const removed = await session('former@news.example');
    await refused(removed.cookie);
    const expiring = await session();
    clock.now += SESSION_MS;
    await refused(expiring.cookie);
  });

  it('lets a signed-in browser change things only from the service’s own pages', async () => {
    const { send, session } = setup();
    const { cookie } = await session();
    const change = (headers: Record<string, string>) =>
      send({ method: 'POST', headers: { cookie, ...headers } });
    for (const headers of <Record<string, string>[]>[
      // Listed for comments, and a sibling of the service: the same site, still not its pages.
      { origin: 'https://news.example', 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await change(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.message).toBe(
        'A signed-in moderator can change comments only from this service’s own pages.',
      );
    }
    expect((await change({ origin: SITE })).status).toBe(200);
    expect((await change({ 'sec-fetch-site': 'same-origin' })).status).toBe(
      200,
    );
    // Reading is not changing: the answer is kept from other pages by CORS.
    expect(
      (await send({ headers: { cookie, origin: 'https://news.example' } }))
        .status,
    ).toBe(200);
    // A script with the token is no browser: no origin to check.
    expect(
      (
        await send({
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKEN}`,
            origin: 'https://news.example',
          },
        })
      ).status,
    ).toBe(200);
  });

  it('says moderation is off, and how to turn it on, without a token or moderators', async () => {
    const { send } = setup({
      DATELINE_ADMIN_TOKEN: '',
      DATELINE_MODERATORS: '',
    });
    const res = await send();
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe(
      'Moderation is off: start the service with DATELINE_ADMIN_TOKEN set, or with DATELINE_MODERATORS (and DATELINE_SMTP_URL) to sign in by mail.',
    );
    const bearer = await send({
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect((await bearer.json()).error.message).toContain(
      'DATELINE_ADMIN_TOKEN',
    );
  });
});
