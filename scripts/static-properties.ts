// For the script-tag files and the server's rendering (`elementSources` in cdn-esbuild.ts): each
// element's `@property(…)` and `@state()` lines become one `static properties` table, as Lit
// reads it when the element is defined. The source keeps one decorated line per property (the
// house style, and what the manifest analyser reads); the built file no longer carries a
// decorator call per property, nor the decorators' own code.
//
// Lit creates the same reactive properties either way: `state()` is `property()` with
// `{ state: true, attribute: false }`, and `finalize()` calls `createProperty` for each entry
// of `static properties` as the decorator would have called it.
import ts from 'typescript';
import { type Edit, editSource } from './source-edits.js';

const DECORATORS = new Set(['property', 'state']);

/** `@property(options)` or `@state()`: the decorator's name and its options' source. */
function reactiveDecorator(
  decorator: ts.Decorator,
  source: ts.SourceFile,
): { name: string; options: string } | undefined {
  const call = decorator.expression;
  if (
    !ts.isCallExpression(call) ||
    !ts.isIdentifier(call.expression) ||
    !DECORATORS.has(call.expression.text) ||
    call.arguments.length > 1
  )
    return undefined;
  const [argument] = call.arguments;
  if (argument && !ts.isObjectLiteralExpression(argument)) return undefined;
  const name = call.expression.text;
  const given = argument?.getText(source);
  // `@property()` passes no options, and Lit takes its defaults for them: so does `undefined`.
  if (name === 'property') return { name, options: given ?? 'undefined' };
  return {
    name,
    options: `{ ${given ? `...${given}, ` : ''}state: true, attribute: false }`,
  };
}

/**
 * `source` with the `@property`/`@state` decorators of its classes' fields gathered into a
 * `static properties` table on each class. A class whose decorators are anything else, or
 * that already has `static properties`, comes back as it was. Files without them come back
 * unchanged.
 */
export function staticProperties(source: string, fileName = 'file.ts'): string {
  if (!/@(?:property|state)\(/.test(source)) return source;
  return editSource(source, fileName, (node, file) =>
    ts.isClassDeclaration(node) || ts.isClassExpression(node)
      ? classEdits(node, file)
      : [],
  );
}

function classEdits(
  node: ts.ClassDeclaration | ts.ClassExpression,
  source: ts.SourceFile,
): Edit[] {
  const entries: string[] = [];
  const edits: Edit[] = [];
  for (const member of node.members) {
    if (
      ts.isPropertyDeclaration(member) &&
      member.name.getText(source) === 'properties' &&
      member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    )
      return [];
    const decorators = ts.canHaveDecorators(member)
      ? (ts.getDecorators(member) ?? [])
      : [];
    if (!decorators.length) continue;
    if (
      !ts.isPropertyDeclaration(member) ||
      decorators.length !== 1 ||
      !ts.isIdentifier(member.name) ||
      member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
    )
      return [];
    const found = reactiveDecorator(decorators[0]!, source);
    if (!found) return [];
    entries.push(`${member.name.text}: ${found.options}`);
    const decorator = decorators[0]!;
    let end = decorator.end;
    while (/\s/.test(source.text[end] ?? '')) end += 1;
    edits.push({ start: decorator.getStart(source), end, text: '' });
  }
  if (!entries.length) return [];
  const open = node.members.pos;
  edits.push({
    start: open,
    end: open,
    text: `\n  static override properties = { ${entries.join(', ')} };\n`,
  });
  return edits;
}
