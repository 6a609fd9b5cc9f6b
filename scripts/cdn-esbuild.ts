import type { BuildOptions } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.js';

/** How the script-tag bundle is compiled: by its tsup build, and by `npm run size`. */
export const cdnEsbuild = {
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // Lit's production build, without dev-mode warnings
  conditions: ['production', 'browser', 'module', 'import'],
  plugins: [minifyTemplatesPlugin],
} satisfies BuildOptions;
