import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests run against the sources: the packages resolve to their src/, never to a build. */
export const sourceAliases = {
  '@dateline/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          root: 'packages/core',
          include: ['src/**/*.test.ts'],
          benchmark: { include: ['src/**/*.bench.ts'] },
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'examples',
          include: ['examples/**/*.test.ts'],
        },
      },
    ],
  },
});
