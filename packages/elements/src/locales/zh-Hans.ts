/**
 * This language's strings: the elements' (as `lit-localize build` writes them from
 * xliff/zh-Hans.xlf) and core's messages (validation, quantities, nationalities, dates).
 */
export { templates } from './generated/zh-Hans.js';
export { locale, messages } from '@dateline/core/locales/zh-Hans';
