/** The elements' strings in this language, as `lit-localize build` writes them from xliff/id.xlf. */
export { templates } from './generated/id.js';
