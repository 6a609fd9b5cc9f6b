// Where the script-tag bundle's bytes go. Builds the bundle in layers, each adding one part to
// the one before, with the script-tag build's esbuild options (`cdn-esbuild.ts`), and prints what each layer adds
// in gzip (level 9, as the CI guard measures). `npm run size`; the packages must be built.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { cdnEsbuild } from './cdn-esbuild.js';

const elements = fileURLToPath(
  new URL('../packages/elements/src/', import.meta.url),
);

const layers: Array<[string, string]> = [
  ['Lit', `export { LitElement, html, css, svg, nothing } from 'lit';`],
  [
    'Zod with core’s schemas',
    `export { ArticleSchema, OperationSchema, CommentSchema, NewCommentSchema } from '@dateline/core';`,
  ],
  [
    '`<dateline-article>` and `<dateline-operation>`',
    `export { DatelineArticle } from './article/article.js';`,
  ],
  [
    'the local, REST and WordPress stores',
    `export { createLocalStore, createRestStore, createWordPressStore } from '@dateline/core';`,
  ],
  [
    '`<dateline-comments>` and `<dateline-comment-form>`',
    `export * from './index.js'; import { defineElements } from './define.js'; defineElements();`,
  ],
];

async function gzipOf(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: elements, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    ...cdnEsbuild,
    logLevel: 'error',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  '| part | adds (gzip) | bundle so far (gzip) |\n| --- | ---: | ---: |',
);
let source = '';
let before = 0;
for (const [part, line] of layers) {
  source += `${line}\n`;
  const size = await gzipOf(source);
  console.log(`| ${part} | ${kb(size - before)} | ${kb(size)} |`);
  before = size;
}
