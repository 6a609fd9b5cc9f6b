import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fragment } from './fragment.js';
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

describe('a thread’s fragment when the server cannot render it', () => {
  const deps = {
    repository: {
      page: async () => ({ comments: [] }),
      countApproved: async () => 0,
      threadVersion: async () => 1,
      threadVersions: async (ids: readonly string[]) =>
        new Map(ids.map((id) => [id, 1])),
    },
    config: { publicUrl: 'https://comments.example' },
  } as unknown as Parameters<typeof fragment>[0];
  const failing = async () => {
    throw new Error('Cannot find package esbuild');
  };

  it.each([
    ['choosing its language', { elementLocale: failing }],
    ['drawing the section', { renderComments: failing }],
  ])(
    'answers the element as a page writes it when %s fails, and says why in the log',
    async (_what, broken) => {
      const warnings: string[] = [];
      const app = fragment(deps, {
        render: {
          elementLocale: async () => 'en',
          renderComments: async () =>
            '<dateline-comments>drawn</dateline-comments>',
          ...broken,
        } as never,
        warn: (m) => warnings.push(m),
      });
      const res = await app.request('/t.1/fragment');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(
        '<dateline-comments thread-id="t.1" endpoint="https://comments.example/api"></dateline-comments>',
      );
      expect(warnings).toEqual([
        "Dateline could not render a thread's fragment on the server, so the browser draws it: Cannot find package esbuild",
      ]);
    },
  );
});
