import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { startService, type RunningService } from './service-process.js';

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

async function open(): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(service.url);
  await page.locator('dateline-article h1').waitFor();
  return page;
}

/**
 * Reloads, and waits for the article as a reader would before scrolling to the comments:
 * lazy comments load once nothing above them is loading and they near the viewport.
 */
async function reload(page: Page) {
  await page.reload();
  await page.locator('dateline-article h1').waitFor();
}

async function fill(page: Page, body: string, name: string, email: string) {
  const form = page.locator('dateline-comment-form').last();
  await form.locator('#comment').fill(body);
  await form.locator('#author').fill(name);
  await form.locator('#email').fill(email);
}

describe('the seed page, served by npm start', () => {
  it('shows the article, its fact box and an empty comment section', async () => {
    const page = await open();
    await expect(
      page.locator('dateline-article h1').textContent(),
    ).resolves.toContain('Cambodia lets loose the cannons');
    await expect(
      page.locator('dateline-operation .lead').textContent(),
    ).resolves.toContain('More than 1,000');
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await expect(
      page.locator('dateline-comments .empty').textContent(),
    ).resolves.toBe('No comments yet. Why don’t you start the discussion?');
    expect(await page.locator('dateline-comments .demo').count()).toBe(0);
    expect(
      JSON.parse(
        (await page
          .locator('dateline-article script[type="application/ld+json"]')
          .textContent())!,
      )['@type'],
    ).toBe('NewsArticle');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('posts a comment that is still there after a reload, then a reply to it', async () => {
    const page = await open();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page.locator('dateline-comments .empty').waitFor();
    await fill(
      page,
      'Thank you for reporting the numbers by nationality.',
      'Sokha',
      'sokha@example.com',
    );
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .locator('dateline-comments article .body', {
        hasText: 'Thank you for reporting',
      })
      .waitFor();

    await reload(page);
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    const saved = page.locator('dateline-comments article', {
      hasText: 'Thank you for reporting',
    });
    await saved.waitFor();
    await expect(
      page.locator('dateline-comments h2').textContent(),
    ).resolves.toContain('(1)');

    await saved.getByRole('button', { name: 'Reply to Sokha' }).click();
    await expect(
      page.locator('dateline-comment-form h3').textContent(),
    ).resolves.toBe('Leave a Reply to Sokha');
    await fill(
      page,
      'Agreed — and the UN estimate is sobering.',
      'Lan',
      'lan@example.com',
    );
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page
      .locator('dateline-comments li ol article .body', {
        hasText: 'UN estimate',
      })
      .waitFor();

    await reload(page);
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page
      .locator('dateline-comments li ol article .body', {
        hasText: 'UN estimate',
      })
      .waitFor();
    await page.close();
  });

  it('keeps the draft when the service refuses a post', async () => {
    const page = await open();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page.locator('dateline-comments article').first().waitFor();
    // the same author saying the same thing again: 409
    await fill(
      page,
      'Thank you for reporting the numbers by nationality.',
      'Sokha',
      'sokha@example.com',
    );
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('dateline-comment-form #comment-error').waitFor();
    await expect(
      page.locator('dateline-comment-form #comment-error').textContent(),
    ).resolves.toContain('already said that');
    await reload(page);
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page.locator('dateline-comments article').first().waitFor();
    await expect(
      page
        .locator('dateline-comment-form')
        .last()
        .locator('#comment')
        .inputValue(),
    ).resolves.toBe('Thank you for reporting the numbers by nationality.');
    await page.close();
  });

  it('keeps the draft when the service cannot be reached, and posts it once on retry', async () => {
    const page = await open();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page.locator('dateline-comments article').first().waitFor();
    await fill(
      page,
      'Written while the connection dropped.',
      'Dara',
      'dara@example.com',
    );
    await page.route('**/api/threads/*/comments', (route) =>
      route.request().method() === 'POST'
        ? route.abort('internetdisconnected')
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Your comment has been kept.',
    );
    await page.unroute('**/api/threads/*/comments');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page
      .locator('dateline-comments article .body', {
        hasText: 'connection dropped',
      })
      .waitFor();
    const list = await (
      await fetch(
        `${service.url}/api/threads/cambodia-cybercrime-crackdown-2025-07/comments`,
      )
    ).json();
    expect(
      list.comments.filter((c: { body: string }) =>
        c.body.includes('connection dropped'),
      ),
    ).toHaveLength(1);
    await page.close();
  });

  it('registers every element once when the bundle is loaded twice', async () => {
    const page = await open();
    await page.addScriptTag({ url: '/cdn/dateline.js?again', type: 'module' });
    await page.addScriptTag({ url: '/cdn/dateline.iife.js' });
    await page.waitForTimeout(200);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    expect(
      await page.evaluate(() =>
        [
          'dateline-article',
          'dateline-operation',
          'dateline-comments',
          'dateline-comment-form',
        ].map((t) => !!customElements.get(t)),
      ),
    ).toEqual([true, true, true, true]);
    await page.close();
  });
});
