/**
 * WordPress's export (WXR 1.0–1.2, what Tools → Export writes): <rss><channel> with an <item>
 * per post, each holding its <wp:comment>s. Read as it streams; posts' own content is never
 * kept.
 */
import type { SourceComment, SourceHandlers, SourceSummary } from './source.js';
import {
  ExportFileError,
  readXml,
  type XmlLimits,
  type XmlName,
  type XmlStats,
} from './xml.js';

/** WordPress's export namespace, whichever WXR version wrote it. */
const WP = /^http:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;

/** An element's name as these rules speak of it: `wp:` for WordPress's, bare for RSS's. */
function nameOf(e: XmlName): string {
  if (WP.test(e.uri)) return `wp:${e.local}`;
  return e.uri === '' ? e.local : `{${e.uri}}${e.local}`;
}

const ITEM_FIELDS = new Set([
  'title',
  'link',
  'wp:post_id',
  'wp:post_type',
  'wp:status',
]);

interface Meta {
  key?: string;
  value?: string;
}

/** A comment's fields as read so far, by local name (a Map: names come from the file). */
interface OpenComment {
  fields: Map<string, { value: string; cut: boolean }>;
  meta: Meta[];
  line: number;
  flawed?: 'character' | 'entity';
}

/**
 * Reads a WXR file, handing each comment and each post that holds comments to `handlers` as
 * they close. Throws an `ExportFileError` when the file is not a WordPress export.
 */
export async function readWxr(
  chunks: AsyncIterable<string>,
  handlers: SourceHandlers,
  options: { name: string; limits?: Partial<XmlLimits> },
): Promise<SourceSummary & XmlStats> {
  const { name } = options;
  const stack: string[] = [];
  let site: string | undefined;
  let version: string | undefined;
  let items = 0;
  let item:
    | {
        key: string;
        fields: Map<string, string>;
        meta: Meta[];
        line: number;
        comments: number;
      }
    | undefined;
  let comment: OpenComment | undefined;
  let meta: Meta | undefined;

  const notWxr = (line: number, why: string) =>
    new ExportFileError(
      `${name}:${line}: this is not a WordPress export (WXR): ${why}`,
    );

  const stats = await readXml(
    chunks,
    {
      open(e, depth) {
        const n = nameOf(e);
        stack.length = depth;
        stack.push(n);
        if (depth === 0) {
          if (e.local === 'disqus')
            throw new ExportFileError(
              `${name}: this is a Disqus export; import it with: npm run import -- disqus ${name}`,
            );
          if (n !== 'rss')
            throw notWxr(
              e.line,
              `its root element is <${e.local}>, not <rss>.`,
            );
          return false;
        }
        if (stack[1] !== 'channel') return false;
        if (depth === 2) {
          if (n === 'item') {
            if (version === undefined)
              throw notWxr(
                e.line,
                'it has no <wp:wxr_version> before its first post (an RSS feed is not an export).',
              );
            item = {
              key: String(items),
              fields: new Map(),
              meta: [],
              line: e.line,
              comments: 0,
            };
            items += 1;
            return false;
          }
          return n === 'wp:base_site_url' || n === 'wp:wxr_version';
        }
        if (stack[2] !== 'item' || !item) return false;
        if (depth === 3) {
          if (n === 'wp:postmeta') {
            meta = {};
            item.meta.push(meta);
            return false;
          }
          if (n === 'wp:comment') {
            comment = { fields: new Map(), meta: [], line: e.line };
            return false;
          }
          return ITEM_FIELDS.has(n);
        }
        if (depth === 4 && stack[3] === 'wp:postmeta')
          return n === 'wp:meta_key' || n === 'wp:meta_value';
        if (stack[3] !== 'wp:comment' || !comment) return false;
        if (depth === 4) {
          if (n === 'wp:commentmeta') {
            meta = {};
            comment.meta.push(meta);
            return false;
          }
          return n.startsWith('wp:');
        }
        return (
          depth === 5 &&
          stack[4] === 'wp:commentmeta' &&
          (n === 'wp:meta_key' || n === 'wp:meta_value')
        );
      },
      close(e, depth, text) {
        const n = nameOf(e);
        if (depth === 2 && text) {
          if (n === 'wp:base_site_url') site = text.value.trim();
          if (n === 'wp:wxr_version') version = text.value.trim();
        }
        if (depth === 2 && n === 'item' && item) {
          if (item.comments > 0)
            handlers.thread({
              key: item.key,
              url: (item.fields.get('link') ?? '').trim(),
              title: item.fields.get('title') ?? '',
              ...optional('postId', item.fields.get('wp:post_id')?.trim()),
              ...optional(
                'datelineThreadId',
                metaValue(item.meta, '_dateline_thread_id'),
              ),
              line: item.line,
            });
          item = undefined;
          return;
        }
        if (!item) return;
        if (depth === 3 && text) item.fields.set(n, text.value);
        if (depth === 3 && n === 'wp:comment' && comment) {
          item.comments += 1;
          handlers.comment(toSource(comment, item.key));
          comment = undefined;
          return;
        }
        if (n === 'wp:postmeta' || n === 'wp:commentmeta') {
          meta = undefined;
          return;
        }
        if (meta && text && (n === 'wp:meta_key' || n === 'wp:meta_value')) {
          if (n === 'wp:meta_key') meta.key = text.value;
          else meta.value = text.value;
          return;
        }
        if (depth === 4 && comment && text) comment.fields.set(e.local, text);
      },
      flaw(kind, _line) {
        if (comment) comment.flawed ??= kind;
      },
    },
    options,
  );
  if (version === undefined) throw notWxr(1, 'it has no <wp:wxr_version>.');
  return { ...stats, ...(site ? { site } : {}) };
}

function optional<K extends string>(
  key: K,
  value: string | undefined,
): { [k in K]?: string } {
  return value ? ({ [key]: value } as { [k in K]: string }) : {};
}

function metaValue(meta: readonly Meta[], key: string): string | undefined {
  return meta.find((m) => m.key === key)?.value?.trim();
}

function toSource(c: OpenComment, thread: string): SourceComment {
  const field = (local: string) => c.fields.get(local)?.value ?? '';
  const parent = field('comment_parent').trim();
  const content = c.fields.get('comment_content');
  return {
    key: field('comment_id').trim(),
    thread,
    ...(parent !== '' && parent !== '0' ? { parent } : {}),
    ...optional('datelineId', metaValue(c.meta, '_dateline_id')),
    ...optional('datelineCreatedAt', metaValue(c.meta, '_dateline_created_at')),
    type: field('comment_type').trim(),
    name: field('comment_author'),
    email: field('comment_author_email').trim(),
    url: field('comment_author_url').trim(),
    ip: field('comment_author_IP').trim(),
    body: content?.value ?? '',
    bodyCut: content?.cut ?? false,
    date: field('comment_date_gmt').trim(),
    localDate: field('comment_date').trim(),
    status: field('comment_approved').trim(),
    line: c.line,
    ...(c.flawed ? { flawed: c.flawed } : {}),
  };
}
