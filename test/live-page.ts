/**
 * For the live-update tests: a page of the service's origin that shows comment sections, with
 * `<dateline-comments>` compiled from the sources now (not a build in dist/, which these tests
 * must not depend on), served to the browser by Playwright under /live-page/.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright';
import { root } from './service-process.js';

export type Bundle = Map<string, string>;

/** The comment section's module and its chunks, by file name. */
export async function bundleComments(): Promise<Bundle> {
  const result = await build({
    entryPoints: { comments: join(root, 'packages/elements/src/comments.ts') },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['production', 'browser', 'module', 'import'],
    outdir: '/live-page',
    write: false,
    logLevel: 'error',
  });
  return new Map(
    result.outputFiles.map((file) => [
      file.path.slice(file.path.lastIndexOf('/') + 1),
      file.text,
    ]),
  );
}

/** A page at `${service}/live-page/` with a section for each thread, on the service's API. */
export async function openSections(
  context: BrowserContext,
  service: string,
  bundle: Bundle,
  threadIds: string[],
): Promise<Page> {
  await context.route(`${service}/live-page/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(
      '/live-page/'.length,
    );
    if (name === '')
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>Live</title>
<script type="module" src="/live-page/comments.js"></script>
${threadIds.map((id) => `<dateline-comments thread-id="${id}" endpoint="/api"></dateline-comments>`).join('\n')}`,
      });
    const file = bundle.get(name);
    return file === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ contentType: 'text/javascript', body: file });
  });
  const page = await context.newPage();
  await page.goto(`${service}/live-page/`);
  for (const id of threadIds)
    await page
      .locator(`dateline-comments[thread-id="${id}"] section`)
      .waitFor();
  return page;
}

/** The section of a thread. */
export const sectionOf = (page: Page, threadId: string) =>
  page.locator(`dateline-comments[thread-id="${threadId}"]`).first();
