// What a page in English pays for the other languages, held: each page as the loader's build
// makes it, beside the same page built with English-only stand-ins for the language code
// (scripts/english-only.ts, which `npm run size` reports). The README quotes these figures.
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildLoader, fetchedBytes } from '../scripts/cdn-esbuild.js';
import { englishOnlyPlugin } from '../scripts/english-only.js';
import { root } from './service-process.js';

const KB = 1024;

const load = (plugins: Plugin[] = []) =>
  buildLoader({
    entry: join(root, 'packages/elements/src/loader.ts'),
    outdir: join(root, 'packages/elements/dist/cdn'),
    write: false,
    plugins,
  });

describe('what a page in English pays for the other languages', () => {
  // Measured at 1.6 and 1.7 KB when the lookup through catalogues and the code that fetches a
  // language began to come with the first language; held a tenth above.
  const HELD = [
    {
      page: 'the comments section',
      modules: ['comments', 'rest', 'live'],
      kb: 1.7,
    },
    { page: 'the article', modules: ['article'], kb: 1.8 },
  ];

  it('stays within what it was, and is not nothing: the stand-ins replace the language code', async () => {
    const [built, english] = await Promise.all([
      load(),
      load([englishOnlyPlugin]),
    ]);
    for (const { page, modules, kb } of HELD) {
      const pays =
        fetchedBytes(built, modules) - fetchedBytes(english, modules);
      expect(pays, page).toBeGreaterThan(0.5 * KB);
      expect(pays, page).toBeLessThanOrEqual(kb * KB);
    }
  }, 120_000);
});
