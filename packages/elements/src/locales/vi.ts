/** The elements' strings in this language, as `lit-localize build` writes them from xliff/vi.xlf. */
export { templates } from './generated/vi.js';
