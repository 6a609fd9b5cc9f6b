/** The elements' strings in this language, as `lit-localize build` writes them from xliff/ar.xlf. */
export { templates } from './generated/ar.js';
