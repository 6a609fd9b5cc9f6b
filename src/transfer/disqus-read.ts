/**
 * Disqus's export (its published format, http://disqus.com/api/schemas/1.0/disqus.xsd):
 * <disqus> with <category>s, then a <thread dsq:id> per page, then a <post dsq:id> per comment
 * naming its <thread dsq:id/> and <parent dsq:id/>. Read as it streams.
 */
import type { SourceHandlers, SourceSummary } from './source.js';
import {
  ExportFileError,
  type XmlLimits,
  type XmlOpen,
  readXml,
  type XmlStats,
} from './xml.js';

const DSQ = 'http://disqus.com/disqus-internals';

const THREAD_FIELDS = new Set(['id', 'link', 'title']);
const POST_FIELDS = new Set([
  'message',
  'createdAt',
  'isDeleted',
  'isSpam',
  'ipAddress',
]);
const AUTHOR_FIELDS = new Set(['name', 'email']);

/** Disqus writes `true` and `false`; `1` is read as true too. */
const yes = (value: string | undefined) =>
  value !== undefined && /^\s*(true|1)\s*$/i.test(value);

/**
 * Reads a Disqus export, handing each thread and each post to `handlers` as they close.
 * Throws an `ExportFileError` when the file is not a Disqus export.
 */
export async function readDisqus(
  chunks: AsyncIterable<string>,
  handlers: SourceHandlers,
  options: { name: string; limits?: Partial<XmlLimits> },
): Promise<SourceSummary & XmlStats> {
  const { name } = options;
  const stack: string[] = [];
  /** Fields by local name (a Map: names come from the file), and where the element began. */
  let open:
    | {
        kind: 'thread' | 'post';
        id: string;
        line: number;
        fields: Map<string, { value: string; cut: boolean }>;
        thread?: string;
        parent?: string;
        flawed?: 'character' | 'entity';
      }
    | undefined;
  const dsqId = (e: XmlOpen) => e.attribute(DSQ, 'id')?.trim() ?? '';

  const stats = await readXml(
    chunks,
    {
      open(e, depth) {
        stack.length = depth;
        stack.push(e.local);
        if (depth === 0) {
          if (e.local === 'rss')
            throw new ExportFileError(
              `${name}: this looks like a WordPress export (WXR); import it with: npm run import -- wxr ${name}`,
            );
          if (e.local !== 'disqus')
            throw new ExportFileError(
              `${name}:${e.line}: this is not a Disqus export: its root element is <${e.local}>, not <disqus>.`,
            );
          return false;
        }
        if (depth === 1) {
          if (e.local === 'thread' || e.local === 'post')
            open = {
              kind: e.local,
              id: dsqId(e),
              line: e.line,
              fields: new Map(),
            };
          return false;
        }
        if (!open) return false;
        if (depth === 2) {
          if (open.kind === 'post' && e.local === 'thread')
            open.thread = dsqId(e);
          else if (open.kind === 'post' && e.local === 'parent')
            open.parent = dsqId(e);
          else
            return (open.kind === 'thread' ? THREAD_FIELDS : POST_FIELDS).has(
              e.local,
            );
          return false;
        }
        return (
          depth === 3 &&
          open.kind === 'post' &&
          stack[2] === 'author' &&
          AUTHOR_FIELDS.has(e.local)
        );
      },
      close(e, depth, text) {
        if (!open) return;
        if (text && (depth === 2 || depth === 3))
          open.fields.set(depth === 3 ? `author.${e.local}` : e.local, text);
        if (depth !== 1) return;
        const field = (key: string) => open?.fields.get(key)?.value ?? '';
        if (open.kind === 'thread') {
          handlers.thread({
            key: open.id,
            url: field('link').trim(),
            title: field('title'),
            line: open.line,
          });
        } else {
          const message = open.fields.get('message');
          handlers.comment({
            key: open.id,
            thread: open.thread ?? '',
            ...(open.parent ? { parent: open.parent } : {}),
            type: '',
            name: field('author.name'),
            email: field('author.email').trim(),
            url: '',
            ip: field('ipAddress').trim(),
            body: message?.value ?? '',
            bodyCut: message?.cut ?? false,
            date: field('createdAt').trim(),
            status: yes(open.fields.get('isSpam')?.value)
              ? 'spam'
              : yes(open.fields.get('isDeleted')?.value)
                ? 'deleted'
                : 'approved',
            line: open.line,
            ...(open.flawed ? { flawed: open.flawed } : {}),
          });
        }
        open = undefined;
      },
      flaw(kind) {
        if (open) open.flawed ??= kind;
      },
    },
    options,
  );
  return stats;
}
