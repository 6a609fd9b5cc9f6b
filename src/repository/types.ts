import type {
  AuditAction,
  Comment,
  CommentOrder,
  CommentStatus,
  ModerationAction,
} from '@dateline/core';

/** A comment as the service keeps it: the public comment plus what only moderators see. */
export interface StoredComment extends Comment {
  /** Never part of a public response. */
  email: string;
  /** Salted hash of the poster's address, for rate limits; never the address itself. */
  addressHash: string | null;
}

export interface PageRequest {
  threadId: string;
  /** Top-level comments per page; each comes with all its approved replies. */
  limit: number;
  order: CommentOrder;
  cursor?: string;
}

export interface Page {
  comments: Comment[];
  nextCursor?: string;
}

/** A first answer remembered for an idempotency key. */
export interface IdempotentAnswer {
  status: number;
  body: string;
}

/** A request asking to be the one that does the work for an idempotency key. */
export interface ReservationRequest {
  threadId: string;
  key: string;
  /**
   * Hash of the whole request (thread, key, canonical body): a key answers only the request
   * it was first used with.
   */
  requestHash: string;
  /** Now, in milliseconds since the epoch, by the clock every instance shares. */
  now: number;
  /**
   * How long the reservation holds. A holder that has not finished by then presumably
   * crashed, and a retry may take the reservation over.
   */
  leaseMs: number;
}

/** The outcome of `reserve`. */
export type Reservation =
  /** The caller holds the key and does the work, then `insert`s or `release`s with `token`. */
  | { kind: 'reserved'; token: string }
  /** The same request was answered before: answer it the same. */
  | { kind: 'answered'; answer: IdempotentAnswer }
  /** The same request is being worked on by another holder whose lease has not run out. */
  | { kind: 'in-progress' }
  /** The key was used for a different request. */
  | { kind: 'conflict' };

/** A reservation the caller holds. */
export interface HeldReservation {
  threadId: string;
  key: string;
  token: string;
}

export interface InsertOptions {
  /** Completes this reservation with `answer`, in the same transaction as the comment. */
  reservation?: HeldReservation & { answer: IdempotentAnswer };
  /**
   * The flood limit, checked again under the write lock so concurrent posts from one address
   * cannot all pass it: if the comment's address posted after this ISO time, nothing is
   * stored.
   */
  quietSince?: string;
  /** The author asked to hear about replies: recorded with the comment (see `SubscribeRequest`). */
  subscribe?: SubscribeRequest;
}

export type InsertResult =
  | { stored: true }
  /** The address posted at `lastPostAt`, after `quietSince`. */
  | { stored: false; reason: 'too-fast'; lastPostAt: string }
  /** The reservation ran out and another request took it over; it will answer. */
  | { stored: false; reason: 'reservation-lost' };

/** An earlier comment with the same text, from the same address, in the same thread. */
export interface CommentCopy {
  email: string;
  addressHash: string | null;
  status: CommentStatus;
}

/**
 * Where the service keeps comments. SQLite by default; the interface is what a PostgreSQL
 * implementation has to offer when a site outgrows one machine, so every method is
 * asynchronous and every rule that must hold across instances (one comment per idempotency
 * key, the flood limit) is enforced inside the repository's transactions.
 *
 * The shared contract tests (`contract.ts`) say what each method must do.
 */
export interface CommentRepository {
  /** Approved comments, a page of top-level ones with all their replies. Throws `InvalidCursorError`. */
  page(request: PageRequest): Promise<Page>;
  countApproved(threadId: string): Promise<number>;
  /** Changes whenever what a thread shows changes: the basis of its ETag. */
  threadVersion(threadId: string): Promise<number>;

  // Counts for index pages (GET /api/counts): several threads in one indexed query each.

  /** `countApproved` of each thread, every one asked for (0 when it has none). */
  countApprovedIn(threadIds: readonly string[]): Promise<Map<string, number>>;
  /** `threadVersion` of each thread, every one asked for (0 when it never had a comment shown). */
  threadVersions(threadIds: readonly string[]): Promise<Map<string, number>>;

  // Feeds (GET /feeds/…): the newest approved comments, of one thread or of the whole site.

  /**
   * The newest approved comments (by createdAt, then id, newest first), of one thread when
   * `threadId` is given, with the headline set for each thread among them and for `threadId`
   * (threads without one are left out of `threads`).
   */
  recentApproved(request: RecentRequest): Promise<RecentComments>;

  get(id: string): Promise<StoredComment | undefined>;
  /**
   * Atomically takes an idempotency key for a request, or says who has it. Only one of any
   * number of concurrent callers, across processes, gets `reserved`.
   */
  reserve(request: ReservationRequest): Promise<Reservation>;
  /** Gives a reservation up, so a later retry of the request can do the work. */
  release(reservation: HeldReservation): Promise<void>;
  /**
   * Stores a comment, in one transaction with the completion of its reservation (if any), so
   * the answer for a key exists exactly when its comment does.
   */
  insert(
    comment: StoredComment,
    options?: InsertOptions,
  ): Promise<InsertResult>;
  /**
   * An approved comment's author with this exact name and this email (ignoring ASCII case),
   * if there is one: what first-time moderation asks (see `isReturningCommenter`).
   */
  findApprovedCommenter(author: {
    name: string;
    email: string;
  }): Promise<{ name: string; email: string } | undefined>;
  /** Comments of the thread with exactly this body from this address (at most 100), any status. */
  copiesFrom(request: {
    threadId: string;
    body: string;
    addressHash: string;
  }): Promise<CommentCopy[]>;
  /** When the address last posted, as an ISO date, if ever. */
  lastPostFrom(addressHash: string): Promise<string | undefined>;
  listByStatus(status: CommentStatus, limit: number): Promise<StoredComment[]>;
  setStatus(
    id: string,
    status: CommentStatus,
  ): Promise<StoredComment | undefined>;
  /**
   * Proves the store can be written: commits a real write, and checks that `room` more bytes
   * would still fit. Throws `StorageUnavailableError` when not.
   */
  checkWritable(room: number): Promise<void>;
  /** A secret kept with the data, used to salt address hashes. */
  salt(): string;
  close(): Promise<void>;

  // Moderation: queues, actions and their audit log, block lists, headlines (the admin page).

  /** How many comments each status holds. */
  countByStatus(): Promise<Record<CommentStatus, number>>;
  /** Comments of one status, newest first (by createdAt, then id), strictly before `before`. */
  queue(request: QueueRequest): Promise<StoredComment[]>;
  /**
   * What a moderator sees beside each comment, in the same order: the thread's headline, the
   * comment it replies to (its text cut to about 300 characters), and how many other comments
   * with the same email (ignoring ASCII case) are approved.
   */
  moderationContext(
    comments: readonly StoredComment[],
  ): Promise<ModerationContext[]>;
  /**
   * Applies a moderator's action in one transaction: each comment found gets the status
   * `statusAfter(current, before)` says (`before`: the status it had before it last became
   * what it is, from the audit log), and the changes are recorded as one audit entry. Comments
   * the action leaves as they are, and ids not found, are listed; with no change, no entry is
   * written. Changing what a thread shows changes its version.
   */
  moderate(request: ModerateRequest): Promise<ModerateResult>;
  /**
   * Reverts an audit entry in one transaction: each of its comments that still has the
   * status the entry gave it gets back the status it had; the others are left (someone changed
   * them since). Records the undo as an entry of its own, linked both ways.
   */
  undo(request: UndoRequest): Promise<UndoResult>;
  /** Audit entries, newest first, those before `beforeSeq` when given. */
  auditLog(request: {
    beforeSeq?: number;
    limit: number;
  }): Promise<AuditRecord[]>;
  /** The block lists, in the order they were saved; address entries as hashes. */
  blocklists(): Promise<StoredBlocklists>;
  /** Changes whenever the block lists do, so a cached copy knows when to read them again. */
  blocklistVersion(): Promise<number>;
  /** Replaces both block lists, recording `entry` (without items) in the audit log. */
  replaceBlocklists(
    lists: StoredBlocklists,
    entry: NewAuditEntry & { note: string },
  ): Promise<void>;
  /** Sets the headline (and address) moderators see for a thread. */
  setThreadTitle(
    threadId: string,
    title: { title: string; url?: string },
  ): Promise<void>;

  // Mail, sign-in and the outbox. Times are milliseconds since the epoch; secrets (sign-in
  // tokens, session ids, one-click links) are stored only as hashes.

  /**
   * Events waiting to be turned into messages, oldest first. Storing a comment records
   * `comment.created` and changing its status `comment.status-changed`, in the same
   * transaction; a sign-in request records `sign-in.requested`.
   */
  outboxEvents(limit: number): Promise<OutboxEvent[]>;
  /**
   * Turns an event into its messages and forgets the event, in one transaction. A message
   * whose key was used before is not added again: each recipient gets one per event, however
   * many instances dispatch the same event. Resolves to how many were added.
   */
  dispatchEvent(eventId: number, messages: NewOutboxMessage[]): Promise<number>;
  /**
   * Takes up to `limit` waiting messages that are due, for `leaseMs`: until then no other
   * claim returns them, so two instances never send one message at once. Each claim counts
   * as an attempt.
   */
  claimMessages(request: {
    now: number;
    leaseMs: number;
    limit: number;
  }): Promise<ClaimedMessage[]>;
  /**
   * Records what became of a claimed message. `sent` is recorded whoever holds the lease (the
   * message went out); any other outcome only by the holder of `leaseToken`. Resolves to
   * whether it was recorded.
   */
  settleMessage(
    message: { id: number; leaseToken: string },
    outcome: MessageOutcome,
    now: number,
  ): Promise<boolean>;
  /** How many messages are in each state. */
  outboxCounts(): Promise<Record<MessageState, number>>;
  /**
   * Forgets what is past use: messages finished, sign-in attempts made, and tokens and links
   * expired before `before`; sessions expired by `now`.
   */
  forgetExpired(now: number, before: number): Promise<void>;

  /**
   * Records a request to sign in and its `sign-in.requested` event, unless the email or the
   * address has made `max` requests within `windowMs`; checked under the write lock, so
   * concurrent requests cannot pass a limit together. The same work is done for any email.
   */
  requestSignIn(request: SignInRequest): Promise<SignInRequestResult>;
  createSignInToken(token: {
    tokenHash: string;
    email: string;
    now: number;
    expiresAt: number;
  }): Promise<void>;
  /** A sign-in token as it stands, changing nothing. */
  signInToken(tokenHash: string): Promise<SignInToken | undefined>;
  /** Uses a sign-in token once, and starts a session with it, in one transaction. */
  useSignInToken(request: {
    tokenHash: string;
    now: number;
    session: { idHash: string; expiresAt: number };
  }): Promise<
    { ok: true; email: string } | { ok: false; problem: TokenProblem }
  >;
  /** The session with this id, if it has not expired or ended. */
  session(
    idHash: string,
    now: number,
  ): Promise<{ email: string; expiresAt: number } | undefined>;
  endSession(idHash: string): Promise<void>;

  /** Stores one-click links; links of one `group` (one mail) are spent together. */
  createActionLinks(links: NewActionLink[]): Promise<void>;
  /** A one-click link as it stands, changing nothing. */
  actionLink(tokenHash: string): Promise<ActionLink | undefined>;
  /**
   * Does what a one-click link says, once: only to a comment that still awaits moderation,
   * in one transaction with spending every link of its group.
   */
  useActionLink(request: {
    tokenHash: string;
    now: number;
  }): Promise<ActionLinkResult>;

  /** A recipient's mail preferences, made (mail on, a new unsubscribe key) the first time. */
  mailPreferences(address: string, now: number): Promise<MailPreferences>;
  /** The preferences an unsubscribe key belongs to. */
  mailPreferencesByKey(key: string): Promise<MailPreferences | undefined>;
  /** Turns mail about held comments on or off for the owner of `key`. */
  setHeldCommentMail(
    key: string,
    on: boolean,
    now: number,
  ): Promise<MailPreferences | undefined>;
  /** Which of `addresses` turned mail about held comments off (lower case). */
  heldCommentMailOff(addresses: readonly string[]): Promise<Set<string>>;
  /**
   * The language mail to `address` is written in from now on, its preferences made (mail on,
   * a new unsubscribe key) the first time.
   */
  setMailLanguage(address: string, locale: string, now: number): Promise<void>;

  // Readers' subscriptions to replies: an email (kept lower case) and a thread. An email is
  // confirmed once, by mail, before anything else is sent to it.

  /** Confirmed readers subscribed to the thread, who have not unsubscribed. */
  threadSubscribers(threadId: string): Promise<ReplySubscriber[]>;
  /** One reader's subscription to a thread, as it stands now. */
  replySubscription(
    email: string,
    threadId: string,
  ): Promise<ReplySubscription | undefined>;
  /** The subscription an unsubscribe key belongs to (the email left out). */
  replySubscriptionByKey(key: string): Promise<ReplySubscription | undefined>;
  /** Ends a subscription; resolves to it as it then stands, or undefined for an unknown key. */
  unsubscribeReplies(
    key: string,
    now: number,
  ): Promise<ReplySubscription | undefined>;
  /** Stores a confirmation link (only its hash) made for a mail. */
  createSubscriptionConfirmation(link: {
    tokenHash: string;
    email: string;
    now: number;
    expiresAt: number;
  }): Promise<void>;
  /** A confirmation link as it stands, changing nothing. */
  subscriptionConfirmation(
    tokenHash: string,
  ): Promise<SubscriptionConfirmation | undefined>;
  /** Confirms the link's email, once, in one transaction with spending the link. */
  confirmSubscriber(request: {
    tokenHash: string;
    now: number;
  }): Promise<{ ok: true } | { ok: false; problem: TokenProblem }>;

  // Import and export (npm run import, npm run export): a whole site's comments in and out.

  /**
   * Stores imported comments as they are, in one transaction. A comment whose id is stored
   * already is left as it is (importing twice adds nothing), and so is a headline already
   * set. Threads whose shown comments changed get a new version. Records no outbox event:
   * an import mails and calls no one. Resolves to the ids it stored, in the batch's order.
   */
  importComments(batch: ImportBatch): Promise<string[]>;
  /**
   * Every comment of any status, with its email, ordered by thread id, status, createdAt and
   * id (each compared by code point, as SQLite's BINARY and PostgreSQL's "C" collation do):
   * the first `limit` after `after`, or from the start.
   */
  exportComments(request: ExportRequest): Promise<StoredComment[]>;
  /** Every headline set, by thread id. */
  threadHeadlines(): Promise<Map<string, ThreadHeadline>>;
}

// Import and export: the types of the block above.

export interface ImportBatch {
  comments: readonly StoredComment[];
  /** Headlines of the batch's threads, each set only where its thread has none. */
  headlines?: readonly ({ threadId: string } & ThreadHeadline)[];
}

/** Where an export page starts: after the comment with these values. */
export interface ExportKey {
  threadId: string;
  status: string;
  createdAt: string;
  id: string;
}

export interface ExportRequest {
  after?: ExportKey;
  limit: number;
}

/** What asking to hear about replies records, in the comment's transaction. */
export interface SubscribeRequest {
  /** As typed; compared ignoring case. */
  email: string;
  now: number;
  /**
   * The language the reader asked in (a tag of `SUPPORTED_LOCALES`), for the mail about the
   * thread and the confirmation mail. Asking again in another language changes it.
   */
  locale: string;
  /**
   * Confirmation mails allowed: at most `max` within `windowMs` per email, and per address
   * hash (the comment's). Over either, the request is kept and no mail is asked for.
   */
  limits: {
    email: { max: number; windowMs: number };
    address: { max: number; windowMs: number };
  };
}

export interface ReplySubscriber {
  /** Lower case. */
  email: string;
  /** As the reader typed it, for the envelope. */
  address: string;
}

export interface ReplySubscription {
  threadId: string;
  /** What a one-click unsubscribe link carries. */
  key: string;
  /** False once unsubscribed. */
  active: boolean;
  /** Whether the email was confirmed. */
  confirmed: boolean;
  /** The language the reader last asked in, for their mails (a tag of `SUPPORTED_LOCALES`). */
  locale: string;
  /** The thread's headline and page, when a moderator or the page set them. */
  headline?: ThreadHeadline;
}

export interface SubscriptionConfirmation {
  expiresAt: number;
  usedAt: number | null;
  /** Whether the email is confirmed (by this link or another). */
  confirmed: boolean;
}

/** Something that happened, recorded with it, for the outbox to tell whoever should know. */
export interface OutboxEvent {
  id: number;
  type: OutboxEventType;
  /** What it is about: a comment id, or an email for a sign-in. */
  subject: string;
  data: Record<string, unknown>;
  createdAt: number;
}

export type OutboxEventType =
  | 'comment.created'
  | 'comment.status-changed'
  | 'sign-in.requested'
  /** A reader's email asked to be confirmed for mail about replies; subject: the thread. */
  | 'subscription.requested';

/** How a message travels: mail, or a webhook (the recipient is its URL). */
export type OutboxChannel = 'mail' | 'webhook';

export interface NewOutboxMessage {
  /** Unique per recipient and event: the same key is never sent twice. */
  key: string;
  channel: OutboxChannel;
  /** An email address (or, for a webhook, its URL). */
  recipient: string;
  /** Which message to make, at the moment it is sent, from `data`. */
  template: string;
  data: Record<string, unknown>;
  /** Not sent before; normally now. */
  dueAt: number;
  /** Not worth sending after: the message is dropped. */
  giveUpAt: number;
}

export type MessageState = 'waiting' | 'sent' | 'dropped' | 'failed';

export interface ClaimedMessage extends NewOutboxMessage {
  id: number;
  /** Attempts so far, this one included. */
  attempts: number;
  leaseToken: string;
  createdAt: number;
}

export type MessageOutcome =
  | { state: 'sent' }
  /** Not sent, on purpose (no longer needed, too late); `reason` says why. */
  | { state: 'dropped'; reason: string }
  /** Not sent, and never will be. */
  | { state: 'failed'; reason: string }
  /** Not sent this time; try again at `dueAt`. */
  | { state: 'waiting'; dueAt: number; reason: string };

export interface SignInRequest {
  /** The address as typed, for the mail. */
  email: string;
  /** The language the request was made in, for the mail. */
  locale: string;
  /** Keys for the rate limits: a salted hash of the email (lower case) and of the address. */
  emailKey: string;
  addressKey: string | null;
  now: number;
  limits: {
    email: { max: number; windowMs: number };
    address: { max: number; windowMs: number };
  };
}

export type SignInRequestResult =
  | { accepted: true }
  /** Over a limit: try again at `retryAt`. */
  | { accepted: false; retryAt: number };

export interface SignInToken {
  email: string;
  expiresAt: number;
  usedAt: number | null;
}

/** Why a token or link did nothing: never issued (or forged), used before, or too old. */
export type TokenProblem = 'unknown' | 'used' | 'expired';

export type LinkAction = 'approve' | 'spam' | 'delete';

export interface NewActionLink {
  tokenHash: string;
  group: string;
  commentId: string;
  action: LinkAction;
  /** Whom the link was sent to. */
  email: string;
  now: number;
  expiresAt: number;
}

export interface ActionLink {
  commentId: string;
  action: LinkAction;
  email: string;
  expiresAt: number;
  /** When a link of its group was used, and which action that was. */
  usedAt: number | null;
  usedAction: LinkAction | null;
}

export type ActionLinkResult =
  | { ok: true; action: LinkAction; comment: StoredComment }
  | { ok: false; problem: TokenProblem; link?: ActionLink }
  /** The comment is gone, or no longer awaits moderation: nothing was changed. */
  | { ok: false; problem: 'gone' }
  | { ok: false; problem: 'settled'; comment: StoredComment };

export interface MailPreferences {
  /** Lower case. */
  address: string;
  /** What a one-click unsubscribe link carries. */
  key: string;
  heldComments: boolean;
  /**
   * The language mail to this address is written in: the one it last signed in or used a
   * one-click link with.
   */
  locale: string;
}

// Moderation: the types of the block above.

/** Where a queue page starts: after the comment with this time and id. */
export interface QueueKey {
  createdAt: string;
  id: string;
}

export interface QueueRequest {
  status: CommentStatus;
  before?: QueueKey;
  limit: number;
}

export interface ModerationContext {
  threadTitle?: string;
  threadUrl?: string;
  /** The comment replied to, if it exists; `body` is its start. */
  parent?: { id: string; authorName: string; body: string };
  /** Other comments with the same email that are approved. */
  approvedBefore: number;
}

/** An audit entry about to be written. */
export interface NewAuditEntry {
  id: string;
  /** ISO time. */
  at: string;
  /** A moderator's email, or "token" for the admin token. */
  actor: string;
}

export interface ModerateRequest {
  entry: NewAuditEntry & { action: ModerationAction };
  ids: readonly string[];
  /** The status a comment moves to, or undefined to leave it (see `statusAfter`). */
  statusAfter: (
    current: CommentStatus,
    before: CommentStatus | undefined,
  ) => CommentStatus | undefined;
}

export interface ModerateResult {
  /** The entry written, absent when nothing changed. */
  entry?: AuditRecord;
  unchanged: string[];
  missing: string[];
}

export interface UndoRequest {
  entry: NewAuditEntry;
  /** The id of the entry to revert. */
  undoes: string;
}

export type UndoResult =
  | { kind: 'not-found' }
  /** Already reverted, by the entry `by`. */
  | { kind: 'already-undone'; by: string }
  /** An entry that changed no comment (a block list edit). */
  | { kind: 'not-undoable' }
  | { kind: 'undone'; entry?: AuditRecord; unchanged: string[] };

export interface AuditRecordItem {
  commentId: string;
  /** The comment's thread and author, when the comment still exists. */
  threadId?: string;
  authorName?: string;
  from: CommentStatus;
  to: CommentStatus;
}

/** An audit entry as stored; `seq` orders the log. */
export interface AuditRecord extends NewAuditEntry {
  seq: number;
  action: AuditAction;
  items: AuditRecordItem[];
  note?: string;
  undoes?: string;
  undoneBy?: string;
}

export interface StoredAddressEntry {
  /** The salted address hash; never leaves the service. */
  hash: string;
  /** Whose comment it came from, for the moderator. */
  label: string;
  addedAt: string;
}

export interface StoredBlocklist {
  words: string[];
  emails: string[];
  addresses: StoredAddressEntry[];
}

export interface StoredBlocklists {
  hold: StoredBlocklist;
  refuse: StoredBlocklist;
}

// Feeds: the types of the block above.

export interface RecentRequest {
  /** One thread's comments; the whole site's without. */
  threadId?: string;
  limit: number;
}

/** A thread's headline and the address of its page, as a moderator set them. */
export interface ThreadHeadline {
  title: string;
  url?: string;
}

export interface RecentComments {
  /** Public comments: never an email or an address hash. */
  comments: Comment[];
  threads: Map<string, ThreadHeadline>;
}

/** A cursor this service did not give out. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/**
 * Why the store cannot be written: `full` (no disk space, or the database's size limit),
 * `read-only` (file or disk not writable), `unavailable` (locked, I/O error, unreachable).
 */
export type StorageProblem = 'full' | 'read-only' | 'unavailable';

/**
 * The store refused a read or write for a reason outside the request: nothing the request
 * asked for was stored. `message` is for the operator's log, never for the reader.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly problem: StorageProblem;

  constructor(
    problem: StorageProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.problem = problem;
  }
}
