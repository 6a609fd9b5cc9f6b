/**
 * Moves a site from SQLite to PostgreSQL, complete and checked:
 *
 *   npm run db:copy -- --from sqlite:FILE --to postgres://USER:PASSWORD@HOST/DATABASE
 *
 * Stop the service first. Every table is copied in one PostgreSQL transaction and compared
 * with the file (rows and checksums) before it commits; run again, it only checks.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CopyError, copySqliteToPostgres } from '../src/repository/copy.js';
import { shownPostgresUrl } from '../src/repository/postgres.js';

const USAGE =
  'Usage: npm run db:copy -- --from sqlite:FILE --to postgres://USER:PASSWORD@HOST/DATABASE';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let values: { from?: string; to?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const from = values.from?.replace(/^sqlite:/, '');
const to = values.to;
if (!from || !to) fail(`Name both databases.\n${USAGE}`, 2);
if (!existsSync(from)) fail(`There is no SQLite file at ${from}.`, 2);
if (!/^postgres(?:ql)?:\/\//.test(to))
  fail(
    `--to must be a PostgreSQL URL (postgres://… or postgresql://…), not ${to.slice(0, 40)}.`,
    2,
  );

try {
  const report = await copySqliteToPostgres(from, to, (line) =>
    process.stdout.write(`${line}\n`),
  );
  const width = Math.max(...report.tables.map((t) => t.table.length));
  process.stdout.write(
    `${report.outcome === 'copied' ? 'Copied' : 'Already copied; checked again'}: ${from} → ${shownPostgresUrl(to)}\n`,
  );
  for (const t of report.tables)
    process.stdout.write(
      `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(8)} rows  sha256 ${t.checksum.slice(0, 16)}  ✓\n`,
    );
  if (report.sourceChangedSince)
    process.stdout.write(
      'The SQLite file changed while it was read: something still writes to it. Stop the service and run the copy again into an empty database, or what it wrote since is not in PostgreSQL.\n',
    );
} catch (error) {
  if (error instanceof CopyError) fail(error.message);
  throw error;
}
