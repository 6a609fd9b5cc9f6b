import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiCors } from './cors.js';

const NEWS = 'https://news.example';

function app() {
  const made: Response[] = [];
  const hono = new Hono();
  hono.use(
    '/api/*',
    apiCors({
      allowed: (origin) => origin === NEWS,
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  hono.get('/api/page', (c) => {
    const res = c.body(new TextEncoder().encode('{"comments":[]}'), 200, {
      'Content-Type': 'application/json',
      ETag: 'W/"1"',
      Vary: 'Accept-Language',
    });
    made.push(res);
    return res;
  });
  hono.get('/api/moved', () => Response.redirect('https://elsewhere.example/'));
  hono.get('/api/broken', () => {
    throw new Error('broken');
  });
  hono.onError((_error, c) => c.json({ error: 'server' }, 500));
  const request = (path: string, init: RequestInit = {}) =>
    hono.request(`http://comments.example${path}`, init);
  return { made, request };
}

describe('apiCors', () => {
  it('lets a listed origin read the answer and its ETag, and says the answer varies by origin', async () => {
    const { request } = app();
    const res = await request('/api/page', { headers: { origin: NEWS } });
    expect(res.headers.get('access-control-allow-origin')).toBe(NEWS);
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'ETag,Retry-After',
    );
    // The route's own Vary is kept.
    expect(res.headers.get('vary')).toBe('Accept-Language, Origin');
    expect(await res.text()).toBe('{"comments":[]}');
  });

  it('names no origin for an unlisted one, nor for a request without one', async () => {
    const { request } = app();
    for (const headers of [
      { origin: 'https://elsewhere.example' },
      { origin: '' },
      {},
    ] as Record<string, string>[]) {
      const res = await request('/api/page', { headers });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('vary')).toContain('Origin');
    }
  });

  it('answers with the route’s own response, not a copy of it', async () => {
    const { made, request } = app();
    const res = await request('/api/page', { headers: { origin: NEWS } });
    expect(res).toBe(made[0]);
  });

  it('answers a preflight with the methods, headers and max age, naming only a listed origin', async () => {
    const { request } = app();
    const preflight = (origin: string) =>
      request('/api/page', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const listed = await preflight(NEWS);
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe(NEWS);
    expect(listed.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(listed.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,If-None-Match',
    );
    expect(listed.headers.get('access-control-max-age')).toBe('600');
    expect(listed.headers.get('vary')).toBe(
      'Origin, Access-Control-Request-Headers',
    );
    const other = await preflight('https://elsewhere.example');
    expect(other.status).toBe(204);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds its headers to an answer whose headers cannot change, and to a failure', async () => {
    const { request } = app();
    const moved = await request('/api/moved', { headers: { origin: NEWS } });
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('https://elsewhere.example/');
    expect(moved.headers.get('access-control-allow-origin')).toBe(NEWS);
    const broken = await request('/api/broken', { headers: { origin: NEWS } });
    expect(broken.status).toBe(500);
    expect(broken.headers.get('access-control-allow-origin')).toBe(NEWS);
  });
});
