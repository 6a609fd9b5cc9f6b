// Writes the elements' string ids as a type (packages/elements/src/locales/ids.ts), from the
// catalogue `lit-localize extract` wrote, so `setStrings` checks the ids a site rewords.
// `npm run locales` runs it; test/catalogue.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Part, readXliff } from './xliff.js';

const elements = fileURLToPath(
  new URL('../packages/elements/', import.meta.url),
);

/** The English as `setStrings` takes it: `{0}`, `{1}`… for the values, in their order. */
function english(parts: readonly Part[]): string {
  let value = 0;
  return parts
    .map((part) => (typeof part === 'string' ? part : `{${value++}}`))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The file's text for these trans-units: each id with its English as a comment. */
export function stringIdsModule(
  units: ReadonlyArray<{ id: string; source: readonly Part[] }>,
): string {
  const lines = units
    .map((u) => [u.id, english(u.source)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([id, text]) => `  /** ${text.replace(/\*\//g, '* /')} */\n  | '${id}'`,
    );
  return `// Written by \`npm run locales\` from xliff/: do not edit.\n\n/** The id of every string the elements write, for \`setStrings\`. */\nexport type StringId =\n${lines.join('\n')};\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const units = readXliff(readFileSync(`${elements}xliff/km.xlf`, 'utf8'));
  writeFileSync(`${elements}src/locales/ids.ts`, stringIdsModule(units));
}
