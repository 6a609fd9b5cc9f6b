/**
 * The script-tag bundle: every element with core and Lit inside, registered on load.
 * The call is here, in the entry, so no bundler can drop it as a side-effect-free import.
 */
import { defineElements } from './define.js';

export * from './index.js';
export { defineElements };
defineElements();
