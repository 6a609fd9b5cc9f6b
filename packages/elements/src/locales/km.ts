/** The elements' strings in this language, as `lit-localize build` writes them from xliff/km.xlf. */
export { templates } from './generated/km.js';
