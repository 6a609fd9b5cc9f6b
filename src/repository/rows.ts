/**
 * Rows as SQLite and PostgreSQL both hand them back, and how they become the repository's
 * types: written once, so the two databases cannot drift apart in what they answer. Times in
 * milliseconds, counts and ids are numbers from either (PostgreSQL's BIGINT is read as one).
 * Rows whose columns the two store differently (a flag is 0 or 1 in SQLite, a boolean in
 * PostgreSQL) stay with their database.
 */
import type { Comment, CommentStatus } from '@dateline/core';
import {
  type ActionLink,
  type AuditRecord,
  type AuditRecordItem,
  type ClaimedMessage,
  InvalidCursorError,
  type LinkAction,
  type MessageState,
  type ModerationContext,
  type OutboxChannel,
  type OutboxEvent,
  type Page,
  type PageRequest,
  type Reservation,
  type SignInRequest,
  type SignInToken,
  type StoredBlocklists,
  type StoredComment,
  type SubscriptionConfirmation,
  type ThreadHeadline,
} from './types.js';

export interface CommentRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  author_name: string;
  author_url: string | null;
  author_email: string;
  address_hash: string | null;
  body: string;
  created_at: string;
  status: CommentStatus;
}

export function toPublic(r: CommentRow): Comment {
  return {
    id: r.id,
    threadId: r.thread_id,
    parentId: r.parent_id,
    author: r.author_url
      ? { name: r.author_name, url: r.author_url }
      : { name: r.author_name },
    body: r.body,
    createdAt: r.created_at,
    status: r.status,
  };
}

export function toStored(r: CommentRow): StoredComment {
  return { ...toPublic(r), email: r.author_email, addressHash: r.address_hash };
}

/** Each of `ids` with the value `found` gives it, 0 for those it leaves out. */
export function byThread(
  ids: readonly string[],
  found: readonly { id: string; value: number }[],
): Map<string, number> {
  const values = new Map(found.map((r) => [r.id, r.value]));
  return new Map(ids.map((id) => [id, values.get(id) ?? 0]));
}

/**
 * Keyset cursors: the (created_at, id) of the last top-level comment of a page. One format
 * for both databases, so a reader's cursor still works after the site moves to PostgreSQL.
 */
export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    return Array.isArray(value) &&
      value.length === 2 &&
      value.every((v) => typeof v === 'string')
      ? (value as [string, string])
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The (created_at, id) a page starts after: the cursor's, or beyond either end of the thread.
 * A database that cannot take every string the cursor may hold decodes it with its own check.
 */
export function pageStart(
  order: PageRequest['order'],
  cursor: string | undefined,
  decode: (cursor: string) => [string, string] | undefined = decodeCursor,
): [string, string] {
  if (!cursor) return order === 'oldest' ? ['', ''] : ['\uffff', '\uffff'];
  const decoded = decode(cursor);
  if (!decoded)
    throw new InvalidCursorError(
      'The cursor is not one this service gave out.',
    );
  return decoded;
}

/** Sorts `rows` in place into the page's order: by time, then id, newest first if asked. */
export function inPageOrder<R extends CommentRow>(
  rows: R[],
  order: PageRequest['order'],
): R[] {
  rows.sort((a, b) =>
    a.created_at < b.created_at
      ? -1
      : a.created_at > b.created_at
        ? 1
        : a.id < b.id
          ? -1
          : 1,
  );
  if (order === 'newest') rows.reverse();
  return rows;
}

/** A page of `rows`, with a cursor after `last` (its last top-level comment) when `more` follow. */
export function pageOf(
  rows: readonly CommentRow[],
  more: boolean,
  last: CommentRow | undefined,
): Page {
  return {
    comments: rows.map(toPublic),
    ...(more && last
      ? { nextCursor: encodeCursor(last.created_at, last.id) }
      : {}),
  };
}

/** '' sorts before every stored value: no key starts an export at the very first comment. */
export const EXPORT_START = {
  threadId: '',
  status: '',
  createdAt: '',
  id: '',
} as const;

export interface TitleRow {
  title: string;
  url: string | null;
}

export interface HeadlineRow extends TitleRow {
  thread_id: string;
}

export function toHeadline(row: TitleRow): ThreadHeadline {
  return row.url ? { title: row.title, url: row.url } : { title: row.title };
}

export interface KeyRow {
  request_hash: string | null;
  token: string | null;
  lease_until: number | null;
  status: number | null;
  body: string | null;
}

/** Whether the key has its answer, or a reservation whose lease still runs. */
export function answeredOrHeld(row: KeyRow, now: number): boolean {
  return row.status !== null || (row.lease_until ?? 0) > now;
}

/** What a key that is answered, or held by a live reservation, says to a request. */
export function settled(row: KeyRow, requestHash: string): Reservation {
  const same = row.request_hash === null || row.request_hash === requestHash;
  if (!same) return { kind: 'conflict' };
  return row.status !== null
    ? { kind: 'answered', answer: { status: row.status, body: row.body! } }
    : { kind: 'in-progress' };
}

// Moderation.

export function countsByStatus(
  rows: Iterable<{ status: CommentStatus; n: number }>,
): Record<CommentStatus, number> {
  const counts: Record<CommentStatus, number> = {
    approved: 0,
    pending: 0,
    spam: 0,
    deleted: 0,
  };
  for (const { status, n } of rows) counts[status] = n;
  return counts;
}

export interface ParentRow {
  id: string;
  author_name: string;
  body: string;
}

export function toModerationContext(
  title: TitleRow | undefined,
  parent: ParentRow | undefined,
  approvedBefore: number,
): ModerationContext {
  return {
    ...(title ? { threadTitle: title.title } : {}),
    ...(title?.url ? { threadUrl: title.url } : {}),
    ...(parent
      ? {
          parent: {
            id: parent.id,
            authorName: parent.author_name,
            body: parent.body,
          },
        }
      : {}),
    approvedBefore,
  };
}

export interface EntryRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: AuditRecord['action'];
  note: string | null;
  undoes: string | null;
  undone_by: string | null;
}

/** An entry's items, with the comment's thread and author where the comment still exists. */
export interface ItemRow {
  entry_seq: number;
  comment_id: string;
  from_status: CommentStatus;
  to_status: CommentStatus;
  thread_id: string | null;
  author_name: string | null;
}

/** `entries` as records, each with its items from `items` (read in the order they were written). */
export function toAuditRecords(
  entries: readonly EntryRow[],
  items: Iterable<ItemRow>,
): AuditRecord[] {
  const bySeq = new Map<number, AuditRecordItem[]>();
  for (const row of items) {
    let list = bySeq.get(row.entry_seq);
    if (!list) {
      list = [];
      bySeq.set(row.entry_seq, list);
    }
    // Pushed, not copied: an entry of a whole thread's comments stays linear to read.
    list.push({
      commentId: row.comment_id,
      ...(row.thread_id !== null ? { threadId: row.thread_id } : {}),
      ...(row.author_name !== null ? { authorName: row.author_name } : {}),
      from: row.from_status,
      to: row.to_status,
    });
  }
  return entries.map((e) => ({
    seq: e.seq,
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    items: bySeq.get(e.seq) ?? [],
    ...(e.note !== null ? { note: e.note } : {}),
    ...(e.undoes !== null ? { undoes: e.undoes } : {}),
    ...(e.undone_by !== null ? { undoneBy: e.undone_by } : {}),
  }));
}

export interface BlocklistRow {
  list: 'hold' | 'refuse';
  kind: 'word' | 'email' | 'address';
  value: string;
  label: string | null;
  added_at: string;
}

/** The lists from their entries, each list in the order of `rows`. */
export function toBlocklists(rows: Iterable<BlocklistRow>): StoredBlocklists {
  const lists: StoredBlocklists = {
    hold: { words: [], emails: [], addresses: [] },
    refuse: { words: [], emails: [], addresses: [] },
  };
  for (const row of rows) {
    const list = lists[row.list];
    if (row.kind === 'word') list.words.push(row.value);
    else if (row.kind === 'email') list.emails.push(row.value);
    else
      list.addresses.push({
        hash: row.value,
        label: row.label ?? '',
        addedAt: row.added_at,
      });
  }
  return lists;
}

/**
 * The lists as entries to store, in the order `toBlocklists` reads them back: an entry's
 * index is its position. Only an address's time is read back, so it keeps its own `addedAt`;
 * a word or an email is stamped with the time of the change (`at`).
 */
export function blocklistEntries(
  lists: StoredBlocklists,
  at: string,
): BlocklistRow[] {
  const entries: BlocklistRow[] = [];
  for (const name of ['hold', 'refuse'] as const) {
    const list = lists[name];
    for (const word of list.words)
      entries.push({
        list: name,
        kind: 'word',
        value: word,
        label: null,
        added_at: at,
      });
    for (const email of list.emails)
      entries.push({
        list: name,
        kind: 'email',
        value: email,
        label: null,
        added_at: at,
      });
    for (const address of list.addresses)
      entries.push({
        list: name,
        kind: 'address',
        value: address.hash,
        label: address.label,
        added_at: address.addedAt,
      });
  }
  return entries;
}

// Mail, sign-in and the outbox.

export interface EventRow {
  id: number;
  type: string;
  subject: string;
  data: string;
  created_at: number;
}

export function toEvent(row: EventRow): OutboxEvent {
  return {
    id: row.id,
    type: row.type as OutboxEvent['type'],
    subject: row.subject,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

export interface MessageRow {
  id: number;
  key: string;
  channel: OutboxChannel;
  recipient: string;
  template: string;
  data: string;
  attempts: number;
  due_at: number;
  give_up_at: number;
  lease_token: string;
  created_at: number;
}

export function toClaimed(row: MessageRow): ClaimedMessage {
  return {
    id: row.id,
    key: row.key,
    channel: row.channel,
    recipient: row.recipient,
    template: row.template,
    data: JSON.parse(row.data) as Record<string, unknown>,
    dueAt: row.due_at,
    giveUpAt: row.give_up_at,
    attempts: row.attempts,
    leaseToken: row.lease_token,
    createdAt: row.created_at,
  };
}

export function countsByState(
  rows: Iterable<{ state: MessageState; n: number }>,
): Record<MessageState, number> {
  const counts: Record<MessageState, number> = {
    waiting: 0,
    sent: 0,
    dropped: 0,
    failed: 0,
  };
  for (const { state, n } of rows) counts[state] = n;
  return counts;
}

/** Sign-in requests within a limit's window, and when the first of them was made. */
export interface AttemptsRow {
  n: number;
  first: number | null;
}

/** When a sign-in may be asked for again: 0 while both limits have room. */
export function signInRetryAt(
  byEmail: AttemptsRow,
  byAddress: AttemptsRow,
  limits: SignInRequest['limits'],
): number {
  return Math.max(
    byEmail.n >= limits.email.max ? byEmail.first! + limits.email.windowMs : 0,
    byAddress.n >= limits.address.max
      ? byAddress.first! + limits.address.windowMs
      : 0,
  );
}

export interface SignInTokenRow {
  email: string;
  expires_at: number;
  used_at: number | null;
}

export function toSignInToken(row: SignInTokenRow): SignInToken {
  return { email: row.email, expiresAt: row.expires_at, usedAt: row.used_at };
}

export interface LinkRow {
  link_group: string;
  comment_id: string;
  action: LinkAction;
  email: string;
  expires_at: number;
  used_at: number | null;
  used_action: LinkAction | null;
}

export function toLink(row: LinkRow): ActionLink {
  return {
    commentId: row.comment_id,
    action: row.action,
    email: row.email,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedAction: row.used_action,
  };
}

/** What a one-click link's action makes of the comment. */
export const LINK_STATUS: Readonly<Record<LinkAction, CommentStatus>> = {
  approve: 'approved',
  spam: 'spam',
  delete: 'deleted',
};

// Readers' subscriptions to replies.

/** A confirmation link, with whether its email is confirmed (null while it is not). */
export interface ConfirmationRow {
  email: string;
  expires_at: number;
  used_at: number | null;
  confirmed_at: number | null;
}

export function toConfirmation(row: ConfirmationRow): SubscriptionConfirmation {
  return {
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    confirmed: row.confirmed_at !== null,
  };
}
