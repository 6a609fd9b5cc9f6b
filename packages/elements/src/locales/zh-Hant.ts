/** The elements' strings in this language, as `lit-localize build` writes them from xliff/zh-Hant.xlf. */
export { templates } from './generated/zh-Hant.js';
