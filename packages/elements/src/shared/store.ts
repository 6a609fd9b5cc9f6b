import {
  CommentStoreError,
  createLocalStore,
  createRestStore,
  createWordPressStore,
  type CommentStore,
} from '@dateline/core';

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
  wordpressSite?: string | undefined;
  postId?: number | undefined;
}

let local: CommentStore | undefined;
const remote = new Map<string, CommentStore>();

/** A store that refuses everything, saying why: for attributes that name no usable store. */
const refusing = (message: string): CommentStore => {
  const refuse = () =>
    Promise.reject(new CommentStoreError(message, { code: 'invalid' }));
  return { list: refuse, create: refuse };
};

/**
 * The store an element uses: the `.store` property, else the service at `endpoint`, else the
 * WordPress site at `wordpress-site` (with `post-id`), else the local store in demo mode. One
 * store per address per page, so every element sees the same.
 */
export function resolveStore(source: StoreSource): ResolvedStore {
  if (source.store) return { store: source.store, demo: false };
  const { endpoint, wordpressSite, postId } = source;
  const key = endpoint ?? (wordpressSite && `${wordpressSite}#${postId}`);
  if (key) {
    let store = remote.get(key);
    if (!store) {
      store = endpoint
        ? createRestStore({ endpoint })
        : Number.isSafeInteger(postId) && postId! > 0
          ? createWordPressStore({ site: wordpressSite!, postId: postId! })
          : refusing(
              'This comment section names a WordPress site but no post: its post-id attribute must be the post’s number.',
            );
      remote.set(key, store);
    }
    return { store, demo: false };
  }
  local ??= createLocalStore();
  return { store: local, demo: true };
}
