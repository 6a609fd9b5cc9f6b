import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { startService, type RunningService } from './service-process.js';

/**
 * The seed page as a reader meets it: nothing on screen moves while the article and the
 * comments arrive, and the comments are fetched only when the reader nears them.
 */

let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  service = await startService();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** Layout shifts as Chromium reports them, from the first one on (buffered). */
const RECORD_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        sources: (entry.sources ?? []).map((s) => s.node?.nodeName ?? '?'),
      });
  }).observe({ type: 'layout-shift', buffered: true });
`;

interface Shift {
  value: number;
  hadRecentInput: boolean;
  sources: string[];
}

/** Two painted frames: whatever a layout change set off has been observed by then. */
const frames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );

/** Scrolls so the comment section's top is `gap` pixels below the viewport's bottom edge. */
const scrollToGap = (page: Page, gap: number) =>
  page.evaluate((gap) => {
    const section = document.querySelector('dateline-comments')!;
    const top = section.getBoundingClientRect().top + scrollY;
    scrollTo(0, Math.max(0, top - innerHeight - gap));
  }, gap);

const shifts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);

/** The layout-shift score as CLS counts it: shifts right after the reader's input are left out. */
const score = (list: Shift[]) =>
  list.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);

describe('the seed page paints without layout shift', () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    it(`moves nothing on screen at ${viewport.width} px, and asks for none of the comments the server rendered`, async () => {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const commentRequests: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/threads/'))
          commentRequests.push(request.url());
      });
      await page.addInitScript(RECORD_SHIFTS);
      await page.goto(service.url);
      await page.locator('dateline-operation .lead').waitFor();
      // Everything the page loads by itself has arrived and been laid out.
      await page.waitForLoadState('networkidle');
      await frames(page);

      expect(commentRequests).toEqual([]);
      const atRest = await shifts(page);
      expect(score(atRest), JSON.stringify(atRest)).toBeLessThan(0.02);

      // Far below: still nothing asked for.
      await scrollToGap(page, 1500);
      await frames(page);
      await frames(page);
      expect(commentRequests).toEqual([]);

      // Near, then on it: the server rendered the first page, so the section asks for
      // nothing, and nothing on screen moves as it comes into view and takes its markup over.
      await scrollToGap(page, 200);
      await page.locator('dateline-comments').scrollIntoViewIfNeeded();
      await page.locator('dateline-comment-form #comment').waitFor();
      await page.locator('dateline-comments .empty').waitFor();
      await frames(page);
      await frames(page);
      expect(commentRequests).toEqual([]);

      const all = await shifts(page);
      expect(score(all), JSON.stringify(all)).toBeLessThan(0.02);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
