import { describe, expect, it } from 'vitest';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository, StoredComment } from '../repository/types.js';
import { addressHasher } from './convert.js';
import { type ImportReport, importExport } from './import.js';
import { formatReport } from './report.js';
import {
  type DisqusPost,
  disqus,
  scratch,
  type WpComment,
  writeFile,
  wxr,
} from './test-kit.js';
import { readThreadMap } from './threads.js';

/** Every comment the repository holds, in export order. */
async function all(repository: CommentRepository): Promise<StoredComment[]> {
  const out: StoredComment[] = [];
  for (;;) {
    const last = out.at(-1);
    const page = await repository.exportComments({
      ...(last
        ? {
            after: {
              threadId: last.threadId,
              status: last.status,
              createdAt: last.createdAt,
              id: last.id,
            },
          }
        : {}),
      limit: 100,
    });
    if (!page.length) return out;
    out.push(...page);
  }
}

const byId = (comments: StoredComment[]) =>
  new Map(comments.map((c) => [c.id, c]));

/** The stored comment imported from WordPress comment `n` of the site. */
const wpId = (comments: StoredComment[], n: number) =>
  comments.find((c) => c.id.endsWith(`-${n}`) && c.id.startsWith('wp-'));

const groups = (report: ImportReport, threadId: string) => {
  const t = report.threads.find((x) => x.threadId === threadId)!;
  return {
    ...t,
    skips: t.skips.map((g) => [g.what, g.count, g.code ?? '']),
    notes: t.notes.map((g) => [g.what, g.count]),
  };
};

const site = 'https://news.example';

function wordpressFile(dir: string) {
  const comments: WpComment[] = [
    {
      id: 10,
      author: 'Tom &amp; Jerry',
      email: 'tom@example.com',
      url: 'https://tom.example/?a=1&b=2',
      ip: '203.0.113.9',
      dateGmt: '2025-07-20 08:00:00',
      content: 'First! Code: <code>a ]]> b</code>\nsecond line',
    },
    { id: 11, parent: 10, content: 'A reply.', dateGmt: '2025-07-20 08:05:00' },
    {
      id: 12,
      parent: 11,
      content: 'A reply to the reply, held.',
      approved: '0',
      dateGmt: '2025-07-20 08:06:00',
    },
    { id: 13, content: 'Binned.', approved: 'trash' },
    { id: 14, content: 'Buy pills', approved: 'spam' },
    {
      id: 15,
      type: 'pingback',
      author: 'Other site',
      content: '[…] they wrote […]',
    },
    { id: 16, parent: 15, content: 'Replying to a pingback.' },
    // Its parent was spam, which WordPress leaves out of its exports.
    { id: 17, parent: 99, content: 'Orphan.' },
    { id: 18, content: '<p> </p>' },
    { id: 19, content: 'bell\u0007 rang', email: 'not-an-email' },
  ];
  return writeFile(
    dir,
    'wordpress.xml',
    wxr(
      [
        {
          id: 5,
          title: 'Cambodia’s crackdown &amp; what follows',
          link: `${site}/2025/07/crackdown/`,
          comments,
        },
        {
          id: 6,
          title: 'A page',
          link: `${site}/about/`,
          type: 'page',
          comments: [{ id: 20, content: 'On a page.' }],
        },
        { id: 7, title: 'No comments', link: `${site}/quiet/`, comments: [] },
      ],
      site,
    ),
  );
}

describe('importing a WordPress export', () => {
  it('keeps authors, dates, threading and statuses, and reports what it left out', async () => {
    const repository = openSqliteRepository(':memory:');
    const file = wordpressFile(scratch());
    const report = await importExport(repository, { format: 'wxr', file });
    const stored = await all(repository);

    const first = wpId(stored, 10)!;
    expect(first).toMatchObject({
      threadId: 'wp-5',
      parentId: null,
      author: { name: 'Tom & Jerry', url: 'https://tom.example/?a=1&b=2' },
      email: 'tom@example.com',
      body: 'First! Code: a ]]> b\nsecond line',
      createdAt: '2025-07-20T08:00:00.000Z',
      status: 'approved',
      addressHash: addressHasher(repository.salt())('203.0.113.9'),
    });
    expect(wpId(stored, 11)).toMatchObject({
      parentId: first.id,
      author: { name: 'Reader' },
      email: '',
    });
    expect(wpId(stored, 12)).toMatchObject({
      parentId: wpId(stored, 11)!.id,
      status: 'pending',
    });
    expect(wpId(stored, 13)!.status).toBe('deleted');
    expect(wpId(stored, 14)!.status).toBe('spam');
    expect(wpId(stored, 15)).toBeUndefined();
    expect(wpId(stored, 16)!.parentId).toBeNull();
    expect(wpId(stored, 17)!.parentId).toBeNull();
    expect(wpId(stored, 18)).toBeUndefined();
    expect(wpId(stored, 19)).toMatchObject({ body: 'bell  rang', email: '' });
    expect(wpId(stored, 20)!.threadId).toBe('wp-6');

    expect(report.totals).toEqual({ imported: 9, present: 0, skipped: 2 });
    expect(groups(report, 'wp-5')).toMatchObject({
      rule: 'post-id',
      url: `${site}/2025/07/crackdown/`,
      title: 'Cambodia’s crackdown & what follows',
      imported: 8,
      present: 0,
      skipped: 2,
      skips: [
        ['pingback', 1, ''],
        ['invalid', 1, 'body-required'],
      ],
      notes: [
        ['parent-skipped', 1],
        ['parent-missing', 1],
        ['characters-replaced', 1],
        ['email-left-out', 1],
      ],
    });
    expect(report.bareAmpersands).toBe(1);
    const text = formatReport(report);
    expect(text).toContain('skipped 1: a pingback');
    expect(text).toContain('comment 15 (line');
    expect(text).toContain('[body-required]');
    expect(text).toContain(
      'Imported 9, already present 0, skipped 2, in 2 threads.',
    );

    // Posts become threads with their headlines; a headline already set stays.
    const headlines = await repository.threadHeadlines();
    expect(headlines.get('wp-5')).toEqual({
      title: 'Cambodia’s crackdown & what follows',
      url: `${site}/2025/07/crackdown/`,
    });
    expect(headlines.has('wp-7')).toBe(false);
    // An import mails no one.
    expect(await repository.outboxEvents(10)).toEqual([]);
    await repository.close();
  });

  it('adds nothing when the same file is imported again', async () => {
    const repository = openSqliteRepository(':memory:');
    const file = wordpressFile(scratch());
    await importExport(repository, { format: 'wxr', file, batchSize: 3 });
    const before = await all(repository);
    const version = await repository.threadVersion('wp-5');
    const again = await importExport(repository, { format: 'wxr', file });
    expect(again.totals).toEqual({ imported: 0, present: 9, skipped: 2 });
    expect(await all(repository)).toEqual(before);
    expect(await repository.threadVersion('wp-5')).toBe(version);
    expect(formatReport(again)).toContain(
      'imported 0, already present 8, skipped 2',
    );
    await repository.close();
  });

  it('maps posts to threads by the mapping file and by the addresses the service knows', async () => {
    const repository = openSqliteRepository(':memory:');
    await repository.setThreadTitle('cambodia-cybercrime-crackdown-2025-07', {
      title: 'Cambodia cracks down',
      url: '/2025/07/crackdown/',
    });
    const file = wordpressFile(scratch());
    const report = await importExport(repository, {
      format: 'wxr',
      file,
      publicUrl: 'http://news.example',
      map: readThreadMap('{"/about": "about-us"}', 'map.json'),
    });
    expect(report.threads.map((t) => [t.threadId, t.rule])).toEqual([
      ['cambodia-cybercrime-crackdown-2025-07', 'known-address'],
      ['about-us', 'map'],
    ]);
    expect(
      (await all(repository)).filter((c) => c.threadId === 'about-us'),
    ).toHaveLength(1);
    expect(
      (await repository.threadHeadlines()).get(
        'cambodia-cybercrime-crackdown-2025-07',
      ),
    ).toEqual({ title: 'Cambodia cracks down', url: '/2025/07/crackdown/' });
    await repository.close();
  });

  it('writes nothing when the file is cut short, garbled, or declares entities', async () => {
    const repository = openSqliteRepository(':memory:');
    const dir = scratch();
    const whole = wxr([
      {
        id: 1,
        title: 'T',
        link: `${site}/t/`,
        comments: Array.from({ length: 50 }, (_, i) => ({
          id: i + 1,
          content: `Comment ${i}`,
        })),
      },
    ]);
    const cut = writeFile(dir, 'cut.xml', whole.slice(0, whole.length - 300));
    await expect(
      importExport(repository, { format: 'wxr', file: cut, batchSize: 5 }),
    ).rejects.toThrow(/cut\.xml:\d+: the file is not well-formed XML/);
    const bomb = writeFile(
      dir,
      'bomb.xml',
      whole.replace(
        '<rss',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss',
      ),
    );
    await expect(
      importExport(repository, { format: 'wxr', file: bomb }),
    ).rejects.toThrow(/declares a document type/);
    await expect(
      importExport(repository, {
        format: 'wxr',
        file: writeFile(
          dir,
          'feed.xml',
          '<rss><channel><item/></channel></rss>',
        ),
      }),
    ).rejects.toThrow(
      /not a WordPress export \(WXR\): it has no <wp:wxr_version>/,
    );
    await expect(
      importExport(repository, {
        format: 'disqus',
        file: writeFile(dir, 'wp.xml', whole),
      }),
    ).rejects.toThrow(/looks like a WordPress export .* npm run import -- wxr/);
    await expect(
      importExport(repository, { format: 'wxr', file: `${dir}/none.xml` }),
    ).rejects.toThrow(`There is no file ${dir}/none.xml.`);
    await expect(
      importExport(repository, { format: 'wxr', file: dir }),
    ).rejects.toThrow('is a folder, not an export file');
    expect(await all(repository)).toEqual([]);
    await repository.close();
  });

  it('imports a large file while holding only a bounded piece of it', async () => {
    const repository = openSqliteRepository(':memory:');
    const dir = scratch();
    // A post of 4 MB (images pasted in), then 3,000 comments: about 6 MB in all.
    const file = writeFile(
      dir,
      'large.xml',
      wxr([
        {
          id: 1,
          title: 'Long',
          link: `${site}/long/`,
          content: `<p>${'x'.repeat(4 * 1024 * 1024)}</p>`,
          comments: Array.from({ length: 3000 }, (_, i) => ({
            id: i + 1,
            content: `Comment ${i} ${'words '.repeat(50)}`,
            ...(i % 3 ? { parent: i } : {}),
          })),
        },
      ]),
    );
    const limits = { maxBuffered: 5 * 1024 * 1024 };
    const report = await importExport(repository, {
      format: 'wxr',
      file,
      limits,
    });
    expect(report.totals.imported).toBe(3000);
    // The same file, where one piece is more than may be held: refused, nothing stored.
    const fresh = openSqliteRepository(':memory:');
    await expect(
      importExport(fresh, {
        format: 'wxr',
        file,
        limits: { maxBuffered: 1024 * 1024 },
      }),
    ).rejects.toThrow(/runs past 1,048,576 characters/);
    expect(await all(fresh)).toEqual([]);
    await repository.close();
    await fresh.close();
  }, 60_000);

  it('follows replies 5,000 deep and cuts circles of replies, saying so', async () => {
    const repository = openSqliteRepository(':memory:');
    const chain: WpComment[] = Array.from({ length: 5000 }, (_, i) => ({
      id: i + 1,
      content: `Level ${i}`,
      ...(i ? { parent: i } : {}),
    }));
    const circle: WpComment[] = [
      { id: 9001, parent: 9003, content: 'a', dateGmt: '2025-07-20 09:00:00' },
      { id: 9002, parent: 9001, content: 'b', dateGmt: '2025-07-20 08:00:00' },
      { id: 9003, parent: 9002, content: 'c', dateGmt: '2025-07-20 10:00:00' },
      { id: 9004, parent: 9004, content: 'self' },
    ];
    const file = writeFile(
      scratch(),
      'deep.xml',
      wxr([
        { id: 1, title: 'Deep', link: `${site}/deep/`, comments: chain },
        { id: 2, title: 'Round', link: `${site}/round/`, comments: circle },
      ]),
    );
    const report = await importExport(repository, { format: 'wxr', file });
    const stored = byId(await all(repository));
    let depth = 0;
    for (
      let c = wpId([...stored.values()], 5000);
      c?.parentId;
      c = stored.get(c.parentId)
    )
      depth += 1;
    expect(depth).toBe(4999);
    const comments = [...stored.values()];
    expect(wpId(comments, 9002)!.parentId).toBeNull();
    expect(wpId(comments, 9003)!.parentId).toBe(wpId(comments, 9002)!.id);
    expect(wpId(comments, 9001)!.parentId).toBe(wpId(comments, 9003)!.id);
    expect(wpId(comments, 9004)!.parentId).toBeNull();
    expect(groups(report, 'wp-2').notes).toEqual([['parent-cycle', 2]]);
    await repository.close();
  }, 60_000);
});

/** A forum with two pages, one reached by two addresses, and a thread of replies. */
function disqusFile(dir: string) {
  const posts: DisqusPost[] = [
    {
      dsqId: '1001',
      thread: '2001',
      message: '<p>Good report.</p><p>Second &amp; last.</p>',
      name: 'Dara',
      email: 'dara@example.com',
      username: 'dara',
      createdAt: '2025-07-20T08:00:00Z',
    },
    {
      dsqId: '1002',
      thread: '2001',
      parent: '1001',
      message: '<p>Agreed ]]> <b>yes</b></p>',
      name: 'Guest',
      createdAt: '2025-07-20T08:10:00Z',
    },
    {
      dsqId: '1003',
      thread: '2001',
      parent: '1002',
      message: '<p>Removed by a moderator</p>',
      isDeleted: true,
      createdAt: '2025-07-20T08:20:00Z',
    },
    {
      dsqId: '1004',
      thread: '2002',
      message: '<a href="http://spam.example">cheap</a>',
      isSpam: true,
    },
    { dsqId: '1005', thread: '2099', message: '<p>Lost thread</p>' },
    { dsqId: '1006', thread: '2003', parent: '404', message: '<p>Orphan</p>' },
    { dsqId: '1007', thread: '2003', message: '' },
    { dsqId: '__proto__', thread: 'constructor', message: '<p>Proto</p>' },
    {
      dsqId: 'toString',
      thread: 'constructor',
      parent: '__proto__',
      message: '<p>Reply to proto</p>',
    },
  ];
  return writeFile(
    dir,
    'disqus.xml',
    disqus(
      [
        {
          dsqId: '2001',
          id: '5 https://news.example/?p=5',
          link: 'https://news.example/2025/07/crackdown/',
          title: 'Cambodia cracks down',
        },
        {
          dsqId: '2002',
          link: 'http://news.example/2025/07/crackdown',
          title: 'Cambodia cracks down',
        },
        { dsqId: '2003', link: 'https://news.example/about/', title: 'About' },
        { dsqId: 'constructor', link: '', title: 'No address' },
      ],
      posts,
    ),
  );
}

describe('importing a Disqus export', () => {
  it('keeps authors, dates, threading and statuses, one thread per page', async () => {
    const repository = openSqliteRepository(':memory:');
    const file = disqusFile(scratch());
    const report = await importExport(repository, { format: 'disqus', file });
    const stored = byId(await all(repository));
    expect(stored.get('dsq-1001')).toMatchObject({
      threadId: '2025-07-crackdown',
      parentId: null,
      author: { name: 'Dara' },
      email: 'dara@example.com',
      body: 'Good report.\n\nSecond & last.',
      createdAt: '2025-07-20T08:00:00.000Z',
      status: 'approved',
      addressHash: addressHasher(repository.salt())('127.0.0.1'),
    });
    expect(stored.get('dsq-1002')).toMatchObject({
      parentId: 'dsq-1001',
      body: 'Agreed ]]> yes',
      email: '',
    });
    expect(stored.get('dsq-1003')).toMatchObject({
      parentId: 'dsq-1002',
      status: 'deleted',
    });
    // http and https copies of one page are one thread.
    expect(stored.get('dsq-1004')).toMatchObject({
      threadId: '2025-07-crackdown',
      status: 'spam',
    });
    expect(stored.has('dsq-1005')).toBe(false);
    expect(stored.get('dsq-1006')).toMatchObject({
      threadId: 'about',
      parentId: null,
    });
    expect(stored.has('dsq-1007')).toBe(false);
    expect(stored.get('dsq-__proto__')).toMatchObject({
      threadId: 'disqus-constructor',
      parentId: null,
    });
    expect(stored.get('dsq-toString')!.parentId).toBe('dsq-__proto__');

    expect(report.totals).toEqual({ imported: 7, present: 0, skipped: 2 });
    expect(report.outside.map((g) => [g.what, g.count])).toEqual([
      ['no-thread', 1],
    ]);
    expect(groups(report, 'about')).toMatchObject({
      imported: 1,
      skipped: 1,
      skips: [['invalid', 1, 'body-required']],
      notes: [['parent-missing', 1]],
    });
    expect(formatReport(report)).toContain(
      'skipped 1: its thread is not in the file — comment 1005',
    );
    const again = await importExport(repository, { format: 'disqus', file });
    expect(again.totals).toEqual({ imported: 0, present: 7, skipped: 2 });
    await repository.close();
  });
});
