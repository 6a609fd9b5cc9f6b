// What the script-tag build does to each element's `@property`/`@state` lines
// (scripts/static-properties.ts): gathers them into one `static properties` table. Lit must make
// exactly the same reactive properties from the table as from the decorators: same names, same
// options, same attributes, in the same order.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { staticProperties } from '../scripts/static-properties.js';
import { root } from './service-process.js';

const ELEMENTS = [
  'comments/comments.ts',
  'comment-form/comment-form.ts',
  'article/article.ts',
  'operation/operation.ts',
  'count/count.ts',
  'moderation/moderation.ts',
];

interface ReactiveClass {
  observedAttributes: string[];
  elementProperties: Map<PropertyKey, unknown>;
}

/** Options as text, with functions (`type: Number`, converters) by name. */
const describeOptions = (value: unknown) =>
  JSON.stringify(value, (_key, v) =>
    typeof v === 'function' ? `function ${v.name}` : v,
  );

/** Each Lit class a module exports: its attributes and reactive properties, as text. */
async function reactiveProperties(
  entry: { path: string } | { source: string },
  transform: boolean,
): Promise<Record<string, string>> {
  const result = await build({
    ...('path' in entry
      ? { entryPoints: [entry.path] }
      : {
          stdin: {
            contents: entry.source,
            loader: 'ts',
            resolveDir: join(root, 'packages/elements/src'),
          },
        }),
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
    tsconfigRaw: {
      compilerOptions: {
        experimentalDecorators: true,
        useDefineForClassFields: false,
      },
    },
    plugins: transform
      ? [
          {
            name: 'static-properties',
            setup(b) {
              b.onLoad({ filter: /\.ts$/ }, async (args) => ({
                contents: staticProperties(
                  await readFile(args.path, 'utf8'),
                  args.path,
                ),
                loader: 'ts',
              }));
            },
          },
        ]
      : [],
  });
  const code = result.outputFiles[0]!.text;
  const module = (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(module))
    if (typeof value === 'function' && 'elementProperties' in value) {
      const element = value as unknown as ReactiveClass;
      out[name] =
        `${describeOptions(element.observedAttributes)} ${describeOptions([...element.elementProperties])}`;
    }
  return out;
}

describe('staticProperties', () => {
  it.each(ELEMENTS)(
    'gives %s the reactive properties its decorators give it',
    async (file) => {
      const path = join(root, 'packages/elements/src', file);
      const decorated = await reactiveProperties({ path }, false);
      const gathered = await reactiveProperties({ path }, true);
      expect(Object.keys(decorated).length).toBeGreaterThan(0);
      expect(gathered).toEqual(decorated);
    },
    60_000,
  );

  it('leaves no decorator call in an element it rewrites', async () => {
    const source = await readFile(
      join(root, 'packages/elements/src/comments/comments.ts'),
      'utf8',
    );
    const out = staticProperties(source);
    expect(source).toMatch(/@property\(/);
    expect(out).not.toMatch(/@(?:property|state)\(/);
    expect(out).toMatch(/static override properties = \{/);
  });

  it('keeps options, defaults and state as the decorators set them', async () => {
    const source = `import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
export class Sample extends LitElement {
  @property({ attribute: 'thread-id' }) threadId = '';
  @property({ type: Number, reflect: true }) size = 1;
  @property() plain: string | undefined;
  @property({ attribute: false }) data: object | undefined;
  @state() private _hidden = 0;
}`;
    const transformed = staticProperties(source);
    const decorated = await reactiveProperties({ source }, false);
    const gathered = await reactiveProperties({ source: transformed }, false);
    expect(decorated.Sample).toContain('"thread-id","size","plain"');
    expect(decorated.Sample).toContain('"state":true');
    expect(gathered).toEqual(decorated);
  });

  it('leaves a class alone when it already has a properties table or another decorator', () => {
    const own = `class A extends LitElement {
  static properties = { a: {} };
  @property() b = 1;
}`;
    const other = `class B extends LitElement {
  @query('input') input!: HTMLInputElement;
  @property() b = 1;
}`;
    expect(staticProperties(own)).toBe(own);
    expect(staticProperties(other)).toBe(other);
  });
});
