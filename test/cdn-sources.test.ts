// What the builds do to the elements' sources before they bundle them: the messages without
// translators' notes or repeated English (scripts/compact-messages.ts), and, for a file that is
// one script, `import()`s inlined (scripts/cdn-esbuild.ts). Each must leave every string a
// reader sees exactly as the source writes it, in every language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { str } from '@lit/localize';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import {
  inLocale,
  LOCALES,
  type Locale,
  msg,
  plural,
  resetStrings,
  setStrings,
} from '../packages/elements/src/shared/localize.js';
import { inlineImports } from '../scripts/cdn-esbuild.js';
import { compactMessages } from '../scripts/compact-messages.js';
import { root } from './service-process.js';

const SOURCES = join(root, 'packages/elements/src');

/** The elements' own modules: what the builds compile (not tests, not generated catalogues). */
function sources(): string[] {
  return (readdirSync(SOURCES, { recursive: true }) as string[])
    .filter(
      (f) =>
        f.endsWith('.ts') &&
        !f.endsWith('.test.ts') &&
        !f.startsWith('locales') &&
        !f.startsWith('test'),
    )
    .map((f) => join(SOURCES, f));
}

/** Every `plural(n, { … })` call of a source, as the text of its forms. */
function pluralForms(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'plural' &&
      node.arguments[1] &&
      ts.isObjectLiteralExpression(node.arguments[1])
    )
      found.push(node.arguments[1].getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Stands for any value a message's template reads (`count`, `this.name`, `formatNumber(x)`):
 * writes its own name, so two evaluations can be compared.
 */
function standIn(name: string): unknown {
  return new Proxy(() => {}, {
    apply: () => `‹${name}()›`,
    get: (_, key) =>
      key === Symbol.toPrimitive
        ? () => `‹${name}›`
        : standIn(`${name}.${String(key)}`),
  });
}

/** Evaluates `plural(n, forms)` (TypeScript) with the real `plural`, `msg` and `str`. */
function evaluate(forms: string): (n: number) => string {
  const js = ts
    .transpileModule(`(plural(__n, ${forms}))`, {
      compilerOptions: { target: ts.ScriptTarget.ES2022 },
    })
    .outputText.replace(/^"use strict";/, '')
    .trim()
    .replace(/;$/, '');
  const known: Record<string, unknown> = { plural, msg, str, String, Number };
  // Sloppy-mode code, for `with`: every name the forms read comes from `scope`.
  const run = new Function('scope', `with (scope) { return ${js}; }`);
  return (n) => {
    const scope = new Proxy(
      {},
      {
        has: () => true,
        get: (_, key) => {
          if (key === Symbol.unscopables) return undefined;
          if (key === '__n') return n;
          return Object.hasOwn(known, key)
            ? known[key as string]
            : standIn(String(key));
        },
      },
    );
    return run.call(standIn('this'), scope) as string;
  };
}

/** The ids a text's `msg` calls name, as written. */
const idsIn = (text: string) =>
  [...text.matchAll(/\bid:\s*(['"`])([\w.-]+)\1/g)].map((m) => m[2]!);

const COUNTS = [0, 1, 2, 3, 4, 7, 11, 21, 99, 100, 101, 102, 1000, 1.5];

describe('compactMessages', () => {
  afterEach(() => {
    for (const locale of LOCALES) resetStrings(locale);
  });

  it('words every count of every plural as the source does, in every language', () => {
    let merged = 0;
    let plurals = 0;
    for (const path of sources())
      for (const forms of pluralForms(path)) {
        plurals += 1;
        const compact = compactMessages(`plural(__n, ${forms})`).slice(
          'plural(__n, '.length,
          -1,
        );
        if (compact !== forms) merged += 1;
        const before = evaluate(forms);
        const after = evaluate(compact);
        const ids = idsIn(forms);
        for (const locale of LOCALES as readonly Locale[]) {
          // Untranslated: the English. Translated: each form's own words, by its id.
          for (const translated of [false, true]) {
            if (translated)
              setStrings(
                locale,
                Object.fromEntries(ids.map((id) => [id, `${locale}:${id}`])),
              );
            for (const n of COUNTS)
              expect(
                inLocale(locale, () => after(n)),
                `${path}: ${n} in ${locale}`,
              ).toBe(inLocale(locale, () => before(n)));
            resetStrings(locale);
          }
        }
      }
    // The sources have counts whose English repeats "other": the test saw them compacted.
    expect(plurals).toBeGreaterThan(20);
    expect(merged).toBeGreaterThan(20);
  });

  it('leaves out translators’ notes and keeps every id', () => {
    for (const path of sources()) {
      const source = readFileSync(path, 'utf8');
      const compact = compactMessages(source, path);
      expect(compact).not.toMatch(/\bdesc:/);
      const { diagnostics } = ts.transpileModule(compact, {
        fileName: path,
        reportDiagnostics: true,
      });
      expect(diagnostics ?? [], path).toEqual([]);
      // A plural's merged forms keep their ids through "other"'s: `'base.' + form`.
      const kept = new Set(idsIn(compact));
      for (const id of idsIn(source))
        if (!kept.has(id))
          expect(compact, `${path} lost ${id}`).toContain(
            JSON.stringify(id.replace(/[\w-]+$/, '')),
          );
    }
  });

  it('leaves a plural alone when a form’s English differs from "other"’s, or its id is another’s', () => {
    const forms = `plural(n, {
      one: () => msg(str\`\${n} reply\`, { id: 'x.one' }),
      two: () => msg(str\`\${n} replies\`, { id: 'y.two' }),
      few: () => msg(str\`\${n}  replies\`, { id: 'x.few' }),
      other: () => msg(str\`\${n} replies\`, { id: 'x.other' }),
    })`;
    expect(compactMessages(forms)).toBe(forms);
  });
});

describe('inlineImports', () => {
  it('turns each import() of a module beside it into the module, imported with the file', () => {
    const out = inlineImports(
      "void import('./live.js').then(({ followLive }) => followLive());\nconst b = () => import('../stores/rest.js');",
    );
    expect(out).toContain('import * as inlinedModule0 from "./live.js";');
    expect(out).toContain(
      'import * as inlinedModule1 from "../stores/rest.js";',
    );
    expect(out).toContain('void Promise.resolve(inlinedModule0).then(');
    expect(out).toContain('const b = () => Promise.resolve(inlinedModule1);');
    expect(out).not.toMatch(/import\(/);
  });

  it('leaves a computed address, a package, and words in comments and strings as they are', () => {
    const source = [
      "// import('./x.js') in a comment",
      'const s = "import(\'./y.js\')";',
      "const m = import(new URL('locales/' + l + '.js', base).href);",
      "const p = import('lit');",
    ].join('\n');
    expect(inlineImports(source)).toBe(source);
  });
});
