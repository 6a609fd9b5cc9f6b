import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  ADMIN_LIMITS,
  AdminListQuerySchema,
  type AuditEntry,
  BLOCKLISTS,
  type BlocklistName,
  BlocklistsRequestSchema,
  type Blocklists,
  type CommentStatus,
  fieldErrors,
  ModerationActionRequestSchema,
  type ModerationAction,
  ModerationRequestSchema,
  newId,
  ThreadIdSchema,
  ThreadTitleRequestSchema,
  UndoRequestSchema,
  adminMessage,
} from '@dateline/core';
import { type Context, Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import { requireModerator } from '../middleware/moderator.js';
import { limitBody } from '../middleware/body-limit.js';
import { wordMatcher } from '../policy/blocklist.js';
import { statusAfter } from '../policy/moderation.js';
import {
  formatKilobytes,
  MAX_ADMIN_REQUEST_BYTES,
} from '../policy/request-size.js';
import type {
  AuditRecord,
  ModerationContext,
  QueueKey,
  StoredAddressEntry,
  StoredBlocklist,
  StoredComment,
} from '../repository/types.js';
import type { RouteDeps } from './deps.js';
import { publicComment } from './threads.js';

/**
 * The largest action: 200 ids of 128 characters, each escaped as `\uXXXX` at worst, with room
 * for the rest of the JSON.
 */
export const MAX_ACTION_REQUEST_BYTES =
  ADMIN_LIMITS.actionIds * (128 * 6 + 3) + 1024;
/** Block lists are sent whole; two thousand entries a list fit with room to spare. */
export const MAX_BLOCKLISTS_REQUEST_BYTES = 2 * 1024 * 1024;

/** A search reads at most this many comments, and this many characters, per request. */
export const SEARCH_MAX_ROWS = 2000;
export const SEARCH_MAX_CHARACTERS = 4_000_000;
const SEARCH_BATCH = 100;
/** Audit entries per page. */
const AUDIT_PAGE = 20;

/** Who did it, for the audit log: a signed-in moderator's email, or the admin token. */
export function actorOf(c: Context): string {
  const identity: unknown = (c.get as (key: string) => unknown)('moderator');
  if (identity && typeof identity === 'object' && 'email' in identity) {
    const { email } = identity as { email: unknown };
    if (typeof email === 'string' && email) return email;
  }
  return 'token';
}

/** Keyset cursors, opaque to clients: a queue's (createdAt, id), the audit log's sequence. */
function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
function queueKey(cursor: string): QueueKey | undefined {
  const value = decodeCursor(cursor);
  return Array.isArray(value) &&
    value.length === 3 &&
    value[0] === 'q' &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string'
    ? { createdAt: value[1], id: value[2] }
    : undefined;
}
const queueCursor = (c: QueueKey) => encodeCursor(['q', c.createdAt, c.id]);
function auditSeq(cursor: string): number | undefined {
  const value = decodeCursor(cursor);
  return Array.isArray(value) &&
    value.length === 2 &&
    value[0] === 'a' &&
    Number.isSafeInteger(value[1]) &&
    value[1] > 0
    ? value[1]
    : undefined;
}

/**
 * The start of a text on one line, cut at a word where one is near, never inside a surrogate
 * pair: what a moderator sees of the comment a reply answers.
 */
export function excerpt(text: string, max: number = ADMIN_LIMITS.excerpt) {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let cut = max - 1;
  if (/[\uDC00-\uDFFF]/.test(line[cut] ?? '')) cut -= 1;
  const space = line.lastIndexOf(' ', cut);
  if (space > max * 0.6) cut = space;
  return `${line.slice(0, cut).trimEnd()}…`;
}

const invalid = (
  c: Context,
  message: string,
  fields?: Record<string, string>,
) => fail(c, 400, { code: 'invalid', message, ...(fields ? { fields } : {}) });

/** The JSON body of a state change, or the refusal to answer. */
async function readJson(
  c: Context,
): Promise<{ json: unknown } | { refused: Response }> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
    return {
      refused: fail(c, 415, {
        code: 'invalid',
        message: 'Send the request as JSON (Content-Type: application/json).',
      }),
    };
  try {
    return { json: await c.req.json() };
  } catch {
    return { refused: invalid(c, 'The request body is not valid JSON.') };
  }
}

const ACTION_FOR: Readonly<Record<CommentStatus, ModerationAction>> = {
  approved: 'approve',
  pending: 'unapprove',
  spam: 'spam',
  deleted: 'delete',
};

/** What the audit log says of an entry; the sequence that orders it stays inside. */
function auditEntry({ seq: _seq, ...entry }: AuditRecord): AuditEntry {
  return entry;
}

/** "3 words, 1 email, 0 addresses" */
function described(list: StoredBlocklist): string {
  const n = (count: number, one: string, many: string) =>
    `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
  return [
    n(list.words.length, 'word', 'words'),
    n(list.emails.length, 'email', 'emails'),
    n(list.addresses.length, 'address', 'addresses'),
  ].join(', ');
}

/** The first of each entry, ignoring case: a list keeps what was typed first. */
function distinct(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = entry.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `/api/admin`: moderation, for a signed-in moderator or the bearer of `DATELINE_ADMIN_TOKEN`.
 * Moderators see emails to judge a comment; address hashes never leave the service: a
 * comment's address is named by an `addressToken` (a MAC of the comment's id), and an address
 * on a block list by an entry id (a MAC of its hash), both keyed by the database's secret.
 * Every change is recorded in the audit log with who made it.
 */
export function admin({
  repository,
  config,
  now = () => new Date(),
}: Pick<RouteDeps, 'repository' | 'config'> & Partial<Pick<RouteDeps, 'now'>>) {
  const app = new Hono();
  app.use(
    '*',
    requireModerator({ repository, config, now: () => now().getTime() }),
  );
  // What moderators see is theirs alone: no cache keeps it.
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const small = limitBody(
    MAX_ADMIN_REQUEST_BYTES,
    `A moderation request is limited to ${formatKilobytes(MAX_ADMIN_REQUEST_BYTES)}.`,
  );
  const action = limitBody(
    MAX_ACTION_REQUEST_BYTES,
    `An action is limited to ${ADMIN_LIMITS.actionIds} comments (${formatKilobytes(MAX_ACTION_REQUEST_BYTES)}).`,
  );
  const lists = limitBody(
    MAX_BLOCKLISTS_REQUEST_BYTES,
    `Block lists are limited to ${formatKilobytes(MAX_BLOCKLISTS_REQUEST_BYTES)} as sent.`,
  );

  const secret = repository.salt();
  const mac = (purpose: string, value: string) =>
    createHmac('sha256', secret)
      .update(`${purpose}\0${value}`)
      .digest('base64url')
      .slice(0, 32);
  const addressToken = (commentId: string) =>
    `${commentId}~${mac('address-token', commentId)}`;
  /** The comment an address token names, if the token is one this service made. */
  const tokenComment = (token: string): string | undefined => {
    const at = token.lastIndexOf('~');
    if (at <= 0) return undefined;
    const id = token.slice(0, at);
    const given = Buffer.from(token.slice(at + 1));
    const expected = Buffer.from(mac('address-token', id));
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? id
      : undefined;
  };
  const entryId = (hash: string) => `a~${mac('address-entry', hash)}`;

  const newEntry = (c: Context) => ({
    id: newId(),
    at: now().toISOString(),
    actor: actorOf(c),
  });

  const row = (comment: StoredComment, context: ModerationContext) => ({
    ...publicComment(comment),
    email: comment.email,
    ...(context.threadTitle ? { threadTitle: context.threadTitle } : {}),
    ...(context.threadUrl ? { threadUrl: context.threadUrl } : {}),
    ...(context.parent
      ? {
          replyTo: {
            id: context.parent.id,
            authorName: context.parent.authorName,
            excerpt: excerpt(context.parent.body),
          },
        }
      : {}),
    approvedBefore: context.approvedBefore,
    ...(comment.addressHash ? { addressToken: addressToken(comment.id) } : {}),
  });

  const blocklistsAnswer = (stored: {
    hold: StoredBlocklist;
    refuse: StoredBlocklist;
  }): Blocklists => {
    const list = (l: StoredBlocklist) => ({
      words: l.words,
      emails: l.emails,
      addresses: l.addresses.map((a) => ({
        id: entryId(a.hash),
        label: a.label,
        addedAt: a.addedAt,
      })),
    });
    return { hold: list(stored.hold), refuse: list(stored.refuse) };
  };

  /**
   * Searches a queue from `before`, newest first: the name, email and text of each comment
   * are read once, by one automaton (linear, whatever the search text). A request reads at
   * most SEARCH_MAX_ROWS comments or SEARCH_MAX_CHARACTERS characters; past that, the cursor
   * says where the next request goes on.
   */
  async function search(
    status: CommentStatus,
    q: string,
    before: QueueKey | undefined,
    limit: number,
  ): Promise<{ comments: StoredComment[]; next?: QueueKey }> {
    const matcher = wordMatcher([q]);
    const found: StoredComment[] = [];
    let at = before;
    let rows = 0;
    let characters = 0;
    for (;;) {
      const batch = await repository.queue({
        status,
        limit: SEARCH_BATCH,
        ...(at ? { before: at } : {}),
      });
      for (const comment of batch) {
        if (
          matcher.test(
            `${comment.author.name}\n${comment.email}\n${comment.body}`,
          )
        ) {
          found.push(comment);
          if (found.length > limit) {
            found.length = limit;
            const last = found[limit - 1]!;
            return {
              comments: found,
              next: { createdAt: last.createdAt, id: last.id },
            };
          }
        }
        at = { createdAt: comment.createdAt, id: comment.id };
        rows += 1;
        characters += comment.body.length;
      }
      if (batch.length < SEARCH_BATCH) return { comments: found };
      if (rows >= SEARCH_MAX_ROWS || characters >= SEARCH_MAX_CHARACTERS)
        return { comments: found, ...(at ? { next: at } : {}) };
    }
  }

  app.get('/queues', async (c) =>
    c.json({ counts: await repository.countByStatus() }),
  );

  app.get('/comments', async (c) => {
    const query = AdminListQuerySchema.safeParse(c.req.query());
    if (!query.success)
      return invalid(c, 'The query is not valid.', fieldErrors(query.error));
    const status = query.data.status ?? 'pending';
    const limit = Number(query.data.limit ?? ADMIN_LIMITS.pageSize);
    let before: QueueKey | undefined;
    if (query.data.cursor) {
      before = queueKey(query.data.cursor);
      if (!before) {
        const message = adminMessage('cursor-invalid');
        return invalid(c, message, { cursor: message });
      }
    }
    let page: { comments: StoredComment[]; next?: QueueKey };
    if (query.data.q) {
      page = await search(status, query.data.q, before, limit);
    } else {
      const comments = await repository.queue({
        status,
        limit: limit + 1,
        ...(before ? { before } : {}),
      });
      const more = comments.length > limit;
      if (more) comments.length = limit;
      const last = comments.at(-1);
      page = {
        comments,
        ...(more && last
          ? { next: { createdAt: last.createdAt, id: last.id } }
          : {}),
      };
    }
    const context = await repository.moderationContext(page.comments);
    return c.json({
      comments: page.comments.map((comment, i) => row(comment, context[i]!)),
      ...(page.next ? { nextCursor: queueCursor(page.next) } : {}),
      counts: await repository.countByStatus(),
    });
  });

  const moderate = async (c: Context, act: ModerationAction, ids: string[]) =>
    repository.moderate({
      entry: { ...newEntry(c), action: act },
      ids,
      statusAfter: (current, before) => statusAfter(act, current, before),
    });

  app.post('/actions', action, async (c) => {
    const body = await readJson(c);
    if ('refused' in body) return body.refused;
    const parsed = ModerationActionRequestSchema.safeParse(body.json);
    if (!parsed.success)
      return invalid(c, 'The action is not valid.', fieldErrors(parsed.error));
    const result = await moderate(c, parsed.data.action, parsed.data.ids);
    return c.json({
      ...(result.entry ? { entry: auditEntry(result.entry) } : {}),
      unchanged: result.unchanged,
      missing: result.missing,
      counts: await repository.countByStatus(),
    });
  });

  app.post('/actions/undo', small, async (c) => {
    const body = await readJson(c);
    if ('refused' in body) return body.refused;
    const parsed = UndoRequestSchema.safeParse(body.json);
    if (!parsed.success)
      return invalid(
        c,
        adminMessage('audit-id-invalid'),
        fieldErrors(parsed.error),
      );
    const result = await repository.undo({
      entry: newEntry(c),
      undoes: parsed.data.id,
    });
    if (result.kind === 'not-found')
      return fail(c, 404, {
        code: 'not-found',
        message: adminMessage('audit-id-invalid'),
      });
    if (result.kind === 'already-undone')
      return fail(c, 409, {
        code: 'conflict',
        message: 'That action was already undone.',
      });
    if (result.kind === 'not-undoable')
      return fail(c, 409, {
        code: 'conflict',
        message:
          'A change of the block lists cannot be undone here: edit the lists again.',
      });
    return c.json({
      ...(result.entry ? { entry: auditEntry(result.entry) } : {}),
      unchanged: result.unchanged,
      missing: [],
      counts: await repository.countByStatus(),
    });
  });

  /** One comment, as the first version of this API did it: recorded like any action. */
  const moderateOne = async (c: Context, status: CommentStatus) => {
    const id = c.req.param('id')!;
    const result = await moderate(c, ACTION_FOR[status], [id]);
    const updated = result.missing.length
      ? undefined
      : await repository.get(id);
    if (!updated)
      return fail(c, 404, {
        code: 'not-found',
        message: 'There is no comment with that id.',
      });
    return c.json({ comment: publicComment(updated) });
  };

  app.patch('/comments/:id', small, async (c) => {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return invalid(c, 'The request body is not valid JSON.');
    }
    const parsed = ModerationRequestSchema.safeParse(json);
    if (!parsed.success)
      return invalid(c, 'The status is not valid.', fieldErrors(parsed.error));
    return moderateOne(c, parsed.data.status);
  });

  app.delete('/comments/:id', small, (c) => moderateOne(c, 'deleted'));

  app.get('/blocklists', async (c) =>
    c.json(blocklistsAnswer(await repository.blocklists())),
  );

  app.put('/blocklists', lists, async (c) => {
    const body = await readJson(c);
    if ('refused' in body) return body.refused;
    const parsed = BlocklistsRequestSchema.safeParse(body.json);
    if (!parsed.success)
      return invalid(
        c,
        'The block lists are not valid.',
        fieldErrors(parsed.error),
      );
    const stored = await repository.blocklists();
    // An address already listed (in either list) keeps its entry; a comment's token adds one.
    const known = new Map<string, StoredAddressEntry>();
    for (const name of BLOCKLISTS)
      for (const entry of stored[name].addresses)
        known.set(entryId(entry.hash), entry);
    const at = now().toISOString();
    const fields: Record<string, string> = {};
    const next = {} as Record<BlocklistName, StoredBlocklist>;
    for (const name of BLOCKLISTS) {
      const input = parsed.data[name];
      const addresses = new Map<string, StoredAddressEntry>();
      for (const [i, ref] of input.addresses.entries()) {
        const kept = known.get(ref);
        if (kept) {
          addresses.set(kept.hash, kept);
          continue;
        }
        const commentId = tokenComment(ref);
        const comment = commentId ? await repository.get(commentId) : undefined;
        if (!comment?.addressHash) {
          fields[`${name}.addresses.${i}`] = adminMessage(
            'blocklist-address-invalid',
          );
          continue;
        }
        if (!addresses.has(comment.addressHash))
          addresses.set(comment.addressHash, {
            hash: comment.addressHash,
            label: `${comment.author.name}, ${comment.createdAt.slice(0, 10)}: “${excerpt(comment.body, 60)}”`,
            addedAt: at,
          });
      }
      next[name] = {
        words: distinct(input.words),
        emails: distinct(input.emails),
        addresses: [...addresses.values()],
      };
    }
    if (Object.keys(fields).length)
      return invalid(c, 'The block lists are not valid.', fields);
    await repository.replaceBlocklists(next, {
      ...newEntry(c),
      note: `Held: ${described(next.hold)}. Refused: ${described(next.refuse)}.`,
    });
    return c.json(blocklistsAnswer(await repository.blocklists()));
  });

  app.get('/audit', async (c) => {
    const cursor = c.req.query('cursor');
    let beforeSeq: number | undefined;
    if (cursor !== undefined) {
      beforeSeq = cursor.length <= 300 ? auditSeq(cursor) : undefined;
      if (beforeSeq === undefined) {
        const message = adminMessage('cursor-invalid');
        return invalid(c, message, { cursor: message });
      }
    }
    const entries = await repository.auditLog({
      limit: AUDIT_PAGE + 1,
      ...(beforeSeq ? { beforeSeq } : {}),
    });
    const more = entries.length > AUDIT_PAGE;
    if (more) entries.length = AUDIT_PAGE;
    const last = entries.at(-1);
    return c.json({
      entries: entries.map(auditEntry),
      ...(more && last ? { nextCursor: encodeCursor(['a', last.seq]) } : {}),
    });
  });

  app.put('/threads/:threadId', small, async (c) => {
    const threadId = c.req.param('threadId');
    if (!ThreadIdSchema.safeParse(threadId).success)
      return invalid(c, 'That is not a thread id.', {
        threadId: 'A thread id is letters, digits and _ . : - (up to 128).',
      });
    const body = await readJson(c);
    if ('refused' in body) return body.refused;
    const parsed = ThreadTitleRequestSchema.safeParse(body.json);
    if (!parsed.success)
      return invalid(
        c,
        'The headline is not valid.',
        fieldErrors(parsed.error),
      );
    await repository.setThreadTitle(threadId, parsed.data);
    return c.json({ threadId, ...parsed.data });
  });

  return app;
}
