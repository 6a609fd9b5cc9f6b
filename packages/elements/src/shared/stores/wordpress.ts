// A module of its own, imported by `resolveStore` only when an element reads a WordPress site's
// comments, so a page on the service never fetches the WordPress store.
export { createWordPressStore } from '@dateline/core';
