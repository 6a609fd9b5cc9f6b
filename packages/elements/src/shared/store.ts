import { createLocalStore, createRestStore, type CommentStore } from '@dateline/core';

/** How an element found its store, so it can say when it is in demo mode. */
export interface ResolvedStore {
  store: CommentStore;
  /** True for the reader's own browser (localStorage): nobody else sees the comments. */
  demo: boolean;
}

/** What an element may be given to find its store, most specific first. */
export interface StoreSource {
  store?: CommentStore | undefined;
  endpoint?: string | undefined;
}

let local: CommentStore | undefined;
const rest = new Map<string, CommentStore>();

/**
 * The store an element uses: the `.store` property, else the service at `endpoint`, else the
 * local store in demo mode. One store per endpoint per page, so every element sees the same.
 */
export function resolveStore(source: StoreSource): ResolvedStore {
  if (source.store) return { store: source.store, demo: false };
  if (source.endpoint) {
    let store = rest.get(source.endpoint);
    if (!store) rest.set(source.endpoint, (store = createRestStore({ endpoint: source.endpoint })));
    return { store, demo: false };
  }
  local ??= createLocalStore();
  return { store: local, demo: true };
}
