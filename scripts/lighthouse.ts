/**
 * Lighthouse, side by side, on the same article with the same comments:
 *
 * - the seed page as the comment service serves it (`npm start`);
 * - the seed article as a WordPress post with WordPress's own theme and comments (Twenty
 *   Twenty-Three, Debian's WordPress as the WordPress example runs it);
 * - the same post with the Dateline plugin, whose comment section is <dateline-comments>.
 *
 * Mobile (Lighthouse's default, simulated slow 4G and a 4× slower CPU) and desktop, RUNS runs
 * each (default 3), every run in a fresh Chromium with an empty cache: Debian's
 * /usr/bin/chromium, or CHROME_PATH. Prints the medians of the performance score, CLS, TBT and
 * LCP, and writes every run to .bench/lighthouse.json. `npm run lighthouse` (after `npm run
 * build`, which the script-tag bundle and the service's pages come from).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { publishSeedArticle } from '../examples/wordpress/seed-post.js';
import { startTemporaryWordPress } from '../examples/wordpress/site.js';
import { openSqliteRepository } from '../src/repository/sqlite.js';
import { freePort, root, startService } from '../test/service-process.js';

const RUNS = Number(process.env.RUNS ?? 3);
const chrome = process.env.CHROME_PATH ?? chromiumPath;
if (!chrome)
  throw new Error(
    'No Chromium: install Debian’s chromium package, or set CHROME_PATH to a Chrome or Chromium.',
  );

/** The comments both sites show under the article: three conversations, one with replies. */
const COMMENTS = [
  {
    key: 'a',
    name: 'Sophea',
    body: 'Which provinces were the raids in? The report says at least five but names only some of them.',
  },
  {
    key: 'b',
    parent: 'a',
    name: 'Dara',
    body: 'Preah Sihanouk, Kratie, Pursat, Phnom Penh and Banteay Meanchey, where Poipet is.',
  },
  {
    key: 'c',
    parent: 'b',
    name: 'Sophea',
    body: 'Thank you.',
  },
  {
    key: 'd',
    name: 'Minh',
    body: 'The breakdown by nationality does not add up to the total of arrests.\n\nWho are the rest?',
  },
  {
    key: 'e',
    name: 'Ananya',
    body: 'Amnesty International has reported on these compounds for years: https://www.amnesty.org/',
  },
] as const;

const article = JSON.parse(
  readFileSync(
    join(root, 'examples/data/cambodia-crackdown-2025.json'),
    'utf8',
  ),
) as { comments: { threadId: string } };

interface Figures {
  score: number;
  cls: number;
  tbt: number;
  lcp: number;
}

/** A fresh Chromium, listening for DevTools on a port of its choosing. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'dateline-lighthouse-'));
  const child = spawn(
    chrome!,
    [
      ...chromiumArgs,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      log += d;
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`Chromium (${chrome}) exited (${code}):\n${log}`)),
    );
  });
  return {
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      // Chromium's helper processes may still be writing into it for a moment after it exits.
      rmSync(profile, {
        recursive: true,
        force: true,
        maxRetries: 10,
        retryDelay: 100,
      });
    },
  };
}

async function measure(
  url: string,
  formFactor: 'mobile' | 'desktop',
): Promise<Figures> {
  const browser = await launchChromium();
  try {
    const result = await lighthouse(
      url,
      {
        port: browser.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no report for ${url}`);
    if (lhr.runtimeError)
      throw new Error(
        `Lighthouse could not measure ${url}: ${lhr.runtimeError.message}`,
      );
    const value = (audit: string) => {
      const v = lhr.audits[audit]?.numericValue;
      if (v === undefined)
        throw new Error(`Lighthouse measured no ${audit} for ${url}`);
      return v;
    };
    return {
      score: Math.round(
        (lhr.categories.performance?.score ?? Number.NaN) * 100,
      ),
      cls: value('cumulative-layout-shift'),
      tbt: value('total-blocking-time'),
      lcp: value('largest-contentful-paint'),
    };
  } finally {
    await browser.stop();
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const service = await startService();
const wordpress = await startTemporaryWordPress(await freePort(), true).catch(
  async (error: unknown) => {
    await service.stop();
    throw error;
  },
);

const runs: Record<string, Record<string, Figures[]>> = {};
try {
  // The comments, in the service's database and in WordPress, approved.
  const repository = openSqliteRepository(service.database);
  const serviceIds: Record<string, string> = {};
  const start = Date.UTC(2025, 6, 21, 8);
  for (const [i, c] of COMMENTS.entries()) {
    serviceIds[c.key] = randomUUID();
    const parent = 'parent' in c ? c.parent : undefined;
    await repository.insert({
      id: serviceIds[c.key]!,
      threadId: article.comments.threadId,
      parentId: parent ? serviceIds[parent]! : null,
      author: { name: c.name },
      body: c.body,
      createdAt: new Date(start + i * 3_600_000).toISOString(),
      status: 'approved',
      email: `${c.name.toLowerCase()}@example.com`,
      addressHash: null,
    });
  }
  const postUrl = publishSeedArticle(wordpress);
  const postId = Number(wordpress.php(`echo url_to_postid('${postUrl}');`));
  const wordpressIds: Record<string, number> = {};
  for (const [i, c] of COMMENTS.entries()) {
    const parent = 'parent' in c ? wordpressIds[c.parent]! : 0;
    const fields = Buffer.from(
      JSON.stringify({
        comment_post_ID: postId,
        comment_parent: parent,
        comment_author: c.name,
        comment_author_email: `${c.name.toLowerCase()}@example.com`,
        comment_content: c.body,
        comment_date_gmt: new Date(start + i * 3_600_000)
          .toISOString()
          .slice(0, 19)
          .replace('T', ' '),
        comment_approved: 1,
      }),
    ).toString('base64');
    wordpressIds[c.key] = Number(
      wordpress.php(
        `$c = json_decode(base64_decode('${fields}'), true); $c['comment_date'] = get_date_from_gmt($c['comment_date_gmt']); echo wp_insert_comment($c);`,
      ),
    );
  }

  const plugin = 'dateline-comments/dateline-comments.php';
  const pages = [
    { name: 'seed page (service)', url: service.url, prepare: () => {} },
    {
      name: 'WordPress, its own theme',
      url: postUrl,
      prepare: () =>
        wordpress.php(
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins('${plugin}');`,
        ),
    },
    {
      name: 'WordPress + Dateline plugin',
      url: postUrl,
      prepare: () =>
        wordpress.php(
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; activate_plugin('${plugin}');`,
        ),
    },
  ];

  for (const page of pages) {
    page.prepare();
    // A first visit that nobody measures: PHP's opcode cache and the service's page cache warm
    // up. PHP's built-in server now and then drops the first connection after a plugin is
    // switched: asked again.
    for (let attempt = 1; ; attempt++) {
      try {
        await fetch(page.url).then((r) => r.text());
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    runs[page.name] = {};
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const figures: Figures[] = [];
      for (let i = 0; i < RUNS; i++) {
        figures.push(await measure(page.url, formFactor));
        process.stderr.write('.');
      }
      runs[page.name]![formFactor] = figures;
    }
  }
  process.stderr.write('\n');
} finally {
  await wordpress.stop();
  await service.stop();
}

console.log(
  `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${chrome}, median of ${RUNS} runs\n`,
);
const header = `${'page'.padEnd(30)}${'form'.padEnd(9)}${'score'.padStart(6)}${'CLS'.padStart(8)}${'TBT ms'.padStart(9)}${'LCP ms'.padStart(9)}`;
console.log(header);
console.log('-'.repeat(header.length));
const medians: Record<string, Record<string, Figures>> = {};
for (const [name, byForm] of Object.entries(runs)) {
  medians[name] = {};
  for (const [form, figures] of Object.entries(byForm)) {
    const m: Figures = {
      score: median(figures.map((f) => f.score)),
      cls: median(figures.map((f) => f.cls)),
      tbt: median(figures.map((f) => f.tbt)),
      lcp: median(figures.map((f) => f.lcp)),
    };
    medians[name]![form] = m;
    console.log(
      `${name.padEnd(30)}${form.padEnd(9)}${String(m.score).padStart(6)}${m.cls.toFixed(3).padStart(8)}${m.tbt.toFixed(0).padStart(9)}${m.lcp.toFixed(0).padStart(9)}`,
    );
  }
}

mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(
  join(root, '.bench/lighthouse.json'),
  `${JSON.stringify({ runs: RUNS, chrome, medians, all: runs }, null, 2)}\n`,
);
