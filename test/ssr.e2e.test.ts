/**
 * The seed page and the thread fragment rendered on the server (Lit SSR): the text is in the
 * HTML itself, a reader without JavaScript sees it, and in Chromium the elements take the
 * markup over without asking for the comments again and then behave as on a page drawn in the
 * browser.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { axeViolations, sectionTakenOver } from './languages.js';
import { startService, type RunningService } from './service-process.js';

const THREAD = 'cambodia-cybercrime-crackdown-2025-07';
/** A body that would break out of a script or an attribute if it were not escaped. */
const FIRST =
  'Rendered before any script: </script><b>not bold</b> & "quoted".';

let service: RunningService;
let browser: Browser;

async function post(body: string, name: string, parentId?: string) {
  const response = await fetch(
    `${service.url}/api/threads/${THREAD}/comments`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: service.url },
      body: JSON.stringify({
        author: { name, email: `${name.toLowerCase()}@example.com` },
        body,
        ...(parentId ? { parentId } : {}),
      }),
    },
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string } }).comment;
}

beforeAll(async () => {
  service = await startService({ DATELINE_FLOOD_SECONDS: '0' });
  await post(FIRST, 'Sokha');
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

interface Watched {
  page: Page;
  /** Console warnings and errors, and uncaught exceptions. */
  problems: string[];
  /** GETs of the thread's comments. */
  reads: string[];
}

/** Opens the seed page, noting every warning and every read of the comments. */
async function open(path = '/'): Promise<Watched> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const reads: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error')
      problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (r.method() === 'GET' && /\/api\/threads\/[^/]+\/comments/.test(r.url()))
      reads.push(r.url());
  });
  await page.goto(`${service.url}${path}`);
  await hydrated(page);
  return { page, problems, reads };
}

/**
 * Brings the elements' code as a reader does (acting in the article, coming to the comments)
 * and waits until both elements and the form inside the section have taken their markup over.
 */
async function hydrated(page: Page) {
  // Acted on again until the article has its code: a click before the loader listens (a busy
  // machine, just after a reload) brings nothing, as a reader's first tap would not.
  await expect
    .poll(
      async () => {
        await page.locator('dateline-article h1').click();
        return page.evaluate(
          () =>
            (
              document.querySelector('dateline-article') as
                | (Element & { hasUpdated?: boolean })
                | null
            )?.hasUpdated === true,
        );
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
  await page.locator('dateline-comments').scrollIntoViewIfNeeded();
  await sectionTakenOver(page);
}

async function fill(page: Page, body: string, name: string, email: string) {
  const form = page.locator('dateline-comment-form').last();
  await form.locator('#comment').fill(body);
  await form.locator('#author').fill(name);
  await form.locator('#email').fill(email);
}

describe('the seed page rendered on the server', () => {
  it('has the article, its fact box and the comments in its HTML', async () => {
    const response = await fetch(service.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      '<template shadowroot="open" shadowrootmode="open">',
    );
    expect(html).toContain(
      'Cambodia lets loose the cannons on human trafficking',
    );
    expect(html).toContain('More than 1,000');
    // Lit escaped the reader's text; the data beside it cannot end its script.
    expect(html).toContain(
      'Rendered before any script: &lt;/script&gt;&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;.',
    );
    expect(html).not.toContain('</script><b>not bold');
    expect(html).toContain('Comments (1)');
    expect(html).toContain('Sokha');
  });

  it('is made once per version of the thread, and again when a comment is added', async () => {
    const first = await fetch(service.url);
    const again = await fetch(service.url, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const other = await post('A second comment, for a new version.', 'Lan');
    const changed = await fetch(service.url);
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(await changed.text()).toContain(
      'A second comment, for a new version.',
    );
    expect(other.id).toBeTruthy();
  });

  it('writes its words in the language ?lang= names', async () => {
    const html = await (await fetch(`${service.url}/?lang=km`)).text();
    expect(html).toMatch(/<html lang="km"/);
    expect(html).toContain('<section part="section" lang="km"');
    expect(html).not.toContain('Leave a Reply<');
  });

  it('shows the article and the comments to a reader without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(service.url);
    await expect(page.locator('dateline-article h1').isVisible()).resolves.toBe(
      true,
    );
    await expect(
      page
        .locator('dateline-comments article .body', {
          hasText: 'Rendered before any script',
        })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.locator('dateline-operation .lead').textContent(),
    ).resolves.toContain('More than 1,000');
    await context.close();
  });

  it('takes the markup over without reading the comments again, warning or failing', async () => {
    const { page, problems, reads } = await open();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    // Live updates connect after the section is shown; give them the chance to ask for more.
    await page.locator('dateline-comments article').first().waitFor();
    expect(reads).toEqual([]);
    expect(problems).toEqual([]);
    // The section was taken over, not drawn a second time: one heading, one form at the end.
    await expect(page.locator('dateline-comments h2').count()).resolves.toBe(1);
    await expect(page.locator('dateline-comment-form').count()).resolves.toBe(
      1,
    );
    // Relative times are written by the reader's browser once it has the page.
    await expect(
      page.locator('dateline-comments article time').first().textContent(),
    ).resolves.toMatch(/ago|now/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('posts a comment and a reply after taking the page over', async () => {
    const { page, problems } = await open();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await fill(
      page,
      'Posted from the server-rendered page.',
      'Dara',
      'dara@example.com',
    );
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .locator('dateline-comments article .body', {
        hasText: 'Posted from the server-rendered page.',
      })
      .waitFor();

    await page
      .locator('dateline-comments article', {
        hasText: 'Rendered before any script',
      })
      .getByRole('button', { name: 'Reply to Sokha' })
      .click();
    await expect(
      page.locator('dateline-comment-form h3').textContent(),
    ).resolves.toBe('Leave a Reply to Sokha');
    await fill(
      page,
      'A reply on the rendered page.',
      'Vanna',
      'vanna@example.com',
    );
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .locator('dateline-comments li ol article .body', {
        hasText: 'A reply on the rendered page.',
      })
      .waitFor();
    expect(problems).toEqual([]);

    // The next reader gets both in the HTML.
    const html = await (await fetch(service.url)).text();
    expect(html).toContain('Posted from the server-rendered page.');
    expect(html).toContain('A reply on the rendered page.');
    await page.close();
  });

  it('keeps a draft reply across a reload, reopened under its comment', async () => {
    const { page, problems } = await open();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page
      .locator('dateline-comments article', {
        hasText: 'Rendered before any script',
      })
      .getByRole('button', { name: 'Reply to Sokha' })
      .click();
    await page
      .locator('dateline-comment-form')
      .last()
      .locator('#comment')
      .fill('A draft reply that must survive a reload.');
    await page.reload();
    await hydrated(page);
    const form = page.locator(
      'dateline-comments li article dateline-comment-form',
    );
    await form.waitFor();
    await expect(form.locator('h3').textContent()).resolves.toBe(
      'Leave a Reply to Sokha',
    );
    await expect(form.locator('#comment').inputValue()).resolves.toBe(
      'A draft reply that must survive a reload.',
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the code of what the server drew, brought when it is needed', () => {
  /** The element modules a page has fetched so far (chunks they share aside). */
  const modules = (urls: string[]) =>
    urls
      .map((u) => /\/cdn\/(article|comments)-[\w-]+\.js$/.exec(u)?.[1])
      .filter(Boolean);
  const updated = (page: Page, selector: string) =>
    page.evaluate(
      (s) =>
        Boolean(
          (
            document.querySelector(s) as
              | (Element & { hasUpdated?: boolean })
              | null
          )?.hasUpdated,
        ),
      selector,
    );

  it('fetches no element’s code while the reader reads the top, the section’s as they near it, the article’s when they act in it', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
    });
    const fetched: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error')
        problems.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(service.url, { waitUntil: 'networkidle' });
    expect(modules(fetched)).toEqual([]);
    expect(fetched.some((u) => u.endsWith('/cdn/dateline.js'))).toBe(true);

    // Within a screen of the comments, the section's code comes, and it takes its markup over.
    await page.evaluate(() => {
      const section = document.querySelector('dateline-comments')!;
      window.scrollTo(
        0,
        section.getBoundingClientRect().top +
          window.scrollY -
          1.5 * innerHeight,
      );
    });
    await page.waitForFunction(() =>
      Boolean(
        (
          document.querySelector('dateline-comments') as Element & {
            hasUpdated?: boolean;
          }
        )?.hasUpdated,
      ),
    );
    expect(modules(fetched)).toEqual(['comments']);
    expect(await updated(page, 'dateline-article')).toBe(false);

    // The article has nothing to do once drawn, until the reader acts in it.
    await page.locator('dateline-operation .lead').click();
    await page.waitForFunction(() =>
      Boolean(
        (
          document.querySelector('dateline-article') as Element & {
            hasUpdated?: boolean;
          }
        )?.hasUpdated,
      ),
    );
    expect(modules(fetched).sort()).toEqual(['article', 'comments']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tries again each time the reader acts in the section, while its code cannot be fetched', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // Refused twice, as offline: once as the reader nears the section, once at their first act.
    let asked = 0;
    await page.route(/\/cdn\/comments-[\w-]+\.js$/, (route) =>
      ++asked <= 2 ? route.abort('internetdisconnected') : route.continue(),
    );
    const failures = () =>
      errors.filter((e) =>
        e.includes('Dateline could not load <dateline-comments>'),
      ).length;
    await page.goto(service.url);
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await expect.poll(failures).toBe(1);
    // What the server drew is still there; each act of the reader tries again.
    const comment = page.locator('dateline-comments article', {
      hasText: 'Rendered before any script',
    });
    await comment.click();
    await expect.poll(failures).toBe(2);
    await comment.click();
    await page.waitForFunction(() =>
      Boolean(
        (
          document.querySelector('dateline-comments') as Element & {
            hasUpdated?: boolean;
          }
        )?.hasUpdated,
      ),
    );
    expect(asked).toBe(3);
    await page.close();
  });

  it('brings the article’s code when the page changes its language, and the article follows', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(service.url, { waitUntil: 'networkidle' });
    const heading = () =>
      page.evaluate(
        () =>
          document
            .querySelector('dateline-article')
            ?.shadowRoot?.querySelector('dateline-operation')
            ?.shadowRoot?.querySelector('h2')?.textContent,
      );
    const english = await heading();
    expect(english).toBe('The operation in figures');
    expect(modules(fetched)).not.toContain('article');
    await page.evaluate(() => {
      document.documentElement.lang = 'vi';
    });
    await page.waitForFunction(
      (before) =>
        document
          .querySelector('dateline-article')
          ?.shadowRoot?.querySelector('dateline-operation')
          ?.shadowRoot?.querySelector('h2')?.textContent !== before,
      english,
    );
    expect(await heading()).toBe('Chiến dịch qua các con số');
    expect(modules(fetched)).toContain('article');
    await page.close();
  });
});

describe('a comment sent from the form the server drew', () => {
  it('goes nowhere with scripts off, keeping what the reader typed out of the address', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(service.url);
    await fill(page, 'Typed without scripts.', 'Dara', 'dara@example.com');
    await page
      .locator('dateline-comment-form')
      .last()
      .locator('button[type="submit"]')
      .click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(`${service.url}/`);
    await expect(
      page
        .locator('dateline-comment-form')
        .last()
        .locator('#email')
        .inputValue(),
    ).resolves.toBe('dara@example.com');
    await context.close();
  });

  it('is posted once the section’s code has come, if the reader sent it before', async () => {
    const page = await browser.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/threads/'))
        posts.push(r.url());
    });
    // The section's code is held back until the reader has pressed the button.
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/\/cdn\/comments-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(service.url);
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await fill(
      page,
      'Sent before the code came.',
      'Bopha',
      'bopha@example.com',
    );
    await page
      .locator('dateline-comment-form')
      .last()
      .locator('button[type="submit"]')
      .click();
    expect(page.url()).toBe(`${service.url}/`);
    expect(posts).toEqual([]);
    release();
    await page
      .locator('dateline-comments article .body', {
        hasText: 'Sent before the code came.',
      })
      .waitFor();
    expect(posts).toHaveLength(1);
    expect(page.url()).toBe(`${service.url}/`);
    await page.close();
  });
});

describe('the thread fragment for other sites', () => {
  it('answers the first page as HTML with an ETag by version', async () => {
    const url = `${service.url}/api/threads/${THREAD}/fragment`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(
      /^<!--lit-part [^>]*--><!--lit-node 0--><dateline-comments /,
    );
    expect(html).toContain(`endpoint="${service.url}/api"`);
    expect(html).toContain('&lt;/script&gt;&lt;b&gt;not bold');
    const etag = response.headers.get('etag')!;
    const unchanged = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    await post('A comment that changes the fragment.', 'Bopha');
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain(
      'A comment that changes the fragment.',
    );
  });

  it('refuses a thread id or a language that is not one, saying which', async () => {
    const bad = await fetch(
      `${service.url}/api/threads/${'x'.repeat(200)}/fragment`,
    );
    expect(bad.status).toBe(400);
    const lang = await fetch(
      `${service.url}/api/threads/${THREAD}/fragment?lang=${encodeURIComponent('en"><script>')}`,
    );
    expect(lang.status).toBe(400);
    expect(
      ((await lang.json()) as { error: { message: string } }).error.message,
    ).toMatch(/language tag/);
  });
});
