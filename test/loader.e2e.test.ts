import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { root, startService, type RunningService } from './service-process.js';

const THREAD = 'cambodia-cybercrime-crackdown-2025-07';
const TAGS = [
  'dateline-article',
  'dateline-operation',
  'dateline-comments',
  'dateline-comment-form',
  'dateline-count',
];
/**
 * Text found only in the code of one part: the article's JSON-LD type, the WordPress store's
 * `_fields` list, the local store's storage key. A page that fetched that part's code has it.
 */
const ARTICLE_CODE = 'NewsArticle';
const WORDPRESS_CODE = 'id,post,parent,author_name';
const LOCAL_CODE = 'dateline:comments';

let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  // Every post comes from 127.0.0.1; the flood limit is tested in src/app.test.ts.
  service = await startService({ DATELINE_FLOOD_SECONDS: '0' });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

interface Opened {
  page: Page;
  /**
   * Every script the page fetched, by file name, with its body to come. The name is recorded
   * as the response arrives, before the script runs, so whatever the script draws comes after.
   */
  scripts: Map<string, Promise<string>>;
  errors: string[];
}

/**
 * Opens `html` as a page of the service's origin (so `/cdn/…`, `/api` and `/data/…` are the
 * service's), in a fresh browser context, and records every script it fetches and every error.
 */
async function open(
  html: string,
  init?: () => void,
  path = '/loader-test',
): Promise<Opened> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const scripts = new Map<string, Promise<string>>();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const name = new URL(response.url()).pathname.split('/').pop()!;
    const body = response.body().then((bytes) => bytes.toString());
    // Read only by the tests that look inside; a page closed first leaves it unread.
    body.catch(() => {});
    scripts.set(name, body);
  });
  await page.route(`${service.url}${path}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${service.url}${path}`);
  return { page, scripts, errors };
}

/** The bodies of every script a page fetched, by file name. */
const bodies = async (scripts: Opened['scripts']) =>
  new Map(
    await Promise.all(
      [...scripts].map(async ([name, body]) => [name, await body] as const),
    ),
  );

const pageOf = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader</title>${head}</head><body>${body}</body></html>`;
const LOADER = '<script type="module" src="/cdn/dateline.js"></script>';
const IIFE = '<script src="/cdn/dateline.iife.js"></script>';

const defined = (page: Page) =>
  page.evaluate((tags) => tags.filter((t) => customElements.get(t)), TAGS);

describe('the script-tag loader, dist/cdn/dateline.js', () => {
  it('holds no element: an element added after the page loaded is defined, fetching its module only then', async () => {
    const { page, scripts, errors } = await open(pageOf(LOADER));
    await page.waitForLoadState('networkidle');
    expect([...scripts.keys()]).toEqual(['dateline.js']);
    expect(await defined(page)).toEqual([]);

    // Deep inside an element added later, as a page's own script would add it.
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.innerHTML =
        '<div><dateline-article src="/data/cambodia-crackdown-2025.json"></dateline-article></div>';
      document.body.append(section);
    });
    await expect(
      page.locator('dateline-article h1').textContent(),
    ).resolves.toContain('Cambodia lets loose the cannons');
    await page.locator('dateline-operation .lead').waitFor();
    expect(await defined(page)).toEqual([
      'dateline-article',
      'dateline-operation',
    ]);
    expect(
      [...(await bodies(scripts)).values()].some((s) =>
        s.includes(ARTICLE_CODE),
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('brings a lazy section’s code only when the reader comes within a screen of it', async () => {
    const { page, scripts, errors } = await open(
      pageOf(
        LOADER,
        // WordPress's own comments inside, as the plugin writes them, far down the page.
        `<div style="height: 4000px">The report.</div><dateline-comments thread-id="${THREAD}" endpoint="/api" loading="lazy"><p>A comment WordPress wrote.</p></dateline-comments>`,
      ),
    );
    await page.waitForLoadState('networkidle');
    expect(await defined(page)).toEqual([]);
    expect([...scripts.keys()].some((n) => n.startsWith('comments-'))).toBe(
      false,
    );
    await page.evaluate(() => window.scrollTo(0, 4000 - 1.5 * innerHeight));
    await page.locator('dateline-comments .empty').waitFor();
    expect(await defined(page)).toEqual([
      'dateline-comments',
      'dateline-comment-form',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a page with only comments neither the article’s code nor the WordPress or local store’s', async () => {
    // The markers are real: the all-in-one bundle holds all three.
    const iife = readFileSync(
      join(root, 'packages/elements/dist/cdn/dateline.iife.js'),
      'utf8',
    );
    for (const marker of [ARTICLE_CODE, WORDPRESS_CODE, LOCAL_CODE])
      expect(iife).toContain(marker);

    const { page, scripts, errors } = await open(
      pageOf(
        LOADER,
        `<dateline-comments thread-id="${THREAD}" endpoint="/api"></dateline-comments>`,
      ),
    );
    await page.locator('dateline-comments .empty').waitFor();
    const form = page.locator('dateline-comment-form');
    await form.locator('#comment').fill('Only the comment section was loaded.');
    await form.locator('#author').fill('Dara');
    await form.locator('#email').fill('dara@example.com');
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .locator('dateline-comments article .body', {
        hasText: 'Only the comment',
      })
      .waitFor();
    await page.waitForLoadState('networkidle');

    const names = [...scripts.keys()];
    expect(names.some((n) => /^rest-[A-Z0-9]{8}\.js$/.test(n))).toBe(true);
    expect(names.filter((n) => /^(article|wordpress|local)-/.test(n))).toEqual(
      [],
    );
    for (const [name, body] of await bodies(scripts)) {
      expect(body, name).not.toContain(ARTICLE_CODE);
      expect(body, name).not.toContain(WORDPRESS_CODE);
      expect(body, name).not.toContain(LOCAL_CODE);
    }
    expect(await defined(page)).toEqual([
      'dateline-comments',
      'dateline-comment-form',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads the WordPress store only for a section that reads a WordPress site, and the local one only in demo mode', async () => {
    const demo = await open(
      pageOf(
        LOADER,
        `<dateline-comments thread-id="${THREAD}"></dateline-comments>`,
      ),
    );
    await demo.page.locator('dateline-comments .demo').waitFor();
    await demo.page.locator('dateline-comments .empty').waitFor();
    const local = [...demo.scripts.keys()];
    expect(local.some((n) => /^local-[A-Z0-9]{8}\.js$/.test(n))).toBe(true);
    expect(local.filter((n) => /^(rest|wordpress)-/.test(n))).toEqual([]);
    await demo.page.close();

    // Nothing listens on port 9: the store is loaded, and its request fails.
    const wordpress = await open(
      pageOf(
        LOADER,
        '<dateline-comments thread-id="1" wordpress-site="http://127.0.0.1:9" post-id="1"></dateline-comments>',
      ),
    );
    await wordpress.page.locator('dateline-comments .alert').waitFor();
    const names = [...wordpress.scripts.keys()];
    expect(names.some((n) => /^wordpress-[A-Z0-9]{8}\.js$/.test(n))).toBe(true);
    expect(names.filter((n) => /^(rest|local)-/.test(n))).toEqual([]);
    await wordpress.page.close();
  });

  it('imports an element’s module again when it could not be fetched the first time', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // The comment section's module fails once, as it would offline.
    let refused = 0;
    await page.route(/\/cdn\/comments-[A-Z0-9]{8}\.js$/, (route) => {
      if (refused++ === 0) return route.abort('internetdisconnected');
      return route.continue();
    });
    await page.route(`${service.url}/loader-retry`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: pageOf(
          LOADER,
          `<dateline-comments thread-id="${THREAD}" endpoint="/api"></dateline-comments>`,
        ),
      }),
    );
    await page.goto(`${service.url}/loader-retry`);
    await expect
      .poll(() => errors.join('\n'))
      .toContain('Dateline could not load <dateline-comments>');
    expect(await defined(page)).toEqual([]);

    await page.evaluate((thread) => {
      const again = document.createElement('dateline-comments');
      again.setAttribute('thread-id', thread);
      again.setAttribute('endpoint', '/api');
      document.body.append(again);
    }, THREAD);
    await expect
      .poll(() =>
        page
          .locator('dateline-comments')
          .evaluateAll((all) =>
            all.map((e) => !!e.shadowRoot?.querySelector('.empty, ol.thread')),
          ),
      )
      .toEqual([true, true]);
    await page.close();
    await context.close();
  });
});

describe('the loader and the all-in-one bundle on one page', () => {
  /** Counts each tag's registrations, and keeps any error a registration threw. */
  function countDefinitions() {
    const counts: Record<string, number> = {};
    const define = customElements.define.bind(customElements);
    customElements.define = (name, element, options) => {
      define(name, element, options);
      counts[name] = (counts[name] ?? 0) + 1;
    };
    (window as unknown as { definitions: typeof counts }).definitions = counts;
  }
  const definitions = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { definitions: object }).definitions,
    );

  const ELEMENTS = `<dateline-article src="/data/cambodia-crackdown-2025.json"></dateline-article>
<p><a href="#comments"><dateline-count thread-id="${THREAD}" endpoint="/api"></dateline-count></a></p>
<dateline-comments id="comments" thread-id="${THREAD}" endpoint="/api"></dateline-comments>`;

  /** Every element renders, and the comment section posts a comment that it then shows. */
  async function works(page: Page, body: string) {
    await expect(
      page.locator('dateline-article h1').textContent(),
    ).resolves.toContain('Cambodia lets loose the cannons');
    await page.locator('dateline-operation .lead').waitFor();
    await page
      .locator('dateline-comments .empty, dateline-comments ol.thread')
      .first()
      .waitFor();
    await expect
      .poll(() =>
        page
          .locator('dateline-count')
          .evaluate((e) => e.shadowRoot?.textContent ?? ''),
      )
      .toMatch(/comment/i);
    const form = page.locator('dateline-comment-form').last();
    await form.locator('#comment').fill(body);
    await form.locator('#author').fill('Vanna');
    await form.locator('#email').fill('vanna@example.com');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    // Another section on the same thread shows it too, live.
    await page
      .locator('dateline-comments article .body', { hasText: body })
      .first()
      .waitFor();
  }

  it('registers each element once with the all-in-one bundle first, and fetches no element module', async () => {
    const { page, scripts, errors } = await open(
      pageOf(`${IIFE}${LOADER}`, ELEMENTS),
      countDefinitions,
    );
    await works(page, 'Both scripts, the bundle first.');
    await page.waitForLoadState('networkidle');
    expect(await definitions(page)).toEqual(
      Object.fromEntries(TAGS.map((t) => [t, 1])),
    );
    expect([...scripts.keys()].sort()).toEqual([
      'dateline.iife.js',
      'dateline.js',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('registers each element once with the loader first, elements of both working side by side', async () => {
    const { page, errors } = await open(
      pageOf(
        LOADER,
        `<dateline-comments thread-id="${THREAD}" endpoint="/api"></dateline-comments>`,
      ),
      countDefinitions,
    );
    await page
      .locator('dateline-comments .empty, dateline-comments ol.thread')
      .first()
      .waitFor();
    // The bundle registers what the loader has not; the loader then has nothing left to load.
    await page.addScriptTag({ url: '/cdn/dateline.iife.js' });
    await page.evaluate((elements) => {
      const added = document.createElement('div');
      added.innerHTML = elements;
      document.body.prepend(added);
    }, ELEMENTS);
    await works(page, 'Both scripts, the loader first.');
    expect(await definitions(page)).toEqual(
      Object.fromEntries(TAGS.map((t) => [t, 1])),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a page’s language', () => {
  /**
   * The sources only a language other than English needs: what fetches a language's module,
   * the modules themselves, the lookup through catalogues, and core's own writers of dates,
   * lists and country names for a language the browser lacks.
   */
  const LANGUAGE_ONLY = [
    'packages/elements/src/shared/locales/load.ts',
    'packages/elements/src/locales/',
    'packages/core/src/messages/catalogues.ts',
    'packages/core/src/messages/layers.ts',
    'packages/core/src/messages/own-writers.ts',
    'packages/core/src/messages/own-list.ts',
    'packages/core/src/date/own.ts',
  ];
  /** The sources of the scripts a page fetched, from their source maps beside them. */
  const sourcesOf = (names: string[]) => {
    const cdn = join(root, 'packages/elements/dist/cdn');
    return names.flatMap((name) =>
      (
        JSON.parse(readFileSync(join(cdn, `${name}.map`), 'utf8')) as {
          sources: string[];
        }
      ).sources.map((source) => relative(root, resolve(cdn, source))),
    );
  };
  const FACT_BOX = `<dateline-article src="/data/cambodia-crackdown-2025.json"></dateline-article>
<dateline-comments thread-id="${THREAD}" endpoint="/api"></dateline-comments>`;
  const period = (page: Page) =>
    page.locator('dateline-operation time').first().textContent();

  it('in English fetches no language module, nor the code that fetches one, looks through catalogues or writes a language the browser lacks', async () => {
    const { page, scripts, errors } = await open(pageOf(LOADER, FACT_BOX));
    await page.locator('dateline-operation .lead').waitFor();
    await page.locator('dateline-comments .empty, ol.thread').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await period(page)).toBe('July 10 – 19, 2025');
    const sources = sourcesOf([...scripts.keys()]);
    // The sources are read from the maps: the test would pass on none.
    expect(sources).toContain('packages/core/src/messages/lookup.ts');
    expect(sources).toContain('packages/elements/src/shared/localize.ts');
    expect(
      sources.filter((s) => LANGUAGE_ONLY.some((only) => s.includes(only))),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Chromium has no Khmer data: the dates are core's own, from the Khmer catalogue.
  const khmer = (head: string) =>
    pageOf(head, FACT_BOX).replace('lang="en"', 'lang="km"');

  it('in Khmer brings that code with the Khmer module, and dates the operation in Khmer', async () => {
    const { page, scripts, errors } = await open(khmer(LOADER));
    await expect.poll(() => period(page)).toBe('10 – 19 កក្កដា 2025');
    const names = [...scripts.keys()];
    expect(names.some((n) => /^km-[A-Z0-9]{8}\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^add-[A-Z0-9]{8}\.js$/.test(n))).toBe(true);
    const sources = sourcesOf(names);
    for (const only of LANGUAGE_ONLY)
      expect(
        sources.some((s) => s.includes(only)),
        only,
      ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Khmer with the all-in-one bundle, fetches the Khmer module beside it and dates in Khmer', async () => {
    const { page, scripts, errors } = await open(khmer(IIFE));
    await expect.poll(() => period(page)).toBe('10 – 19 កក្កដា 2025');
    await page.getByRole('button', { name: 'បង្ហោះមតិ' }).waitFor();
    expect([...scripts.keys()].sort()).toEqual(['dateline.iife.js', 'km.js']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
