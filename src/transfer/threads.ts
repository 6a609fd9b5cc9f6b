/**
 * Which Dateline thread a post's comments go to. The first rule that gives an answer decides:
 *
 * 1. the mapping file the user gives (`--map`): the post's address → a thread id;
 * 2. the thread id a Dateline export wrote beside the post (`_dateline_thread_id`);
 * 3. a thread the service already knows at that address (its headline's address, as the seed
 *    article's is registered at start, or as a moderator set it);
 * 4. WXR: `wp-<post id>`, the thread the Dateline WordPress plugin gives that post;
 * 5. the address's path (and query), lower case, every run of other characters than letters
 *    and digits made one `-` ("https://news.example/2025/07/Crackdown/" → "2025-07-crackdown",
 *    the home page → "home"); a second path that reads the same gets "-" and 8 hex digits of
 *    its hash;
 * 6. with no address at all: `wxr-item-<position>` or `disqus-<dsq:id>`.
 *
 * Addresses are compared without their scheme, fragment and trailing slash, so http and https,
 * "/a" and "/a/" are one page; a key of the mapping file that starts with "/" matches a path
 * on any host.
 */
import { createHash } from 'node:crypto';
import { ThreadIdSchema } from '@dateline/core';
import type { ThreadHeadline } from '../repository/types.js';
import type { SourceFormat, SourceThread } from './source.js';

export type ThreadRule =
  | 'map'
  | 'dateline'
  | 'known-address'
  | 'post-id'
  | 'address'
  | 'position';

export interface ThreadChoice {
  threadId: string;
  rule: ThreadRule;
}

/** The user's mapping, by normalised address: see `readThreadMap`. */
export type ThreadMap = ReadonlyMap<string, string>;

/** An address as addresses are compared: host, path without a trailing slash, query. */
export function addressKey(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.host}${pathKey(url)}`;
}

function pathKey(url: URL): string {
  const path =
    url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return `${path || '/'}${url.search}`;
}

/** A path as a key of the mapping file gives it: "/2025/07/x/" → "/2025/07/x". */
function relativeKey(path: string): string | undefined {
  try {
    return pathKey(new URL(path, 'http://x'));
  } catch {
    return undefined;
  }
}

/** A problem with the mapping file, in words. */
export class ThreadMapError extends Error {
  override name = 'ThreadMapError';
}

/**
 * Reads a mapping file's text: a JSON object whose keys are page addresses (or paths that
 * start with "/") and whose values are thread ids. Throws a `ThreadMapError` that lists what
 * is wrong.
 */
export function readThreadMap(text: string, name: string): ThreadMap {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ThreadMapError(
      `${name} is not JSON: ${(error as Error).message}. It should be an object such as {"https://news.example/2025/07/crackdown/": "crackdown"}.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ThreadMapError(
      `${name} should be a JSON object from page addresses to thread ids, such as {"https://news.example/2025/07/crackdown/": "crackdown"}.`,
    );
  const map = new Map<string, string>();
  const problems: string[] = [];
  // JSON.parse makes every key an own property, "__proto__" included.
  for (const [address, threadId] of Object.entries(value)) {
    const key = address.startsWith('/')
      ? relativeKey(address)
      : addressKey(address);
    if (key === undefined)
      problems.push(
        `${JSON.stringify(address)} is not an http(s) address or a path starting with "/"`,
      );
    else if (
      typeof threadId !== 'string' ||
      !ThreadIdSchema.safeParse(threadId).success
    )
      problems.push(
        `the thread id for ${JSON.stringify(address)} is not one (letters, digits and _ . : -, up to 128)`,
      );
    else map.set(key, threadId);
  }
  if (problems.length)
    throw new ThreadMapError(
      `${name}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`,
    );
  return map;
}

const MAX_SLUG = 96;

/** Rule 5: a thread id from an address's path and query. */
export function threadIdFromAddress(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  let path = `${url.pathname}${url.search}`;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept encoded: its %XX still make a stable id.
  }
  const slug = path
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG + 1)
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug || 'home';
}

const hash8 = (text: string) =>
  createHash('sha256').update(text).digest('hex').slice(0, 8);

export interface ThreadContext {
  format: SourceFormat;
  map?: ThreadMap;
  /** The headlines the service has, by thread id. */
  known: ReadonlyMap<string, ThreadHeadline>;
  /** Where the service is reached, so a headline's relative address ("/") can be compared. */
  publicUrl?: string;
}

/**
 * Chooses a thread id for each thread, by the rules above. Threads of one file that reach the
 * same id share it (http and https copies of one page); different paths never do.
 */
export function chooseThreads(
  threads: readonly SourceThread[],
  context: ThreadContext,
): Map<string, ThreadChoice> {
  const { map, known, publicUrl, format } = context;
  const byAddress = new Map<string, string>();
  /** Which path each address-made id stands for: another path gets its own. */
  const pathOf = new Map<string, string>();
  for (const [threadId, headline] of known) {
    if (!headline.url) continue;
    let absolute: string | undefined = headline.url;
    if (headline.url.startsWith('/'))
      absolute = publicUrl ? new URL(headline.url, publicUrl).href : undefined;
    const key = absolute ? addressKey(absolute) : undefined;
    if (!key) continue;
    if (!byAddress.has(key)) byAddress.set(key, threadId);
    pathOf.set(threadId, key.slice(key.indexOf('/')));
  }

  const chosen = new Map<string, ThreadChoice>();
  for (const thread of threads) {
    const key = addressKey(thread.url);
    const path = key?.slice(key.indexOf('/'));
    const fromMap =
      key === undefined
        ? undefined
        : (map?.get(key) ?? (path ? map?.get(path) : undefined));
    if (fromMap) {
      chosen.set(thread.key, { threadId: fromMap, rule: 'map' });
      continue;
    }
    if (
      thread.datelineThreadId &&
      ThreadIdSchema.safeParse(thread.datelineThreadId).success
    ) {
      chosen.set(thread.key, {
        threadId: thread.datelineThreadId,
        rule: 'dateline',
      });
      continue;
    }
    const knownId = key ? byAddress.get(key) : undefined;
    if (knownId) {
      chosen.set(thread.key, { threadId: knownId, rule: 'known-address' });
      continue;
    }
    if (
      format === 'wxr' &&
      thread.postId &&
      /^[1-9]\d{0,18}$/.test(thread.postId)
    ) {
      chosen.set(thread.key, {
        threadId: `wp-${thread.postId}`,
        rule: 'post-id',
      });
      continue;
    }
    const slug = key ? threadIdFromAddress(thread.url) : undefined;
    if (slug && path) {
      const taken = pathOf.get(slug);
      const threadId =
        taken === undefined || taken === path ? slug : `${slug}-${hash8(path)}`;
      if (taken === undefined) pathOf.set(slug, path);
      chosen.set(thread.key, { threadId, rule: 'address' });
      if (key) byAddress.set(key, threadId);
      continue;
    }
    chosen.set(thread.key, {
      threadId:
        format === 'wxr'
          ? `wxr-item-${thread.key}`
          : `disqus-${/^[A-Za-z0-9_-]{1,64}$/.test(thread.key) ? thread.key : hash8(thread.key)}`,
      rule: 'position',
    });
  }
  return chosen;
}
