import {
  createLocalStore,
  createRestStore,
  createWordPressStore,
} from '@dateline/core';
import type { loadStores as LoadStores } from './load.js';

/**
 * `load.ts` for the all-in-one bundle (`dateline.iife.js`), which holds every store: the same
 * functions without `import()`, which a single-file bundle could only inline by wrapping every
 * module the stores reach, making it larger.
 */
export const loadStores: typeof LoadStores = {
  rest: async () => createRestStore,
  wordpress: async () => createWordPressStore,
  local: async () => createLocalStore,
};
