import { createLocalStore, type CommentStore } from '@dateline/core';

/** How an element found its store, so it can say when it is in demo mode. */
export interface ResolvedStore {
  store: CommentStore;
  /** True for the reader's own browser (localStorage): nobody else sees the comments. */
  demo: boolean;
}

export interface StoreSource {
  store?: CommentStore | undefined;
}

let local: CommentStore | undefined;

/**
 * The store an element uses: the `.store` property when set, otherwise the local store in
 * demo mode. One local store per page so every element sees the same comments.
 */
export function resolveStore(source: StoreSource): ResolvedStore {
  if (source.store) return { store: source.store, demo: false };
  local ??= createLocalStore();
  return { store: local, demo: true };
}
