import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  cdnCacheControl,
  chooseEncoding,
  directionOf,
  FileCache,
  findFile,
  matchesEtag,
  languageTag,
  pages,
  securityHeaders,
  withLanguage,
} from './pages.js';

const SECRET = 'DATELINE_ADMIN_TOKEN=secret-secret-secret';
const BUNDLE = `export const dateline = ${JSON.stringify('x'.repeat(4000))};\n`;
const SEED =
  '<!doctype html>\n<html lang="en">\n<title>Seed</title><p>Cambodia</p>';

let root: string;
let cache: FileCache;
let app: Hono;

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A project tree: what is served, beside what must never be. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dateline-pages-'));
  write('examples/seed-article/index.html', SEED);
  write('examples/seed-article/page.css', 'body { margin: 0 }');
  write('examples/data/article.json', '{"headline":"Cambodia"}');
  write('examples/.env', SECRET);
  write('examples/.hidden/page.css', SECRET);
  write('examples/wordpress/site.ts', `// ${SECRET}`);
  write('secret.json', SECRET);
  write('package.json', SECRET);
  write('packages/elements/dist/cdn/dateline.js', BUNDLE);
  write('packages/elements/dist/cdn/chunk-4WQCY2HZ.js', BUNDLE);
  symlinkSync(join(root, 'secret.json'), join(root, 'examples/leak.json'));
  symlinkSync(root, join(root, 'examples/data/up'));
  symlinkSync(
    join(root, 'secret.json'),
    join(root, 'packages/elements/dist/cdn/evil.js'),
  );
  symlinkSync(
    join(root, 'examples/seed-article/page.css'),
    join(root, 'examples/alias.css'),
  );
  symlinkSync(
    join(root, 'examples/.hidden/page.css'),
    join(root, 'examples/styles.css'),
  );
  cache = new FileCache();
  app = new Hono();
  app.use(securityHeaders());
  app.route('/', pages({ root, cache }));
});

const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost${path}`, { headers });

describe('the seed page and the examples', () => {
  it('serves the seed page at / with its policy, nosniff and revalidation', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SEED);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain(
      "script-src 'self'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the data and the examples’ web files with their types', async () => {
    const data = await get('/data/article.json');
    expect(data.status).toBe(200);
    expect(data.headers.get('content-type')).toBe(
      'application/json; charset=utf-8',
    );
    const css = await get('/examples/seed-article/page.css');
    expect(await css.text()).toBe('body { margin: 0 }');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-security-policy')).toBeNull();
  });

  it('answers a folder’s index.html only under its slash, and redirects to it', async () => {
    const folder = await get('/examples/seed-article');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('seed-article/');
    const index = await get('/examples/seed-article/');
    expect(await index.text()).toBe(SEED);
    expect((await get('/examples/seed-article/page.css/')).status).toBe(404);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('http://localhost/cdn/dateline.js', {
      method: 'HEAD',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(
      String(Buffer.byteLength(BUNDLE)),
    );
    expect(await res.text()).toBe('');
  });
});

describe('the seed page in the language ?lang= names', () => {
  const seedIn = (lang: string) =>
    SEED.replace('<html lang="en">', `<html ${lang}>`);

  it('writes a well-formed tag as the page’s lang, in its canonical form', async () => {
    for (const [asked, written] of [
      ['km', 'km'],
      ['KM-kh', 'km-KH'],
      ['vi', 'vi'],
      ['zh-hant-tw', 'zh-Hant-TW'],
      ['zh-Hans', 'zh-Hans'],
      ['iw', 'he'],
    ]) {
      const res = await get(`/?lang=${asked}`);
      expect(res.status).toBe(200);
      const dir = written === 'he' ? ' dir="rtl"' : '';
      expect(await res.text(), asked).toBe(seedIn(`lang="${written}"${dir}`));
      expect(res.headers.get('content-language')).toBe(written);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain(
        "script-src 'self'",
      );
    }
  });

  it('writes dir="rtl" for a language written right to left', async () => {
    expect(await (await get('/?lang=ar')).text()).toBe(
      seedIn('lang="ar" dir="rtl"'),
    );
    expect(await (await get('/?lang=th')).text()).toBe(seedIn('lang="th"'));
  });

  it.each(
    [
      '',
      'en"><script>alert(1)</script>',
      "en' onload='alert(1)",
      'km onload=alert(1)',
      'km&quot;',
      ' km',
      'km_KH',
      'km%00',
      'x-private',
      'i-klingon',
      'de-1996-1996',
      'en-a-bbb-a-ccc',
      'k',
      '123',
      'constructor',
      '__proto__',
      `km-${'abcdefgh-'.repeat(4)}`,
      'a-'.repeat(50_000),
    ].map((lang) => [
      lang.length > 40
        ? `${lang.slice(0, 12)}… (${lang.length} characters)`
        : JSON.stringify(lang),
      lang,
    ]),
  )(
    'ignores %s, which is not a well-formed tag of at most 35 characters',
    async (_label, lang) => {
      const plain = await get('/');
      const res = await get(`/?lang=${encodeURIComponent(lang)}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(SEED);
      expect(res.headers.get('etag')).toBe(plain.headers.get('etag'));
      expect(res.headers.get('content-language')).toBeNull();
    },
  );

  it('gives each language its own ETag, and answers 304 only to its own', async () => {
    const tags = await Promise.all(
      ['/', '/?lang=km', '/?lang=vi', '/?lang=ar'].map(
        async (path) => (await get(path)).headers.get('etag')!,
      ),
    );
    expect(new Set(tags).size).toBe(4);
    const [english, khmer, vietnamese] = tags as [string, string, string];
    expect((await get('/?lang=vi', { 'if-none-match': khmer })).status).toBe(
      200,
    );
    expect((await get('/?lang=km', { 'if-none-match': english })).status).toBe(
      200,
    );
    const again = await get('/?lang=vi', { 'if-none-match': vietnamese });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-language')).toBe('vi');
    // The same page asked for by another spelling of its tag is the same page.
    expect(
      (await get('/?lang=VI', { 'if-none-match': vietnamese })).status,
    ).toBe(304);
  });

  it('compresses the page in a language, with a tag of its own for each encoding', async () => {
    write(
      'examples/seed-article/index.html',
      `${SEED}${'<p>The comments.</p>'.repeat(200)}`,
    );
    const br = await get('/?lang=km', { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const text = brotliDecompressSync(
      Buffer.from(await br.arrayBuffer()),
    ).toString();
    expect(text.startsWith(seedIn('lang="km"'))).toBe(true);
    const gz = await get('/?lang=km', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(
      text,
    );
    expect(br.headers.get('etag')).not.toBe(gz.headers.get('etag'));
    expect(br.headers.get('etag')).not.toBe(
      (await get('/', { 'accept-encoding': 'br' })).headers.get('etag'),
    );
  });

  it('rewrites and compresses the page once per language, not on every request', async () => {
    write(
      'examples/seed-article/index.html',
      `${SEED}${'<p>The comments.</p>'.repeat(200)}`,
    );
    for (let i = 0; i < 5; i += 1) {
      await get('/?lang=km', { 'accept-encoding': 'br' });
      await get('/?lang=vi', { 'accept-encoding': 'br' });
    }
    expect(cache.reads).toBe(1);
    expect(cache.compressions).toBe(2);
  });

  it('keeps the page in the 32 languages last asked for, not in every tag a client makes up', async () => {
    write(
      'examples/seed-article/index.html',
      `${SEED}${'<p>The comments.</p>'.repeat(200)}`,
    );
    const ask = (lang: string) =>
      get(`/?lang=${lang}`, { 'accept-encoding': 'br' });
    await ask('km');
    const made = () => cache.compressions;
    const regions = Array.from(
      { length: 40 },
      (_, i) => `en-${String(100 + i)}`, // UN M.49 area codes: well-formed regions
    );
    for (const lang of regions) await ask(lang);
    expect(made()).toBe(41);
    // The most recent are still kept; Khmer, asked for before 40 others, is made again.
    await ask(regions.at(-1)!);
    expect(made()).toBe(41);
    await ask('km');
    expect(made()).toBe(42);
  });

  it('reads the page again in every language once it changes on disk', async () => {
    const before = await get('/?lang=km');
    await before.text();
    write(
      'examples/seed-article/index.html',
      SEED.replace('Cambodia', 'Cambodia, updated'),
    );
    utimesSync(
      join(root, 'examples/seed-article/index.html'),
      new Date(),
      new Date(Date.now() + 5000),
    );
    const after = await get('/?lang=km');
    expect(await after.text()).toBe(
      seedIn('lang="km"').replace('Cambodia', 'Cambodia, updated'),
    );
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });
});

describe('languageTag', () => {
  it('takes tags up to 35 characters and refuses longer ones', () => {
    const longest = 'zh-Hant-TW-u-ca-chinese-nu-hanidec';
    expect(longest.length).toBeLessThanOrEqual(35);
    expect(languageTag(longest)).toBe(longest);
    expect(languageTag(`${longest}-x-ab`)).toBeUndefined();
    expect(languageTag(undefined)).toBeUndefined();
  });
});

describe('directionOf', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['az-Arab', 'rtl'],
    ['az', 'ltr'],
    ['km', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['en', 'ltr'],
    ['und', 'ltr'],
  ])('%s runs %s', (tag, direction) => {
    expect(directionOf(tag)).toBe(direction);
  });
});

describe('withLanguage', () => {
  it('replaces lang and dir however they are quoted, and keeps the other attributes', () => {
    expect(
      withLanguage(
        "<!doctype html><html class=js lang='en' data-dir=x DIR=ltr lang=fr><body>",
        'ar',
      ),
    ).toBe(
      '<!doctype html><html lang="ar" dir="rtl" class=js data-dir=x><body>',
    );
    expect(withLanguage('<HTML\n\tLANG="en"\n>', 'km')).toBe(
      '<html lang="km"\n\n>',
    );
  });

  it('leaves the page’s text alone, even where it names <html', () => {
    expect(
      withLanguage('<html lang="en"><p>An <htmlish> lang="en" tag</p>', 'vi'),
    ).toBe('<html lang="vi"><p>An <htmlish> lang="en" tag</p>');
  });

  it('gives a page without an <html> start tag one, after its doctype', () => {
    expect(withLanguage('<!DOCTYPE html><title>x</title>', 'th')).toBe(
      '<!DOCTYPE html><html lang="th"><title>x</title>',
    );
    expect(withLanguage('<title>x</title>', 'th')).toBe(
      '<html lang="th"><title>x</title>',
    );
  });

  it('escapes the tag, whatever it is given', () => {
    expect(withLanguage('<html>', 'en"><script>')).toBe(
      '<html lang="en&#34;&#62;&#60;script&#62;">',
    );
  });
});

describe('nothing else on disk is reachable', () => {
  it.each([
    '/examples/.env',
    '/examples/%2eenv',
    '/examples/.hidden/page.css',
    '/examples/%2Ehidden/page.css',
    '/examples/..%2fsecret.json',
    '/examples/..%2Fpackage.json',
    '/examples/..%5csecret.json',
    '/examples/%2e%2e%2fsecret.json',
    '/examples/seed-article/..%2f..%2fsecret.json',
    '/examples/%252e%252e/secret.json',
    '/examples/seed-article%00.html',
    '/examples/seed-article/page.css%00.png',
    '/examples/%E0%A4%A',
    '/data/..%2f..%2fsecret.json',
    '/cdn/..%2f..%2f..%2f..%2fsecret.json',
    '/examples/leak.json',
    '/examples/data/up/secret.json',
    '/data/up/package.json',
    '/cdn/evil.js',
    '/examples/styles.css',
    '/examples/wordpress/site.ts',
    '/examples//seed-article/page.css',
    '/package.json',
  ])('%s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses dot segments that a client did not normalise, decoded or not', async () => {
    for (const path of ['..', '%2e%2e', '.', 'seed-article/../../secret.json'])
      expect(
        await findFile(join(root, 'examples'), `${path}/secret.json`),
      ).toEqual({ kind: 'none' });
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const res = await get('/examples/alias.css');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('body { margin: 0 }');
  });
});

describe('/cdn/, for pages of any origin', () => {
  it('answers any origin, and lets cross-origin-isolated pages load it', async () => {
    const res = await get('/cdn/dateline.js', {
      origin: 'https://news.example',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe(
      'cross-origin',
    );
    expect(res.headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the unversioned bundle ten minutes and hashed chunks for good', async () => {
    expect((await get('/cdn/dateline.js')).headers.get('cache-control')).toBe(
      'public, max-age=600',
    );
    expect(
      (await get('/cdn/chunk-4WQCY2HZ.js')).headers.get('cache-control'),
    ).toBe('public, max-age=31536000, immutable');
    expect(cdnCacheControl('dateline.iife.js')).toBe('public, max-age=600');
    expect(cdnCacheControl('dateline.js.map')).toBe('public, max-age=600');
  });

  it('sends brotli or gzip as Accept-Encoding asks, each the same bytes once decoded', async () => {
    const br = await get('/cdn/dateline.js', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.byteLength).toBeLessThan(Buffer.byteLength(BUNDLE) / 10);
    expect(brotliDecompressSync(brBytes).toString()).toBe(BUNDLE);
    expect(br.headers.get('content-length')).toBe(String(brBytes.byteLength));

    const gz = await get('/cdn/dateline.js', {
      'accept-encoding': 'gzip;q=1, br;q=0',
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(
      BUNDLE,
    );

    const plain = await get('/cdn/dateline.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.text()).toBe(BUNDLE);
  });

  it('reads and compresses a file once, not on every request', async () => {
    for (let i = 0; i < 5; i += 1) {
      await get('/cdn/dateline.js', { 'accept-encoding': 'br' });
      await get('/cdn/dateline.js', { 'accept-encoding': 'gzip' });
      await get('/cdn/dateline.js');
    }
    expect(cache.reads).toBe(1);
    expect(cache.compressions).toBe(2);
  });

  it('shares one read and one compression among requests that arrive together', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        get('/cdn/dateline.js', { 'accept-encoding': 'br' }),
      ),
    );
    expect(cache.reads).toBe(1);
    expect(cache.compressions).toBe(1);
  });

  it('reads a file again once it changes on disk, with a new ETag', async () => {
    const first = await get('/cdn/dateline.js');
    write('packages/elements/dist/cdn/dateline.js', `${BUNDLE}// v2\n`);
    utimesSync(
      join(root, 'packages/elements/dist/cdn/dateline.js'),
      new Date(),
      new Date(Date.now() + 5000),
    );
    const second = await get('/cdn/dateline.js');
    expect(await second.text()).toBe(`${BUNDLE}// v2\n`);
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('gives each encoding its own strong ETag, and 304 when it still matches', async () => {
    const br = await get('/cdn/dateline.js', { 'accept-encoding': 'br' });
    const plain = await get('/cdn/dateline.js');
    const brTag = br.headers.get('etag')!;
    const plainTag = plain.headers.get('etag')!;
    expect(brTag).toMatch(/^"[\w-]+-br"$/);
    expect(plainTag).toMatch(/^"[\w-]+"$/);
    expect(brTag).not.toBe(plainTag);

    const again = await get('/cdn/dateline.js', {
      'accept-encoding': 'br',
      'if-none-match': brTag,
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(brTag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=600');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');

    const otherEncoding = await get('/cdn/dateline.js', {
      'accept-encoding': 'gzip',
      'if-none-match': brTag,
    });
    expect(otherEncoding.status).toBe(200);
  });

  it('says how to build the bundle when it is not built', async () => {
    rmSync(join(root, 'packages/elements/dist'), { recursive: true });
    const res = await get('/cdn/dateline.js');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run build');
  });
});

describe('securityHeaders', () => {
  it('puts nosniff on every answer, the API’s and its errors’ included', async () => {
    const site = new Hono();
    site.use(securityHeaders());
    const api = new Hono();
    api.get('/api/health', (c) => c.json({ status: 'ok' }));
    api.get('/api/fail', () => {
      throw new Error('broken');
    });
    api.onError((_e, c) => c.json({ error: 'server' }, 500));
    site.route('/', api);
    site.notFound((c) => c.text('Not found', 404));
    for (const path of ['/api/health', '/api/fail', '/nowhere']) {
      const res = await site.request(`http://localhost${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBeNull();
    }
  });

  it('gives HTML and SVG documents a policy, and keeps one a route set itself', async () => {
    const site = new Hono();
    site.use(securityHeaders());
    site.get('/svg', (c) =>
      c.body('<svg/>', 200, { 'content-type': 'image/svg+xml' }),
    );
    site.get('/own', (c) =>
      c.html('<p>own</p>', 200, {
        'content-security-policy': "default-src 'none'",
      }),
    );
    expect(
      (await site.request('http://localhost/svg')).headers.get(
        'content-security-policy',
      ),
    ).toContain("default-src 'self'");
    expect(
      (await site.request('http://localhost/own')).headers.get(
        'content-security-policy',
      ),
    ).toBe("default-src 'none'");
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.5, gzip;q=0.8', 'gzip'],
    ['gzip;q=0.5, br;q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['gzip;q=0, br;q=0', undefined],
    ['br;q=abc', 'br'],
    ['constructor, __proto__', undefined],
  ])('%j gives %j', (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });

  it('reads a header of 100,000 empty items', () => {
    expect(chooseEncoding(`${',;'.repeat(50_000)},gzip`)).toBe('gzip');
  });
});

describe('matchesEtag', () => {
  it.each([
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", "a"', '"a"', true],
    ['*', '"a"', true],
    ['"a-br"', '"a"', false],
    ['"A"', '"a"', false],
    [undefined, '"a"', false],
    ['', '"a"', false],
  ])('%j against %s is %s', (header, etag, match) => {
    expect(matchesEtag(header, etag)).toBe(match);
  });
});
