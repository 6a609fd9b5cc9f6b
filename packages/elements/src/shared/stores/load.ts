import type {
  createLocalStore,
  createRestStore,
  createWordPressStore,
} from '@dateline/core';

/**
 * Each store's constructor, imported when an element first needs one. In the script-tag
 * loader's build each store is a chunk of its own, so a page fetches only the store it uses; the
 * all-in-one bundle, which holds every store anyway, swaps this module for `bundled.ts`.
 */
export const loadStores = {
  rest: (): Promise<typeof createRestStore> =>
    import('./rest.js').then((m) => m.createRestStore),
  wordpress: (): Promise<typeof createWordPressStore> =>
    import('./wordpress.js').then((m) => m.createWordPressStore),
  local: (): Promise<typeof createLocalStore> =>
    import('./local.js').then((m) => m.createLocalStore),
};
