import { defineConfig, type Options } from 'tsup';
import { buildSync } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import {
  buildLocaleModules,
  buildLoader,
  bundledStoresPlugin,
  cdnEsbuild,
  localesByUrlPlugin,
  oneFilePlugins,
} from './scripts/cdn-esbuild.js';
import { compactMessagesPlugin } from './scripts/compact-messages.js';

/**
 * One build configuration for every published package; each package's `build` script runs
 * tsup from its own folder with this file.
 */
const shared: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  target: 'es2022',
  // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: false,
};

/** The modules `src/index.ts` reaches, from the package's folder: what it publishes. */
function modulesOfIndex(): string[] {
  const { metafile } = buildSync({
    entryPoints: ['src/index.ts'],
    bundle: true,
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'dist',
    logLevel: 'error',
  });
  return Object.keys(metafile.inputs).filter((path) => path.startsWith('src/'));
}

/**
 * Core's locale modules, from the package's folder: each is published on its own
 * (`@dateline/core/locales/km` …), so a page loads only its reader's language.
 */
function localeEntries(): Record<string, string> {
  return Object.fromEntries(
    readdirSync('src/messages/locales')
      .filter((file) => /^[\w-]+\.ts$/.test(file))
      .map((file) => [
        `messages/locales/${file.slice(0, -3)}`,
        `src/messages/locales/${file}`,
      ]),
  );
}

// The moderation page's module, `dist/cdn/moderation.js`, which the service's /admin
// loads: one self-contained file, never part of the readers' loader set.
const moderationModule: Options = {
  entry: { moderation: 'src/moderation/index.ts' },
  outDir: 'dist/cdn',
  format: ['esm'],
  target: cdnEsbuild.target,
  platform: cdnEsbuild.platform,
  noExternal: [/.*/],
  minify: cdnEsbuild.minify,
  treeshake: true,
  sourcemap: true,
  dts: false,
  clean: false,
  outExtension: () => ({ js: '.js' }),
  esbuildPlugins: [localesByUrlPlugin('module-url.ts'), ...oneFilePlugins],
  esbuildOptions(options) {
    options.conditions = cdnEsbuild.conditions;
    options.legalComments = cdnEsbuild.legalComments;
  },
};

const byPackage: Record<string, () => Options[]> = {
  core: () => [
    // ESM: each module as it is in src/, types stripped, so a bundler leaves out of a page
    // what it does not use: each store is a file of its own, the article's helpers are apart
    // from the comments'. Tests and their helpers, which index.ts does not reach, stay out.
    {
      ...shared,
      entry: [
        ...modulesOfIndex(),
        ...Object.values(localeEntries()),
        'src/messages/load.ts',
      ],
      format: ['esm'],
      bundle: false,
      treeshake: false,
      dts: {
        ...(shared.dts as object),
        entry: {
          index: 'src/index.ts',
          ...localeEntries(),
          'messages/load': 'src/messages/load.ts',
        },
      },
    },
    // CommonJS, for Node's `require`: one file, and one per locale module.
    {
      ...shared,
      entry: {
        index: 'src/index.ts',
        ...localeEntries(),
        'messages/load': 'src/messages/load.ts',
      },
      format: ['cjs'],
      clean: false,
    },
  ],
  elements: () => [
    // npm build: ESM with declarations, dependencies external; the classes, `define` (every
    // element) and one entry per element (`@dateline/elements/comments` …), so the classes can
    // be imported without registering anything and a page registers only what it shows.
    {
      ...shared,
      entry: [
        'src/index.ts',
        'src/define.ts',
        'src/article.ts',
        'src/operation.ts',
        'src/comments.ts',
        'src/comment-form.ts',
        'src/count.ts',
        'src/moderation.ts',
      ],
      format: ['esm'],
      splitting: true,
      // What a browser needs of the messages (scripts/compact-messages.ts).
      esbuildPlugins: [compactMessagesPlugin],
    },
    // The all-in-one script-tag bundle for pages without modules: Lit, core and Zod inside,
    // minified, every element registered once. Then the loader, `dist/cdn/dateline.js`, with
    // the modules it imports as elements appear (see `buildLoader`).
    {
      entry: { dateline: 'src/cdn.ts' },
      outDir: 'dist/cdn',
      format: ['iife'],
      globalName: 'Dateline',
      target: cdnEsbuild.target,
      platform: cdnEsbuild.platform,
      noExternal: [/.*/],
      minify: cdnEsbuild.minify,
      treeshake: true,
      sourcemap: true,
      dts: false,
      clean: false,
      outExtension: () => ({ js: '.iife.js' }),
      esbuildPlugins: [
        bundledStoresPlugin,
        localesByUrlPlugin('url.ts'),
        ...oneFilePlugins,
      ],
      esbuildOptions(options) {
        options.conditions = cdnEsbuild.conditions;
        options.legalComments = cdnEsbuild.legalComments;
      },
      async onSuccess() {
        await buildLoader({ entry: 'src/loader.ts', outdir: 'dist/cdn' });
        await buildLocaleModules('dist/cdn');
      },
    },
    moderationModule,
  ],
};

export default defineConfig(() => {
  const name = basename(process.cwd());
  const options = byPackage[name];
  if (!options)
    throw new Error(`tsup.config.ts has no build for packages/${name}.`);
  // Elements compile against core as users install it (its dist/, types included), so core
  // is built first: the root `npm run build` builds the workspaces in that order.
  if (name === 'elements' && !existsSync('../core/dist/index.d.ts')) {
    throw new Error(
      '@dateline/elements builds on a built @dateline/core: run `npm run build` at the root, which builds core first.',
    );
  }
  return options();
});
