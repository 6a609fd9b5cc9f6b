/**
 * The elements as the server renders them: compiled from their sources with the same source
 * transforms as the script-tag files (`elementSourcesPlugin`: templates without layout
 * whitespace, compacted messages), so every template the server writes is, to the byte, the one
 * the browser's copy takes over. Lit's hydration checks each template by a digest of its text;
 * any difference would make the browser draw the section again.
 *
 * Lit itself stays outside the bundle, resolved to the very modules Lit SSR uses, so the
 * elements register with, and render through, the server's Lit.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { cdnEsbuild } from '../../scripts/cdn-esbuild.js';
import type * as Localize from '../../packages/elements/src/shared/localize.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(root, 'node_modules/.cache/dateline-ssr');

/** Lit's packages, shared with Lit SSR, never bundled (@lit/localize's `str` is as the CDN's). */
const LIT =
  /^(?:lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/[\w-]+)(?:\/.*)?$/;

export type ServerElements = Pick<
  typeof Localize,
  'activeLocale' | 'ensureLocale' | 'inLocale' | 'matchLocale'
>;

let loading: Promise<ServerElements> | undefined;

/** Registers the article and the comment section for Lit SSR, once; their localization. */
export function serverElements(): Promise<ServerElements> {
  loading ??= load();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

async function load(): Promise<ServerElements> {
  const elements = join(root, 'packages/elements/src');
  const result = await build({
    stdin: {
      // Named, so the bundle keeps the modules that register them (the package marks its
      // sources free of side effects).
      contents: `export { DatelineArticle } from './article.js';
export { DatelineComments } from './comments.js';
export { activeLocale, ensureLocale, inLocale, matchLocale } from './shared/localize.js';`,
      resolveDir: elements,
      sourcefile: 'server-elements.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
    plugins: [
      {
        name: 'shared-lit',
        setup(b) {
          b.onResolve({ filter: LIT }, (args) => ({
            path: args.path,
            external: true,
          }));
        },
      },
      // The script-tag files' own source transforms, whatever they come to be.
      ...cdnEsbuild.plugins,
    ],
  });
  const code = result.outputFiles![0]!.text;
  // Written where Node finds Lit from as Lit SSR does (the project's node_modules), under a
  // name of its content, so two instances or versions never read each other's half-written file.
  const name = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(CACHE, `elements-${name}.mjs`);
  await mkdir(CACHE, { recursive: true });
  await writeFile(`${file}.${process.pid}`, code);
  await rename(`${file}.${process.pid}`, file);
  return (await import(pathToFileURL(file).href)) as ServerElements;
}
