import { defineConfig, type Options } from 'tsup';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { cdnEsbuild } from './scripts/cdn-esbuild.js';

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

const byPackage: Record<string, Options | Options[]> = {
  core: shared,
  elements: [
    // npm build: ESM with declarations, dependencies external; classes and `define` apart so
    // the classes can be imported without registering anything.
    {
      ...shared,
      entry: ['src/index.ts', 'src/define.ts'],
      format: ['esm'],
      splitting: true,
    },
    // Script-tag bundles: Lit, core and Zod inside, minified, every element registered once.
    {
      entry: { dateline: 'src/cdn.ts' },
      outDir: 'dist/cdn',
      format: ['esm', 'iife'],
      globalName: 'Dateline',
      target: cdnEsbuild.target,
      platform: cdnEsbuild.platform,
      noExternal: [/.*/],
      minify: cdnEsbuild.minify,
      treeshake: true,
      sourcemap: true,
      dts: false,
      clean: false,
      outExtension: ({ format }) => ({
        js: format === 'iife' ? '.iife.js' : '.js',
      }),
      esbuildPlugins: cdnEsbuild.plugins,
      esbuildOptions(options) {
        options.conditions = cdnEsbuild.conditions;
        options.legalComments = cdnEsbuild.legalComments;
      },
    },
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
  return options;
});
