// How the script-tag files are compiled: the all-in-one bundle by its tsup build, the loader and
// its chunks by `buildLoader` below; `npm run size` and `scripts/budgets.ts` build them the same way.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type BuildOptions,
  build,
  type Metafile,
  type Plugin,
  transform,
} from 'esbuild';
import { rollup } from 'rollup';
import ts from 'typescript';
import { compactMessages, ELEMENT_SOURCES } from './compact-messages.js';
import { minifyTemplates } from './minify-templates.js';
import { editSource } from './source-edits.js';
import { staticProperties } from './static-properties.js';

/**
 * `source` with each `import('./x.js')` of a module of its own package (a relative path
 * written as a string) turned into that module, imported statically with the file. For the
 * files that are one script each: esbuild keeps a module it inlines for `import()` lazy by
 * wrapping it, and everything it reaches, whole, beyond the reach of tree shaking, so
 * `import('./live.js')` would bring every schema of core that its barrels name (the
 * moderation API's included) into the all-in-one bundle.
 */
export function inlineImports(source: string, fileName = 'file.ts'): string {
  if (!source.includes('import(')) return source;
  const imports: string[] = [];
  const out = editSource(source, fileName, (node, file) => {
    if (
      !ts.isCallExpression(node) ||
      node.expression.kind !== ts.SyntaxKind.ImportKeyword ||
      node.arguments.length !== 1 ||
      !ts.isStringLiteral(node.arguments[0]!) ||
      !/^\.\.?\//.test(node.arguments[0].text)
    )
      return [];
    const name = `inlinedModule${imports.length}`;
    imports.push(
      `import * as ${name} from ${JSON.stringify(node.arguments[0].text)};`,
    );
    return [
      {
        start: node.getStart(file),
        end: node.end,
        text: `Promise.resolve(${name})`,
      },
    ];
  });
  return imports.length ? `${imports.join('\n')}\n${out}` : out;
}

/**
 * The elements' sources as a script-tag file needs them: messages without translators' notes
 * or repeated English (`compactMessages`), templates without layout whitespace
 * (`minifyTemplates`), reactive properties as one table per element instead of a decorator
 * each (`staticProperties`); for a file that is one script, `import()`s inlined
 * (`inlineImports`).
 */
export function elementSources({
  oneFile = false,
}: {
  /** The build makes one script, without chunks. */
  oneFile?: boolean;
} = {}): Plugin {
  return {
    name: 'element-sources',
    setup(build) {
      build.onLoad({ filter: ELEMENT_SOURCES }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        if (oneFile) source = inlineImports(source, args.path);
        return {
          contents: minifyTemplates(
            compactMessages(staticProperties(source, args.path), args.path),
          ),
          loader: 'ts',
        };
      });
    },
  };
}

/** `elementSources` for a build with chunks: the loader's, the server's rendering. */
export const elementSourcesPlugin = elementSources();

/**
 * Core's folder barrels (`store/index.ts` …) re-export by name. esbuild's code splitting follows
 * every named re-export of a barrel a page uses, so the REST store would land in a chunk the
 * comment section loads at once. As `export *`, a file is reached only for a name a page
 * really imports. Only what the bundle sees changes: core's public names stay as written.
 */
export const starBarrelsPlugin: Plugin = {
  name: 'star-barrels',
  setup(build) {
    build.onLoad(
      { filter: /packages\/core\/src\/(?:[\w-]+\/)?index\.ts$/ },
      async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(
          /export\s*\{[^}]*\}\s*from\s*('[^']*'|"[^"]*")\s*;?/g,
          'export * from $1;',
        ),
        loader: 'ts',
      }),
    );
  },
};

/**
 * `@lit/localize`'s main module brings its own runtime (loaders, controllers, id hashing)
 * along, and esbuild cannot tell that code unused. The elements, and the modules
 * `lit-localize build` writes, take only `str` from it: the module that defines `str` stands
 * in for it. A name it does not export fails the build, so nothing can go missing unnoticed.
 */
export const litLocalizeStrPlugin: Plugin = {
  name: 'lit-localize-str',
  setup(build) {
    build.onResolve({ filter: /^@lit\/localize$/ }, (args) =>
      build.resolve('@lit/localize/internal/str-tag.js', {
        kind: args.kind,
        resolveDir: args.resolveDir,
      }),
    );
  },
};

/**
 * For the all-in-one bundle, which holds every store anyway: `stores/load.ts`, whose `import()`s
 * a single file could only inline by wrapping each module they reach, is swapped for
 * `stores/bundled.ts`, the same functions over static imports.
 */
export const bundledStoresPlugin: Plugin = {
  name: 'bundled-stores',
  setup(build) {
    build.onResolve({ filter: /^\.\/stores\/load\.js$/ }, (args) => ({
      path: join(args.resolveDir, 'stores/bundled.ts'),
    }));
  },
};

/**
 * For the files that are one script each (the all-in-one bundle, the moderation page's module):
 * a language's strings, which `locales/lazy.ts` imports as chunks through `load.ts`, are
 * fetched instead from the modules `buildLocaleModules` writes beside the script, so each file
 * holds only English. The module that does it is imported at once: it reads where the script
 * came from while the script runs.
 */
export function localesByUrlPlugin(file: 'url.ts' | 'module-url.ts'): Plugin {
  return {
    name: 'locales-by-url',
    setup(build) {
      build.onResolve({ filter: /^\.\/locales\/lazy\.js$/ }, (args) => ({
        path: join(args.resolveDir, 'locales', file),
      }));
    },
  };
}

/** An element translation's source (`src/locales/km.ts`), the start of a language's module. */
const LOCALE_SOURCE = /(?:^|\/)src\/locales\/[\w-]+\.ts$/;

/**
 * A language's strings are written as they are, not as `\u` escapes: Khmer or Thai text takes
 * three bytes a character in UTF-8 and six as escapes, which gzip does not make up for (a
 * tenth of each language's module). A module script is always read as UTF-8, whatever its
 * server says. English code stays ASCII, which gzips a little smaller where it has a few
 * typographic quotes; and the all-in-one bundle, a classic script that a page in another
 * encoding may load, keeps ASCII too.
 */
const LOCALE_CHARSET = { charset: 'utf8' } as const;

/**
 * Each language's strings as a module of its own, `dist/cdn/locales/<locale>.js`, self-contained
 * (plain data), for the script-tag files that fetch them by URL.
 */
export async function buildLocaleModules(outdir: string): Promise<void> {
  // ids.ts holds only the strings' type: no module of its own.
  const sources = (await readdir('src/locales')).filter(
    (f) => f.endsWith('.ts') && f !== 'ids.ts',
  );
  await build({
    entryPoints: sources.map((f) => join('src/locales', f)),
    bundle: true,
    format: 'esm',
    outdir: join(outdir, 'locales'),
    entryNames: '[name]',
    logLevel: 'warning',
    ...cdnEsbuild,
    ...LOCALE_CHARSET,
  });
}

/** The script-tag files' esbuild options. */
export const cdnEsbuild = {
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // Lit's production build, without dev-mode warnings
  conditions: ['production', 'browser', 'module', 'import'],
  plugins: [elementSourcesPlugin, starBarrelsPlugin, litLocalizeStrPlugin],
} satisfies BuildOptions;

/**
 * The plugins of a script-tag file that is one script (the all-in-one bundle, the moderation
 * page's module), after any of its own.
 */
export const oneFilePlugins: Plugin[] = [
  elementSources({ oneFile: true }),
  starBarrelsPlugin,
  litLocalizeStrPlugin,
];

/** One file of the loader's build. */
export interface LoaderChunk {
  fileName: string;
  code: string;
  map: string;
  /**
   * `dateline` for the loader; an element's or a store's module by its name (`comments`,
   * `rest`); `shared-a-b` for code the modules a and b both use.
   */
  group: string;
  /** Files this one imports statically (fetched with it) and dynamically (when used). */
  imports: string[];
  dynamicImports: string[];
  /** Bytes each source contributes, minified, before the final pass. */
  inputs: Record<string, number>;
  /** The source module of a loader, element or store module (`src/comments.ts`). */
  entry?: string;
}

export interface LoaderBuild {
  chunks: LoaderChunk[];
  /** The chunks a page fetches that shows the given modules (by group), loader included. */
  closure(groups: string[]): LoaderChunk[];
}

const gzipped = new WeakMap<LoaderChunk, number>();

/** A file's gzip size, at level 9 and on its own, as `scripts/budgets.ts` measures it in Chromium. */
export function gzipOf(chunk: LoaderChunk): number {
  let n = gzipped.get(chunk);
  if (n === undefined) {
    n = gzipSync(chunk.code, { level: 9 }).length;
    gzipped.set(chunk, n);
  }
  return n;
}

/** Gzip of every file a page that shows the given modules fetches (see `gzipOf`). */
export function fetchedBytes(build: LoaderBuild, groups: string[]): number {
  return build.closure(groups).reduce((sum, c) => sum + gzipOf(c), 0);
}

/** `packages/elements/src/comments.ts` → `comments`; `…/shared/stores/rest.ts` → `rest`. */
const moduleName = (path: string) =>
  // A package's module by the package's name (`@lit-labs/ssr-client/index.js` → `ssr-client`).
  /node_modules\/(?:@[^/]+\/)?([^/]+)\//.exec(path)?.[1] ??
  basename(path).replace(/\.[cm]?[jt]s$/, '');

/**
 * Builds the loader (`dateline.js`) and the modules it imports, with chunks shared between
 * them, into `outdir`.
 *
 * esbuild splits the code first, making a chunk for every set of modules that share code: the
 * comment section alone would arrive in a dozen or more small files, each compressed on its
 * own, which costs several KB. Rollup then merges those chunks by who needs them. Code that
 * one module alone uses joins that module's file. Other code is placed by the elements that
 * need it, a store standing for the elements that import it: code of one element's joins that
 * element's file (so what the stores share with the comment section travels with the
 * section), code of several elements' goes to one shared file per set of them
 * (`shared-article-comments-…`). A page fetches a few files, and nothing it does not show. A
 * last esbuild pass minifies each file; names carry a content hash (`comments-1A2B3C4D.js`),
 * which the service caches for a year.
 */
export async function buildLoader({
  entry,
  outdir,
  write = true,
  plugins = [],
}: {
  /** The loader's source. */
  entry: string;
  outdir: string;
  /** False to only return the files (size reports). */
  write?: boolean;
  /** More esbuild plugins, before the script-tag ones. */
  plugins?: Plugin[];
}): Promise<LoaderBuild> {
  outdir = resolve(outdir);
  const split = await build({
    entryPoints: { dateline: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    write: false,
    metafile: true,
    sourcemap: 'external',
    sourcesContent: true,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    absWorkingDir: process.cwd(),
    logLevel: 'warning',
    ...cdnEsbuild,
    plugins: [...plugins, ...cdnEsbuild.plugins],
  });

  const code = new Map<string, string>();
  const maps = new Map<string, string>();
  for (const file of split.outputFiles) {
    if (file.path.endsWith('.map')) maps.set(file.path.slice(0, -4), file.text);
    else code.set(file.path, file.text);
  }
  const outputs = new Map<string, Metafile['outputs'][string]>();
  for (const [path, output] of Object.entries(split.metafile.outputs))
    if (path.endsWith('.js')) outputs.set(resolve(path), output);

  const loader = [...outputs.keys()].find((p) => basename(p) === 'dateline.js');
  if (!loader) throw new Error('The loader build made no dateline.js.');
  const staticImports = (path: string) =>
    outputs
      .get(path)!
      .imports.filter((i) => i.kind === 'import-statement')
      .map((i) => resolve(i.path));
  const dynamicImports = (path: string) =>
    outputs
      .get(path)!
      .imports.filter((i) => i.kind === 'dynamic-import')
      .map((i) => resolve(i.path));
  if (staticImports(loader).length)
    throw new Error(
      `The loader must hold no code of the elements, yet it imports ${staticImports(loader).map((p) => basename(p))}: a page would fetch them before it shows anything.`,
    );

  const closure = (path: string, seen = new Set<string>()) => {
    if (!seen.has(path)) {
      seen.add(path);
      for (const next of staticImports(path)) closure(next, seen);
    }
    return seen;
  };
  // Elements are the loader's modules; every other module imported on demand (a store) is
  // loaded by the elements that import it.
  const elements = dynamicImports(loader);
  const name = new Map<string, string>();
  for (const path of outputs.keys()) {
    const source = outputs.get(path)!.entryPoint;
    if (source && path !== loader) name.set(path, moduleName(source));
  }
  const names = [...name.values()];
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice)
    throw new Error(
      `Two modules the loader imports are both named ${twice}: each needs a file name of its own.`,
    );
  const parents = new Map<string, Set<string>>(
    elements.map((e) => [e, new Set([e])]),
  );
  // A module imported on demand may import others on demand (what fetches a language, then
  // the language): each is loaded by the elements that load the module importing it.
  const pending = [...elements];
  while (pending.length) {
    const module = pending.pop()!;
    for (const path of closure(module))
      for (const target of dynamicImports(path))
        if (!elements.includes(target)) {
          const set = parents.get(target) ?? new Set<string>();
          const before = set.size;
          for (const element of parents.get(module)!) set.add(element);
          parents.set(target, set);
          if (set.size > before) pending.push(target);
        }
  }
  for (const module of name.keys())
    if (!parents.has(module))
      throw new Error(
        `${name.get(module)} is imported on demand, but not by an element the loader knows.`,
      );
  const neededBy = new Map<string, Set<string>>();
  for (const module of name.keys())
    for (const path of closure(module)) {
      const set = neededBy.get(path) ?? new Set<string>();
      set.add(module);
      neededBy.set(path, set);
    }
  const group = (path: string): string | undefined => {
    if (path === loader) return undefined;
    if (name.has(path)) return name.get(path);
    const modules = [...neededBy.get(path)!];
    if (modules.length === 1) return name.get(modules[0]!);
    const owners = new Set(modules.flatMap((m) => [...parents.get(m)!]));
    if (owners.size === 1) return name.get([...owners][0]!);
    return `shared-${[...owners]
      .map((o) => name.get(o))
      .sort()
      .join('-')}`;
  };

  const bundle = await rollup({
    input: { dateline: loader },
    preserveEntrySignatures: 'strict',
    plugins: [
      {
        name: 'esbuild-chunks',
        resolveId(source, importer) {
          const path = importer ? resolve(dirname(importer), source) : source;
          if (code.has(path)) return path;
          throw new Error(`The loader build cannot find ${source}.`);
        },
        load(id) {
          return {
            code: code
              .get(id)!
              .replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'),
            map: maps.get(id) ?? null,
          };
        },
        async renderChunk(chunkCode, chunk) {
          const minified = await transform(chunkCode, {
            minify: true,
            format: 'esm',
            target: cdnEsbuild.target,
            legalComments: 'none',
            ...(chunk.moduleIds.some((id) =>
              LOCALE_SOURCE.test(outputs.get(id)?.entryPoint ?? ''),
            )
              ? LOCALE_CHARSET
              : {}),
            sourcemap: true,
          });
          return { code: minified.code, map: minified.map };
        },
      },
    ],
  });
  const { output } = await bundle.generate({
    format: 'es',
    dir: outdir,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash:8].js',
    hashCharacters: 'hex',
    sourcemap: true,
    minifyInternalExports: true,
    manualChunks: group,
  });
  await bundle.close();

  // The service gives a year's cache to names with an 8-character upper-case hash, as esbuild
  // writes them; Rollup's hex hash only needs upper-casing.
  const renamed = new Map<string, string>();
  for (const file of output)
    if (file.type === 'chunk') {
      const match = /^(.*-)([0-9a-f]{8})\.js$/.exec(file.fileName);
      if (match)
        renamed.set(file.fileName, `${match[1]}${match[2]!.toUpperCase()}.js`);
    }
  const rename = (text: string) => {
    for (const [from, to] of renamed) text = text.replaceAll(from, to);
    return text;
  };
  const chunks: LoaderChunk[] = [];
  for (const file of output) {
    if (file.type !== 'chunk') continue;
    const inputs: Record<string, number> = {};
    for (const id of Object.keys(file.modules))
      for (const [source, input] of Object.entries(
        outputs.get(id)?.inputs ?? {},
      ))
        inputs[source] = (inputs[source] ?? 0) + input.bytesInOutput;
    const entry = Object.keys(file.modules)
      .map((id) => outputs.get(id)?.entryPoint)
      .find(Boolean);
    chunks.push({
      fileName: renamed.get(file.fileName) ?? file.fileName,
      code: rename(file.code),
      map: rename(file.map!.toString()),
      group: file.name,
      imports: file.imports.map((i) => renamed.get(i) ?? i),
      dynamicImports: file.dynamicImports.map((i) => renamed.get(i) ?? i),
      inputs,
      ...(entry ? { entry } : {}),
    });
  }

  if (write) {
    await mkdir(outdir, { recursive: true });
    // Files of an earlier build go; the all-in-one bundle and the moderation page's module,
    // built beside it at the same time, stay. The languages' modules are written after this.
    for (const file of await readdir(outdir))
      if (!/^(?:dateline\.iife|moderation)\./.test(file))
        await rm(join(outdir, file), { force: true, recursive: true });
    for (const chunk of chunks) {
      await writeFile(join(outdir, chunk.fileName), chunk.code);
      await writeFile(join(outdir, `${chunk.fileName}.map`), chunk.map);
    }
  }

  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  return {
    chunks,
    closure(groups) {
      const seen = new Map<string, LoaderChunk>();
      const visit = (chunk: LoaderChunk) => {
        if (seen.has(chunk.fileName)) return;
        seen.set(chunk.fileName, chunk);
        for (const next of chunk.imports) visit(byName.get(next)!);
      };
      visit(byName.get('dateline.js')!);
      for (const g of groups) {
        const chunk = chunks.find((c) => c.group === g);
        if (!chunk) throw new Error(`The loader build has no module ${g}.`);
        visit(chunk);
      }
      return [...seen.values()];
    },
  };
}
