/**
 * Reads the seed article, prints what an editor needs to know about its operation, and
 * writes its schema.org JSON-LD and IPTC ninjs exports.
 *
 *   npm run example:core            (writes to examples/core-node/out/)
 *   npx tsx examples/core-node/summary.ts [article.json] [out-dir]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ArticleSchema,
  arrestBreakdown,
  checkOperation,
  edtfBounds,
  fieldErrors,
  formatEdtf,
  formatQuantity,
  toJsonLd,
  toNinjs,
  type Article,
  type Operation,
} from '@dateline/core';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadArticle(file: string): Promise<Article> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = ArticleSchema.safeParse(json);
  if (!parsed.success) {
    const lines = Object.entries(fieldErrors(parsed.error)).map(
      ([path, message]) => `  ${path || '(article)'}: ${message}`,
    );
    throw new Error(`${file} is not a valid article:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The operation summary as lines of text. */
export function summarize(article: Article): string[] {
  const out: string[] = [article.headline, ''];
  for (const block of article.body) {
    if (block.type === 'operation')
      out.push(...summarizeOperation(block.operation), '');
  }
  return out;
}

function summarizeOperation(op: Operation): string[] {
  const lines: string[] = [];
  const { start, end } = edtfBounds(op.period.edtf);
  lines.push(
    `Period: ${formatEdtf(op.period.edtf)} (${op.period.edtf}; reported as “${op.period.wording ?? op.period.edtf}”)`,
  );
  lines.push(
    `  bounds: ${start.toISOString()} – ${end ? end.toISOString() : 'open'}`,
  );
  if (op.period.duration)
    lines.push(`  duration: ${formatQuantity(op.period.duration)}`);
  if (op.directive)
    lines.push(
      `Directive: ${op.directive.role ? `${op.directive.role} ` : ''}${op.directive.issuedBy} — ${op.directive.summary}`,
    );

  const b = arrestBreakdown(op);
  lines.push(
    '',
    `Arrests: ${b.total ? formatQuantity(b.total, 'en', { noun: false }) : 'not reported'}`,
  );
  const width = Math.max(...b.rows.map((r) => r.name.length));
  for (const row of b.rows) {
    const figure = row.count
      ? formatQuantity(row.count, 'en', { noun: false })
      : 'named, no count';
    lines.push(`  ${row.name.padEnd(width)}  ${figure}`);
  }
  if (op.arrests.others)
    lines.push(`  ${'(others)'.padEnd(width)}  named, no count`);
  lines.push(`  named counts add up to ${formatQuantity(b.named)}`);
  if (b.unaccounted) {
    lines.push(
      `  unaccounted: ${formatQuantity(b.unaccounted)}; with every figure at its lowest, ${b.unaccountedAtMinimum} of the total are not broken down`,
    );
  }

  lines.push(
    '',
    `Places (${op.locations.count ? formatQuantity(op.locations.count) : `${op.locations.named.length} named`}):`,
  );
  for (const { name, place } of op.locations.named) {
    lines.push(
      `  ${name.padEnd(14)} ${place ? `${place.kind.padEnd(12)} ${(place.subdivision ?? place.country).padEnd(5)}  ${place.name}` : 'not resolved'}`,
    );
  }

  if (op.seizures.length) {
    lines.push('', 'Seized:');
    for (const s of op.seizures)
      lines.push(
        `  ${s.quantity ? formatQuantity({ ...s.quantity, noun: s.item }) : s.item}`,
      );
  }
  if (op.estimates.length) {
    lines.push('', 'Estimates:');
    for (const e of op.estimates)
      lines.push(
        `  ${formatQuantity(e.quantity, 'en', { noun: false })} — ${e.what}${e.by ? ` (${e.by})` : ''}`,
      );
  }
  for (const r of op.reactions)
    lines.push('', `Reaction: ${r.organisation} (${r.stance}) — ${r.summary}`);

  const issues = checkOperation(op);
  lines.push(
    '',
    issues.length
      ? `Editor’s checks (${issues.length}):`
      : 'Editor’s checks: nothing to flag.',
  );
  for (const issue of issues)
    lines.push(
      `  [${issue.code}] ${issue.message} (at ${issue.path.join('.')})`,
    );
  return lines;
}

export async function writeExports(
  article: Article,
  outDir: string,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files = [
    [join(outDir, `${article.id}.jsonld`), toJsonLd(article)],
    [join(outDir, `${article.id}.ninjs.json`), toNinjs(article)],
  ] as const;
  for (const [file, data] of files)
    await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return files.map(([file]) => file);
}

async function main() {
  const [
    input = join(here, '../data/cambodia-crackdown-2025.json'),
    outDir = join(here, 'out'),
  ] = process.argv.slice(2);
  const article = await loadArticle(resolve(input));
  console.log(summarize(article).join('\n'));
  const written = await writeExports(article, resolve(outDir));
  console.log(
    `Wrote ${written.map((f) => relative(process.cwd(), f)).join(' and ')}`,
  );
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
