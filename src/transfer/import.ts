/**
 * Importing a WordPress or Disqus export into the repository. The file is read twice, as it
 * streams: a survey that converts and checks every comment and keeps only what threading
 * needs (ids, parents, threads), then the import, which converts each comment again and
 * stores it in batches. Comment ids come from the source and its own ids, and a stored id is
 * never written again, so importing a file twice adds nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import {
  CommentIdSchema,
  htmlToText,
  ThreadTitleRequestSchema,
} from '@dateline/core';
import type {
  CommentRepository,
  StoredComment,
  ThreadHeadline,
} from '../repository/types.js';
import {
  addressHasher,
  type ConvertOptions,
  convertComment,
  type Note,
  type Skip,
} from './convert.js';
import { readDisqus } from './disqus-read.js';
import { type ParentInput, resolveParents } from './parents.js';
import type {
  SourceComment,
  SourceFormat,
  SourceHandlers,
  SourceSummary,
  SourceThread,
} from './source.js';
import {
  chooseThreads,
  type ThreadChoice,
  type ThreadMap,
  type ThreadRule,
} from './threads.js';
import { readWxr } from './wxr-read.js';
import { ExportFileError, type XmlLimits, type XmlStats } from './xml.js';

export interface ImportOptions {
  format: SourceFormat;
  /** The export file: read twice as it streams, never whole. */
  file: string;
  /** The user's mapping from page addresses to thread ids (see `readThreadMap`). */
  map?: ThreadMap;
  /** Where the service is reached, to compare headlines' relative addresses. */
  publicUrl?: string;
  /** Comments stored per transaction. */
  batchSize?: number;
  limits?: Partial<XmlLimits>;
}

/** Comments that share what happened to them, with a few of their source ids to look up. */
export interface ReportGroup {
  /** A skip reason or a note. */
  what: Skip['reason'] | Note;
  /** The issue code of a refusal, or the comment type. */
  code?: string;
  /** In words: the first comment's reason. */
  detail?: string;
  count: number;
  /** "comment 45 (line 230)" */
  examples: string[];
}

export interface ThreadReport {
  threadId: string;
  rule: ThreadRule;
  /** The post's address in the file, and its title as text. */
  url: string;
  title: string;
  imported: number;
  present: number;
  skipped: number;
  skips: ReportGroup[];
  notes: ReportGroup[];
}

export interface ImportReport {
  format: SourceFormat;
  file: string;
  threads: ThreadReport[];
  /** Comments that belong to no thread of the file. */
  outside: ReportGroup[];
  totals: { imported: number; present: number; skipped: number };
  /** `&`s that started no reference and were read as text (WordPress leaves them in URLs). */
  bareAmpersands: number;
}

const EXAMPLES = 3;

interface Entry extends ParentInput {
  source: string;
  datelineId?: string;
  line: number;
  skip?: Skip;
  notes?: Note[];
  id?: string;
}

type Reader = (
  chunks: AsyncIterable<string>,
  handlers: SourceHandlers,
  options: { name: string; limits?: Partial<XmlLimits> },
) => Promise<SourceSummary & XmlStats>;

const READERS: Record<SourceFormat, Reader> = {
  wxr: readWxr,
  disqus: readDisqus,
};

async function* textOf(file: string): AsyncIterable<string> {
  const stream = createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 64 * 1024,
  });
  for await (const chunk of stream) yield chunk as string;
}

/** The file as it is now, or an `ExportFileError` that says why it cannot be read. */
export function fileState(file: string): { size: number; mtimeMs: number } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      throw new ExportFileError(`${file} is a folder, not an export file.`);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (error instanceof ExportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportFileError(
      code === 'ENOENT'
        ? `There is no file ${file}.`
        : code === 'EACCES'
          ? `${file} cannot be read (permission denied).`
          : `${file} cannot be read: ${(error as Error).message}`,
    );
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A comment's id in Dateline: the one a Dateline export wrote beside it, else the source's
 * name and id (`wp-<site>-<comment_id>`, `dsq-<dsq:id>`); an id of other characters is
 * replaced by its hash.
 */
function commentId(
  format: SourceFormat,
  entry: Pick<Entry, 'source' | 'datelineId'>,
  site: string,
): string {
  if (entry.datelineId && CommentIdSchema.safeParse(entry.datelineId).success)
    return entry.datelineId;
  const own = /^[A-Za-z0-9_-]{1,64}$/.test(entry.source)
    ? entry.source
    : `h${hash(entry.source).slice(0, 24)}`;
  return format === 'wxr'
    ? `wp-${hash(site).slice(0, 8)}-${own}`
    : `dsq-${own}`;
}

/** What the service shows moderators for a thread made by the import. */
function headlineOf(thread: SourceThread): ThreadHeadline | undefined {
  const url = /^https?:\/\//i.test(thread.url) ? thread.url : undefined;
  const title = ThreadTitleRequestSchema.safeParse({
    title: htmlToText(thread.title).replace(/\s+/g, ' '),
    ...(url ? { url } : {}),
  });
  if (title.success) return title.data;
  const bare = ThreadTitleRequestSchema.safeParse({
    title: url ?? thread.url,
    ...(url ? { url } : {}),
  });
  return bare.success ? bare.data : undefined;
}

function group(
  groups: Map<string, ReportGroup>,
  what: ReportGroup['what'],
  entry: Entry,
  skip?: Skip,
) {
  const key = `${what}\u0000${skip?.code ?? ''}`;
  let g = groups.get(key);
  if (!g) {
    g = {
      what,
      ...(skip?.code ? { code: skip.code } : {}),
      ...(skip?.detail ? { detail: skip.detail } : {}),
      count: 0,
      examples: [],
    };
    groups.set(key, g);
  }
  g.count += 1;
  if (g.examples.length < EXAMPLES)
    g.examples.push(
      `comment ${entry.source === '' ? '(no id)' : entry.source} (line ${entry.line})`,
    );
}

/**
 * Imports an export file into `repository`, and reports per thread what was imported, what
 * was there already and what was skipped, and why. Throws an `ExportFileError` before storing
 * anything when the file cannot be read or is not an export of `format`.
 */
export async function importExport(
  repository: CommentRepository,
  options: ImportOptions,
): Promise<ImportReport> {
  const { format, file } = options;
  const read = READERS[format];
  const readOptions = {
    name: file,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const before = fileState(file);
  const convert: ConvertOptions = { format };

  // The survey.
  const threads = new Map<string, SourceThread>();
  const entries: Entry[] = [];
  const summary = await read(
    textOf(file),
    {
      thread: (t) => {
        if (!threads.has(t.key)) threads.set(t.key, t);
      },
      comment: (c) => {
        const converted = convertComment(c, convert);
        entries.push({
          key: c.key === '' ? `\u0000${entries.length}` : c.key,
          source: c.key,
          ...(c.datelineId ? { datelineId: c.datelineId } : {}),
          thread: c.thread,
          ...(c.parent ? { parent: c.parent } : {}),
          kept: converted.ok,
          createdAt: converted.ok ? converted.comment.createdAt : '',
          line: c.line,
          ...(converted.ok
            ? converted.notes.length
              ? { notes: converted.notes }
              : {}
            : { skip: converted.skip }),
        });
      },
    },
    readOptions,
  );

  // The plan: ids, threads, parents.
  const site = summary.site ?? '';
  const ids = new Set<string>();
  const used = new Set<string>();
  for (const e of entries) {
    if (!threads.has(e.thread)) {
      e.kept = false;
      e.skip ??= { reason: 'no-thread' };
      continue;
    }
    used.add(e.thread);
    if (!e.kept) continue;
    const id = commentId(format, e, site);
    if (ids.has(id)) {
      e.kept = false;
      e.skip = { reason: 'duplicate' };
      continue;
    }
    ids.add(id);
    e.id = id;
  }
  const known = await repository.threadHeadlines();
  const choices = chooseThreads(
    [...threads.values()].filter((t) => used.has(t.key)),
    {
      format,
      known,
      ...(options.map ? { map: options.map } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    },
  );
  const parents = resolveParents(entries);
  for (let i = 0; i < entries.length; i += 1) {
    const note = parents[i]!.note;
    const e = entries[i]!;
    if (note) e.notes = [...(e.notes ?? []), note];
  }

  // The import.
  const now = fileState(file);
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs)
    throw new ExportFileError(
      `${file} changed while it was being read; nothing was imported. Import it again once it stays the same.`,
    );
  const batchSize = options.batchSize ?? 500;
  const stored = new Set<string>();
  let batch: StoredComment[] = [];
  const flush = async () => {
    const taken = batch;
    batch = [];
    if (taken.length === 0) return;
    for (const id of await repository.importComments({ comments: taken }))
      stored.add(id);
  };
  /** The file's text, a chunk at a time, each after the comments before it were stored. */
  async function* storing(chunks: AsyncIterable<string>) {
    for await (const chunk of chunks) {
      if (batch.length >= batchSize) await flush();
      yield chunk;
    }
  }
  const withAddress: ConvertOptions = {
    format,
    hashAddress: addressHasher(repository.salt()),
  };
  let index = 0;
  const changed = () =>
    new ExportFileError(
      `${file} changed while it was being imported; import it again once it stays the same (what was stored is kept, and is not stored twice).`,
    );
  await read(
    storing(textOf(file)),
    {
      thread: () => {},
      comment: (c: SourceComment) => {
        const e = entries[index];
        index += 1;
        if (!e || e.source !== c.key) throw changed();
        if (!e.kept) return;
        const converted = convertComment(c, withAddress);
        if (!converted.ok) throw changed();
        const parent = parents[index - 1]!.parent;
        batch.push({
          ...converted.comment,
          id: e.id!,
          threadId: choices.get(e.thread)!.threadId,
          parentId: parent === null ? null : entries[parent]!.id!,
        });
      },
    },
    readOptions,
  );
  await flush();
  if (index !== entries.length) throw changed();

  const headlines: ({ threadId: string } & ThreadHeadline)[] = [];
  for (const [key, choice] of choices) {
    if (known.has(choice.threadId)) continue;
    const headline = headlineOf(threads.get(key)!);
    if (headline) headlines.push({ threadId: choice.threadId, ...headline });
  }
  if (headlines.length)
    await repository.importComments({ comments: [], headlines });

  return report(format, file, entries, threads, choices, stored, summary);
}

function report(
  format: SourceFormat,
  file: string,
  entries: readonly Entry[],
  threads: ReadonlyMap<string, SourceThread>,
  choices: ReadonlyMap<string, ThreadChoice>,
  stored: ReadonlySet<string>,
  stats: XmlStats,
): ImportReport {
  interface Building extends ThreadReport {
    skipGroups: Map<string, ReportGroup>;
    noteGroups: Map<string, ReportGroup>;
  }
  const byThread = new Map<string, Building>();
  const outside = new Map<string, ReportGroup>();
  const totals = { imported: 0, present: 0, skipped: 0 };
  for (const e of entries) {
    const choice = choices.get(e.thread);
    if (!choice) {
      totals.skipped += 1;
      group(outside, e.skip!.reason, e, e.skip);
      continue;
    }
    let t = byThread.get(choice.threadId);
    if (!t) {
      const source = threads.get(e.thread)!;
      t = {
        threadId: choice.threadId,
        rule: choice.rule,
        url: source.url,
        title: htmlToText(source.title).replace(/\s+/g, ' '),
        imported: 0,
        present: 0,
        skipped: 0,
        skips: [],
        notes: [],
        skipGroups: new Map(),
        noteGroups: new Map(),
      };
      byThread.set(choice.threadId, t);
    }
    if (!e.kept) {
      t.skipped += 1;
      totals.skipped += 1;
      group(t.skipGroups, e.skip!.reason, e, e.skip);
      continue;
    }
    if (stored.has(e.id!)) {
      t.imported += 1;
      totals.imported += 1;
    } else {
      t.present += 1;
      totals.present += 1;
    }
    for (const note of e.notes ?? []) group(t.noteGroups, note, e);
  }
  return {
    format,
    file,
    threads: [...byThread.values()].map(({ skipGroups, noteGroups, ...t }) => ({
      ...t,
      skips: [...skipGroups.values()],
      notes: [...noteGroups.values()],
    })),
    outside: [...outside.values()],
    totals,
    bareAmpersands: stats.bareAmpersands,
  };
}
