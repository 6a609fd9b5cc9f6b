/**
 * Opens the seed page, served by the comment service, in Chromium at phone and desktop widths
 * and saves a screenshot of each to examples/seed-article/.
 *
 *   npm run screenshot
 */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { root, startService } from '../test/service-process.js';

const service = await startService();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
try {
  for (const [name, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ] as const) {
    const page = await browser.newPage({
      viewport: { width, height },
      deviceScaleFactor: name === 'phone' ? 2 : 1,
    });
    await page.goto(service.url);
    await page.locator('dateline-article h1').waitFor();
    await page.locator('dateline-comments').scrollIntoViewIfNeeded();
    await page.locator('dateline-comments .empty').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = join(root, 'examples/seed-article', `screenshot-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`Saved ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await service.stop();
}
