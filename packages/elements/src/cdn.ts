/**
 * The script-tag bundle: every element with core and Lit inside. `define.js` registers every
 * element when it runs, and it runs because this entry re-exports from it.
 */
export * from './index.js';
export { defineElements } from './define.js';
