// What the built files need of the elements' messages, and nothing more. In the source every
// `msg` call carries what translators and `lit-localize extract` read: a note (`desc`) and, for
// a count, all six plural forms, whose English repeats "other" in the forms English lacks. A
// browser needs neither the notes nor the repeats. Both builds (npm and script-tag) compile
// the elements through `compactMessages`; tests and `lit-localize extract` read the source.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';
import { type Edit, editSource } from './source-edits.js';

const FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** `msg(template, { id: '…', … })`: the template's node and the id, or undefined. */
function msgCall(
  node: ts.Node | undefined,
):
  | { template: ts.Expression; id: string; options: ts.ObjectLiteralExpression }
  | undefined {
  if (
    !node ||
    !ts.isCallExpression(node) ||
    !ts.isIdentifier(node.expression) ||
    node.expression.text !== 'msg' ||
    node.arguments.length !== 2
  )
    return undefined;
  const [template, options] = node.arguments;
  if (!template || !options || !ts.isObjectLiteralExpression(options))
    return undefined;
  let id: string | undefined;
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property)) return undefined;
    const name = property.name;
    if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return undefined;
    if (name.text === 'id') {
      if (!ts.isStringLiteral(property.initializer)) return undefined;
      id = property.initializer.text;
    } else if (name.text !== 'desc') return undefined;
  }
  return id === undefined ? undefined : { template, id, options };
}

/** The `desc` of a `msg` call's options, with the comma that joins it to the others. */
function descEdit(
  options: ts.ObjectLiteralExpression,
  source: ts.SourceFile,
): Edit | undefined {
  const properties = options.properties;
  const index = properties.findIndex(
    (p) =>
      ts.isPropertyAssignment(p) &&
      (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
      p.name.text === 'desc',
  );
  if (index < 0) return undefined;
  const desc = properties[index]!;
  if (index > 0)
    return { start: properties[index - 1]!.end, end: desc.end, text: '' };
  const next = properties[1];
  return {
    start: desc.getStart(source),
    end: next ? next.getStart(source) : desc.end,
    text: '',
  };
}

/**
 * `plural(n, { one: () => msg(…), two: () => msg(…), … })` where some forms' English is the
 * same template as "other"'s, under the id `<base>.<form>`: each such form becomes `0`, and
 * "other" takes the form's name to look its id up (see `plural` in shared/localize.ts). A
 * language with a word of its own for that form still gets it: the id each form is looked up
 * by does not change, only where its English is written.
 */
function pluralEdits(call: ts.CallExpression, source: ts.SourceFile): Edit[] {
  const forms = call.arguments[1];
  if (!forms || !ts.isObjectLiteralExpression(forms)) return [];
  const byForm = new Map<
    string,
    {
      property: ts.PropertyAssignment;
      template: string;
      id: string;
      call: ts.CallExpression;
    }
  >();
  for (const property of forms.properties) {
    if (
      !ts.isPropertyAssignment(property) ||
      !ts.isIdentifier(property.name) ||
      !FORMS.has(property.name.text)
    )
      return [];
    const thunk = property.initializer;
    if (!ts.isArrowFunction(thunk) || thunk.parameters.length) return [];
    const found = msgCall(thunk.body);
    if (!found) return [];
    byForm.set(property.name.text, {
      property,
      template: found.template.getText(source),
      id: found.id,
      call: thunk.body as ts.CallExpression,
    });
  }
  const other = byForm.get('other');
  if (!other?.id.endsWith('.other')) return [];
  const base = other.id.slice(0, -'other'.length);
  const PARAM = 'pluralForm';
  if (other.template.includes(PARAM)) return [];
  const merged = [...byForm].filter(
    ([form, f]) =>
      form !== 'other' &&
      f.template === other.template &&
      f.id === `${base}${form}`,
  );
  if (!merged.length) return [];
  const edits: Edit[] = merged.map(([, f]) => ({
    start: f.property.initializer.getStart(source),
    end: f.property.initializer.end,
    text: '0',
  }));
  // The id of the form asked for; "other" when plural() calls it for a form it was not given.
  const idLiteral = other.call.arguments[1] as ts.ObjectLiteralExpression;
  const idProperty = idLiteral.properties.find(
    (p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'id',
  ) as ts.PropertyAssignment;
  edits.push(
    {
      start: other.property.initializer.getStart(source),
      end: (other.property.initializer as ts.ArrowFunction)
        .equalsGreaterThanToken.end,
      text: `(${PARAM} = 'other') =>`,
    },
    {
      start: idProperty.initializer.getStart(source),
      end: idProperty.initializer.end,
      text: `${JSON.stringify(base)} + ${PARAM}`,
    },
  );
  return edits;
}

/**
 * `source` without the translators' notes of its `msg` calls, and with the English of plural
 * forms that repeat "other" written once. Files without messages come back unchanged.
 */
export function compactMessages(source: string, fileName = 'file.ts'): string {
  if (!source.includes('msg(')) return source;
  return editSource(
    source,
    fileName,
    (node, file) => {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression))
        return [];
      const edits =
        node.expression.text === 'plural' ? pluralEdits(node, file) : [];
      const found = msgCall(node);
      const edit = found && descEdit(found.options, file);
      return edit ? [...edits, edit] : edits;
    },
    // A form turned into 0 may hold a note to remove: keep only the outer edit. The rest
    // never overlap.
    (edits) =>
      edits.filter(
        (edit) =>
          !edits.some(
            (other) =>
              other !== edit &&
              other.start <= edit.start &&
              edit.end <= other.end,
          ),
      ),
  );
}

/** The elements' source files, which the builds compile through `compactMessages`. */
export const ELEMENT_SOURCES = /packages\/elements\/src\/.*\.ts$/;

/** For the npm build: the elements' sources with their messages compacted. */
export const compactMessagesPlugin: Plugin = {
  name: 'compact-messages',
  setup(build) {
    build.onLoad({ filter: ELEMENT_SOURCES }, async (args) => ({
      contents: compactMessages(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
