/**
 * This language's strings: the elements' (as `lit-localize build` writes them from
 * xliff/ar.xlf) and core's messages (validation, quantities, nationalities, dates).
 */
export { templates } from './generated/ar.js';
export { locale, messages } from '@dateline/core/locales/ar';
