/**
 * Import and export against the real WordPress the other tests run: comments made in
 * WordPress, exported by WordPress's own export_wp() (Tools → Export), imported; and Dateline's
 * own export read back by WordPress, the way its importer reads a WXR file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTemporaryWordPress,
  type WordPressSite,
} from '../examples/wordpress/site.js';
import { openSqliteRepository } from '../src/repository/sqlite.js';
import type { StoredComment } from '../src/repository/types.js';
import { addressHasher } from '../src/transfer/convert.js';
import { exportWxr } from '../src/transfer/export.js';
import { importExport } from '../src/transfer/import.js';
import { formatReport } from '../src/transfer/report.js';
import { scratch } from '../src/transfer/test-kit.js';
import { freePort } from './service-process.js';

let site: WordPressSite;
let ids: Record<string, number>;
let file: string;

const json = (value: unknown) =>
  `json_decode(base64_decode('${Buffer.from(JSON.stringify(value)).toString('base64')}'), true)`;

interface Made {
  key: string;
  post: string;
  parent?: string;
  author: string;
  email?: string;
  url?: string;
  ip?: string;
  content: string;
  approved?: string;
  type?: string;
  minutes: number;
}

/** Comments as WordPress's form stores them: its filters (escaping names, kses) applied. */
const made: Made[] = [
  {
    key: 'first',
    post: 'crackdown',
    author: 'Tom & Jerry',
    email: 'tom@example.com',
    url: 'https://tom.example/?a=1&b=2',
    ip: '203.0.113.9',
    content: 'First! <b>Bold</b> & code: a ]]> b\nnext line\n\nNew paragraph',
    minutes: 0,
  },
  {
    key: 'reply',
    post: 'crackdown',
    parent: 'first',
    author: 'Dara',
    content: 'A reply.',
    minutes: 5,
  },
  {
    key: 'held',
    post: 'crackdown',
    parent: 'reply',
    author: 'Sokha',
    content: 'Held for moderation.',
    approved: '0',
    minutes: 6,
  },
  {
    key: 'binned',
    post: 'crackdown',
    author: 'Vanna',
    content: 'Binned.',
    approved: 'trash',
    minutes: 7,
  },
  {
    key: 'spam',
    post: 'crackdown',
    author: 'Pills',
    content: 'Buy pills',
    approved: 'spam',
    minutes: 8,
  },
  {
    key: 'under-spam',
    post: 'crackdown',
    parent: 'spam',
    author: 'Reply guy',
    content: 'Answering spam.',
    minutes: 9,
  },
  {
    key: 'ping',
    post: 'crackdown',
    author: 'Other site',
    url: 'https://other.example/post/',
    content: '[…] they wrote […]',
    type: 'pingback',
    minutes: 10,
  },
  {
    key: 'under-ping',
    post: 'crackdown',
    parent: 'ping',
    author: 'Reader',
    content: 'Re the pingback.',
    minutes: 11,
  },
  {
    key: 'track',
    post: 'crackdown',
    author: 'Tracker',
    content: 'Trackback',
    type: 'trackback',
    minutes: 12,
  },
  {
    key: 'khmer',
    post: 'crackdown',
    author: 'សុខា',
    content: 'សួស្តី ពិភពលោក',
    minutes: 13,
  },
  {
    key: 'bell',
    post: 'crackdown',
    author: 'Bell',
    content: 'ding dong',
    minutes: 14,
  },
  {
    key: 'second',
    post: 'second',
    author: 'Ana',
    content: 'On the second post.',
    minutes: 20,
  },
  {
    key: 'page',
    post: 'about',
    author: 'Ben',
    content: 'On a page.',
    minutes: 30,
  },
];

beforeAll(async () => {
  site = await startTemporaryWordPress(await freePort());
  ids = JSON.parse(
    site.php(`
$posts = [
  'crackdown' => wp_insert_post(['post_title' => 'Cambodia’s crackdown & the “scam compounds”', 'post_status' => 'publish', 'post_content' => 'Report ]]> text.']),
  'second' => wp_insert_post(['post_title' => 'Second', 'post_status' => 'publish', 'post_content' => 'Text.']),
  'about' => wp_insert_post(['post_title' => 'About', 'post_type' => 'page', 'post_status' => 'publish', 'post_content' => 'Text.']),
  'quiet' => wp_insert_post(['post_title' => 'Quiet', 'post_status' => 'publish', 'post_content' => 'Text.']),
];
$ids = [];
foreach (${json(made)} as $c) {
  $date = gmdate('Y-m-d H:i:s', gmmktime(8, $c['minutes'], 0, 7, 20, 2025));
  $data = wp_filter_comment([
    'comment_post_ID' => $posts[$c['post']],
    'comment_author' => $c['author'],
    'comment_author_email' => $c['email'] ?? '',
    'comment_author_url' => $c['url'] ?? '',
    'comment_author_IP' => $c['ip'] ?? '',
    'comment_agent' => 'test',
    'comment_content' => $c['content'],
    'comment_type' => $c['type'] ?? 'comment',
    'comment_parent' => isset($c['parent']) ? $ids[$c['parent']] : 0,
    'user_id' => 0,
  ]);
  $data['comment_date_gmt'] = $date;
  $data['comment_date'] = get_date_from_gmt($date);
  $data['comment_approved'] = $c['approved'] ?? 1;
  $ids[$c['key']] = wp_insert_comment(wp_slash($data));
}
// WordPress's filters strip control characters now; older sites and plugins stored them.
global $wpdb;
$wpdb->update($wpdb->comments, ['comment_content' => "ding\x0Bdong"], ['comment_ID' => $ids['bell']]);
// Addresses saved by wp_insert_comment() alone keep a bare "&", which export_wp() writes as is.
$wpdb->update($wpdb->comments, ['comment_author_url' => 'https://ana.example/?x=1&y=2'], ['comment_ID' => $ids['second']]);
echo json_encode(array_merge($ids, ['post:crackdown' => $posts['crackdown'], 'post:second' => $posts['second'], 'post:about' => $posts['about']]));
`),
  );
  // WordPress's own export, as Tools → Export → All content writes it.
  file = join(scratch(), 'wordpress.xml');
  writeFileSync(
    file,
    site.php(`require_once ABSPATH . 'wp-admin/includes/export.php';
ob_start(); export_wp(); echo ob_get_clean();`),
  );
}, 180_000);

afterAll(async () => {
  await site?.stop();
});

/** The comment imported from WordPress comment `key`. */
const find = (comments: StoredComment[], key: string) =>
  comments.find((c) => c.id.endsWith(`-${ids[key]}`));

async function everything(repository: ReturnType<typeof openSqliteRepository>) {
  const out: StoredComment[] = [];
  for (const status of ['approved', 'pending', 'spam', 'deleted'] as const)
    out.push(...(await repository.listByStatus(status, 1000)));
  return out;
}

describe('a WordPress export made by WordPress', () => {
  it('imports with its authors, dates, threading and statuses, and reports what it left out', async () => {
    const repository = openSqliteRepository(':memory:');
    const report = await importExport(repository, { format: 'wxr', file });
    const stored = await everything(repository);
    const crackdown = `wp-${ids['post:crackdown']}`;

    const first = find(stored, 'first')!;
    expect(first).toMatchObject({
      threadId: crackdown,
      parentId: null,
      author: { name: 'Tom & Jerry', url: 'https://tom.example/?a=1&b=2' },
      email: 'tom@example.com',
      body: 'First! Bold & code: a ]]> b\nnext line\n\nNew paragraph',
      createdAt: '2025-07-20T08:00:00.000Z',
      status: 'approved',
      addressHash: addressHasher(repository.salt())('203.0.113.9'),
    });
    expect(find(stored, 'reply')).toMatchObject({ parentId: first.id });
    expect(find(stored, 'held')).toMatchObject({
      parentId: find(stored, 'reply')!.id,
      status: 'pending',
    });
    expect(find(stored, 'binned')!.status).toBe('deleted');
    // WordPress leaves spam out of its exports: the reply to it is top-level.
    expect(find(stored, 'spam')).toBeUndefined();
    expect(find(stored, 'under-spam')!.parentId).toBeNull();
    expect(find(stored, 'ping')).toBeUndefined();
    expect(find(stored, 'track')).toBeUndefined();
    expect(find(stored, 'under-ping')!.parentId).toBeNull();
    expect(find(stored, 'khmer')).toMatchObject({
      author: { name: 'សុខា' },
      body: 'សួស្តី ពិភពលោក',
    });
    expect(find(stored, 'bell')!.body).toBe('ding dong');
    expect(find(stored, 'second')).toMatchObject({
      threadId: `wp-${ids['post:second']}`,
      author: { name: 'Ana', url: 'https://ana.example/?x=1&y=2' },
    });
    expect(find(stored, 'page')!.threadId).toBe(`wp-${ids['post:about']}`);

    const thread = report.threads.find((t) => t.threadId === crackdown)!;
    expect(thread).toMatchObject({
      rule: 'post-id',
      title: 'Cambodia’s crackdown & the “scam compounds”',
      imported: 8,
      skipped: 2,
    });
    expect(thread.skips.map((g) => g.what)).toEqual(['pingback', 'trackback']);
    expect(
      Object.fromEntries(thread.notes.map((g) => [g.what, g.count])),
    ).toEqual({
      'parent-missing': 1,
      'parent-skipped': 1,
      'characters-replaced': 1,
    });
    // WordPress writes the commenter's address with a bare "&": read, and said.
    expect(report.bareAmpersands).toBe(1);
    expect(formatReport(report)).toContain(
      'Imported 10, already present 0, skipped 2, in 3 threads.',
    );
    expect((await repository.threadHeadlines()).get(crackdown)).toEqual({
      title: 'Cambodia’s crackdown & the “scam compounds”',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/.+/),
    });

    const again = await importExport(repository, { format: 'wxr', file });
    expect(again.totals).toEqual({ imported: 0, present: 10, skipped: 2 });
    expect(await everything(repository)).toEqual(stored);
    await repository.close();
  }, 60_000);
});

describe('Dateline’s WXR read by WordPress', () => {
  it('gives WordPress the same comments, threaded, as its importer reads the file', async () => {
    const repository = openSqliteRepository(':memory:');
    await importExport(repository, { format: 'wxr', file });
    let wxr = '';
    await exportWxr(repository, (t) => {
      wxr += t;
    });
    const ours = join(scratch(), 'dateline.xml');
    writeFileSync(ours, wxr);
    // WXR_Parser_SimpleXML's reading (DOMDocument, no DOCTYPE, /rss/channel/wp:wxr_version,
    // the wp namespace's children), then WP_Import::process_posts's comments: in comment_id
    // order, parents mapped to the ids WordPress gave them, filtered and inserted.
    const result = JSON.parse(
      site.php(`
if (!class_exists('DOMDocument')) { echo json_encode(['error' => 'PHP has no DOM extension: apt-get install php-xml']); exit; }
libxml_use_internal_errors(true);
$dom = new DOMDocument();
if (!$dom->loadXML(file_get_contents(${JSON.stringify(ours)})) || isset($dom->doctype)) { echo json_encode(['error' => libxml_get_errors()]); exit; }
$xml = simplexml_import_dom($dom);
$version = $xml->xpath('/rss/channel/wp:wxr_version');
if (!$version || !preg_match('/^\\d+\\.\\d+$/', trim((string) $version[0]))) { echo json_encode(['error' => 'version']); exit; }
$ns = $xml->getDocNamespaces();
$out = [];
foreach ($xml->channel->item as $item) {
  $wp = $item->children($ns['wp']);
  $post = wp_insert_post(['post_title' => (string) $item->title, 'post_status' => (string) $wp->status, 'post_type' => (string) $wp->post_type, 'post_content' => '']);
  $new = [];
  foreach ($wp->comment as $c) {
    $meta = [];
    foreach ($c->commentmeta as $m) $meta[(string) $m->meta_key] = (string) $m->meta_value;
    $new[(int) $c->comment_id] = [
      'comment_post_ID' => $post,
      'comment_author' => (string) $c->comment_author,
      'comment_author_email' => (string) $c->comment_author_email,
      'comment_author_url' => (string) $c->comment_author_url,
      'comment_author_IP' => (string) $c->comment_author_IP,
      'comment_date' => (string) $c->comment_date,
      'comment_date_gmt' => (string) $c->comment_date_gmt,
      'comment_content' => (string) $c->comment_content,
      'comment_approved' => (string) $c->comment_approved,
      'comment_type' => (string) $c->comment_type,
      'comment_parent' => (string) $c->comment_parent,
      'meta' => $meta,
    ];
  }
  ksort($new);
  $inserted = [];
  foreach ($new as $key => $comment) {
    if (isset($inserted[$comment['comment_parent']])) $comment['comment_parent'] = $inserted[$comment['comment_parent']];
    $meta = $comment['meta']; unset($comment['meta']);
    $inserted[$key] = wp_insert_comment(wp_filter_comment(wp_slash($comment)));
    foreach ($meta as $k => $v) add_comment_meta($inserted[$key], $k, $v);
  }
  foreach (get_comments(['post_id' => $post, 'status' => ['approve', 'hold', 'spam', 'trash'], 'type' => 'all']) as $c) {
    $parent = $c->comment_parent ? get_comment_meta($c->comment_parent, '_dateline_id', true) : null;
    $out[get_comment_meta($c->comment_ID, '_dateline_id', true)] = [
      'author' => $c->comment_author,
      'text' => html_entity_decode(wp_strip_all_tags(apply_filters('comment_text', $c->comment_content, $c, [])), ENT_QUOTES, 'UTF-8'),
      'status' => wp_get_comment_status($c),
      'parent' => $parent,
      'date' => $c->comment_date_gmt,
    ];
  }
}
echo json_encode($out);
`),
    );
    expect(result.error).toBeUndefined();
    const stored = await everything(repository);
    expect(Object.keys(result).sort()).toEqual(stored.map((c) => c.id).sort());
    const status = {
      approved: 'approved',
      pending: 'unapproved',
      spam: 'spam',
      deleted: 'trash',
    };
    for (const c of stored) {
      const there = result[c.id];
      expect(there.parent).toBe(c.parentId);
      expect(there.status).toBe(status[c.status]);
      expect(there.date).toBe(c.createdAt.slice(0, 19).replace('T', ' '));
      // WordPress shows the text as Dateline stored it (typography aside).
      expect(there.text.replace(/[\s’“”]+/g, ' ').trim()).toBe(
        c.body.replace(/[\s'"]+/g, ' ').trim(),
      );
      expect(there.author).toBe(c.author.name.replace(/&/g, '&amp;'));
    }
    await repository.close();
  }, 60_000);
});
