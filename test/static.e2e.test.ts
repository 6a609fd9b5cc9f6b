import { existsSync, readFileSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import {
  freePort,
  root,
  type ServiceProcess,
  startService,
} from './process.js';

/** The all-in-one bundle: large enough to be compressed (the loader is under a kilobyte). */
const BUNDLE = join(root, 'packages/elements/dist/cdn/dateline.iife.js');
const THREAD = 'cambodia-cybercrime-crackdown-2025-07';

let service: ServiceProcess;
let otherSite: Server;
let otherOrigin: string;
/** A site the service's DATELINE_ORIGINS does not list. */
let unlistedSite: Server;
let unlistedOrigin: string;
let browser: Browser;

/** A page of another site that embeds Dateline from the service, as a news site would. */
function embeddingPage(serviceUrl: string): string {
  const article = readFileSync(
    join(root, 'examples/data/cambodia-crackdown-2025.json'),
    'utf8',
  ).replaceAll('</', '<\\/');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>News site</title>
<script type="module" src="${serviceUrl}/cdn/dateline.js"></script></head>
<body>
<dateline-article><script type="application/json">${article}</script></dateline-article>
<dateline-comments thread-id="${THREAD}" endpoint="${serviceUrl}/api"></dateline-comments>
</body></html>`;
}

beforeAll(async () => {
  if (!existsSync(BUNDLE))
    throw new Error(
      'packages/elements/dist/cdn/dateline.iife.js is missing: run npm run build first.',
    );
  const otherPort = await freePort();
  otherOrigin = `http://127.0.0.1:${otherPort}`;
  service = await startService({ DATELINE_ORIGINS: otherOrigin });
  otherSite = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(embeddingPage(service.url));
  });
  await new Promise<void>((r) => otherSite.listen(otherPort, '127.0.0.1', r));
  const unlistedPort = await freePort();
  unlistedOrigin = `http://127.0.0.1:${unlistedPort}`;
  unlistedSite = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(embeddingPage(service.url));
  });
  await new Promise<void>((r) =>
    unlistedSite.listen(unlistedPort, '127.0.0.1', r),
  );
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  otherSite?.close();
  unlistedSite?.close();
  await service?.stop();
});

/** A GET with the path sent exactly as written: no client normalises it first. */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: service.port, path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('static files from the running service', () => {
  it('puts nosniff on every answer, the API’s included', async () => {
    const answers = [
      await rawGet('/'),
      await rawGet('/api/health'),
      await rawGet(`/api/threads/${THREAD}/comments`),
      await rawGet('/api/nowhere'),
      await rawGet('/cdn/dateline.js'),
      await rawGet('/nowhere'),
    ];
    for (const answer of answers)
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answers[0]!.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
  });

  it.each([
    '/examples/../package.json',
    '/examples/%2e%2e/package.json',
    '/examples/..%2fpackage.json',
    '/examples/..%2F..%2Fetc%2Fpasswd',
    '/cdn/..%2f..%2f..%2f..%2fpackage.json',
    '/cdn/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/data/..%2f..%2fpackage.json',
    '/examples/.gitignore',
    '/examples/%2egitignore',
    '/examples/wordpress/site.ts',
    '/examples/..%5c..%5cpackage.json',
    '/examples/seed-article/index.html%00.png',
  ])('never serves %s', async (path) => {
    const answer = await rawGet(path);
    expect(answer.status).not.toBe(200);
    expect(answer.body.toString()).not.toContain('"workspaces"');
    expect(answer.body.toString()).not.toContain('root:');
  });

  it('serves /cdn/ to any origin, compressed, with an ETag and a cache lifetime', async () => {
    const original = readFileSync(BUNDLE);
    const loader = await rawGet('/cdn/dateline.js', {
      origin: 'https://news.example',
    });
    expect(loader.status).toBe(200);
    expect(loader.headers['access-control-allow-origin']).toBe('*');
    expect(loader.headers['cache-control']).toBe('public, max-age=600');
    const br = await rawGet('/cdn/dateline.iife.js', {
      origin: 'https://news.example',
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(br.status).toBe(200);
    expect(br.headers['access-control-allow-origin']).toBe('*');
    expect(br.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=600');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await rawGet('/cdn/dateline.iife.js', {
      'accept-encoding': 'gzip',
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const etag = br.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await rawGet('/cdn/dateline.iife.js', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it('runs the module script on a page of another origin, whose elements render', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(otherOrigin);
    await expect(
      page.locator('dateline-article h1').textContent({ timeout: 15_000 }),
    ).resolves.toContain('Cambodia lets loose the cannons');
    await expect(
      page.locator('dateline-comments .empty').textContent({ timeout: 15_000 }),
    ).resolves.toBe('No comments yet. Why don’t you start the discussion?');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a reader on a page the service does not accept what is wrong, and logs the origin for the owner', async () => {
    const page = await browser.newPage();
    await page.goto(unlistedOrigin);
    // The script itself loads (/cdn answers any origin); the API refuses this page.
    await expect(
      page.locator('dateline-article h1').textContent({ timeout: 15_000 }),
    ).resolves.toContain('Cambodia lets loose the cannons');
    await expect(
      page
        .locator('dateline-comments [role="alert"]')
        .first()
        .textContent({ timeout: 15_000 }),
    ).resolves.toContain(
      'This site’s comment service does not accept comments from this page.',
    );
    await service.printed(
      `Comment request from ${unlistedOrigin} refused: add it to DATELINE_ORIGINS to allow it.`,
    );
    await page.close();
  });
});
