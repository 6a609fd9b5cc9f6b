import { CommentStoreError } from './types.js';

/** The fetch a store uses: the one it was given, else the global one at the time of the call. */
export function fetcher(given: typeof fetch | undefined): typeof fetch {
  return (
    given ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args))
  );
}

/**
 * fetch, where a server that cannot be reached becomes a `network` CommentStoreError saying
 * `unreachable`; a request the caller aborted stays an abort.
 */
export async function send(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  unreachable: string,
): Promise<Response> {
  try {
    return await doFetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new CommentStoreError(unreachable, { code: 'network', cause: error });
  }
}
