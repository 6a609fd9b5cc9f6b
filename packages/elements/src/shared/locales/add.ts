/**
 * Core's `addLocale`, fetched with a language's first module: it brings core's writers for a
 * language the browser lacks (`OwnWriters`), which a page in English never needs.
 */
export { addLocale } from '@dateline/core';
