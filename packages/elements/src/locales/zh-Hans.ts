/** The elements' strings in this language, as `lit-localize build` writes them from xliff/zh-Hans.xlf. */
export { templates } from './generated/zh-Hans.js';
