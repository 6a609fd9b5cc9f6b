/**
 * Answers to a thread's pages, each made once per version of the thread.
 *
 * A page's answer depends on the thread's stored comments alone, and the thread's version
 * (kept in the database, so every instance reads the same one) changes whenever what the
 * thread shows changes. So an answer made at version `v` is the answer to every request for
 * that page at version `v`, on any instance: a request costs one indexed lookup of the version,
 * and the answer's bytes are written as they are. Nothing here is ever invalidated by hand; a
 * new version simply misses.
 */

/** A page's answer: its ETag and its body, as bytes on the wire. */
export interface PageAnswer {
  etag: string;
  body: Uint8Array<ArrayBuffer>;
}

export interface PageCacheOptions {
  /**
   * Bytes the kept answers may take in all (bodies, keys and a fixed cost per entry). The
   * least recently used go first; an answer larger than a quarter of this is made for its
   * request and not kept, so one huge page cannot empty the cache.
   */
  maxBytes: number;
}

/** What one kept answer costs beyond its bytes: the Map entry, the object, the ETag string. */
const ENTRY_COST = 200;

interface Kept extends PageAnswer {
  version: number;
  cost: number;
}

export interface PageCache {
  /** The answer kept for `key` if it was made at `version`. */
  get(key: string, version: number): PageAnswer | undefined;
  /**
   * The answer for `key` at `version`: the kept one, or `make`'s, which is then kept. Requests
   * that miss together share one `make`; if it throws, each of them gets its error and nothing
   * is kept.
   */
  answer(
    key: string,
    version: number,
    make: () => Promise<PageAnswer>,
  ): Promise<PageAnswer>;
  /** What is kept now: for tests and the operator's curiosity. */
  readonly size: { entries: number; bytes: number };
}

/**
 * A bounded, least-recently-used cache of page answers keyed by page and thread version.
 *
 * @example
 * const pages = pageCache({ maxBytes: 32 * 1024 * 1024 });
 * const answer = await pages.answer('t\n50\noldest\n', version, makeAnswer);
 */
export function pageCache({ maxBytes }: PageCacheOptions): PageCache {
  const kept = new Map<string, Kept>();
  const making = new Map<string, Promise<PageAnswer>>();
  let bytes = 0;

  const forget = (key: string, entry: Kept) => {
    kept.delete(key);
    bytes -= entry.cost;
  };

  const keep = (key: string, version: number, answer: PageAnswer) => {
    const old = kept.get(key);
    if (old) forget(key, old);
    const cost =
      answer.body.byteLength +
      2 * (key.length + answer.etag.length) +
      ENTRY_COST;
    if (cost > maxBytes / 4) return;
    kept.set(key, { ...answer, version, cost });
    bytes += cost;
    // A Map iterates in insertion order, and a hit re-inserts: the first entry is the coldest.
    for (const [coldest, entry] of kept) {
      if (bytes <= maxBytes) break;
      forget(coldest, entry);
    }
  };

  const get = (key: string, version: number): PageAnswer | undefined => {
    const entry = kept.get(key);
    if (entry === undefined || entry.version !== version) return undefined;
    kept.delete(key);
    kept.set(key, entry);
    return entry;
  };

  return {
    get,
    answer(key, version, make) {
      const hit = get(key, version);
      if (hit) return Promise.resolve(hit);
      // The version is part of the key: a request that read a newer version makes its own.
      const job = `${version}\n${key}`;
      const running = making.get(job);
      if (running) return running;
      const made = (async () => {
        try {
          const answer = await make();
          keep(key, version, answer);
          return answer;
        } finally {
          making.delete(job);
        }
      })();
      making.set(job, made);
      return made;
    },
    get size() {
      return { entries: kept.size, bytes };
    },
  };
}

/**
 * Whether an If-None-Match header names `etag`: one of its comma-separated tags, or `*`.
 * Weak comparison, as RFC 9110 asks for If-None-Match.
 *
 * @example
 * ifNoneMatch('W/"3-abc", W/"4-abc"', 'W/"4-abc"') // true
 */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*') return true;
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === opaque) return true;
  }
  return false;
}
