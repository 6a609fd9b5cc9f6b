/**
 * A whole site's comments out of the repository, read a page at a time: as JSON in the shape
 * of core's comment schema, or as WXR 1.2 that WordPress's importer reads.
 */
import type { Comment, CommentStatus } from '@dateline/core';
import type {
  CommentRepository,
  ExportKey,
  StoredComment,
  ThreadHeadline,
} from '../repository/types.js';

/** Where an export is written; a promise that resolves when more may be written. */
export type Write = (text: string) => void | Promise<void>;

const PAGE = 500;

const keyOf = (c: StoredComment): ExportKey => ({
  threadId: c.threadId,
  status: c.status,
  createdAt: c.createdAt,
  id: c.id,
});

/** Every comment after `after`, page by page, while `more` says so. */
async function* commentsFrom(
  repository: CommentRepository,
  after: ExportKey | undefined,
  more: (c: StoredComment) => boolean = () => true,
): AsyncGenerator<StoredComment> {
  let key = after;
  for (;;) {
    const page = await repository.exportComments({
      ...(key ? { after: key } : {}),
      limit: PAGE,
    });
    for (const c of page) {
      if (!more(c)) return;
      yield c;
    }
    if (page.length < PAGE) return;
    key = keyOf(page.at(-1)!);
  }
}

/** The format's name and version, which the file carries first. */
export const JSON_FORMAT = { format: 'dateline-comments', version: 1 } as const;

export interface ExportSummary {
  comments: number;
  threads: number;
}

export interface JsonExportOptions {
  /** Leave every email out (for an archive others will read). Default: kept. */
  withoutEmails?: boolean;
  now?: Date;
}

/**
 * Writes every comment as JSON: `{ format, version, exportedAt, comments, threads }`, where
 * each comment is a `Comment` as core's `CommentSchema` defines it (any status) with the
 * author's `email` beside it (unless `withoutEmails`), and each thread is
 * `{ threadId, title?, url?, counts }` with its comments counted by status. One comment a
 * line; threads come last, as they are learnt while the comments stream.
 */
export async function exportJson(
  repository: CommentRepository,
  write: Write,
  options: JsonExportOptions = {},
): Promise<ExportSummary> {
  const headlines = await repository.threadHeadlines();
  const counts = new Map<string, Record<CommentStatus, number>>();
  const countsOf = (threadId: string) => {
    let c = counts.get(threadId);
    if (!c) {
      c = { approved: 0, pending: 0, spam: 0, deleted: 0 };
      counts.set(threadId, c);
    }
    return c;
  };
  await write(
    `{"format":${JSON.stringify(JSON_FORMAT.format)},"version":${JSON_FORMAT.version},"exportedAt":${JSON.stringify((options.now ?? new Date()).toISOString())},\n"comments":[`,
  );
  let n = 0;
  for await (const c of commentsFrom(repository, undefined)) {
    const { email, addressHash: _hash, ...shown } = c;
    const comment: Comment & { email?: string } = options.withoutEmails
      ? shown
      : { ...shown, email };
    await write(`${n === 0 ? '\n' : ',\n'}${JSON.stringify(comment)}`);
    countsOf(c.threadId)[c.status] += 1;
    n += 1;
  }
  await write(`${n === 0 ? '' : '\n'}],\n"threads":[`);
  const ids = [...new Set([...headlines.keys(), ...counts.keys()])].sort();
  let first = true;
  for (const threadId of ids) {
    const headline = headlines.get(threadId);
    await write(
      `${first ? '\n' : ',\n'}${JSON.stringify({
        threadId,
        ...(headline ?? {}),
        counts: counts.get(threadId) ?? {
          approved: 0,
          pending: 0,
          spam: 0,
          deleted: 0,
        },
      })}`,
    );
    first = false;
  }
  await write(`${ids.length ? '\n' : ''}]}\n`);
  return { comments: n, threads: ids.length };
}

// WXR.

/** Characters XML 1.0 does not allow, and halves of a surrogate pair: never written. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xmlSafe = (text: string) => text.replace(NOT_XML, '\uFFFD');

/** Text as element content or an attribute value. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Text in a CDATA section, split where it holds "]]>", as WordPress's wxr_cdata does. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Plain text as WordPress keeps a comment: HTML, in which the text shows as itself. */
function asHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;',
  );
}

/** WordPress's comment_approved for each status ('trash' is WordPress's deleted). */
const APPROVED: Record<CommentStatus, string> = {
  approved: '1',
  pending: '0',
  spam: 'spam',
  deleted: 'trash',
};

/** WordPress's `Y-m-d H:i:s`, in UTC. */
const wpDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? '0000-00-00 00:00:00'
    : d.toISOString().slice(0, 19).replace('T', ' ');
};

const rfc822 = (iso: string) => {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d)
    .toUTCString()
    .replace('GMT', '+0000');
};

export interface WxrExportOptions {
  /**
   * The site's address: written as WordPress's base URL, and the base of headlines' relative
   * addresses ("/" for the seed article). Default: none, and relative addresses are left out.
   */
  site?: string;
  now?: Date;
}

/**
 * The order comments of one thread are numbered in, so that each comes after the comment it
 * replies to: WordPress's importer links a reply to its parent only when the parent's number
 * is smaller. A reply to a comment of no thread here is top-level; a circle is cut where the
 * walk meets it. Linear: each comment is placed once, without recursion.
 */
export function parentsFirst(
  comments: readonly { id: string; parentId: string | null }[],
): { order: number[]; parent: (number | null)[] } {
  const index = new Map<string, number>();
  comments.forEach((c, i) => {
    if (!index.has(c.id)) index.set(c.id, i);
  });
  const parent = comments.map((c) =>
    c.parentId === null ? null : (index.get(c.parentId) ?? null),
  );
  const state = new Uint8Array(comments.length); // 0 unplaced, 1 on the walk, 2 placed
  const order: number[] = [];
  const walk: number[] = [];
  for (let i = 0; i < comments.length; i += 1) {
    let at: number | null = i;
    while (at !== null && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      at = parent[at]!;
    }
    // The walk met itself: the last comment placed on it starts the circle, and is cut.
    if (at !== null && state[at] === 1) parent[walk.at(-1)!] = null;
    for (let k = walk.length - 1; k >= 0; k -= 1) {
      state[walk[k]!] = 2;
      order.push(walk[k]!);
    }
    walk.length = 0;
  }
  return { order, parent };
}

/**
 * Writes every comment as a WordPress export (WXR 1.2): an <item> per thread (a draft post
 * titled with its headline, holding its comments) and a <wp:comment> per comment. Statuses
 * become WordPress's (approved 1, pending 0, spam, deleted as trash); bodies are escaped, as
 * WordPress keeps comments as HTML; times are UTC in both date fields. Each post and comment
 * carries Dateline's id (`_dateline_thread_id`, `_dateline_id`), so importing the file back
 * gives the same ids, and each comment its time to the millisecond (`_dateline_created_at`;
 * WordPress's dates stop at the second).
 */
export async function exportWxr(
  repository: CommentRepository,
  write: Write,
  options: WxrExportOptions = {},
): Promise<ExportSummary> {
  const site = options.site?.replace(/\/+$/, '') ?? '';
  const headlines = await repository.threadHeadlines();
  const now = options.now ?? new Date();
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- Comments exported by Dateline as WordPress eXtended RSS (WXR). Import them with Tools: Import: WordPress. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Dateline comments</title>
	<link>${xmlText(site)}</link>
	<description></description>
	<pubDate>${rfc822(now.toISOString())}</pubDate>
	<language></language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${xmlText(site)}</wp:base_site_url>
	<wp:base_blog_url>${xmlText(site)}</wp:base_blog_url>
`);
  let threads = 0;
  let numbered = 0;
  let last: StoredComment | undefined;
  for (;;) {
    const [first] = await repository.exportComments({
      ...(last ? { after: keyOf(last) } : {}),
      limit: 1,
    });
    if (!first) break;
    const threadId = first.threadId;
    const start: ExportKey = { threadId, status: '', createdAt: '', id: '' };
    const inThread = (c: StoredComment) => c.threadId === threadId;

    // First the thread's shape: who replies to whom, and its earliest time.
    const shape: { id: string; parentId: string | null }[] = [];
    let earliest = first.createdAt;
    for await (const c of commentsFrom(repository, start, inThread)) {
      shape.push({ id: c.id, parentId: c.parentId });
      if (c.createdAt < earliest) earliest = c.createdAt;
    }
    const { order, parent } = parentsFirst(shape);
    const number = new Map<string, number>();
    const rank = new Array<number>(shape.length);
    order.forEach((i, k) => {
      rank[i] = numbered + k + 1;
    });
    shape.forEach((c, i) => {
      if (!number.has(c.id)) number.set(c.id, rank[i]!);
    });
    const parentNumber = new Map<string, number>();
    shape.forEach((c, i) => {
      const p = parent[i];
      if (p !== null && p !== undefined) parentNumber.set(c.id, rank[p]!);
    });
    numbered += shape.length;
    threads += 1;

    await write(
      item(threadId, threads, headlines.get(threadId), site, earliest),
    );
    // Then the comments; one that came since the count is numbered after the others.
    for await (const c of commentsFrom(repository, start, inThread)) {
      let n = number.get(c.id);
      if (n === undefined) {
        numbered += 1;
        n = numbered;
        number.set(c.id, n);
      }
      await write(comment(c, n, parentNumber.get(c.id) ?? 0));
      last = c;
    }
    await write('\t</item>\n');
  }
  await write('</channel>\n</rss>\n');
  return { comments: numbered, threads };
}

function item(
  threadId: string,
  postId: number,
  headline: ThreadHeadline | undefined,
  site: string,
  earliest: string,
): string {
  let link = headline?.url ?? '';
  if (link.startsWith('/')) link = site ? `${site}${link}` : '';
  const date = wpDate(earliest);
  const slug = threadId.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `	<item>
		<title>${cdata(asHtml(headline?.title ?? threadId))}</title>
		<link>${xmlText(link)}</link>
		<pubDate>${rfc822(earliest)}</pubDate>
		<dc:creator>${cdata('')}</dc:creator>
		<guid isPermaLink="false">${xmlText(`dateline:thread:${threadId}`)}</guid>
		<description></description>
		<content:encoded>${cdata('')}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${postId}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(date)}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(date)}</wp:post_modified_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('closed')}</wp:ping_status>
		<wp:post_name>${cdata(slug)}</wp:post_name>
		<wp:status>${cdata('draft')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<wp:postmeta>
			<wp:meta_key>${cdata('_dateline_thread_id')}</wp:meta_key>
			<wp:meta_value>${cdata(threadId)}</wp:meta_value>
		</wp:postmeta>
`;
}

function comment(c: StoredComment, n: number, parent: number): string {
  const date = wpDate(c.createdAt);
  return `		<wp:comment>
			<wp:comment_id>${n}</wp:comment_id>
			<wp:comment_author>${cdata(asHtml(c.author.name))}</wp:comment_author>
			<wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email>
			<wp:comment_author_url>${cdata(c.author.url ?? '')}</wp:comment_author_url>
			<wp:comment_author_IP>${cdata('')}</wp:comment_author_IP>
			<wp:comment_date>${cdata(date)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(asHtml(c.body))}</wp:comment_content>
			<wp:comment_approved>${cdata(APPROVED[c.status] ?? '0')}</wp:comment_approved>
			<wp:comment_type>${cdata('comment')}</wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key>${cdata('_dateline_id')}</wp:meta_key>
				<wp:meta_value>${cdata(c.id)}</wp:meta_value>
			</wp:commentmeta>
			<wp:commentmeta>
				<wp:meta_key>${cdata('_dateline_created_at')}</wp:meta_key>
				<wp:meta_value>${cdata(c.createdAt)}</wp:meta_value>
			</wp:commentmeta>
		</wp:comment>
`;
}
