import * as z from 'zod/mini';
import {
  COMMENT_STATUSES,
  CommentSchema,
  type CommentStatus,
} from '../comment/schema.js';
import { fill, type IssueParams, reworded } from '../messages/lookup.js';
import type { MessageParams } from '../messages/types.js';
import type { FieldErrors } from '../validation/field-errors.js';
import { isEmail, isHttpUrl } from '../validation/formats.js';
import { fitsBefore, nfc, string, wellFormed } from '../validation/text.js';
import { fetcher, send } from './http.js';
import { ERROR_CODES, ErrorResponseSchema } from './protocol-errors.js';

/**
 * The comment service's admin API, for moderators: one definition of every request and
 * answer, read by the service and by `createAdminClient`. Every route answers 401 without a
 * moderator's session or token; emails appear only here, address hashes never (a comment's
 * address is named by an opaque `addressToken`).
 *
 *   GET  /api/admin/queues                              → QueuesResponse
 *   GET  /api/admin/comments?status&q&cursor&limit      → AdminCommentListResponse
 *   POST /api/admin/actions       ModerationActionRequest → ModerationActionResponse
 *   POST /api/admin/actions/undo  UndoRequest            → ModerationActionResponse
 *   GET  /api/admin/blocklists                          → BlocklistsResponse
 *   PUT  /api/admin/blocklists    BlocklistsRequest      → BlocklistsResponse
 *   GET  /api/admin/audit?cursor                        → AuditPageResponse
 *   PUT  /api/admin/threads/:threadId  ThreadTitleRequest → ThreadTitleResponse
 */

/** The sizes the admin API accepts, so the page, the schemas and the service agree. */
export const ADMIN_LIMITS = {
  /** Comments per queue page unless asked otherwise, as WordPress shows 20. */
  pageSize: 20,
  /** The most comments a queue page holds. */
  maxPageSize: 100,
  /** Characters of search text. */
  query: 100,
  /** Comments one action may change. */
  actionIds: 200,
  /** Entries in each block list (words, emails, addresses; held and refused each). */
  blocklistEntries: 2000,
  /** Characters in one block list entry. */
  blocklistEntry: 100,
  /** Characters of an article's headline as moderators see it. */
  threadTitle: 300,
  /** Characters of the replied-to comment shown beside a reply. */
  excerpt: 140,
} as const;

/** What a moderator can do to comments. `restore` brings a spammed or deleted comment back. */
export const MODERATION_ACTIONS = [
  'approve',
  'spam',
  'delete',
  'restore',
  'unapprove',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** What the audit log records: the actions, their undoing, and edits of the block lists. */
export const AUDIT_ACTIONS = [
  ...MODERATION_ACTIONS,
  'undo',
  'blocklists',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Why the admin API refused a request, or the comment service a request's query or extra
 * fields (a thread's list, a comment's `notify`, a moderation's status); each code has one
 * message a moderator or a reader understands.
 */
export type AdminIssueCode =
  | 'queue-invalid'
  | 'search-too-long'
  | 'cursor-invalid'
  | 'limit-invalid'
  | 'action-invalid'
  | 'ids-required'
  | 'ids-too-many'
  | 'comment-id-invalid'
  | 'audit-id-invalid'
  | 'blocklist-too-many'
  | 'blocklist-entry-too-long'
  | 'blocklist-entry-invalid'
  | 'blocklist-email-invalid'
  | 'blocklist-address-invalid'
  | 'thread-title-invalid'
  | 'thread-url-invalid'
  | 'order-invalid'
  | 'notify-invalid'
  | 'status-invalid';

/** English for those refusals: what a moderator or reader is told. Reworded with `setMessages`. */
export const englishAdminMessages: Readonly<Record<AdminIssueCode, string>> = {
  'queue-invalid':
    'The queue must be one of: pending, spam, approved or deleted.',
  'search-too-long': 'Search for at most {max} characters.',
  'cursor-invalid': 'The cursor is not one this service gave out.',
  'limit-invalid': 'The limit must be a whole number from 1 to {max}.',
  'action-invalid':
    'The action must be one of: approve, spam, delete, restore or unapprove.',
  'ids-required': 'Choose at least one comment.',
  'ids-too-many': 'At most {max} comments can be changed at once.',
  'comment-id-invalid':
    'A comment id is letters, digits and _ . : - (up to 128 characters).',
  'audit-id-invalid': 'That is not an entry of the audit log.',
  'blocklist-too-many': 'A block list holds at most {max} entries.',
  'blocklist-entry-too-long':
    'A block list entry is at most {max} characters long.',
  'blocklist-entry-invalid':
    'A block list entry is one line of text, without control characters.',
  'blocklist-email-invalid':
    'An email entry is an address (name@example.com) or a domain starting with @ (@example.com).',
  'blocklist-address-invalid':
    'That address entry is not one this service gave out; reload the block lists and try again.',
  'thread-title-invalid': 'A headline is 1 to {max} characters of text.',
  'thread-url-invalid':
    'An article’s address must start with http:// or https://.',
  'order-invalid': 'The order must be "oldest" or "newest".',
  'notify-invalid':
    'Whether to mail you about follow-up comments must be true or false.',
  'status-invalid': 'The status must be one of: {statuses}.',
};

/**
 * Zod parameters for an admin issue: like the other schemas' (see `issueWith`), the message is
 * looked up by code when the issue is reported, never copied at import.
 */
export function adminIssue(
  code: AdminIssueCode,
  params?: MessageParams,
): IssueParams {
  const all = { ...params, code };
  // Typed as core's other issues, whose codes `MessageCode` lists; lookups take any code.
  return {
    params: all,
    error: () => fill(reworded(code) ?? englishAdminMessages[code], all),
  } as unknown as IssueParams;
}

/** The message for an admin issue code, in the current locale (else English). */
export function adminMessage(
  code: AdminIssueCode,
  params?: MessageParams,
): string {
  return adminIssue(code, params).error();
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** Control characters, and the line and paragraph separators: an entry is one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const DOMAIN = /^@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** Opaque tokens the service gives out: address tokens and address entry ids. */
const TOKEN = /^[A-Za-z0-9_.:~-]{1,200}$/;

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const CommentIdSchema = z.custom<string>(
  (v) => isString(v) && ID.test(v),
  adminIssue('comment-id-invalid'),
);

/** A whole number of comments. */
const CountSchema = z.custom<number>(isCount);

/** How many comments each queue holds. */
export const QueueCountsSchema = z.object({
  pending: CountSchema,
  spam: CountSchema,
  approved: CountSchema,
  deleted: CountSchema,
});
export type QueueCounts = z.infer<typeof QueueCountsSchema>;

export const QueuesResponseSchema = z.object({ counts: QueueCountsSchema });

/** `GET /api/admin/comments` as the service reads its query string. */
export const AdminListQuerySchema = z.object({
  status: z.optional(z.enum(COMMENT_STATUSES, adminIssue('queue-invalid'))),
  q: z.optional(
    string(adminIssue('search-too-long', { max: ADMIN_LIMITS.query })).check(
      fitsBefore(
        ADMIN_LIMITS.query,
        adminIssue('search-too-long', { max: ADMIN_LIMITS.query }),
      ),
      wellFormed,
      z.trim(),
      nfc,
      z.refine(
        (s) => s.length <= ADMIN_LIMITS.query,
        adminIssue('search-too-long', { max: ADMIN_LIMITS.query }),
      ),
    ),
  ),
  cursor: z.optional(
    z.string().check(z.maxLength(300, adminIssue('cursor-invalid'))),
  ),
  limit: z.optional(
    z
      .string()
      .check(
        z.refine(
          (s) =>
            /^[1-9]\d{0,2}$/.test(s) && Number(s) <= ADMIN_LIMITS.maxPageSize,
          adminIssue('limit-invalid', { max: ADMIN_LIMITS.maxPageSize }),
        ),
      ),
  ),
});

/**
 * A comment as a moderator sees it: the public comment, the author's email, the article's
 * headline when the service knows it, the comment it replies to, how many of the author's
 * comments (same email) are approved, and a token that names the sender's address without
 * revealing it (present when the service knows the address).
 */
export const AdminCommentSchema = z.extend(CommentSchema, {
  email: z.string(),
  threadTitle: z.optional(z.string()),
  threadUrl: z.optional(z.string()),
  replyTo: z.optional(
    z.object({
      id: z.string(),
      authorName: z.string(),
      excerpt: z.string(),
    }),
  ),
  approvedBefore: CountSchema,
  addressToken: z.optional(z.string()),
});
export type AdminComment = z.infer<typeof AdminCommentSchema>;

/**
 * Rows read one by one, as `CommentRowsSchema` does: a row that fails `AdminCommentSchema` is
 * left out and counted, so one bad row never blanks a queue.
 */
export const AdminCommentRowsSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((rows) => {
    const comments: AdminComment[] = [];
    for (const row of rows) {
      const parsed = AdminCommentSchema.safeParse(row);
      if (parsed.success) comments.push(parsed.data);
    }
    return { comments, omitted: rows.length - comments.length };
  }),
);

export const AdminCommentListResponseSchema = z.pipe(
  z.object({
    comments: AdminCommentRowsSchema,
    nextCursor: z.optional(z.string()),
    counts: QueueCountsSchema,
  }),
  z.transform(({ comments: rows, ...page }) => ({
    ...page,
    comments: rows.comments,
    ...(rows.omitted ? { omitted: rows.omitted } : {}),
  })),
);
export type AdminCommentPage = z.output<typeof AdminCommentListResponseSchema>;

/** One comment changed by an action: from which status to which. */
export const AuditItemSchema = z.object({
  commentId: z.string(),
  threadId: z.optional(z.string()),
  authorName: z.optional(z.string()),
  from: z.enum(COMMENT_STATUSES),
  to: z.enum(COMMENT_STATUSES),
});
export type AuditItem = z.infer<typeof AuditItemSchema>;

/**
 * An entry of the audit log: who (a moderator's email, or "token" for the admin token), what,
 * when, and which comments it changed from which status.
 */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  items: z.array(AuditItemSchema),
  /** For an undo: the entry it undid. */
  undoes: z.optional(z.string()),
  /** The undo that reverted this entry, if one did. */
  undoneBy: z.optional(z.string()),
  /** What changed, for entries without items (block list edits). */
  note: z.optional(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageResponseSchema = z.pipe(
  z.object({
    entries: z.array(z.unknown()),
    nextCursor: z.optional(z.string()),
  }),
  z.transform(({ entries: rows, nextCursor }) => {
    const entries: AuditEntry[] = [];
    for (const row of rows) {
      const parsed = AuditEntrySchema.safeParse(row);
      if (parsed.success) entries.push(parsed.data);
    }
    const omitted = rows.length - entries.length;
    return {
      entries,
      ...(nextCursor ? { nextCursor } : {}),
      ...(omitted ? { omitted } : {}),
    };
  }),
);
export type AuditPage = z.output<typeof AuditPageResponseSchema>;

/** `POST /api/admin/actions`: one action on one comment or up to 200. */
export const ModerationActionRequestSchema = z.object({
  action: z.enum(MODERATION_ACTIONS, adminIssue('action-invalid')),
  ids: z.pipe(
    z
      .array(z.unknown(), adminIssue('ids-required'))
      .check(
        z.minLength(1, adminIssue('ids-required')),
        z.maxLength(
          ADMIN_LIMITS.actionIds,
          adminIssue('ids-too-many', { max: ADMIN_LIMITS.actionIds }),
        ),
      ),
    z.array(CommentIdSchema),
  ),
});
export type ModerationActionRequest = z.infer<
  typeof ModerationActionRequestSchema
>;

/** `POST /api/admin/actions/undo`: reverts an entry of the audit log. */
export const UndoRequestSchema = z.object({
  id: z.custom<string>(
    (v) => isString(v) && TOKEN.test(v),
    adminIssue('audit-id-invalid'),
  ),
});

/**
 * What an action or an undo did: the audit entry that records it (absent when nothing
 * changed), the comments it left as they were (already so, or changed by someone since), the
 * ids it did not find, and the queues' counts after it.
 */
export const ModerationActionResponseSchema = z.object({
  entry: z.optional(AuditEntrySchema),
  unchanged: z.array(z.string()),
  missing: z.array(z.string()),
  counts: QueueCountsSchema,
});
export type ModerationActionResult = z.infer<
  typeof ModerationActionResponseSchema
>;

/** The two block lists, as WordPress's Discussion settings have them. */
export const BLOCKLISTS = ['hold', 'refuse'] as const;
export type BlocklistName = (typeof BLOCKLISTS)[number];

const tooMany = adminIssue('blocklist-too-many', {
  max: ADMIN_LIMITS.blocklistEntries,
});
/** At most `blocklistEntries` of anything, counted before a single entry is read. */
const bounded = <T extends z.ZodMiniType>(entry: T) =>
  z.pipe(
    z
      .array(z.unknown(), tooMany)
      .check(z.maxLength(ADMIN_LIMITS.blocklistEntries, tooMany)),
    z.array(entry),
  );

const entryTooLong = adminIssue('blocklist-entry-too-long', {
  max: ADMIN_LIMITS.blocklistEntry,
});
/** One line of text, trimmed and NFC, 1 to `blocklistEntry` characters. */
const EntrySchema = string(adminIssue('blocklist-entry-invalid')).check(
  fitsBefore(ADMIN_LIMITS.blocklistEntry, entryTooLong),
  wellFormed,
  z.trim(),
  nfc,
  z.refine((s) => s.length > 0 && !CONTROL.test(s), {
    ...adminIssue('blocklist-entry-invalid'),
    abort: true,
  }),
  z.refine((s) => s.length <= ADMIN_LIMITS.blocklistEntry, entryTooLong),
);
const EmailEntrySchema = z.pipe(
  EntrySchema,
  z.custom<string>(
    (s) => isString(s) && (DOMAIN.test(s) || isEmail(s)),
    adminIssue('blocklist-email-invalid'),
  ),
);
const AddressRefSchema = z.custom<string>(
  (v) => isString(v) && TOKEN.test(v),
  adminIssue('blocklist-address-invalid'),
);

/**
 * What a block list holds as sent: words (matched, ignoring case, anywhere in the name, email,
 * website and text), emails (a whole address, or a domain as `@example.com`), and addresses,
 * each named by an entry id from `BlocklistsResponse` (kept) or a comment's `addressToken`
 * (added).
 */
export const BlocklistInputSchema = z.object({
  words: bounded(EntrySchema),
  emails: bounded(EmailEntrySchema),
  addresses: bounded(AddressRefSchema),
});
export type BlocklistInput = z.input<typeof BlocklistInputSchema>;

/** `PUT /api/admin/blocklists`: both lists, whole. */
export const BlocklistsRequestSchema = z.object({
  hold: BlocklistInputSchema,
  refuse: BlocklistInputSchema,
});
export type BlocklistsRequest = z.input<typeof BlocklistsRequestSchema>;

/** An address on a block list: an opaque id and a label that says whose comment it came from. */
export const AddressEntrySchema = z.object({
  id: z.string(),
  label: z.string(),
  addedAt: z.string(),
});
export type AddressEntry = z.infer<typeof AddressEntrySchema>;

const BlocklistSchema = z.object({
  words: z.array(z.string()),
  emails: z.array(z.string()),
  addresses: z.array(AddressEntrySchema),
});
export type Blocklist = z.infer<typeof BlocklistSchema>;

/**
 * The block lists: `hold` keeps matching comments for moderation (WordPress's "Comment
 * Moderation"); `refuse` marks them as spam and answers as if held, so a spammer learns
 * nothing (its "Disallowed Comment Keys").
 */
export const BlocklistsResponseSchema = z.object({
  hold: BlocklistSchema,
  refuse: BlocklistSchema,
});
export type Blocklists = z.infer<typeof BlocklistsResponseSchema>;

/** `PUT /api/admin/threads/:threadId`: the headline moderators see beside the thread's comments. */
export const ThreadTitleRequestSchema = z.object({
  title: string(
    adminIssue('thread-title-invalid', { max: ADMIN_LIMITS.threadTitle }),
  ).check(
    fitsBefore(
      ADMIN_LIMITS.threadTitle,
      adminIssue('thread-title-invalid', { max: ADMIN_LIMITS.threadTitle }),
    ),
    wellFormed,
    z.trim(),
    nfc,
    z.refine(
      (s) =>
        s.length > 0 &&
        s.length <= ADMIN_LIMITS.threadTitle &&
        !CONTROL.test(s),
      adminIssue('thread-title-invalid', { max: ADMIN_LIMITS.threadTitle }),
    ),
  ),
  url: z.optional(
    z.custom<string>(
      (v) => isString(v) && v.length <= 2000 && isHttpUrl(v),
      adminIssue('thread-url-invalid'),
    ),
  ),
});
export type ThreadTitleRequest = z.input<typeof ThreadTitleRequestSchema>;

export const ThreadTitleResponseSchema = z.object({
  threadId: z.string(),
  title: z.string(),
  url: z.optional(z.string()),
});
export type ThreadTitle = z.infer<typeof ThreadTitleResponseSchema>;

// ── The client ──────────────────────────────────────────────────────────────────────────

export type AdminErrorCode = (typeof ERROR_CODES)[number] | 'network';

/** Why the admin API refused or failed; `fields` maps request paths to messages. */
export class AdminError extends Error {
  override name = 'AdminError';
  readonly code: AdminErrorCode;
  readonly fields: FieldErrors;
  /** HTTP status, when the service answered. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: {
      code: AdminErrorCode;
      fields?: FieldErrors;
      status?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.status = options.status;
  }
}

export interface AdminClientOptions {
  /** The service's API root, e.g. "/api". */
  endpoint: string;
  /** For tests and other runtimes; default the global fetch. */
  fetch?: typeof fetch;
  /**
   * The admin token (`DATELINE_ADMIN_TOKEN`), for scripts. A browser page leaves it out and is
   * signed in by its session cookie.
   */
  token?: string;
}

export interface AdminListOptions {
  /** The queue; default "pending". */
  status?: CommentStatus;
  /** Text to find in the comment, the author's name or email (ignoring case). */
  q?: string;
  /** Where the previous page ended (its `nextCursor`). */
  cursor?: string;
  /** Comments per page, 1 to 100; default 20. */
  limit?: number;
  signal?: AbortSignal;
}

/** The admin API, typed and validated with the schemas the service uses. */
export interface AdminClient {
  /** How many comments each queue holds. */
  queues(options?: { signal?: AbortSignal }): Promise<QueueCounts>;
  /** A page of a queue, newest first. */
  list(options?: AdminListOptions): Promise<AdminCommentPage>;
  /** Approves, marks as spam, deletes, restores or unapproves comments, and records it. */
  act(
    action: ModerationAction,
    ids: readonly string[],
  ): Promise<ModerationActionResult>;
  /** Reverts an entry of the audit log: its comments get back the statuses they had. */
  undo(entryId: string): Promise<ModerationActionResult>;
  blocklists(options?: { signal?: AbortSignal }): Promise<Blocklists>;
  /** Replaces both block lists; answers them as stored. */
  saveBlocklists(lists: BlocklistsRequest): Promise<Blocklists>;
  /** A page of the audit log, newest first. */
  audit(options?: {
    cursor?: string;
    signal?: AbortSignal;
  }): Promise<AuditPage>;
  /** Sets the headline moderators see for a thread. */
  setThreadTitle(
    threadId: string,
    title: ThreadTitleRequest,
  ): Promise<ThreadTitle>;
}

const UNREACHABLE =
  'The comment service could not be reached. Check your connection and try again.';

const isErrorCode = (code: string): code is AdminErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code);

async function refusal(response: Response): Promise<AdminError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's error page, say
  }
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new AdminError(message, {
      code: isErrorCode(code) ? code : 'server',
      fields: fields ?? {},
      status: response.status,
    });
  }
  return new AdminError(
    response.status >= 500
      ? 'The comment service is having trouble. Please try again in a moment.'
      : `The comment service refused the request (${response.status}).`,
    {
      code:
        response.status === 401
          ? 'unauthorized'
          : response.status >= 500
            ? 'server'
            : 'invalid',
      status: response.status,
    },
  );
}

/**
 * A client for the admin API. In the browser it sends the page's cookies (a moderator's
 * session, same origin only); a script gives it the admin token, sent as a bearer token and
 * never in a URL. Every answer is validated with the service's own schemas; a queue or audit
 * page keeps every row it can read and counts the others in `omitted`.
 *
 * @example
 * const admin = createAdminClient({ endpoint: '/api' });
 * const { comments } = await admin.list({ status: 'pending' });
 * await admin.act('approve', comments.map((c) => c.id));
 *
 * @example
 * // a script
 * const admin = createAdminClient({ endpoint: 'https://comments.example.com/api', token: process.env.DATELINE_ADMIN_TOKEN });
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const root = `${options.endpoint.replace(/\/+$/, '')}/admin`;
  const doFetch = fetcher(options.fetch);
  const headers = (json: boolean): Record<string, string> => ({
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  });

  async function call<S extends z.ZodMiniType>(
    schema: S,
    path: string,
    init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<z.output<S>> {
    const response = await send(
      doFetch,
      `${root}${path}`,
      {
        method: init.method ?? 'GET',
        headers: headers(init.body !== undefined),
        credentials: 'same-origin',
        cache: 'no-store',
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      },
      { message: UNREACHABLE },
    ).catch((error: unknown) => {
      if (init.signal?.aborted) throw error;
      throw new AdminError(UNREACHABLE, { code: 'network', cause: error });
    });
    if (!response.ok) throw await refusal(response);
    const parsed = schema.safeParse(
      await response.json().catch(() => undefined),
    );
    if (!parsed.success)
      throw new AdminError(
        'The comment service answered in a way this page cannot read.',
        { code: 'server', status: response.status },
      );
    return parsed.data;
  }

  return {
    queues: async (opts = {}) =>
      (await call(QueuesResponseSchema, '/queues', opts)).counts,
    list: (opts = {}) => {
      const query = new URLSearchParams();
      query.set('status', opts.status ?? 'pending');
      if (opts.q) query.set('q', opts.q);
      if (opts.cursor) query.set('cursor', opts.cursor);
      if (opts.limit) query.set('limit', String(opts.limit));
      return call(
        AdminCommentListResponseSchema,
        `/comments?${query}`,
        opts.signal ? { signal: opts.signal } : {},
      );
    },
    act: (action, ids) =>
      call(ModerationActionResponseSchema, '/actions', {
        method: 'POST',
        body: { action, ids },
      }),
    undo: (id) =>
      call(ModerationActionResponseSchema, '/actions/undo', {
        method: 'POST',
        body: { id },
      }),
    blocklists: (opts = {}) =>
      call(BlocklistsResponseSchema, '/blocklists', opts),
    saveBlocklists: (lists) =>
      call(BlocklistsResponseSchema, '/blocklists', {
        method: 'PUT',
        body: lists,
      }),
    audit: (opts = {}) =>
      call(
        AuditPageResponseSchema,
        `/audit${opts.cursor ? `?cursor=${encodeURIComponent(opts.cursor)}` : ''}`,
        opts.signal ? { signal: opts.signal } : {},
      ),
    setThreadTitle: (threadId, title) =>
      call(
        ThreadTitleResponseSchema,
        `/threads/${encodeURIComponent(threadId)}`,
        { method: 'PUT', body: title },
      ),
  };
}
