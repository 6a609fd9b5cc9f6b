import { defineConfig, type Options } from 'tsup';
import { basename } from 'node:path';

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
};

export default defineConfig(() => {
  const name = basename(process.cwd());
  const options = byPackage[name];
  if (!options) throw new Error(`tsup.config.ts has no build for packages/${name}.`);
  return options;
});
