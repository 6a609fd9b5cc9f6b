// Where the script-tag files' bytes go, without a browser: each file the loader's build makes
// (`buildLoader`, the same build as `npm run build`), what each kind of page fetches of them,
// what fills those pages, what a page in English pays for the other languages, and the
// all-in-one bundle. Sizes are gzip at level 9 of each file on its own, as
// `scripts/budgets.ts` measures them in Chromium. `npm run size` (builds first).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  buildLoader,
  fetchedBytes,
  gzipOf,
  type LoaderChunk,
} from './cdn-esbuild.js';
import { englishOnlyPlugin } from './english-only.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const elements = `${root}packages/elements/`;
const KB = 1024;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** What a source is part of, in words a reader of the table knows. */
function partOf(source: string): string {
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(source))
    return 'Lit';
  if (source.includes('node_modules/zod/')) return 'Zod';
  if (source.includes('node_modules/date-fns/')) return 'date-fns';
  const core = /packages\/core\/src\/([\w-]+)\//.exec(source);
  if (core) return `core ${core[1]}`;
  const element = /packages\/elements\/src\/(?:([\w-]+)\/)?/.exec(source);
  if (element) return `elements ${element[1] ?? '(entries)'}`;
  return source;
}

/** Minified bytes by part, largest first. */
function parts(chunks: LoaderChunk[]): Array<[string, number]> {
  const bytes = new Map<string, number>();
  for (const chunk of chunks)
    for (const [source, n] of Object.entries(chunk.inputs))
      bytes.set(partOf(source), (bytes.get(partOf(source)) ?? 0) + n);
  return [...bytes].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
}

const PAGES: Array<{
  page: string;
  modules: string[];
  budget?: number;
  goal?: number;
}> = [
  // On the service a section follows its thread live once it has loaded: `live` is fetched
  // then, and the budgets, measured in Chromium, count it.
  {
    page: 'comments section on the service (REST)',
    modules: ['comments', 'rest', 'live'],
    budget: 22,
    goal: 18,
  },
  {
    page: 'article with its fact box, no comments',
    modules: ['article'],
    budget: 25,
    goal: 20,
  },
  {
    page: 'the seed page, everything',
    modules: ['article', 'comments', 'rest', 'live'],
    budget: 36,
    goal: 30,
  },
  {
    page: 'comments section on a WordPress site',
    modules: ['comments', 'wordpress'],
  },
  { page: 'comment counts on an index page', modules: ['count'] },
];

const build = await buildLoader({
  entry: `${elements}src/loader.ts`,
  outdir: `${elements}dist/cdn`,
  write: false,
});

console.log(
  '### The loader and its modules\n\n| file | holds (minified, before gzip) | gzip |\n| --- | --- | ---: |',
);
for (const chunk of build.chunks) {
  const holds = parts([chunk])
    .slice(0, 4)
    .map(([part, n]) => `${part} ${kb(n)}`)
    .join(', ');
  console.log(`| \`${chunk.fileName}\` | ${holds} | ${kb(gzipOf(chunk))} |`);
}

console.log(
  '\n### What each page fetches\n\n| page | files | gzip | budget | goal |\n| --- | ---: | ---: | ---: | ---: |',
);
const fills: string[] = [];
for (const { page, modules, budget, goal } of PAGES) {
  const chunks = build.closure(modules);
  const total = fetchedBytes(build, modules);
  console.log(
    `| ${page} | ${chunks.length} | ${kb(total)} | ${budget ? `${budget} KB` : '—'} | ${goal ? `${goal} KB` : '—'} |`,
  );
  fills.push(
    `- ${page}: ${parts(chunks)
      .slice(0, 8)
      .map(([part, n]) => `${part} ${kb(n)}`)
      .join(', ')}`,
  );
}
console.log(
  `\nWhat fills each page (minified bytes by part, largest first):\n\n${fills.join('\n')}`,
);

// The same pages built with English-only stand-ins for the language code.
const english = await buildLoader({
  entry: `${elements}src/loader.ts`,
  outdir: `${elements}dist/cdn`,
  write: false,
  plugins: [englishOnlyPlugin],
});
console.log(
  "\n### What English pays for the other languages\n\nEach page in English as built, and built with English-only stand-ins for the language code (`scripts/english-only.ts`): an element's language from `lang` and the watch for its change, a site's wording, looking words up by language. The strings' ids are in both.\n\n| page | as built | English only | English pays |\n| --- | ---: | ---: | ---: |",
);
for (const { page, modules } of PAGES) {
  const built = fetchedBytes(build, modules);
  const only = fetchedBytes(english, modules);
  console.log(`| ${page} | ${kb(built)} | ${kb(only)} | ${kb(built - only)} |`);
}

const iife = readFileSync(`${elements}dist/cdn/dateline.iife.js`);
console.log(
  `\nThe all-in-one bundle, \`dateline.iife.js\`: ${kb(iife.length)} minified, ${kb(gzip(iife))} gzip.`,
);
