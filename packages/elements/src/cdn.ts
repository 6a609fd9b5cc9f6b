/** The script-tag bundle: every element with core and Lit inside, registered on load. */
export * from './index.js';
import './define.js';
