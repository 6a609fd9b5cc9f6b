import { CommentStoreError, type CommentStore } from '@dateline/core';
import { loadStores } from './stores/load.js';

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

/** Stores by address (service, WordPress post, or this browser), as promises: see `remember`. */
const stores = new Map<string, Promise<CommentStore>>();

/** A store that refuses everything, saying why: for attributes that name no usable store. */
const refusing = (message: string): CommentStore => {
  const refuse = () =>
    Promise.reject(new CommentStoreError(message, { code: 'invalid' }));
  return { list: refuse, create: refuse };
};

/** The address of the store a source names; `undefined` for the reader's own browser. */
function addressOf({
  endpoint,
  wordpressSite,
  postId,
}: StoreSource): string | undefined {
  if (endpoint) return `rest ${endpoint}`;
  if (wordpressSite) return `wordpress ${wordpressSite}#${postId}`;
  return undefined;
}

/**
 * Whether an element keeps its comments in this browser only (no `.store`, `endpoint` or
 * `wordpress-site`). Known at once, before any store's module has loaded.
 */
export const isDemo = (source: StoreSource): boolean =>
  !source.store && addressOf(source) === undefined;

/**
 * One store per address per page, so every element sees the same. The promise is kept from the
 * first call, so elements asking at once share one store; one that fails (its module could not
 * be fetched, say offline) is forgotten, so "Try again" fetches it again.
 */
function remember(
  address: string,
  make: () => Promise<CommentStore>,
): Promise<CommentStore> {
  let store = stores.get(address);
  if (!store) {
    const made = make();
    stores.set(address, made);
    made.catch(() => {
      if (stores.get(address) === made) stores.delete(address);
    });
    store = made;
  }
  return store;
}

/**
 * The store an element uses: the `.store` property, else the service at `endpoint`, else the
 * WordPress site at `wordpress-site` (with `post-id`), else the local store in demo mode. Each
 * store's module is imported only here, when an element first needs it, so a page loads the
 * one store it uses and no other.
 */
export async function resolveStore(
  source: StoreSource,
): Promise<ResolvedStore> {
  if (source.store) return { store: source.store, demo: false };
  const { endpoint, wordpressSite, postId } = source;
  const address = addressOf(source);
  if (address === undefined) {
    const store = await remember('local', async () => {
      const createLocalStore = await loadStores.local();
      return createLocalStore();
    });
    return { store, demo: true };
  }
  const store = await remember(address, async () => {
    if (endpoint) {
      const createRestStore = await loadStores.rest();
      return createRestStore({ endpoint });
    }
    if (!Number.isSafeInteger(postId) || postId! <= 0)
      return refusing(
        'This comment section names a WordPress site but no post: its post-id attribute must be the post’s number.',
      );
    const createWordPressStore = await loadStores.wordpress();
    return createWordPressStore({ site: wordpressSite!, postId: postId! });
  });
  return { store, demo: false };
}
