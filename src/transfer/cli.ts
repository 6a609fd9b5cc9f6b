/**
 * `npm run import` and `npm run export`: arguments, the database, the report. Each returns
 * the exit status, so the scripts stay one line and tests run the commands in-process.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { StorageUnavailableError } from '../repository/types.js';
import { DatabaseChoiceError, openDatabase } from './database.js';
import { exportJson, exportWxr, type Write } from './export.js';
import { fileState, importExport } from './import.js';
import { formatReport } from './report.js';
import type { SourceFormat } from './source.js';
import { readThreadMap, ThreadMapError } from './threads.js';
import { ExportFileError } from './xml.js';

export interface Io {
  env: Readonly<Record<string, string | undefined>>;
  out: (text: string) => void | Promise<void>;
  err: (text: string) => void;
}

export const IMPORT_USAGE = `Usage: npm run import -- wxr FILE [--map MAP.json] [--db DATABASE]
       npm run import -- disqus FILE [--map MAP.json] [--db DATABASE]

Imports a WordPress export (Tools → Export, "All content" or "Posts") or a Disqus export
into the database \`npm start\` uses (DATELINE_DB, or DATABASE_URL), or the one --db names
(a SQLite file or a postgres:// URL). Importing a file again adds nothing.

  --map MAP.json  a JSON object from page addresses (or paths starting with "/") to thread
                  ids, for pages whose thread is not the one Dateline would choose`;

export const EXPORT_USAGE = `Usage: npm run export -- json [--out FILE] [--without-emails] [--db DATABASE]
       npm run export -- wxr [--out FILE] [--site URL] [--db DATABASE]

Writes every comment of the database \`npm start\` uses (or the one --db names): as JSON in
the shape of Dateline's comment schema, or as a WordPress export (WXR) that WordPress's
importer reads. Without --out, to standard output (use npm run --silent export, so npm's
own lines stay out of it).

  --out FILE          write here (replaced whole once the export is complete)
  --without-emails    leave readers' emails out of the JSON
  --site URL          the site's address, for WXR: the base of relative page addresses`;

const MAX_MAP_BYTES = 16 * 1024 * 1024;

/** Something the user can fix, said in one line before the usage. */
class UsageError extends Error {}

/** Runs `npm run import -- …`; resolves to the exit status. */
export async function runImport(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parseImportArgs>;
  try {
    args = parseImportArgs(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    await io.out(`${IMPORT_USAGE}\n`);
    return 0;
  }
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    // Both files are checked first: a mistyped name must not create an empty database.
    fileState(args.file);
    const map = args.map ? readMap(args.map) : undefined;
    db = await openDatabase(io.env, args.db ? { db: args.db } : {});
    io.err(`Importing ${args.file} into ${db.shown}…\n`);
    const report = await importExport(db.repository, {
      format: args.format,
      file: args.file,
      ...(map ? { map } : {}),
      ...(db.publicUrl ? { publicUrl: db.publicUrl } : {}),
    });
    await io.out(`${formatReport(report)}\n`);
    return 0;
  } catch (error) {
    if (
      error instanceof ExportFileError ||
      error instanceof ThreadMapError ||
      error instanceof DatabaseChoiceError
    ) {
      io.err(`Nothing was imported: ${error.message}\n`);
      return 1;
    }
    if (error instanceof StorageUnavailableError) {
      io.err(
        `The import stopped: ${error.message} What was stored is kept; once the database can be written, run the same import again to finish it (nothing is stored twice).\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    await db?.repository.close();
  }
}

function parseImportArgs(argv: string[]) {
  const { values, positionals } = parse(argv, {
    map: { type: 'string' },
    db: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help' as const;
  const [format, file, ...rest] = positionals;
  if (format !== 'wxr' && format !== 'disqus')
    throw new UsageError(
      format === undefined
        ? 'Say which kind of export to import: wxr (WordPress) or disqus.'
        : `“${format}” is not a kind of export this imports: say wxr (WordPress) or disqus.`,
    );
  if (!file) throw new UsageError('Name the export file to import.');
  if (rest.length)
    throw new UsageError(`One file at a time: “${rest[0]}” is one too many.`);
  return {
    format: format as SourceFormat,
    file,
    ...(values.map ? { map: values.map } : {}),
    ...(values.db ? { db: values.db } : {}),
  };
}

function readMap(file: string) {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_MAP_BYTES)
      throw new ThreadMapError(
        `${file} is larger than a mapping file can be (16 MB).`,
      );
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ThreadMapError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ThreadMapError(
      code === 'ENOENT'
        ? `There is no mapping file ${file}.`
        : `The mapping file ${file} cannot be read: ${(error as Error).message}`,
    );
  }
  return readThreadMap(text, file);
}

/** Runs `npm run export -- …`; resolves to the exit status. */
export async function runExport(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parseExportArgs>;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    await io.out(`${EXPORT_USAGE}\n`);
    return 0;
  }
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let sink: Sink | undefined;
  try {
    db = await openDatabase(io.env, {
      ...(args.db ? { db: args.db } : {}),
      mustExist: true,
    });
    sink = args.out ? await fileSink(args.out) : { write: io.out };
    const site = args.site ?? db.publicUrl;
    const summary =
      args.format === 'json'
        ? await exportJson(db.repository, sink.write, {
            withoutEmails: args.withoutEmails,
          })
        : await exportWxr(db.repository, sink.write, site ? { site } : {});
    await sink.done?.();
    sink = undefined;
    io.err(
      `Exported ${summary.comments} ${summary.comments === 1 ? 'comment' : 'comments'} in ${summary.threads} ${summary.threads === 1 ? 'thread' : 'threads'} from ${db.shown}${args.out ? ` to ${args.out}` : ''}.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DatabaseChoiceError || error instanceof UsageError) {
      io.err(`Nothing was exported: ${error.message}\n`);
      return 1;
    }
    if (error instanceof StorageUnavailableError) {
      io.err(`Nothing was exported: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    sink?.abandon?.();
    await db?.repository.close();
  }
}

function parseExportArgs(argv: string[]) {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    db: { type: 'string' },
    site: { type: 'string' },
    'without-emails': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help' as const;
  const [format, ...rest] = positionals;
  if (format !== 'json' && format !== 'wxr')
    throw new UsageError(
      format === undefined
        ? 'Say which format to export: json or wxr (WordPress).'
        : `“${format}” is not a format this exports: say json or wxr (WordPress).`,
    );
  if (rest.length)
    throw new UsageError(
      `“${rest[0]}” is not an option; name the file with --out.`,
    );
  if (format === 'json' && values.site)
    throw new UsageError(
      '--site is for wxr; JSON keeps addresses as they are.',
    );
  if (format === 'wxr' && values['without-emails'])
    throw new UsageError(
      '--without-emails is for json; WordPress keeps commenters’ emails.',
    );
  if (values.site !== undefined && !/^https?:\/\/[^/\s]+/i.test(values.site))
    throw new UsageError(
      `--site must be the site's http(s) address, such as https://news.example, not “${values.site}”.`,
    );
  return {
    format,
    withoutEmails: values['without-emails'] ?? false,
    ...(values.out ? { out: values.out } : {}),
    ...(values.db ? { db: values.db } : {}),
    ...(values.site ? { site: values.site } : {}),
  };
}

function parse<
  T extends NonNullable<Parameters<typeof parseArgs>[0]>['options'],
>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's own wording ("Unknown option '--x'"), which names what was wrong.
    throw new UsageError((error as Error).message);
  }
}

interface Sink {
  write: Write;
  /** Finishes the file and puts it in place. */
  done?: () => Promise<void>;
  /** Removes what was written of an export that did not finish. */
  abandon?: () => void;
}

/** A file written beside `path` and renamed over it once whole: a failed export leaves none. */
async function fileSink(path: string): Promise<Sink> {
  const temporary = join(
    dirname(path),
    `.${path.split(/[\\/]/).pop()}.${process.pid}.partial`,
  );
  const stream = createWriteStream(temporary, { flags: 'wx' });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new UsageError(
      `${path} cannot be written: ${(error as Error).message}`,
    );
  }
  let failed: Error | undefined;
  stream.on('error', (error) => {
    failed = error;
  });
  return {
    write: async (text) => {
      if (failed) throw failed;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    done: async () => {
      stream.end();
      await once(stream, 'finish');
      if (failed) throw failed;
      renameSync(temporary, path);
    },
    abandon: () => {
      stream.destroy();
      rmSync(temporary, { force: true });
    },
  };
}
