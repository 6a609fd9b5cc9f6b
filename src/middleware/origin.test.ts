import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isOwnOrigin, originGuard } from './origin.js';

function setup(
  allowed: string[] = ['https://news.example'],
  maxLogged?: number,
) {
  const lines: string[] = [];
  const app = new Hono();
  app.use(
    '*',
    originGuard({
      allowed,
      setting: 'DATELINE_ORIGINS',
      logger: { warn: (line) => lines.push(line) },
      ...(maxLogged === undefined ? {} : { maxLogged }),
    }),
  );
  app.all('/api/thing', (c) => c.text(`done ${c.req.method}`));
  const send = (method: string, origin?: string) =>
    app.request('http://comments.example/api/thing', {
      method,
      headers: origin === undefined ? {} : { origin },
    });
  return { lines, send };
}

describe('originGuard', () => {
  it('refuses a change from another site’s page with 403, and says why', async () => {
    const { send } = setup();
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      const res = await send(method, 'https://evil.example');
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: {
          code: 'forbidden',
          message:
            'This comment service does not accept requests from pages on https://evil.example.',
        },
      });
    }
  });

  it('refuses an opaque origin ("null": a sandboxed frame, a file)', async () => {
    const { send } = setup();
    expect((await send('POST', 'null')).status).toBe(403);
  });

  it('lets changes through from its own origin, the listed ones, and clients that are not pages', async () => {
    const { send, lines } = setup();
    expect(await (await send('POST', 'http://comments.example')).text()).toBe(
      'done POST',
    );
    // behind a proxy that ends TLS the service sees http, the page https
    expect((await send('POST', 'https://comments.example')).status).toBe(200);
    expect((await send('DELETE', 'https://news.example')).status).toBe(200);
    expect((await send('DELETE', 'https://NEWS.example')).status).toBe(200);
    expect((await send('POST')).status).toBe(200);
    expect(lines).toEqual([]);
  });

  it('does not take a look-alike for its own origin', async () => {
    const { send } = setup();
    for (const origin of [
      'http://comments.example.evil.example',
      'http://comments.example:8080',
      'http://evil-comments.example',
      'ftp://comments.example',
    ])
      expect((await send('POST', origin)).status, origin).toBe(403);
  });

  it('lets a refused origin read (CORS keeps the answer from its page)', async () => {
    const { send } = setup();
    expect((await send('GET', 'https://evil.example')).status).toBe(200);
    expect((await send('OPTIONS', 'https://evil.example')).status).toBe(200);
  });

  it('logs a refused origin once, with the setting to change', async () => {
    const { send, lines } = setup();
    for (let i = 0; i < 5; i += 1) {
      await send('GET', 'https://x.example');
      await send('POST', 'https://x.example');
    }
    await send('GET', 'https://y.example');
    expect(lines).toEqual([
      'Comment request from https://x.example refused: add it to DATELINE_ORIGINS to allow it.',
      'Comment request from https://y.example refused: add it to DATELINE_ORIGINS to allow it.',
    ]);
  });

  it('cannot be made to fill the log by inventing origins', async () => {
    const { send, lines } = setup([], 3);
    for (let i = 0; i < 50; i += 1) await send('GET', `https://n${i}.example`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(
      'Comment requests from more than 3 other origins were refused; further ones are not logged.',
    );
  });

  it('logs an origin as printable text, however it was sent', async () => {
    const { send, lines } = setup();
    await send('GET', `https://${'a'.repeat(300)}.example`);
    await send('GET', 'https://\u00e9.example');
    expect(lines[0]!.length).toBeLessThan(300);
    expect(lines[1]).toContain('https://\\u00e9.example');
  });
});

describe('isOwnOrigin', () => {
  it('compares the host and port the request was sent to', () => {
    expect(isOwnOrigin('https://a.example', 'http://a.example/api')).toBe(true);
    expect(isOwnOrigin('http://a.example:81', 'http://a.example/api')).toBe(
      false,
    );
    expect(isOwnOrigin('not a url', 'http://a.example/api')).toBe(false);
  });
});
