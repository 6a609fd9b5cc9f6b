import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/** Tests run against the sources: the packages resolve to their src/, never to a build. */
export const sourceAliases = [
  {
    find: /^@dateline\/core\/locales\/([\w-]+)$/,
    replacement: fileURLToPath(
      new URL('./packages/core/src/messages/locales/$1.ts', import.meta.url),
    ),
  },
  {
    find: /^@dateline\/core\/locales$/,
    replacement: fileURLToPath(
      new URL('./packages/core/src/messages/load.ts', import.meta.url),
    ),
  },
  {
    find: /^@dateline\/core$/,
    replacement: fileURLToPath(
      new URL('./packages/core/src/index.ts', import.meta.url),
    ),
  },
  {
    find: /^@dateline\/elements$/,
    replacement: fileURLToPath(
      new URL('./packages/elements/src/index.ts', import.meta.url),
    ),
  },
];

/**
 * Debian's Chromium where it is installed (Playwright cannot download its own browser on
 * every machine); elsewhere the browser `npx playwright install chromium` fetched.
 */
export const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The suite runs in UTC unless a run names its zone: date tests must not depend on where the
 * machine is. `npm run test:zones` runs the date-sensitive projects again far from UTC, as
 * date-fns does. Workers and Chromium inherit the variable.
 */
process.env.TZ ||= 'UTC';

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
        // Bundled up front so Vite does not reload the page when a test first imports them.
        optimizeDeps: { include: ['lit', 'axe-core', 'zod/mini'] },
        test: {
          name: 'elements',
          root: 'packages/elements',
          include: ['src/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                args: chromiumArgs,
              },
            }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'service',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'examples',
          include: ['examples/**/*.test.ts'],
          // Last, alone: the example commands rebuild dist/, which the other projects read.
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
