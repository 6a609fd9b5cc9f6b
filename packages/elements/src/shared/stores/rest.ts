// A module of its own, imported by `resolveStore` only when an element talks to the service, so
// a page never fetches a store it does not use.
export { createRestStore } from '@dateline/core';
