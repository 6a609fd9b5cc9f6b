/**
 * This language's strings: the elements' (as `lit-localize build` writes them from
 * xliff/zh-Hant.xlf) and core's messages (validation, quantities, nationalities, dates).
 */
export { templates } from './generated/zh-Hant.js';
export { locale, messages } from '@dateline/core/locales/zh-Hant';
