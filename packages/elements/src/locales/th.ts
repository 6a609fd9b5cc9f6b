/** The elements' strings in this language, as `lit-localize build` writes them from xliff/th.xlf. */
export { templates } from './generated/th.js';
