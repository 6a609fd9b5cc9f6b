/**
 * The database `npm run import` and `npm run export` work on: the one `npm start` uses
 * (DATELINE_DB, or PostgreSQL at DATABASE_URL), unless `--db` names another.
 */
import { existsSync } from 'node:fs';
import { ConfigError, readConfig } from '../config.js';
import {
  databaseFailure,
  databaseProblem,
  shownPath,
} from '../node/startup.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository } from '../repository/types.js';

/** A database that cannot be used, in words. */
export class DatabaseChoiceError extends Error {
  override name = 'DatabaseChoiceError';
}

const POSTGRES = /^postgres(ql)?:\/\//i;

export interface OpenedDatabase {
  repository: CommentRepository;
  /** What to call it in messages: a path, or the URL without its password. */
  shown: string;
  /** The service's public address, if set (DATELINE_PUBLIC_URL). */
  publicUrl: string | undefined;
}

/**
 * Opens the database `db` names (a SQLite file or a postgres:// URL), else the service's own,
 * from the same settings `npm start` reads. With `mustExist`, a SQLite file that is not there
 * is an error, not a new empty database.
 */
export async function openDatabase(
  env: Readonly<Record<string, string | undefined>>,
  options: { db?: string; mustExist?: boolean } = {},
): Promise<OpenedDatabase> {
  const { db, mustExist = false } = options;
  const settings = { ...env };
  if (db !== undefined && !POSTGRES.test(db)) {
    settings.DATELINE_DB = db;
    delete settings.DATABASE_URL;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(settings);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new DatabaseChoiceError(error.message);
    throw error;
  }
  const url =
    db !== undefined && POSTGRES.test(db) ? db : settings.DATABASE_URL?.trim();
  if (url && POSTGRES.test(url)) {
    // Loaded only for PostgreSQL: a SQLite site never loads its client.
    const { openPostgresRepository, shownPostgresUrl } = await import(
      '../repository/postgres.js'
    );
    const shown = shownPostgresUrl(url);
    try {
      return {
        repository: await openPostgresRepository(url),
        shown,
        publicUrl: config.publicUrl,
      };
    } catch (error) {
      throw new DatabaseChoiceError(
        `The database ${shown} cannot be used: ${(error as Error).message}`,
      );
    }
  }
  const file = config.database;
  const shown = file === ':memory:' ? file : shownPath(file);
  if (mustExist && file !== ':memory:' && !existsSync(file))
    throw new DatabaseChoiceError(
      `There is no database at ${shown}: nothing to export. Name the one \`npm start\` uses with DATELINE_DB or --db.`,
    );
  const problem = databaseProblem(file);
  if (problem) throw new DatabaseChoiceError(problem);
  try {
    return {
      repository: openSqliteRepository(file),
      shown,
      publicUrl: config.publicUrl,
    };
  } catch (error) {
    const message = databaseFailure(error, file);
    if (message) throw new DatabaseChoiceError(message);
    throw error;
  }
}
