/**
 * The all-in-one script-tag bundle, `dist/cdn/dateline.iife.js`, for pages without modules:
 * every element with Lit and core inside, as the `Dateline` global. `define.js` registers every
 * element when it runs, and it runs because this entry re-exports from it. Pages with modules
 * use the loader (`loader.ts`), which fetches only what a page shows.
 */
export * from './index.js';
export { defineElements } from './define.js';
