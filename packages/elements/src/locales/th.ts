/**
 * This language's strings: the elements' (as `lit-localize build` writes them from
 * xliff/th.xlf) and core's messages (validation, quantities, nationalities, dates).
 */
export { templates } from './generated/th.js';
export { locale, messages } from '@dateline/core/locales/th';
