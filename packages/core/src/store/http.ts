import { CommentStoreError } from './types.js';

/** The fetch a store uses: the one it was given, else the global one at the time of the call. */
export function fetcher(given: typeof fetch | undefined): typeof fetch {
  return (
    given ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args))
  );
}

/** What a failed request tells the reader, and how to tell a refused page from a lost connection. */
export interface Unreachable {
  /** Said when the server could not be reached. */
  message: string;
  /**
   * For a server whose CORS may refuse the page: an address on it that answers anyone (its
   * health check), and what to say when it does answer.
   */
  probe?: { url: string; refused: string };
}

/** How long the probe may take before the failure counts as a lost connection. */
const PROBE_MS = 5000;

/**
 * Whether `url` is on another origin than the page. Outside a browser there is no page and
 * no CORS, so a failed fetch is always the network.
 */
function crossOrigin(url: string): boolean {
  const here = globalThis.location;
  if (!here?.href) return false;
  try {
    return new URL(url, here.href).origin !== here.origin;
  } catch {
    return false;
  }
}

/**
 * Whether the server answers at all. A `no-cors` request is never refused for CORS: it
 * resolves (with an opaque response) whenever the server answered, and fails only when it
 * could not be reached.
 */
async function answers(
  doFetch: typeof fetch,
  url: string,
  signal: AbortSignal | null | undefined,
): Promise<boolean> {
  const limit =
    typeof AbortSignal.timeout === 'function'
      ? AbortSignal.timeout(PROBE_MS)
      : undefined;
  const both =
    signal && limit && typeof AbortSignal.any === 'function'
      ? AbortSignal.any([signal, limit])
      : (signal ?? limit);
  try {
    // no-store: an answer cached from before the connection went must not count.
    await doFetch(url, {
      mode: 'no-cors',
      cache: 'no-store',
      ...(both ? { signal: both } : {}),
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * fetch, where a server that cannot be reached becomes a `network` CommentStoreError saying
 * `unreachable.message`; a request the caller aborted stays an abort.
 *
 * A browser fails a request its CORS check refused exactly as one that found no network. So,
 * when the page is online and the request went to another origin, the server is asked again
 * in `no-cors` mode: if it answers, it is up and refused this page (`refused-origin`).
 */
export async function send(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  unreachable: Unreachable,
): Promise<Response> {
  try {
    return await doFetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    const { probe } = unreachable;
    if (
      probe &&
      globalThis.navigator?.onLine !== false &&
      crossOrigin(url) &&
      (await answers(doFetch, probe.url, init.signal))
    ) {
      throw new CommentStoreError(probe.refused, {
        code: 'refused-origin',
        cause: error,
      });
    }
    if (init.signal?.aborted) throw error;
    throw new CommentStoreError(unreachable.message, {
      code: 'network',
      cause: error,
    });
  }
}
