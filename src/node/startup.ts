import { accessSync, constants, type Stats, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

/** A path as the person who set it reads it: relative to the working folder when inside it. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writable(path: string): boolean {
  try {
    // The kernel's own answer: permissions, ACLs, read-only mounts; root passes where it can write.
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const HOW_TO_FIX =
  'let the user running Dateline write there, or set DATELINE_DB to a writable path';

/**
 * What would stop the service from writing its database, found before SQLite opens it, so a
 * read-only file fails at start with a sentence rather than at the first comment.
 *
 * @example
 * databaseProblem('/srv/dateline/comments.sqlite') // 'the database /srv/dateline/comments.sqlite is read-only; …'
 */
export function databaseProblem(
  file: string,
  cwd = process.cwd(),
): string | undefined {
  if (file === ':memory:') return undefined;
  const shown = shownPath(file, cwd);
  const stats = statOf(file);
  if (stats) {
    if (stats.isDirectory())
      return `DATELINE_DB names the folder ${shown}; give the path of a file in it, such as ${join(shown, 'dateline.sqlite')}.`;
    if (!stats.isFile())
      return `DATELINE_DB names ${shown}, which is not a regular file.`;
    if (!writable(file))
      return `the database ${shown} is read-only; ${HOW_TO_FIX}.`;
    for (const companion of ['-wal', '-shm', '-journal']) {
      if (statOf(file + companion) && !writable(file + companion))
        return `the database's journal ${shown}${companion} is read-only; ${HOW_TO_FIX}.`;
    }
  }
  // The nearest folder that exists: SQLite writes its journal there, and the missing ones below
  // it are created.
  let folder = dirname(file);
  let folderStats = statOf(folder);
  while (!folderStats && dirname(folder) !== folder) {
    folder = dirname(folder);
    folderStats = statOf(folder);
  }
  if (folderStats && !folderStats.isDirectory())
    return `the database ${shown} cannot be created: ${shownPath(folder, cwd)} is a file, not a folder; set DATELINE_DB to a path in a folder.`;
  if (!writable(folder))
    return stats
      ? `the database ${shown} is read-only because its folder ${shownPath(folder, cwd)} is (SQLite writes its journal beside the file); ${HOW_TO_FIX}.`
      : `the database ${shown} cannot be created: the folder ${shownPath(folder, cwd)} is read-only; ${HOW_TO_FIX}.`;
  return undefined;
}

interface SystemError {
  code?: unknown;
  path?: unknown;
  message?: unknown;
}

/**
 * The sentence for an error thrown while opening the database, or `undefined` for one that is
 * not about the file (a bug, whose stack trace is then worth printing).
 */
export function databaseFailure(
  error: unknown,
  file: string,
  cwd = process.cwd(),
): string | undefined {
  const { code, path } = (error ?? {}) as SystemError;
  if (typeof code !== 'string') return undefined;
  const shown = shownPath(file, cwd);
  const where = typeof path === 'string' ? shownPath(path, cwd) : shown;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
    return `the database ${shown} is read-only; ${HOW_TO_FIX}.`;
  if (code === 'SQLITE_CANTOPEN')
    return `the database ${shown} cannot be opened; check that DATELINE_DB names a file in a folder the user running Dateline can write to.`;
  if (code === 'SQLITE_NOTADB')
    return `${shown} is not a SQLite database; set DATELINE_DB to the service's database or to a new file.`;
  if (code.startsWith('SQLITE_CORRUPT'))
    return `the database ${shown} is damaged; restore it from a backup.`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return `the disk that holds the database ${shown} is full.`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `the database ${shown} is locked by another program; stop it, or set DATELINE_DB to another file.`;
  if (code.startsWith('SQLITE_IOERR'))
    return `the database ${shown} cannot be read or written (${code}); check the disk.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `the database ${shown} cannot be created: permission to write ${where} is denied; ${HOW_TO_FIX}.`;
  if (code === 'EROFS')
    return `the database ${shown} is on a read-only file system; set DATELINE_DB to a writable path.`;
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return `the database ${shown} cannot be created: a part of its path is a file, not a folder; set DATELINE_DB to a path in a folder.`;
  return undefined;
}

/** The sentence for an error from listening on HOST and PORT, or `undefined` for another. */
export function listenFailure(
  error: unknown,
  host: string,
  port: number,
): string | undefined {
  const { code } = (error ?? {}) as SystemError;
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use; stop the program that holds it or set PORT to another port.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `this user may not listen on port ${port}; set PORT to 1024 or above (a reverse proxy can take port 80 or 443).`;
  if (code === 'EADDRNOTAVAIL')
    return `HOST ${host} is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of this machine's addresses.`;
  if (code === 'EAFNOSUPPORT')
    return `HOST ${host} is an IPv6 address, and this machine has no IPv6; use 127.0.0.1 or 0.0.0.0.`;
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EAI_FAIL' ||
    code === 'EAI_NONAME'
  )
    return `HOST ${host} is not a name this machine can resolve; use an IP address such as 127.0.0.1.`;
  return undefined;
}
