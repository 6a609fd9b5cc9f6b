import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig, type ServiceConfig } from '../config.js';
import {
  type AtomReader,
  openAtomReader,
  type ReadFeed,
  xmlCharsOf,
  xssPayloads,
} from '../render/atom-reader.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';
import { FEED_LENGTH, feedPath } from './feeds.js';

let reader: AtomReader;
beforeAll(async () => {
  reader = await openAtomReader();
}, 60_000);
afterAll(async () => {
  await reader?.close();
});

const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const NOW = new Date(Date.UTC(2025, 7, 1, 12));
const UUID5 =
  /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The app over an in-memory database (or the one given), at http://comments.example. */
function service(
  options: {
    config?: Partial<ServiceConfig>;
    repository?: CommentRepository;
    origin?: string;
  } = {},
) {
  const repository = options.repository ?? openSqliteRepository(':memory:');
  if (!options.repository) closing.push(() => repository.close());
  const warnings: string[] = [];
  const app = createApp({
    repository,
    config: {
      ...readConfig({ DATELINE_MODERATION: 'none' }),
      ...options.config,
    },
    now: () => NOW,
    logger: { warn: (m: string) => warnings.push(m), error: () => {} },
  });
  const origin = options.origin ?? 'http://comments.example';
  const get = (
    path: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ) => app.request(`${origin}${path}`, { headers, method });
  const feed = async (threadId?: string) => {
    const res = await get(feedPath(threadId));
    expect(res.status).toBe(200);
    const xml = await res.text();
    return { xml, feed: await parsed(xml), res };
  };
  return { app, repository, get, feed, warnings };
}

async function parsed(xml: string): Promise<ReadFeed> {
  const result = await reader.read(xml);
  if ('error' in result)
    throw new Error(`Not well-formed XML: ${result.error}`);
  return result.feed;
}

async function insert(
  repository: CommentRepository,
  ...comments: ReturnType<typeof storedComment>[]
) {
  for (const comment of comments) await repository.insert(comment);
}

describe('GET /feeds/threads/:threadId/comments.atom', () => {
  it('lists the thread’s approved comments, newest first, as Atom 1.0', async () => {
    const { repository, feed } = service();
    const first = storedComment({
      author: { name: 'Sokha' },
      body: 'Thank you for the numbers by nationality.',
    });
    const reply = storedComment({
      parentId: first.id,
      author: { name: 'Dara', url: 'https://dara.example/about' },
      body: 'Which provinces?\nAnd when?',
    });
    const elsewhere = storedComment({ threadId: 'other' });
    await insert(repository, first, reply, elsewhere);

    const { feed: atom, res } = await feed('t');
    expect(res.headers.get('content-type')).toBe(
      'application/atom+xml; charset=utf-8',
    );
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(atom.root).toBe('{http://www.w3.org/2005/Atom}feed');
    expect(atom.id).toMatch(UUID5);
    expect(atom.title).toBe('Comments on t');
    expect(atom.updated).toBe(reply.createdAt);
    expect(atom.links).toEqual([
      {
        rel: 'self',
        type: 'application/atom+xml',
        href: 'http://comments.example/feeds/threads/t/comments.atom',
      },
    ]);
    expect(atom.entries.map((e) => e.content)).toEqual([
      reply.body,
      first.body,
    ]);
    const [second, opening] = atom.entries;
    expect(second).toMatchObject({
      title: 'Dara on t',
      titleType: 'text',
      authors: [
        { name: 'Dara', uri: 'https://dara.example/about', email: null },
      ],
      published: reply.createdAt,
      updated: reply.createdAt,
      contentType: 'text',
      // The page's address is not known: the entry names its thread by id.
      links: [],
      inReplyTo: opening!.id,
    });
    expect(opening).toMatchObject({
      title: 'Sokha on t',
      authors: [{ name: 'Sokha', uri: null, email: null }],
      inReplyTo: null,
    });
    for (const entry of atom.entries) expect(entry.id).toMatch(UUID5);
    expect(new Set(atom.entries.map((e) => e.id)).size).toBe(2);
  });

  it(`holds the newest ${FEED_LENGTH} and no more`, async () => {
    const { repository, feed } = service();
    const comments = Array.from({ length: FEED_LENGTH + 10 }, () =>
      storedComment(),
    );
    await insert(repository, ...comments);
    const { feed: atom } = await feed('t');
    expect(atom.entries.map((e) => e.content)).toEqual(
      comments
        .slice(-FEED_LENGTH)
        .reverse()
        .map((c) => c.body),
    );
  });

  it('never shows a held, spam or deleted comment, in the thread’s feed or the site’s', async () => {
    const { repository, feed } = service();
    const shown = storedComment({ body: 'SHOWN' });
    const held = storedComment({ status: 'pending', body: 'HELD-BODY' });
    const spam = storedComment({
      status: 'spam',
      body: 'SPAM-BODY',
      author: { name: 'SPAM-NAME' },
    });
    const deleted = storedComment({ body: 'DELETED-BODY' });
    await insert(repository, shown, held, spam, deleted);
    await repository.setStatus(deleted.id, 'deleted');
    for (const threadId of ['t', undefined]) {
      const { xml, feed: atom } = await feed(threadId);
      expect(atom.entries.map((e) => e.content)).toEqual(['SHOWN']);
      for (const hidden of ['HELD-BODY', 'SPAM-BODY', 'SPAM-NAME', 'DELETED'])
        expect(xml).not.toContain(hidden);
    }
  });

  it('never holds an email or an address hash, only the author’s name and website', async () => {
    const { repository, feed } = service();
    await insert(
      repository,
      storedComment({
        author: { name: 'Dara', url: 'https://dara.example' },
        email: 'dara.private@mail.example',
        addressHash: 'f'.repeat(64),
      }),
      storedComment({
        threadId: 'u',
        email: 'sokha.private@mail.example',
        addressHash: 'e'.repeat(64),
      }),
    );
    for (const threadId of ['t', 'u', undefined]) {
      const { xml, feed: atom } = await feed(threadId);
      expect(atom.entries.length).toBeGreaterThan(0);
      expect(xml).not.toContain('@');
      expect(xml).not.toContain('mail.example');
      expect(xml).not.toMatch(/ffffffff|eeeeeeee/);
      expect(atom.elements).not.toContain('{http://www.w3.org/2005/Atom}email');
    }
  });

  it('keeps hostile names, bodies and headlines as text: every XSS payload read back as written', async () => {
    const { repository, feed } = service();
    const payloads = xssPayloads();
    const comments = payloads.map((payload, i) =>
      storedComment({
        threadId: `xss-${Math.floor(i / FEED_LENGTH)}`,
        author: {
          name: payload.slice(0, 245),
          url: `https://example.com/?q=${encodeURIComponent(payload)}`,
        },
        body: payload,
      }),
    );
    await insert(repository, ...comments);
    const threads = [...new Set(comments.map((c) => c.threadId))];
    for (const [i, threadId] of threads.entries()) {
      const headline = payloads[i]!;
      await repository.setThreadTitle(threadId, {
        title: headline,
        url: `https://news.example/a?${encodeURIComponent(headline)}`,
      });
      const { feed: atom } = await feed(threadId);
      const expected = comments
        .filter((c) => c.threadId === threadId)
        .reverse();
      expect(atom.title).toBe(`Comments on ${xmlCharsOf(headline)}`);
      expect(atom.entries).toHaveLength(expected.length);
      atom.entries.forEach((entry, j) => {
        const comment = expected[j]!;
        expect(entry.content).toBe(xmlCharsOf(comment.body));
        expect(entry.authors).toEqual([
          {
            name: xmlCharsOf(comment.author.name),
            uri: comment.author.url,
            email: null,
          },
        ]);
        expect(entry.title).toBe(
          `${xmlCharsOf(comment.author.name)} on ${xmlCharsOf(headline)}`,
        );
      });
      expect(
        atom.elements.every(
          (e) =>
            e.startsWith('{http://www.w3.org/2005/Atom}') ||
            e === '{http://purl.org/syndication/thread/1.0}in-reply-to',
        ),
      ).toBe(true);
    }
  });

  it('leaves out only what XML cannot carry, and keeps line breaks, tabs and CRLF', async () => {
    const { repository, feed } = service();
    // (A lone surrogate cannot be stored at all: the writer's own tests cover it.)
    const body =
      'line one\r\nline two\n\ttabbed \u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff end 🇰🇭 \u{10ffff}';
    await insert(repository, storedComment({ body }));
    const { feed: atom } = await feed('t');
    expect(atom.entries[0]!.content).toBe(
      'line one\r\nline two\n\ttabbed  end 🇰🇭 \u{10ffff}',
    );
  });

  it('names the thread by its headline and links to its page when they are known', async () => {
    const { repository, feed } = service();
    const comment = storedComment({ author: { name: 'Sokha' } });
    await insert(repository, comment);
    await repository.setThreadTitle('t', {
      title: 'Cambodia lets loose the cannons',
      url: 'https://news.example/2025/07/cambodia?ref=feed#top',
    });
    const { feed: atom } = await feed('t');
    expect(atom.title).toBe('Comments on Cambodia lets loose the cannons');
    expect(atom.links).toContainEqual({
      rel: 'alternate',
      type: 'text/html',
      href: 'https://news.example/2025/07/cambodia?ref=feed#top',
    });
    expect(atom.entries[0]).toMatchObject({
      title: 'Sokha on Cambodia lets loose the cannons',
      links: [
        {
          rel: 'alternate',
          type: 'text/html',
          href: `https://news.example/2025/07/cambodia?ref=feed#comment-${comment.id}`,
        },
      ],
    });
  });

  it('takes its own address from DATELINE_PUBLIC_URL when set, from the request otherwise', async () => {
    const behindProxy = service({
      config: readConfig({
        DATELINE_PUBLIC_URL: 'https://news.example/comments/',
      }),
      origin: 'http://127.0.0.1:4321',
    });
    const { feed: atom } = await behindProxy.feed('t');
    expect(atom.links[0]!.href).toBe(
      'https://news.example/comments/feeds/threads/t/comments.atom',
    );
    const site = await behindProxy.feed();
    expect(site.feed.title).toBe('Comments on news.example');
    expect(site.feed.links[0]!.href).toBe(
      'https://news.example/comments/feeds/comments.atom',
    );

    const direct = service({ origin: 'http://localhost:4321' });
    expect((await direct.feed('t')).feed.links[0]!.href).toBe(
      'http://localhost:4321/feeds/threads/t/comments.atom',
    );
  });

  it('keeps each comment’s entry id, whatever address the feed is read at; another site’s differ', async () => {
    const repository = openSqliteRepository(':memory:');
    closing.push(() => repository.close());
    const comment = storedComment();
    await insert(repository, comment);
    const ids = async (s: ReturnType<typeof service>) =>
      (await s.feed('t')).feed.entries.map((e) => e.id);
    const one = await ids(service({ repository, origin: 'http://a.example' }));
    const two = await ids(
      service({
        repository,
        config: readConfig({ DATELINE_PUBLIC_URL: 'https://b.example' }),
      }),
    );
    expect(two).toEqual(one);
    const other = service();
    await insert(other.repository, comment);
    expect(await ids(other)).not.toEqual(one);
  });

  it('is a valid, empty feed for a thread without comments, dated now', async () => {
    const { feed } = service();
    const { feed: atom } = await feed('constructor');
    expect(atom.entries).toEqual([]);
    expect(atom.title).toBe('Comments on constructor');
    expect(atom.updated).toBe(NOW.toISOString());
    expect(atom.id).toMatch(UUID5);
  });

  it('answers 400 in plain words for a thread id that is not one', async () => {
    const { get } = service();
    for (const id of [
      '-starts-with-a-dash',
      '__proto__',
      'a'.repeat(129),
      'with%20space',
      '%3Cscript%3E',
      'caf%C3%A9',
    ]) {
      const res = await get(`/feeds/threads/${id}/comments.atom`);
      expect(res.status, id).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe(
        'That is not a thread id, so there is no feed for it. A thread id is letters, digits and _ . : - (up to 128 characters), starting with a letter or digit.',
      );
    }
    const longest = await get(
      `/feeds/threads/${'a'.repeat(128)}/comments.atom`,
    );
    expect(longest.status).toBe(200);
  });

  it('answers 304 to If-None-Match until what the feed shows changes', async () => {
    const { repository, get } = service();
    const shown = storedComment();
    await insert(repository, shown);
    const path = feedPath('t');
    const etagOf = async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      return res.headers.get('etag')!;
    };
    const first = await etagOf();
    expect(first).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    for (const header of [first, `"other", ${first}`, first.slice(2), '*']) {
      const res = await get(path, { 'if-none-match': header });
      expect(res.status, header).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(first);
    }
    expect((await get(path, { 'if-none-match': 'W/"other"' })).status).toBe(
      200,
    );

    // What the feed does not show leaves it as it was.
    const held = storedComment({ status: 'pending' });
    await insert(repository, held, storedComment({ threadId: 'u' }));
    expect(await etagOf()).toBe(first);

    await repository.setStatus(held.id, 'approved');
    const approved = await etagOf();
    expect(approved).not.toBe(first);
    expect((await get(path, { 'if-none-match': first })).status).toBe(200);

    await repository.setStatus(shown.id, 'deleted');
    const deleted = await etagOf();
    expect(deleted).not.toBe(approved);

    await repository.setThreadTitle('t', { title: 'A headline' });
    const titled = await etagOf();
    expect(titled).not.toBe(deleted);
    await repository.setThreadTitle('t', {
      title: 'A headline',
      url: 'https://news.example/a',
    });
    expect(await etagOf()).not.toBe(titled);
  });

  it('answers HEAD with the headers alone', async () => {
    const { repository, get } = service();
    await insert(repository, storedComment());
    const res = await get(feedPath('t'), {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/atom+xml; charset=utf-8',
    );
    expect(res.headers.get('etag')).toBe(
      (await get(feedPath('t'))).headers.get('etag'),
    );
    expect(await res.text()).toBe('');
  });

  it('is compressed for a reader that accepts gzip', async () => {
    const { repository, get } = service();
    await insert(
      repository,
      ...Array.from({ length: 20 }, () =>
        storedComment({
          body: 'A comment long enough to be worth compressing. '.repeat(4),
        }),
      ),
    );
    const res = await get(feedPath('t'), { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const xml = gunzipSync(Buffer.from(await res.arrayBuffer())).toString(
      'utf8',
    );
    expect((await parsed(xml)).entries).toHaveLength(20);
  });
});

describe('GET /feeds/comments.atom', () => {
  it('lists the whole site’s newest approved comments, each named by its thread', async () => {
    const { repository, feed } = service();
    const comments = Array.from({ length: FEED_LENGTH + 5 }, (_, i) =>
      storedComment({ threadId: i % 2 ? 'a' : 'b', author: { name: `N${i}` } }),
    );
    await insert(repository, ...comments);
    await repository.setThreadTitle('a', {
      title: 'Cambodia lets loose the cannons',
      url: 'https://news.example/cambodia',
    });
    const { feed: atom } = await feed();
    expect(atom.title).toBe('Comments on comments.example');
    expect(atom.links).toEqual([
      {
        rel: 'self',
        type: 'application/atom+xml',
        href: 'http://comments.example/feeds/comments.atom',
      },
    ]);
    const newest = comments.slice(-FEED_LENGTH).reverse();
    expect(atom.entries.map((e) => e.title)).toEqual(
      newest.map((c) =>
        c.threadId === 'a'
          ? `${c.author.name} on Cambodia lets loose the cannons`
          : `${c.author.name} on b`,
      ),
    );
    expect(atom.entries.map((e) => e.links[0]?.href)).toEqual(
      newest.map((c) =>
        c.threadId === 'a'
          ? `https://news.example/cambodia#comment-${c.id}`
          : undefined,
      ),
    );
    // The same comment has the same id in the site's feed as in its thread's.
    const thread = await feed('a');
    const newestInA = newest.findIndex((c) => c.threadId === 'a');
    expect(thread.feed.entries[0]!.id).toBe(atom.entries[newestInA]!.id);
    expect(thread.feed.id).not.toBe(atom.id);
  });

  it('changes its ETag when a comment in any thread is shown or taken down, and only then', async () => {
    const { repository, get } = service();
    const a = storedComment({ threadId: 'a' });
    const b = storedComment({ threadId: 'b', status: 'pending' });
    await insert(repository, a, b);
    const etagOf = async () =>
      (await get(feedPath())).headers.get('etag') ?? '';
    const first = await etagOf();
    await repository.setThreadTitle('unrelated', { title: 'Not shown here' });
    await insert(repository, storedComment({ status: 'spam' }));
    expect(await etagOf()).toBe(first);
    expect((await get(feedPath(), { 'if-none-match': first })).status).toBe(
      304,
    );
    await repository.setStatus(b.id, 'approved');
    const second = await etagOf();
    expect(second).not.toBe(first);
    // The newest stays the newest; the one below it goes.
    await repository.setStatus(a.id, 'deleted');
    expect(await etagOf()).not.toBe(second);
  });

  it('leaves out a comment whose date cannot be read, says so to the operator, and shows the rest', async () => {
    // Such a row cannot be posted; it could come from an import, or a hand-edited database.
    const db = new Database(':memory:');
    const { repository, feed, warnings } = service({
      repository: openSqliteRepository(db),
    });
    closing.push(() => repository.close());
    const good = storedComment({ body: 'GOOD' });
    const bad = storedComment();
    await insert(repository, good, bad);
    db.prepare('UPDATE comments SET created_at = ? WHERE id = ?').run(
      'the day before yesterday',
      bad.id,
    );
    const { feed: atom } = await feed();
    expect(atom.entries.map((e) => e.content)).toEqual(['GOOD']);
    expect(warnings).toEqual([
      expect.stringContaining(`comment ${bad.id} is left out of the feeds`),
    ]);
  });
});
