/**
 * Opens the seed page, served by the comment service, in Chromium at phone and desktop widths,
 * and at desktop width in Khmer and Vietnamese (`/?lang=`), and saves a screenshot of each to
 * examples/seed-article/.
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
  for (const [name, width, height, lang] of [
    ['desktop', 1280, 900, undefined],
    ['phone', 390, 844, undefined],
    // The README's pictures of the page in two of its readers' languages, as big as English's.
    ['desktop-km', 1280, 900, 'km'],
    ['desktop-vi', 1280, 900, 'vi'],
  ] as const) {
    const page = await browser.newPage({
      viewport: { width, height },
      deviceScaleFactor: name === 'phone' ? 2 : 1,
    });
    await page.goto(lang ? `${service.url}/?lang=${lang}` : service.url);
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
