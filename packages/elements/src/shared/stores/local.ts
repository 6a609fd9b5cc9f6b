// A module of its own, imported by `resolveStore` only in demo mode (no service named), so a
// page with a service never fetches the local store.
export { createLocalStore } from '@dateline/core';
