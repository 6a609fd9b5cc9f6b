import { CommentSchema } from '@dateline/core';
import { describe, expect, it } from 'vitest';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository, StoredComment } from '../repository/types.js';
import {
  cdata,
  exportJson,
  exportWxr,
  JSON_FORMAT,
  parentsFirst,
  xmlText,
} from './export.js';
import { importExport } from './import.js';
import { inChunks, scratch, writeFile } from './test-kit.js';
import { readXml } from './xml.js';

async function exported(
  run: (write: (text: string) => void) => Promise<unknown>,
): Promise<string> {
  let text = '';
  await run((t) => {
    text += t;
  });
  return text;
}

/** A site with every status, nested replies, a reply older than its parent, and odd text. */
async function site(): Promise<{
  repository: CommentRepository;
  comments: StoredComment[];
}> {
  const repository = openSqliteRepository(':memory:');
  const t = 'cambodia-cybercrime-crackdown-2025-07';
  const top = storedComment({
    threadId: t,
    author: { name: 'Tom & <Jerry>', url: 'https://tom.example/?a=1&b=2' },
    body: 'Code: a ]]> b & <b>not bold</b>\n\nSecond paragraph\n“quoted” 😀 ខ្មែរ',
    createdAt: '2025-07-20T08:00:00.123Z',
  });
  const reply = storedComment({
    threadId: t,
    parentId: top.id,
    status: 'pending',
    email: 'held@example.com',
  });
  // Older than the comment it replies to (a clock set wrong): still numbered after it.
  const early = storedComment({
    threadId: t,
    parentId: reply.id,
    createdAt: '2025-07-19T08:00:00.000Z',
    body: '&amp; is how you write &; &#8217; too',
  });
  const comments = [
    top,
    reply,
    early,
    storedComment({ threadId: t, status: 'spam', body: 'Buy ]]>' }),
    storedComment({ threadId: t, status: 'deleted', email: '' }),
    storedComment({ threadId: 'wp-12', author: { name: 'Dara' } }),
    storedComment({ threadId: 'constructor', body: 'Prototype thread' }),
  ];
  await repository.importComments({
    comments,
    headlines: [
      { threadId: t, title: 'Cambodia cracks down ]]> & more', url: '/' },
      {
        threadId: 'wp-12',
        title: 'A WordPress post',
        url: 'https://news.example/?p=12',
      },
    ],
  });
  return { repository, comments };
}

const publicOf = ({ addressHash: _a, ...c }: StoredComment) => c;

describe('exportJson', () => {
  it('writes every comment in the shape of core’s comment schema, with emails, and the threads', async () => {
    const { repository, comments } = await site();
    const text = await exported((write) =>
      exportJson(repository, write, { now: new Date('2025-07-21T00:00:00Z') }),
    );
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      ...JSON_FORMAT,
      exportedAt: '2025-07-21T00:00:00.000Z',
    });
    expect(file.comments).toHaveLength(comments.length);
    for (const c of file.comments) {
      const { email, ...shown } = c;
      expect(CommentSchema.parse(shown)).toEqual(shown);
      expect(typeof email).toBe('string');
    }
    expect([...file.comments].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      comments.map(publicOf),
    );
    expect(file.threads).toEqual([
      {
        threadId: 'cambodia-cybercrime-crackdown-2025-07',
        title: 'Cambodia cracks down ]]> & more',
        url: '/',
        counts: { approved: 2, pending: 1, spam: 1, deleted: 1 },
      },
      {
        threadId: 'constructor',
        counts: { approved: 1, pending: 0, spam: 0, deleted: 0 },
      },
      {
        threadId: 'wp-12',
        title: 'A WordPress post',
        url: 'https://news.example/?p=12',
        counts: { approved: 1, pending: 0, spam: 0, deleted: 0 },
      },
    ]);
    // One comment a line, for a reader or a diff.
    expect(text.split('\n').filter((l) => l.startsWith('{"id"'))).toHaveLength(
      comments.length,
    );
    await repository.close();
  });

  it('leaves every email out when asked', async () => {
    const { repository } = await site();
    const text = await exported((write) =>
      exportJson(repository, write, { withoutEmails: true }),
    );
    expect(text).not.toContain('@example.com');
    expect(JSON.parse(text).comments[0]).not.toHaveProperty('email');
    await repository.close();
  });

  it('writes an empty site as an empty export', async () => {
    const repository = openSqliteRepository(':memory:');
    const text = await exported((write) => exportJson(repository, write));
    expect(JSON.parse(text)).toMatchObject({ comments: [], threads: [] });
    await repository.close();
  });
});

describe('exportWxr', () => {
  it('gives back the same comments when imported into a new database', async () => {
    const { repository, comments } = await site();
    const text = await exported((write) =>
      exportWxr(repository, write, { site: 'https://news.example/' }),
    );
    const file = writeFile(scratch(), 'export.xml', text);
    const fresh = openSqliteRepository(':memory:');
    const report = await importExport(fresh, { format: 'wxr', file });
    expect(report.totals).toEqual({
      imported: comments.length,
      present: 0,
      skipped: 0,
    });
    expect(report.threads.every((t) => t.rule === 'dateline')).toBe(true);
    const back = await exported((write) => exportJson(fresh, write));
    const before = await exported((write) => exportJson(repository, write));
    expect(JSON.parse(back).comments).toEqual(JSON.parse(before).comments);
    // Headlines come back, relative addresses made whole with the site.
    expect(
      (await fresh.threadHeadlines()).get(
        'cambodia-cybercrime-crackdown-2025-07',
      ),
    ).toEqual({
      title: 'Cambodia cracks down ]]> & more',
      url: 'https://news.example/',
    });
    // And importing it into the database it came from adds nothing.
    const again = await importExport(repository, { format: 'wxr', file });
    expect(again.totals.present).toBe(comments.length);
    await repository.close();
    await fresh.close();
  });

  it('writes what WordPress’s importer reads: numbered parents first, its statuses, escaped text', async () => {
    const { repository, comments } = await site();
    const text = await exported((write) => exportWxr(repository, write));
    expect(text).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    expect(text).not.toContain('<!DOCTYPE');
    for (const status of ['1', '0', 'spam', 'trash'])
      expect(text).toContain(
        `<wp:comment_approved><![CDATA[${status}]]></wp:comment_approved>`,
      );
    // Bodies are HTML in WordPress: text shows as itself.
    expect(text).toContain(
      '<![CDATA[Code: a ]]&gt; b &amp; &lt;b&gt;not bold&lt;/b&gt;',
    );
    expect(text).toContain('<![CDATA[Tom &amp; &lt;Jerry&gt;]]>');
    // Every comment's number is above its parent's.
    const numbers = new Map<string, { n: number; parent: number }>();
    for (const m of text.matchAll(
      /<wp:comment_id>(\d+)<\/wp:comment_id>[\s\S]*?<wp:comment_parent>(\d+)<\/wp:comment_parent>[\s\S]*?_dateline_id\]\]><\/wp:meta_key>\s*<wp:meta_value><!\[CDATA\[([^\]]+)\]\]>/g,
    ))
      numbers.set(m[3]!, { n: Number(m[1]), parent: Number(m[2]) });
    expect(numbers.size).toBe(comments.length);
    for (const c of comments) {
      const { n, parent } = numbers.get(c.id)!;
      expect(parent).toBe(c.parentId ? numbers.get(c.parentId)!.n : 0);
      expect(parent).toBeLessThan(n);
    }
    await repository.close();
  });
});

describe('XML text', () => {
  it('splits CDATA at "]]>" and keeps out what XML cannot hold, so any text reads back', async () => {
    const nasty = 'a ]]> b ]]]]> c <![CDATA[ d \u0001 \uD800 e \uFFFF f';
    const xml = `<r><a>${cdata(nasty)}</a><b>${xmlText(nasty)}</b></r>`;
    const found: string[] = [];
    await readXml(
      inChunks(xml, 7),
      {
        open: (_e, depth) => depth > 0,
        close: (_e, _d, t) => {
          if (t) found.push(t.value);
        },
      },
      { name: 'x.xml' },
    );
    const expected = 'a ]]> b ]]]]> c <![CDATA[ d \uFFFD \uFFFD e \uFFFD f';
    expect(found).toEqual([expected, expected]);
  });
});

describe('parentsFirst', () => {
  it('puts each comment after the one it replies to, and cuts a circle', () => {
    const { order, parent } = parentsFirst([
      { id: 'child', parentId: 'parent' },
      { id: 'parent', parentId: null },
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
      { id: 'orphan', parentId: 'gone' },
    ]);
    expect(order).toEqual([1, 0, 3, 2, 4]);
    expect(parent).toEqual([1, null, 3, null, null]);
  });

  it('places a chain 100,000 deep, newest first, without running out of stack', () => {
    const n = 100_000;
    const chain = Array.from({ length: n }, (_, i) => ({
      id: `c${n - i}`,
      parentId: i === n - 1 ? null : `c${n - i - 1}`,
    }));
    const { order } = parentsFirst(chain);
    expect(order[0]).toBe(n - 1);
    expect(order.at(-1)).toBe(0);
  });
});
