import { createHash, createHmac } from 'node:crypto';
import { type Comment, ThreadIdSchema } from '@dateline/core';
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import { type AtomEntry, renderAtom } from '../render/atom.js';
import type { ThreadHeadline } from '../repository/types.js';
import type { RouteDeps } from './deps.js';
import { matchesEtag } from './pages.js';

/** How many comments a feed holds: the newest. */
export const FEED_LENGTH = 50;

/** Where `createApp` mounts the feeds. */
export const FEEDS_PATH = '/feeds';

/** The path of a thread's feed, or of the whole site's without a thread. */
export function feedPath(threadId?: string): string {
  // A thread id is letters, digits and `_ . : -`: nothing in it needs escaping in a path.
  return threadId === undefined
    ? `${FEEDS_PATH}/comments.atom`
    : `${FEEDS_PATH}/threads/${threadId}/comments.atom`;
}

const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
/** Bumped when the document's shape changes, so no reader keeps a copy written the old way. */
const FORMAT = 'atom-1';
/**
 * The namespace of the UUIDs that name feeds and entries (RFC 9562, version 5): fixed, so one
 * comment keeps one id whatever address the feed is read at.
 */
const ID_NAMESPACE = Buffer.from('5b0f7f3e9c2a4d61a1e8d0c4b7f26a93', 'hex');

/** A name-based UUID (version 5): the same name always gives the same id. */
function uuid5(name: string): string {
  const hash = createHash('sha1')
    .update(ID_NAMESPACE)
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `/feeds`: Atom feeds of approved comments, for feed readers and for the editors who follow a
 * discussion without opening the page.
 *
 *   GET /feeds/comments.atom                     the whole site's newest 50
 *   GET /feeds/threads/:threadId/comments.atom   one thread's newest 50
 *
 * The thread's path mirrors the API's `/api/threads/:threadId/comments`, and leaves the thread
 * id a whole path segment (ids may hold dots, so `:threadId.atom` could not be read back).
 *
 * Only what the thread page shows is in a feed: approved comments, each author's name and
 * website, never an email or an address. The ETag is a digest of everything the document is
 * made of, so a repeat read whose answer would not change costs one indexed read and a 304.
 * Cheaper stamps would miss changes: the newest comment's id misses a deletion below it, the
 * largest thread version misses every other thread, and no version sees an edited headline.
 */
export function feeds({
  repository,
  config,
  now,
  logger,
}: Pick<RouteDeps, 'repository' | 'config' | 'now' | 'logger'>) {
  // Ids unique to this site's data (two sites may both hold a comment "1", imported), stable
  // across restarts and addresses; derived one way from the secret, which they never reveal.
  const site = createHmac('sha256', repository.salt())
    .update('atom ids')
    .digest('hex');
  const entryId = (commentId: string) => uuid5(`${site}:comment:${commentId}`);

  const app = new Hono();
  app.use(compress());

  app.get('/comments.atom', (c) => answer(c));
  app.get('/threads/:threadId/comments.atom', (c) => {
    const threadId = c.req.param('threadId');
    if (!ThreadIdSchema.safeParse(threadId).success)
      return c.text(
        'That is not a thread id, so there is no feed for it. A thread id is letters, digits and _ . : - (up to 128 characters), starting with a letter or digit.',
        400,
      );
    return answer(c, threadId);
  });

  async function answer(c: Context, threadId?: string): Promise<Response> {
    // Behind a proxy the request's own address may not be the public one: the setting wins.
    const base = config.publicUrl ?? new URL(c.req.url).origin;
    const self = `${base}${feedPath(threadId)}`;
    const { comments, threads } = await repository.recentApproved({
      ...(threadId === undefined ? {} : { threadId }),
      limit: FEED_LENGTH,
    });
    const shown = comments.filter((comment) => {
      if (!Number.isNaN(Date.parse(comment.createdAt))) return true;
      logger.warn(
        `Dateline: comment ${comment.id} is left out of the feeds: its date ${JSON.stringify(comment.createdAt)} is not a date.`,
      );
      return false;
    });

    const etag = `W/"${digest(self, threadId, shown, threads)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Type', ATOM_TYPE);
    // Opened in a browser, the document may run nothing and load nothing.
    c.header('Content-Security-Policy', "default-src 'none'; sandbox");
    if (matchesEtag(c.req.header('if-none-match'), etag))
      return c.body(null, 304);

    const headline = threadId === undefined ? undefined : threads.get(threadId);
    const named = (id: string) => threads.get(id)?.title ?? id;
    const entries = shown.map((comment): AtomEntry => {
      const at = new Date(comment.createdAt);
      const pageUrl = threads.get(comment.threadId)?.url;
      const page =
        pageUrl === undefined
          ? undefined
          : withFragment(pageUrl, `comment-${comment.id}`);
      return {
        id: entryId(comment.id),
        title: `${comment.author.name} on ${named(comment.threadId)}`,
        author: comment.author.url
          ? { name: comment.author.name, uri: comment.author.url }
          : { name: comment.author.name },
        published: at,
        updated: at,
        content: comment.body,
        ...(page ? { link: page } : {}),
        ...(comment.parentId ? { inReplyTo: entryId(comment.parentId) } : {}),
      };
    });
    const host = new URL(base).host;
    return c.body(
      renderAtom({
        id: uuid5(
          threadId === undefined
            ? `${site}:site`
            : `${site}:thread:${threadId}`,
        ),
        title:
          threadId === undefined
            ? `Comments on ${host}`
            : `Comments on ${named(threadId)}`,
        // The newest entry's date; a feed with none has not changed before now.
        updated: entries.length
          ? new Date(Math.max(...entries.map((e) => e.updated.getTime())))
          : now(),
        self,
        ...(headline?.url ? { link: headline.url } : {}),
        generator: { name: 'Dateline' },
        entries,
      }),
    );
  }

  return app;
}

/** `url` with its fragment replaced; nothing when it is not a URL (one bad headline row). */
function withFragment(url: string, fragment: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const u = new URL(url);
  u.hash = fragment;
  return u.href;
}

/**
 * A digest of what a feed document is made of: its address, and each comment and headline
 * it shows, every field, each length-prefixed so no two different lists run together alike.
 */
function digest(
  self: string,
  threadId: string | undefined,
  comments: readonly Comment[],
  threads: ReadonlyMap<string, ThreadHeadline>,
): string {
  const hash = createHash('sha256');
  const put = (value: string | null | undefined) => {
    if (value === null || value === undefined) hash.update('-;');
    else hash.update(`+${value.length}:`).update(value, 'utf8');
  };
  put(FORMAT);
  put(self);
  put(threadId);
  for (const comment of comments) {
    put(comment.id);
    put(comment.threadId);
    put(comment.parentId);
    put(comment.author.name);
    put(comment.author.url);
    put(comment.createdAt);
    put(comment.body);
  }
  put('threads');
  for (const [id, headline] of [...threads].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    put(id);
    put(headline.title);
    put(headline.url);
  }
  return hash.digest('base64url').slice(0, 27);
}
