/**
 * The render benchmark, in Debian's Chromium with the script-tag bundle as shipped:
 *
 * - the seed page served by the comment service, drawn in the browser (the example file as
 *   written) beside drawn by the server (what `npm start` serves at /): first contentful paint,
 *   the article and fact box painted, the comment section painted once scrolled to, and its
 *   form ready (the section's code come and taken over);
 * - each one's cumulative layout shift at 390 and 1280 px, from first paint until a reader
 *   who scrolls down a screen at a time has the comments and their form (the budget is 0.02);
 * - <dateline-comments> on threads of 1,000 and 10,000 comments from an in-page store that
 *   answers at once, so the figures are the element's own: first page (50 top-level comments
 *   with their replies) painted, and "Load more" painted.
 *
 * Each figure is the median (and p95) of RUNS fresh pages. `npm run bench:render`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { root, startService } from '../test/service-process.js';

const RUNS = Number(process.env.RUNS ?? 15);

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Waits, in the page, for `ready()` to be true, then for the next frame to be painted. */
const PAINTED = `
  // tsx names functions with a helper the page lacks when they are sent to page.evaluate.
  globalThis.__name = (f) => f;
  window.painted = (ready) => new Promise((resolve) => {
    const check = () => (ready() ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check));
    check();
  });
`;

// The in-page store: core's memory store, bundled from source, on window.BenchStore.
const store = await build({
  stdin: {
    contents: `export { createMemoryStore } from './packages/core/src/index.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  globalName: 'BenchStore',
  minify: true,
  write: false,
  platform: 'browser',
});
const storeScript = store.outputFiles[0]!.text;

// The script-tag build as shipped (the loader and the chunks it imports), served from the
// test page's own origin.
const cdn = join(root, 'packages/elements/dist/cdn');

const service = await startService();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
const results: Record<string, { median: number; p95: number }> = {};
const record = (name: string, xs: number[]) => {
  results[name] = { median: median(xs), p95: quantile(xs, 0.95) };
  console.log(
    `${name.padEnd(46)} median ${median(xs).toFixed(1).padStart(7)} ms   p95 ${quantile(xs, 0.95).toFixed(1).padStart(7)} ms`,
  );
};

/** Layout-shift scores, unitless, as CLS counts them. */
const scores: Record<string, { median: number; max: number }> = {};
const recordScore = (name: string, xs: number[]) => {
  const max = Math.max(...xs);
  scores[name] = { median: median(xs), max };
  console.log(
    `${name.padEnd(46)} median ${median(xs).toFixed(4).padStart(7)}      max ${max.toFixed(4).padStart(7)}`,
  );
};

/** Records every layout shift from the first one (buffered) on `window.shifts`. */
const RECORD_SHIFTS = `
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.shifts.push(entry);
  }).observe({ type: 'layout-shift', buffered: true });
`;

async function newPage(): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
  });
  await page.addInitScript(PAINTED);
  return page;
}

try {
  // The seed page, drawn in the browser (the example file as written) and drawn by the server
  // (what `npm start` serves at /), each run of one beside a run of the other.
  const SEEDS = [
    { name: 'drawn in the browser', path: '/examples/seed-article/index.html' },
    { name: 'drawn by the server', path: '/' },
  ];
  const seed: Record<
    string,
    { fcp: number[]; article: number[]; comments: number[]; form: number[] }
  > = {};
  for (const { name } of SEEDS)
    seed[name] = { fcp: [], article: [], comments: [], form: [] };
  for (let i = 0; i < RUNS; i++)
    for (const { name, path } of SEEDS) {
      const page = await newPage();
      await page.goto(`${service.url}${path}`);
      const t = await page.evaluate(async () => {
        const w = window as unknown as {
          painted: (ready: () => boolean) => Promise<void>;
        };
        const q = (sel: string, inner: string) =>
          document.querySelector(sel)?.shadowRoot?.querySelector(inner);
        await w.painted(
          () =>
            !!q('dateline-article', 'h1') &&
            !!q(
              'dateline-article',
              'dateline-operation',
            )?.shadowRoot?.querySelector('.lead'),
        );
        const ready = performance.now();
        const paint = await new Promise<number>((resolve) =>
          new PerformanceObserver((entries, observer) => {
            const first = entries.getEntriesByName('first-contentful-paint')[0];
            if (first) {
              observer.disconnect();
              resolve(first.startTime);
            }
          }).observe({ type: 'paint', buffered: true }),
        );
        const section = document.querySelector(
          'dateline-comments',
        ) as Element & {
          hasUpdated?: boolean;
        };
        const start = performance.now();
        section.scrollIntoView();
        await w.painted(
          () => !!section.shadowRoot?.querySelector('.empty, article'),
        );
        const shown = performance.now() - start;
        // Its form answers a press of "Post Comment": the section's code has come and taken over.
        await w.painted(
          () =>
            !!section.hasUpdated &&
            !!(
              section.shadowRoot?.querySelector('dateline-comment-form') as
                | (Element & { hasUpdated?: boolean })
                | null
            )?.hasUpdated,
        );
        return {
          ready,
          paint,
          comments: shown,
          form: performance.now() - start,
        };
      });
      seed[name]!.fcp.push(t.paint);
      seed[name]!.article.push(t.ready);
      seed[name]!.comments.push(t.comments);
      seed[name]!.form.push(t.form);
      await page.close();
    }
  for (const { name } of SEEDS) {
    const s = seed[name]!;
    record(`seed page ${name}: first contentful paint`, s.fcp);
    record(`seed page ${name}: article and fact box painted`, s.article);
    record(`seed page ${name}: comments painted, once scrolled to`, s.comments);
    record(`seed page ${name}: form ready, once scrolled to`, s.form);
  }

  // Layout shift, as a reader meets the page: it paints, the article arrives, the reader
  // scrolls down a screen at a time (a pause between screens) until the comments are shown.
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])
    for (const { name, path } of SEEDS) {
      const cls: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage({ viewport });
        await page.addInitScript(`${PAINTED}${RECORD_SHIFTS}`);
        await page.goto(`${service.url}${path}`);
        await page.locator('dateline-operation .lead').waitFor();
        await page.waitForLoadState('networkidle');
        cls.push(
          await page.evaluate(async () => {
            const w = window as unknown as {
              painted: (ready: () => boolean) => Promise<void>;
              shifts: Array<{ value: number; hadRecentInput: boolean }>;
            };
            const section = document.querySelector(
              'dateline-comments',
            ) as Element & {
              hasUpdated?: boolean;
            };
            while (section.getBoundingClientRect().top > innerHeight / 2) {
              const y = scrollY;
              scrollBy(0, innerHeight * 0.9);
              await new Promise((r) => setTimeout(r, 100));
              if (scrollY === y) break;
            }
            // Until the section has its code: taking the markup over must not move it either.
            await w.painted(
              () =>
                !!section.hasUpdated &&
                !!section.shadowRoot?.querySelector('.empty, article'),
            );
            return w.shifts
              .filter((s) => !s.hadRecentInput)
              .reduce((sum, s) => sum + s.value, 0);
          }),
        );
        await page.close();
      }
      recordScore(`seed page ${name}: CLS at ${viewport.width} px`, cls);
    }

  // Long threads
  for (const size of [1_000, 10_000]) {
    const first: number[] = [];
    const more: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await newPage();
      await page.route('http://bench.test/', (route) =>
        route.fulfill({
          contentType: 'text/html',
          // A section of no thread has the loader register the element before the timing starts.
          body: `<!doctype html><meta charset="utf-8"><body><script>${storeScript}</script><script type="module" src="/dateline.js"></script><dateline-comments hidden></dateline-comments>`,
        }),
      );
      await page.route(/^http:\/\/bench\.test\/[\w.-]+\.js$/, (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: readFileSync(
            join(cdn, basename(new URL(route.request().url()).pathname)),
            'utf8',
          ),
        }),
      );
      await page.goto('http://bench.test/');
      await page.waitForFunction(() => customElements.get('dateline-comments'));
      const t = await page.evaluate(async (n) => {
        const w = window as unknown as {
          painted: (ready: () => boolean) => Promise<void>;
          BenchStore: {
            createMemoryStore: (o: { comments: unknown[] }) => unknown;
          };
        };
        // A thread like a busy news site's: 4 in 10 comments start a conversation, the rest
        // reply to a recent comment; a seeded generator, so every run sees the same thread.
        let seed = 42;
        const random = () => {
          seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
          return seed / 2 ** 31;
        };
        const list = Array.from({ length: n }, (_, i) => ({
          id: `c${i}`,
          threadId: 'bench',
          parentId:
            i > 0 && random() > 0.4
              ? `c${Math.max(0, i - 1 - Math.floor(random() * 30))}`
              : null,
          author: {
            name: `Reader ${i}`,
            ...(i % 5 === 0 ? { url: `https://reader${i}.example` } : {}),
          },
          body: `Comment ${i}: the figures by nationality add up to ${i % 997} of the arrests. More at https://example.com/report/${i}.\n\nA second paragraph.`,
          createdAt: new Date(Date.UTC(2025, 6, 20) + i * 60_000).toISOString(),
          status: 'approved',
        }));
        const el = document.createElement(
          'dateline-comments',
        ) as HTMLElement & { threadId: string; store: unknown };
        el.threadId = 'bench';
        el.store = w.BenchStore.createMemoryStore({ comments: list });
        const shown = () =>
          el.shadowRoot?.querySelectorAll('article').length ?? 0;
        const start = performance.now();
        document.body.append(el);
        await w.painted(() => shown() > 0);
        const first = performance.now() - start;
        const before = shown();
        const button =
          el.shadowRoot!.querySelector<HTMLButtonElement>(
            '[part="load-more"]',
          )!;
        const clicked = performance.now();
        button.click();
        await w.painted(() => shown() > before);
        return { first, more: performance.now() - clicked, shown: shown() };
      }, size);
      first.push(t.first);
      more.push(t.more);
      await page.close();
    }
    record(`${size.toLocaleString('en')} comments: first page painted`, first);
    record(`${size.toLocaleString('en')} comments: "Load more" painted`, more);
  }
} finally {
  await browser.close();
  await service.stop();
}

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench/render.json'),
  `${JSON.stringify({ runs: RUNS, results, scores }, null, 2)}\n`,
);
