import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedPage } from './pages.js';

const PAGE = `<!doctype html><html lang="en"><title>Seed</title><dateline-comments thread-id="t" endpoint="/api"></dateline-comments></html>`;

/** A project tree with only the seed page, and a repository whose thread changes on demand. */
function setUp(render: Parameters<typeof seedPage>[0]['render']) {
  const root = mkdtempSync(join(tmpdir(), 'dateline-seed-'));
  mkdirSync(join(root, 'examples/seed-article'), { recursive: true });
  writeFileSync(join(root, 'examples/seed-article/index.html'), PAGE);
  let version = 1;
  const warnings: string[] = [];
  const app = seedPage({
    root,
    repository: {
      page: async () => ({ comments: [] }),
      countApproved: async () => 0,
      threadVersion: async () => version,
      threadVersions: async (ids) => new Map(ids.map((id) => [id, version])),
    },
    ...(render ? { render } : {}),
    warn: (message) => warnings.push(message),
  });
  return {
    get: () => app.request('/'),
    warnings,
    changeThread: () => {
      version += 1;
    },
  };
}

describe('the seed page when the server cannot render it', () => {
  it('serves the page as written for the browser to draw, says why in the log, and tries again at the next version', async () => {
    let attempts = 0;
    const seed = setUp(async () => {
      attempts += 1;
      throw new Error('EROFS: read-only file system');
    });
    for (let i = 0; i < 2; i += 1) {
      const res = await seed.get();
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(PAGE);
    }
    expect(attempts).toBe(1);
    expect(seed.warnings).toEqual([
      'Dateline could not render the seed page on the server, so the browser draws it: EROFS: read-only file system',
    ]);
    seed.changeThread();
    expect((await seed.get()).status).toBe(200);
    expect(attempts).toBe(2);
  });

  it('serves what the server rendered when it can', async () => {
    const seed = setUp(async ({ page }) =>
      page.replace('<title>', '<title>Rendered '),
    );
    expect(await (await seed.get()).text()).toContain('<title>Rendered Seed');
    expect(seed.warnings).toEqual([]);
  });
});
