import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { escapeHtml } from '../render/html.js';
import { renderingFailed } from '../render/ssr.js';
import { renderPage, pageShape } from '../render/ssr-page.js';
import type { CommentRepository } from '../repository/types.js';
import { threadVersionReader } from './thread-versions.js';

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/**
 * On every answer, the API's included: `nosniff`, so nothing is run as a type it was not
 * sent as; on pages (HTML and SVG documents) a Content Security Policy that allows only this
 * origin's scripts, so nothing injected could run even if rendering ever failed. A route that
 * sets its own policy keeps it.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    const type = c.res.headers.get('content-type') ?? '';
    if (
      /^(text\/html|image\/svg\+xml)\b/i.test(type) &&
      !c.res.headers.has('content-security-policy')
    )
      c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  };
}

/** The only files served, by extension: the web's own types, never sources or secrets. */
const TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.jsonld', 'application/ld+json; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.avif', 'image/avif'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
]);
const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.map',
  '.json',
  '.jsonld',
  '.txt',
  '.svg',
]);
/** Below this, compression saves less than its own framing costs. */
const COMPRESS_FROM_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from Accept-Encoding with its q-values: brotli over gzip when
 * both are as welcome, neither when the header is absent or refuses both.
 *
 * @example
 * chooseEncoding('gzip, deflate, br') // 'br'
 * chooseEncoding('br;q=0, gzip') // 'gzip'
 */
export function chooseEncoding(
  header: string | undefined,
): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const item of header.split(',')) {
    const [coding = '', ...params] = item.split(';').map((p) => p.trim());
    let q = 1;
    for (const param of params) {
      const m = /^q=([01](?:\.\d{0,3})?)$/i.exec(param);
      if (m) q = Number(m[1]);
    }
    weights.set(coding.toLowerCase(), q);
  }
  const weight = (coding: Encoding) =>
    weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}

/** Whether If-None-Match names this entity tag (weak comparison, as RFC 9110 asks of it). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const target = bare(etag);
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || bare(t) === target;
  });
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  ino: number;
  bytes: Uint8Array;
  hash: string;
  encoded: Map<Encoding, Promise<Uint8Array | undefined>>;
  /** This version of the file rewritten (the seed page in a language), by what was asked. */
  variants: Map<string, CachedFile>;
}

/**
 * Rewritten versions kept per file: any well-formed language tag may be asked for, so the
 * least recently asked go first rather than memory growing with every tag a client makes up.
 */
const MAX_VARIANTS = 32;

const hashOf = (bytes: Uint8Array) =>
  createHash('sha256').update(bytes).digest('base64url').slice(0, 27);

const compressors: Record<Encoding, (b: Uint8Array) => Promise<Uint8Array>> = {
  br: (bytes) =>
    promisify(brotliCompress)(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: zlib.Z_BEST_COMPRESSION }),
};

/**
 * Files read once and compressed once, each encoding at its first request and in zlib's
 * thread pool, never on the event loop and never again until the file changes on disk.
 * Bounded by the files in the served folders, which are the project's own.
 */
export class FileCache {
  readonly #files = new Map<string, Promise<CachedFile>>();
  /** How many times a file was read from disk, and compressed: each once per version. */
  reads = 0;
  compressions = 0;

  async get(path: string): Promise<CachedFile> {
    const stats = await stat(path);
    const cached = this.#files.get(path);
    const current = await cached;
    if (
      current &&
      current.mtimeMs === stats.mtimeMs &&
      current.size === stats.size &&
      current.ino === stats.ino
    )
      return current;
    // Requests that arrive together share one read, and then one compression per encoding.
    const loading = this.#load(path, stats);
    this.#files.set(path, loading);
    loading.catch(() => this.#files.delete(path));
    return loading;
  }

  async #load(
    path: string,
    stats: { mtimeMs: number; size: number; ino: number },
  ): Promise<CachedFile> {
    const bytes = new Uint8Array(await readFile(path));
    this.reads += 1;
    const file: CachedFile = {
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      ino: stats.ino,
      bytes,
      hash: hashOf(bytes),
      encoded: new Map(),
      variants: new Map(),
    };
    return file;
  }

  /**
   * `file` rewritten by `rewrite`, made once per version of the file and `key` (and then
   * compressed once per encoding, as the file itself is); the last `MAX_VARIANTS` keys asked
   * for are kept.
   */
  variant(
    file: CachedFile,
    key: string,
    rewrite: (bytes: Uint8Array) => Uint8Array,
  ): CachedFile {
    let variant = file.variants.get(key);
    if (variant) {
      // A Map iterates in insertion order: moved to the end, it is the last to go.
      file.variants.delete(key);
    } else {
      const bytes = rewrite(file.bytes);
      variant = {
        ...file,
        bytes,
        size: bytes.byteLength,
        hash: hashOf(bytes),
        encoded: new Map(),
        variants: new Map(),
      };
    }
    file.variants.set(key, variant);
    for (const oldest of file.variants.keys()) {
      if (file.variants.size <= MAX_VARIANTS) break;
      file.variants.delete(oldest);
    }
    return variant;
  }

  encoded(file: CachedFile, encoding: Encoding) {
    let pending = file.encoded.get(encoding);
    if (!pending) {
      this.compressions += 1;
      pending = compressors[encoding](file.bytes).then((out) =>
        // Kept only when it saves something.
        out.byteLength < file.bytes.byteLength ? out : undefined,
      );
      file.encoded.set(encoding, pending);
    }
    return pending;
  }
}

/** esbuild names split chunks with an 8-character hash: `chunk-4WQCY2HZ.js`. */
const HASHED = /-[A-Z0-9]{8}\.m?js(?:\.map)?$/;

export interface Folder {
  /** Absolute path of the folder served. */
  dir: string;
  /** Served to pages of any origin (CORS and CORP), as a CDN would. */
  shared?: boolean;
  /** Cache-Control for a file of this name. */
  cacheControl: (name: string) => string;
}

/** Slashes would join two segments; control characters have no place in a file name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose.
const REFUSED_IN_NAME = /[/\\\u0000-\u001f\u007f]/;

type Found =
  | { kind: 'file'; path: string }
  /** A folder named without its trailing slash. */
  | { kind: 'folder' }
  /** The served folder itself does not exist (the bundle is not built). */
  | { kind: 'no-folder' }
  | { kind: 'none' };

/**
 * Finds the file a URL path names inside `dir`. Each segment is decoded on its own, so an
 * encoded slash can never join two; segments that start with a dot (dotfiles, `.`, `..`) or
 * hold a slash, backslash or control character are refused; and the real path, symbolic links
 * followed, must still lie inside the real `dir`.
 */
export async function findFile(dir: string, urlPath: string): Promise<Found> {
  const segments: string[] = [];
  const raw = urlPath.split('/');
  for (let i = 0; i < raw.length; i += 1) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw[i]!);
    } catch {
      return { kind: 'none' };
    }
    if (segment === '' && i === raw.length - 1 && i > 0) break; // trailing slash
    if (
      segment === '' ||
      segment.startsWith('.') ||
      REFUSED_IN_NAME.test(segment)
    )
      return { kind: 'none' };
    segments.push(segment);
  }
  const trailingSlash = urlPath.endsWith('/');
  const base = await realpath(dir).catch(() => undefined);
  if (!base) return { kind: 'no-folder' };
  const real = await realpath(join(base, ...segments)).catch(() => undefined);
  if (!real) return { kind: 'none' };
  if (real !== base && !real.startsWith(base + sep)) return { kind: 'none' };
  // A link with an ordinary name must not lead to a dotfile either.
  if (
    real
      .slice(base.length)
      .split(sep)
      .some((part) => part.startsWith('.'))
  )
    return { kind: 'none' };
  const stats = await stat(real).catch(() => undefined);
  if (stats?.isDirectory()) {
    if (!trailingSlash) return { kind: 'folder' };
    const index = join(real, 'index.html');
    const realIndex = await realpath(index).catch(() => undefined);
    if (!realIndex?.startsWith(base + sep)) return { kind: 'none' };
    return { kind: 'file', path: realIndex };
  }
  if (!stats?.isFile() || trailingSlash) return { kind: 'none' };
  return { kind: 'file', path: real };
}

/** A file served rewritten: `key` names the rewriting, which `rewrite` does to its bytes. */
interface Rewrite {
  key: string;
  rewrite: (bytes: Uint8Array) => Uint8Array;
  headers?: Record<string, string>;
}

async function answerFile(
  c: Context,
  cache: FileCache,
  path: string,
  folder: Pick<Folder, 'shared' | 'cacheControl'>,
  rewrite?: Rewrite,
): Promise<Response | undefined> {
  const type = TYPES.get(extname(path).toLowerCase());
  if (!type) return undefined;
  let file: CachedFile;
  try {
    file = await cache.get(path);
  } catch {
    return undefined;
  }
  // Its own bytes, so its own ETag: a cache never answers one language with another's page.
  if (rewrite) file = cache.variant(file, rewrite.key, rewrite.rewrite);
  const headers = new Headers({
    'Content-Type': type,
    'Cache-Control': folder.cacheControl(path.slice(path.lastIndexOf(sep) + 1)),
    ...rewrite?.headers,
  });
  if (folder.shared) {
    headers.set('Access-Control-Allow-Origin', '*');
    headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  }
  let body = file.bytes;
  let etag = `"${file.hash}"`;
  const ext = extname(path).toLowerCase();
  if (COMPRESSIBLE.has(ext) && file.size >= COMPRESS_FROM_BYTES) {
    headers.set('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const encoded = encoding && (await cache.encoded(file, encoding));
    if (encoding && encoded) {
      body = encoded;
      // A strong tag names one representation: each encoding has its own.
      etag = `"${file.hash}-${encoding}"`;
      headers.set('Content-Encoding', encoding);
    }
  }
  headers.set('ETag', etag);
  if (matchesEtag(c.req.header('if-none-match'), etag))
    return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(body.byteLength));
  return new Response(body as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers,
  });
}

/**
 * The longest `?lang=` taken: RFC 5646 asks every implementation to take tags of up to 35
 * characters, which covers a language with its script, region and a variant.
 */
const MAX_LANGUAGE_TAG = 35;

/** Subtags, each of letters and digits, joined by hyphens; the first of 2–8 letters. */
const TAG_SHAPE = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * A page's language from `?lang=`: a well-formed BCP 47 tag of at most 35 characters, in its
 * canonical form ("KM-kh" is "km-KH", "iw" is "he"); undefined for anything else, which the
 * page then ignores.
 *
 * @example
 * languageTag('zh-hant-tw') // 'zh-Hant-TW'
 * languageTag('en"><script>') // undefined
 */
export function languageTag(value: string | undefined): string | undefined {
  if (
    value === undefined ||
    value.length > MAX_LANGUAGE_TAG ||
    !TAG_SHAPE.test(value)
  )
    return undefined;
  try {
    // Refuses what is shaped like a tag but is not one: a repeated variant or extension.
    const [tag] = Intl.getCanonicalLocales(value);
    return tag && tag.length <= MAX_LANGUAGE_TAG && TAG_SHAPE.test(tag)
      ? tag
      : undefined;
  } catch {
    return undefined;
  }
}

/** Scripts written right to left (ISO 15924), as `Intl.Locale` names a language's script. */
const RIGHT_TO_LEFT_SCRIPTS: ReadonlySet<string> = new Set([
  'Adlm',
  'Arab',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
  'Yezi',
]);

/**
 * Which way a language's text runs: its script as the tag names it, else the one it is most
 * likely written in ("ar" is Arabic script, "az-Arab" too, "az" Latin).
 */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const { script } = new Intl.Locale(tag).maximize();
    return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The page's `<html>` start tag. */
const HTML_START = /<html(?=[\s>/])[^>]*>/i;
/** `lang` and `dir` among an element's attributes, quoted or not. */
const LANG_OR_DIR = /\s(?:lang|dir)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*)/gi;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * A page with `lang` and `dir` on its `<html>` for `tag`, its other attributes kept; a page
 * without an `<html>` start tag gets one after its doctype.
 *
 * @example
 * withLanguage('<html lang="en"><p>…', 'ar') // '<html lang="ar" dir="rtl"><p>…'
 */
export function withLanguage(page: string, tag: string): string {
  const direction = directionOf(tag);
  const attributes = ` lang="${escapeHtml(tag)}"${direction === 'rtl' ? ' dir="rtl"' : ''}`;
  const start = HTML_START.exec(page);
  if (start) {
    const kept = start[0].slice('<html'.length, -1).replace(LANG_OR_DIR, '');
    return `${page.slice(0, start.index)}<html${attributes}${kept}>${page.slice(start.index + start[0].length)}`;
  }
  const doctype = DOCTYPE.exec(page)?.[0] ?? '';
  return `${doctype}<html${attributes}>${page.slice(doctype.length)}`;
}

const NO_CACHE = () => 'no-cache';
/**
 * `/cdn/dateline.js` keeps its name from one release to the next, so other sites' readers
 * check for a new one every ten minutes (a 304 when unchanged); hashed chunks never change.
 */
export const cdnCacheControl = (name: string) =>
  HASHED.test(name)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=600';

/**
 * Serves the examples beside the API: the seed page at / (in the language `?lang=` names,
 * see `languageTag`), the script-tag bundle at /cdn/ (for pages of any origin), the seed
 * data at /data/, and the examples' web files at /examples/. Nothing else on disk is
 * reachable.
 */
export function pages({
  root,
  cache = new FileCache(),
}: {
  root: string;
  cache?: FileCache;
}): Hono {
  const app = new Hono();
  const examples = join(root, 'examples');
  const folders: Record<string, Folder> = {
    '/cdn/': {
      dir: join(root, 'packages/elements/dist/cdn'),
      shared: true,
      cacheControl: cdnCacheControl,
    },
    '/data/': { dir: join(examples, 'data'), cacheControl: NO_CACHE },
    '/examples/': { dir: examples, cacheControl: NO_CACHE },
  };

  app.get('/', async (c) => {
    const found = await findFile(examples, 'seed-article/index.html');
    // The page's elements speak the language of its `<html lang>`: a link can choose it.
    const lang = languageTag(c.req.query('lang'));
    const rewrite: Rewrite | undefined = lang
      ? {
          key: lang,
          rewrite: (bytes) =>
            new TextEncoder().encode(
              withLanguage(new TextDecoder().decode(bytes), lang),
            ),
          headers: { 'Content-Language': lang },
        }
      : undefined;
    const answer =
      found.kind === 'file' &&
      (await answerFile(
        c,
        cache,
        found.path,
        { cacheControl: NO_CACHE },
        rewrite,
      ));
    return answer || c.notFound();
  });

  for (const [prefix, folder] of Object.entries(folders)) {
    app.get(`${prefix}*`, async (c) => {
      const path = new URL(c.req.url).pathname.slice(prefix.length);
      const found = await findFile(folder.dir, path);
      if (found.kind === 'folder')
        return c.redirect(`${path.slice(path.lastIndexOf('/') + 1)}/`, 301);
      const answer =
        found.kind === 'file' &&
        (await answerFile(c, cache, found.path, folder));
      if (answer) return answer;
      if (prefix === '/cdn/' && found.kind === 'no-folder')
        return c.text(
          'Not found: the script-tag bundle is not built yet (npm run build).',
          404,
        );
      return c.notFound();
    });
  }
  return app;
}

/** The seed page's first page of comments: as the section itself asks for it. */
const FIRST_PAGE = { limit: 50, order: 'oldest' } as const;

/** The service's own folder, where `examples/` is. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The seed page at /, rendered on the server (Lit SSR, declarative shadow DOM): the article
 * with its fact box and the thread's first page of approved comments are in the HTML, in the
 * language `?lang=` names (else the page's own), with the data beside them so the elements take
 * them over without a second request. Rendered once per version of the thread, of the page's
 * files and of the language, then compressed once per encoding.
 */
export function seedPage({
  repository,
  root = ROOT,
  cache = new FileCache(),
  render = renderPage,
  warn = (message) => console.error(message),
}: {
  repository: Pick<
    CommentRepository,
    'page' | 'countApproved' | 'threadVersion' | 'threadVersions'
  >;
  root?: string;
  cache?: FileCache;
  /** The server's rendering (Lit SSR); the page as written if it fails. */
  render?: typeof renderPage;
  /** Where a failed rendering is told: the service's log. */
  warn?: (message: string) => void;
}): Hono {
  const app = new Hono();
  const examples = join(root, 'examples');
  const versionOf = threadVersionReader(repository);
  const rendered = new Map<
    string,
    { version: number; file: Promise<CachedFile> }
  >();

  app.get('/', async (c) => {
    const found = await findFile(examples, 'seed-article/index.html');
    if (found.kind !== 'file') return c.notFound();
    const template = await cache.get(found.path);
    const text = new TextDecoder().decode(template.bytes);
    const lang = languageTag(c.req.query('lang'));
    const shape = pageShape(text);
    // The article's data, when the page names it under /data/ as the seed page does.
    const dataPath = shape.articleSrc?.startsWith('/data/')
      ? await findFile(join(examples, 'data'), shape.articleSrc.slice(6))
      : undefined;
    const data =
      dataPath?.kind === 'file' ? await cache.get(dataPath.path) : undefined;
    const { threadId } = shape;
    const version = threadId ? await versionOf(threadId) : 0;
    const key = `${lang ?? ''}\n${template.hash}\n${data?.hash ?? ''}`;
    let entry = rendered.get(key);
    if (entry?.version !== version) {
      const made = {
        version,
        file: (async (): Promise<CachedFile> => {
          const comments = threadId
            ? {
                ...(await repository.page({ threadId, ...FIRST_PAGE })),
                total: await repository.countApproved(threadId),
              }
            : undefined;
          let article: unknown;
          try {
            article = data
              ? JSON.parse(new TextDecoder().decode(data.bytes))
              : undefined;
          } catch {
            article = undefined; // the element in the browser says what is wrong with it
          }
          const written = lang ? withLanguage(text, lang) : text;
          let page: string;
          try {
            page = await render({
              page: written,
              article,
              ...(comments ? { comments } : {}),
              ...(lang ? { lang } : {}),
            });
          } catch (error) {
            // The page as written, which the elements draw in the browser as on any other
            // site, rather than no page at all; tried again at the thread's next version.
            warn(renderingFailed('the seed page', error));
            page = written;
          }
          const bytes = new TextEncoder().encode(page);
          return {
            ...template,
            bytes,
            size: bytes.byteLength,
            hash: hashOf(bytes),
            encoded: new Map(),
            variants: new Map(),
          };
        })(),
      };
      entry = made;
      made.file.catch(() => {
        if (rendered.get(key) === made) rendered.delete(key);
      });
    }
    // A Map iterates in insertion order: the one asked for last is the last to go.
    rendered.delete(key);
    rendered.set(key, entry);
    for (const oldest of rendered.keys()) {
      if (rendered.size <= MAX_VARIANTS) break;
      rendered.delete(oldest);
    }
    const file = await entry.file;
    const headers = new Headers({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    });
    if (lang) headers.set('Content-Language', lang);
    let body = file.bytes;
    let etag = `"${file.hash}"`;
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const encoded = encoding && (await cache.encoded(file, encoding));
    if (encoding && encoded) {
      body = encoded;
      etag = `"${file.hash}-${encoding}"`;
      headers.set('Content-Encoding', encoding);
    }
    headers.set('ETag', etag);
    if (matchesEtag(c.req.header('if-none-match'), etag))
      return new Response(null, { status: 304, headers });
    headers.set('Content-Length', String(body.byteLength));
    return new Response(body as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers,
    });
  });
  return app;
}
