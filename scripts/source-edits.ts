// What the build's source transforms share (`compactMessages`, `staticProperties`,
// `inlineImports`): a TypeScript file parsed once, its nodes visited, and the text replaced by
// offsets, so the source keeps its own layout wherever nothing changed.
import ts from 'typescript';

/** Text from `start` up to `end` of the source replaced by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edits `editsOf` finds in `source`, visiting every node, parents before children, made.
 * Edits must not overlap; they are made from the end, so each one's offsets still hold.
 */
export function editSource(
  source: string,
  fileName: string,
  editsOf: (node: ts.Node, file: ts.SourceFile) => readonly Edit[],
  /** Which of the edits found to make (all, unless given). */
  keep: (edits: Edit[]) => Edit[] = (edits) => edits,
): string {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    edits.push(...editsOf(node, file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of keep(edits).sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
