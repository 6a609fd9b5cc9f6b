import {
  type AddressEntry,
  type AdminClient,
  type AdminComment,
  AdminError,
  type AdminErrorCode,
  type AuditEntry,
  type BlocklistName,
  type Blocklists,
  BlocklistsRequestSchema,
  type CommentStatus,
  createAdminClient,
  fieldErrors,
  formatDateTime,
  isHttpUrl,
  linkify,
  type ModerationAction,
  type ModerationActionResult,
  type QueueCounts,
} from '@dateline/core';
import { str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatNumber, Localized, msg, plural } from '../shared/localize.js';
import { base } from '../shared/styles.js';
import { styles } from './moderation.styles.js';

type View = 'comments' | 'blocklists' | 'audit';

/**
 * Words made when they are shown, so they are in the element's language then, even if its
 * `lang` changed since the moment they describe.
 */
type Words = () => string;

/** What the page was doing when a request failed: the first sentence of what it says. */
type Task =
  | 'load-queue'
  | 'load-more'
  | 'act'
  | 'undo'
  | 'load-lists'
  | 'save-lists'
  | 'load-audit';

/** A request that failed: what it was for, and the service's code for why, when it gave one. */
interface Failure {
  task: Task;
  code: AdminErrorCode | undefined;
}

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'error'; failure: Failure }
  | { state: 'unauthorized' };

/** The queues, in WordPress's order. */
const QUEUES: readonly CommentStatus[] = [
  'pending',
  'approved',
  'spam',
  'deleted',
];

/** The buttons each queue offers, as WordPress's comment screens do. */
const QUEUE_ACTIONS: Readonly<Record<CommentStatus, ModerationAction[]>> = {
  pending: ['approve', 'spam', 'delete'],
  approved: ['unapprove', 'spam', 'delete'],
  spam: ['restore', 'delete'],
  deleted: ['restore', 'spam'],
};
/** The keys that act, as in WordPress's comment screens (z restores, as its "undo trash" does). */
const SHORTCUTS: Readonly<Record<string, ModerationAction>> = {
  a: 'approve',
  s: 'spam',
  d: 'delete',
  z: 'restore',
};

// ── Words ───────────────────────────────────────────────────────────────────────────────
// Each of these reads the language of the element being rendered: call them while it renders
// (or inside `inLocale`), never at import.

function queueLabel(queue: CommentStatus): string {
  switch (queue) {
    case 'pending':
      return msg('Pending', { id: 'moderation.queue-pending' });
    case 'approved':
      return msg('Approved', { id: 'moderation.queue-approved' });
    case 'spam':
      return msg('Spam', { id: 'moderation.queue-spam' });
    case 'deleted':
      return msg('Deleted', { id: 'moderation.queue-deleted' });
  }
}

/** A status as a word inside a sentence ("pending → approved"). */
function statusWord(status: CommentStatus): string {
  switch (status) {
    case 'pending':
      return msg('pending', { id: 'moderation.status-pending' });
    case 'approved':
      return msg('approved', { id: 'moderation.status-approved' });
    case 'spam':
      return msg('spam', { id: 'moderation.status-spam' });
    case 'deleted':
      return msg('deleted', { id: 'moderation.status-deleted' });
  }
}

/** The name of a queue's list of comments, for assistive technology. */
function queueListLabel(queue: CommentStatus): string {
  switch (queue) {
    case 'pending':
      return msg('Pending comments', { id: 'moderation.list-pending' });
    case 'approved':
      return msg('Approved comments', { id: 'moderation.list-approved' });
    case 'spam':
      return msg('Spam comments', { id: 'moderation.list-spam' });
    case 'deleted':
      return msg('Deleted comments', { id: 'moderation.list-deleted' });
  }
}

function emptyQueue(queue: CommentStatus): string {
  switch (queue) {
    case 'pending':
      return msg('No comments await moderation.', {
        id: 'moderation.empty-pending',
      });
    case 'approved':
      return msg('No approved comments.', { id: 'moderation.empty-approved' });
    case 'spam':
      return msg('No comments are marked as spam.', {
        id: 'moderation.empty-spam',
      });
    case 'deleted':
      return msg('No deleted comments.', { id: 'moderation.empty-deleted' });
  }
}

function noMatch(queue: CommentStatus, query: string): string {
  switch (queue) {
    case 'pending':
      return msg(str`No pending comments match “${query}”.`, {
        id: 'moderation.no-match-pending',
      });
    case 'approved':
      return msg(str`No approved comments match “${query}”.`, {
        id: 'moderation.no-match-approved',
      });
    case 'spam':
      return msg(str`No spam comments match “${query}”.`, {
        id: 'moderation.no-match-spam',
      });
    case 'deleted':
      return msg(str`No deleted comments match “${query}”.`, {
        id: 'moderation.no-match-deleted',
      });
  }
}

function showingAll(queue: CommentStatus): string {
  switch (queue) {
    case 'pending':
      return msg('Showing every pending comment.', {
        id: 'moderation.showing-pending',
      });
    case 'approved':
      return msg('Showing every approved comment.', {
        id: 'moderation.showing-approved',
      });
    case 'spam':
      return msg('Showing every spam comment.', {
        id: 'moderation.showing-spam',
      });
    case 'deleted':
      return msg('Showing every deleted comment.', {
        id: 'moderation.showing-deleted',
      });
  }
}

function actionLabel(action: ModerationAction): string {
  switch (action) {
    case 'approve':
      return msg('Approve', { id: 'moderation.action-approve' });
    case 'unapprove':
      return msg('Unapprove', { id: 'moderation.action-unapprove' });
    case 'spam':
      return msg('Spam', { id: 'moderation.action-spam' });
    case 'delete':
      return msg('Delete', { id: 'moderation.action-delete' });
    case 'restore':
      return msg('Restore', { id: 'moderation.action-restore' });
  }
}

/** "Approved 3 comments." */
function actionDone(action: ModerationAction, n: number): string {
  const count = formatNumber(n);
  switch (action) {
    case 'approve':
      return plural(n, {
        zero: () =>
          msg(str`Approved ${count} comments.`, {
            id: 'moderation.approved.zero',
          }),
        one: () =>
          msg(str`Approved ${count} comment.`, {
            id: 'moderation.approved.one',
          }),
        two: () =>
          msg(str`Approved ${count} comments.`, {
            id: 'moderation.approved.two',
          }),
        few: () =>
          msg(str`Approved ${count} comments.`, {
            id: 'moderation.approved.few',
          }),
        many: () =>
          msg(str`Approved ${count} comments.`, {
            id: 'moderation.approved.many',
          }),
        other: () =>
          msg(str`Approved ${count} comments.`, {
            id: 'moderation.approved.other',
          }),
      });
    case 'unapprove':
      return plural(n, {
        zero: () =>
          msg(str`Unapproved ${count} comments.`, {
            id: 'moderation.unapproved.zero',
          }),
        one: () =>
          msg(str`Unapproved ${count} comment.`, {
            id: 'moderation.unapproved.one',
          }),
        two: () =>
          msg(str`Unapproved ${count} comments.`, {
            id: 'moderation.unapproved.two',
          }),
        few: () =>
          msg(str`Unapproved ${count} comments.`, {
            id: 'moderation.unapproved.few',
          }),
        many: () =>
          msg(str`Unapproved ${count} comments.`, {
            id: 'moderation.unapproved.many',
          }),
        other: () =>
          msg(str`Unapproved ${count} comments.`, {
            id: 'moderation.unapproved.other',
          }),
      });
    case 'spam':
      return plural(n, {
        zero: () =>
          msg(str`Marked as spam: ${count} comments.`, {
            id: 'moderation.marked-spam.zero',
          }),
        one: () =>
          msg(str`Marked as spam: ${count} comment.`, {
            id: 'moderation.marked-spam.one',
          }),
        two: () =>
          msg(str`Marked as spam: ${count} comments.`, {
            id: 'moderation.marked-spam.two',
          }),
        few: () =>
          msg(str`Marked as spam: ${count} comments.`, {
            id: 'moderation.marked-spam.few',
          }),
        many: () =>
          msg(str`Marked as spam: ${count} comments.`, {
            id: 'moderation.marked-spam.many',
          }),
        other: () =>
          msg(str`Marked as spam: ${count} comments.`, {
            id: 'moderation.marked-spam.other',
          }),
      });
    case 'delete':
      return plural(n, {
        zero: () =>
          msg(str`Deleted ${count} comments.`, {
            id: 'moderation.deleted.zero',
          }),
        one: () =>
          msg(str`Deleted ${count} comment.`, {
            id: 'moderation.deleted.one',
          }),
        two: () =>
          msg(str`Deleted ${count} comments.`, {
            id: 'moderation.deleted.two',
          }),
        few: () =>
          msg(str`Deleted ${count} comments.`, {
            id: 'moderation.deleted.few',
          }),
        many: () =>
          msg(str`Deleted ${count} comments.`, {
            id: 'moderation.deleted.many',
          }),
        other: () =>
          msg(str`Deleted ${count} comments.`, {
            id: 'moderation.deleted.other',
          }),
      });
    case 'restore':
      return plural(n, {
        zero: () =>
          msg(str`Restored ${count} comments.`, {
            id: 'moderation.restored.zero',
          }),
        one: () =>
          msg(str`Restored ${count} comment.`, {
            id: 'moderation.restored.one',
          }),
        two: () =>
          msg(str`Restored ${count} comments.`, {
            id: 'moderation.restored.two',
          }),
        few: () =>
          msg(str`Restored ${count} comments.`, {
            id: 'moderation.restored.few',
          }),
        many: () =>
          msg(str`Restored ${count} comments.`, {
            id: 'moderation.restored.many',
          }),
        other: () =>
          msg(str`Restored ${count} comments.`, {
            id: 'moderation.restored.other',
          }),
      });
  }
}

/** The first sentence of a failure: what could not be done. */
function taskFailed(task: Task): string {
  switch (task) {
    case 'load-queue':
      return msg('The comments could not be loaded.', {
        id: 'moderation.failed-load-queue',
      });
    case 'load-more':
      return msg('More comments could not be loaded.', {
        id: 'moderation.failed-load-more',
      });
    case 'act':
      return msg('That could not be done.', { id: 'moderation.failed-act' });
    case 'undo':
      return msg('That could not be undone.', { id: 'moderation.failed-undo' });
    case 'load-lists':
      return msg('The block lists could not be loaded.', {
        id: 'moderation.failed-load-lists',
      });
    case 'save-lists':
      return msg('The block lists were not saved.', {
        id: 'moderation.failed-save-lists',
      });
    case 'load-audit':
      return msg('The audit log could not be loaded.', {
        id: 'moderation.failed-load-audit',
      });
  }
}

/**
 * The second sentence of a failure: why, chosen by the service's code. The service's own
 * message is English and meant for developers; a moderator reads these, in their language.
 */
function failureReason(task: Task, code: AdminErrorCode): string {
  if (code === 'invalid' && task === 'save-lists')
    return msg('Some entries are not valid: see the lines marked below.', {
      id: 'moderation.error-lists-invalid',
    });
  switch (code) {
    case 'network':
      return msg(
        'The comment service could not be reached. Check your connection and try again.',
        { id: 'moderation.error-network' },
      );
    case 'server':
      return msg(
        'The comment service is having trouble. Please try again in a moment.',
        { id: 'moderation.error-server' },
      );
    case 'unavailable':
      return msg(
        'The comment service cannot store anything right now. Please try again later.',
        { id: 'moderation.error-unavailable' },
      );
    case 'forbidden':
      return msg(
        'The comment service accepts changes only from its own pages.',
        { id: 'moderation.error-forbidden' },
      );
    case 'too-large':
      return msg('That is more than the comment service accepts at once.', {
        id: 'moderation.error-too-large',
      });
    case 'too-fast':
      return msg('Too many requests. Wait a moment and try again.', {
        id: 'moderation.error-too-fast',
      });
    case 'conflict':
      return task === 'undo'
        ? msg('That action was already undone.', {
            id: 'moderation.error-already-undone',
          })
        : msg(
            'It was changed in the meantime. Reload the page and try again.',
            { id: 'moderation.error-conflict' },
          );
    case 'not-found':
      return msg(
        'The comment service could not find it. Reload the page and try again.',
        { id: 'moderation.error-not-found' },
      );
    case 'invalid':
    case 'duplicate':
    case 'closed':
    case 'unauthorized':
      return msg(
        'The comment service refused the request. Reload the page and try again.',
        { id: 'moderation.error-refused' },
      );
  }
}

function tryAgain(): string {
  return msg('Try again', { id: 'moderation.try-again' });
}

function failureText({ task, code }: Failure): string {
  const what = taskFailed(task);
  return code ? `${what} ${failureReason(task, code)}` : what;
}

/**
 * Stand-ins for the parts of a sentence that are markup (a name in `<bdi>`, a link, a
 * `<time>`): the sentence is translated whole with these as its values, so each language puts
 * the parts where its word order wants them, and `parts` swaps them for the markup.
 * Private-use characters: no translation writes them, and reader text never goes through
 * `msg`, only into the parts.
 */
const PARTS = ['\uE000', '\uE001', '\uE002', '\uE003'] as const;

/** A translated sentence with its stand-ins swapped for `values`; `text` wraps the words between. */
function parts(
  sentence: string,
  values: readonly unknown[],
  text: (words: string) => unknown = (words) => words,
): unknown[] {
  const out: unknown[] = [];
  const placed = new Set<number>();
  let start = 0;
  for (let i = 0; i < sentence.length; i += 1) {
    const index = sentence.charCodeAt(i) - 0xe000;
    if (index < 0 || index >= PARTS.length) continue;
    if (i > start) out.push(text(sentence.slice(start, i)));
    // A stand-in with no part (a rewording that names one too many) shows nothing.
    if (index < values.length) {
      out.push(values[index]);
      placed.add(index);
    }
    start = i + 1;
  }
  if (start < sentence.length) out.push(text(sentence.slice(start)));
  // A site's rewording that leaves a part out still shows it (an author's name, say).
  values.forEach((value, index) => {
    if (!placed.has(index)) out.push(' ', value);
  });
  return out;
}

/**
 * The key as the shortcuts name it. A moderator whose keyboard types Khmer, Thai or Arabic
 * letters presses the keys where a, s, d… are on an English keyboard: those go by their place.
 */
function shortcutKey(event: KeyboardEvent): string {
  const { key, code } = event;
  if (/^[\x20-\x7E]*$/.test(key)) return key;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return event.shiftKey ? letter : letter.toLowerCase();
  return code === 'Slash' ? '/' : key;
}

/** Plain text in paragraphs, links made by `linkify`; never HTML. */
function renderBody(text: string) {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map(
      (paragraph) =>
        html`<p dir="auto">${linkify(paragraph).map((part) => (typeof part === 'string' ? part : html`<a href=${part.href} rel="nofollow ugc noopener noreferrer">${part.text}</a>`))}</p>`,
    );
}

/** A block list's text as typed: one entry per line. Remembers the line of each entry. */
function entries(text: string): { values: string[]; lines: number[] } {
  const values: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const value = line.trim();
    if (!value) return;
    values.push(value);
    lines.push(i + 1);
  });
  return { values, lines };
}

const LIST_FIELDS = ['words', 'emails'] as const;
type ListField = (typeof LIST_FIELDS)[number];
type ListKey = `${BlocklistName}-${ListField}`;
type ListTexts = Record<ListKey, string>;
type ParsedLists = Record<ListKey, ReturnType<typeof entries>>;
type ListCheck = ReturnType<typeof BlocklistsRequestSchema.safeParse>;

/**
 * Why the block lists were not saved, kept as found so it is worded when shown: the page's own
 * check of the entries (worded by issue code, in the moderator's language, by core's
 * catalogue), or the fields the service refused after that check passed.
 */
type ListProblems =
  | {
      by: 'check';
      error: NonNullable<ListCheck['error']>;
      parsed: ParsedLists;
    }
  | { by: 'service'; paths: string[]; parsed: ParsedLists };

/** The title of the page the element is on, before the count it puts in front of it. */
let titled: { shown: string; page: string } | undefined;

/**
 * The moderation page: queues of comments (pending, approved, spam, deleted) with their
 * counts, each comment with its article, the comment it replies to and its author's email,
 * website and approved comments; approve, spam, delete and restore one comment or a
 * selection, and undo the last action; search; block lists; the audit log. Keyboard-driven as
 * WordPress's comment screens are (j/k to move, a approve, s spam, d delete, z restore, x
 * select, u undo), with the shortcuts shown on the page. While it is on the page, the
 * document's title starts with the number of comments awaiting moderation.
 *
 * Talks to the service's admin API through core's `createAdminClient`: a browser page is
 * signed in by its session cookie; a script gives the element a `.client` made with a token.
 * Writes in the language of its `lang` (or its nearest ancestor's, or the document's).
 *
 * @slot - Not used; the element renders its own content.
 * @csspart moderation - The whole page.
 * @csspart tabs - The queues' tabs.
 * @csspart comment - Each comment of a queue.
 * @csspart notice - The line that says what was done, with its Undo button.
 * @csspart shortcuts - The list of keyboard shortcuts.
 * @cssprop --dateline-accent - Links, buttons, the current comment and focus rings.
 * @cssprop --dateline-border - Rules between comments.
 */
export class DatelineModeration extends Localized(LitElement) {
  static override styles = [base, styles];

  /** The comment service's API root ("/api"), when no `.client` is set. */
  @property() endpoint: string | undefined;
  /** The admin API client; by default one for `endpoint`, signed in by the page's cookies. */
  @property({ attribute: false }) client: AdminClient | undefined;
  /** Where a moderator signs in, linked when the service says nobody is signed in. */
  @property({ attribute: 'sign-in-href' }) signInHref: string | undefined;
  /** The queue shown: pending (default), approved, spam or deleted. */
  @property({ reflect: true }) queue: CommentStatus = 'pending';
  /** Comments per page, 1 to 100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private _view: View = 'comments';
  @state() private _load: Load = { state: 'idle' };
  @state() private _counts: QueueCounts | undefined;
  @state() private _comments: AdminComment[] = [];
  @state() private _next: string | undefined;
  @state() private _more = false;
  @state() private _omitted = 0;
  @state() private _selected: ReadonlySet<string> = new Set();
  @state() private _current = 0;
  @state() private _query = '';
  @state() private _busy = false;
  @state() private _announce: Words | undefined;
  @state() private _undo: string | undefined;
  @state() private _failure: Failure | undefined;
  @state() private _listTexts: ListTexts = {
    'hold-words': '',
    'hold-emails': '',
    'refuse-words': '',
    'refuse-emails': '',
  };
  @state() private _listAddresses: Record<BlocklistName, AddressEntry[]> = {
    hold: [],
    refuse: [],
  };
  @state() private _listProblems: ListProblems | undefined;
  @state() private _listsLoad: Load = { state: 'idle' };
  @state() private _saving = false;
  @state() private _audit: AuditEntry[] = [];
  @state() private _auditNext: string | undefined;
  @state() private _auditLoad: Load = { state: 'idle' };

  private generation = 0;
  private madeClient: { endpoint: string; client: AdminClient } | undefined;
  /** The page's own title, without the count this element puts before it. */
  private pageTitle: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.pageTitle =
      titled && document.title === titled.shown ? titled.page : document.title;
    this.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKey);
    if (this.pageTitle !== undefined) document.title = this.pageTitle;
    this.pageTitle = undefined;
    titled = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('client') ||
      changed.has('endpoint') ||
      changed.has('queue') ||
      changed.has('pageSize')
    )
      void this.loadQueue();
  }

  protected override updated(): void {
    this.showCount();
  }

  /** The client in use: the one given, else one for `endpoint`. */
  private get api(): AdminClient | undefined {
    if (this.client) return this.client;
    if (!this.endpoint) return undefined;
    if (this.madeClient?.endpoint !== this.endpoint)
      this.madeClient = {
        endpoint: this.endpoint,
        client: createAdminClient({ endpoint: this.endpoint }),
      };
    return this.madeClient.client;
  }

  /** Puts the pending count before the page's title, with the element's digits. */
  private showCount(): void {
    const page = this.pageTitle;
    if (page === undefined) return;
    const pending = this._counts?.pending ?? 0;
    const count = formatNumber(pending);
    const shown = pending
      ? msg(str`(${count}) ${page}`, { id: 'moderation.document-title' })
      : page;
    if (document.title !== shown) document.title = shown;
    titled = { shown, page };
  }

  /** What a failed request leaves to say; a missing session shows the way to sign in. */
  private failed(error: unknown, task: Task): Load {
    if (error instanceof AdminError && error.code === 'unauthorized')
      return { state: 'unauthorized' };
    return {
      state: 'error',
      failure: {
        task,
        code: error instanceof AdminError ? error.code : undefined,
      },
    };
  }

  /** Shows a failure in the page's alert, unless it says nobody is signed in. */
  private fail(error: unknown, task: Task, signedOut: 'queue' | 'lists'): void {
    const load = this.failed(error, task);
    if (load.state === 'error') this._failure = load.failure;
    else if (signedOut === 'queue') this._load = load;
    else this._listsLoad = load;
  }

  /** Loads the first page of the queue shown, with the search applied. */
  async loadQueue(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const generation = ++this.generation;
    this._load = { state: 'loading' };
    try {
      const page = await api.list({
        status: this.queue,
        limit: this.pageSize,
        ...(this._query ? { q: this._query } : {}),
      });
      if (generation !== this.generation) return;
      this._comments = page.comments;
      this._next = page.nextCursor;
      this._omitted = page.omitted ?? 0;
      this._selected = new Set();
      this._current = 0;
      this._counts = page.counts;
      this._load = { state: 'ready' };
    } catch (error) {
      if (generation !== this.generation) return;
      this._load = this.failed(error, 'load-queue');
    }
  }

  private async loadMore(): Promise<void> {
    const api = this.api;
    if (!api || !this._next || this._more) return;
    const generation = this.generation;
    this._more = true;
    const before = this._comments.length;
    try {
      const page = await api.list({
        status: this.queue,
        limit: this.pageSize,
        cursor: this._next,
        ...(this._query ? { q: this._query } : {}),
      });
      if (generation !== this.generation) return;
      const known = new Set(this._comments.map((c) => c.id));
      const added = page.comments.filter((c) => !known.has(c.id));
      this._comments = [...this._comments, ...added];
      this._next = page.nextCursor;
      this._omitted += page.omitted ?? 0;
      this._counts = page.counts;
      const n = added.length;
      this._announce = n ? () => moreLoaded(n) : noMore;
      this._undo = undefined;
      if (n) await this.focusComment(before);
    } catch (error) {
      this.fail(error, 'load-more', 'queue');
    } finally {
      this._more = false;
    }
  }

  private async showQueue(queue: CommentStatus, focusTab = false) {
    if (queue !== this.queue) {
      this.queue = queue;
      this._failure = undefined;
    }
    if (focusTab) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${queue}`)?.focus();
    }
  }

  private onTabKey(event: KeyboardEvent, queue: CommentStatus): void {
    const i = QUEUES.indexOf(queue);
    // Arrows move in the reading direction: right is back in a right-to-left language.
    const rtl = getComputedStyle(this).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    const to =
      event.key === forward
        ? QUEUES[(i + 1) % QUEUES.length]
        : event.key === backward
          ? QUEUES[(i + QUEUES.length - 1) % QUEUES.length]
          : event.key === 'Home'
            ? QUEUES[0]
            : event.key === 'End'
              ? QUEUES.at(-1)
              : undefined;
    if (!to) return;
    event.preventDefault();
    void this.showQueue(to, true);
  }

  private async search(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    this._query = input?.value.trim() ?? '';
    await this.loadQueue();
    const queue = this.queue;
    const query = this._query;
    const n = this._comments.length;
    const soFar = this._next !== undefined;
    this._announce =
      this._load.state !== 'ready'
        ? undefined
        : query
          ? () => searchFound(n, query, soFar)
          : () => showingAll(queue);
    this._undo = undefined;
  }

  private async clearSearch(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) input.value = '';
    this._query = '';
    await this.loadQueue();
    const queue = this.queue;
    this._announce = () => showingAll(queue);
    this._undo = undefined;
    input?.focus();
  }

  /** Applies an action to comments and says what it did, with an Undo. */
  async act(action: ModerationAction, ids: readonly string[]): Promise<void> {
    const api = this.api;
    if (!api || this._busy) return;
    if (!ids.length) {
      this._announce = () =>
        msg('No comment is selected: press x to select one.', {
          id: 'moderation.select-first',
        });
      this._undo = undefined;
      return;
    }
    this._busy = true;
    this._failure = undefined;
    // Keyboard users stay where they were: the comment now at the current place.
    const hadFocus = this.focusIsOnComment();
    try {
      const result = await api.act(action, ids);
      this.applyResult(result);
      const changed = result.entry?.items.length ?? 0;
      const kept = result.unchanged.length + result.missing.length;
      const asked = ids.length;
      this._announce = changed
        ? () =>
            kept
              ? `${actionDone(action, changed)} ${leftUnchanged(kept)}`
              : actionDone(action, changed)
        : () => nothingChanged(asked);
      this._undo = result.entry?.id;
      if (hadFocus) await this.focusComment(this._current);
    } catch (error) {
      this.fail(error, 'act', 'queue');
    } finally {
      this._busy = false;
    }
  }

  /** Takes comments that left this queue out of it, and keeps the place. */
  private applyResult(result: ModerationActionResult): void {
    this._counts = result.counts;
    const moved = new Map(
      (result.entry?.items ?? []).map((item) => [item.commentId, item.to]),
    );
    const gone = new Set(
      [...moved].filter(([, to]) => to !== this.queue).map(([id]) => id),
    );
    for (const id of result.missing) gone.add(id);
    this._comments = this._comments
      .filter((c) => !gone.has(c.id))
      .map((c) => (moved.has(c.id) ? { ...c, status: moved.get(c.id)! } : c));
    this._selected = new Set([...this._selected].filter((id) => !gone.has(id)));
    this._current = Math.max(
      0,
      Math.min(this._current, this._comments.length - 1),
    );
    // A page emptied by moderation is refilled from the queue.
    if (!this._comments.length && (this._next || this.currentCount() > 0))
      void this.loadQueue();
  }

  private currentCount(): number {
    return this._counts?.[this.queue] ?? 0;
  }

  /** Reverts the last action. */
  async undo(): Promise<void> {
    const api = this.api;
    const id = this._undo;
    if (!api || this._busy) return;
    if (!id) {
      this._announce = () =>
        msg('There is nothing to undo.', { id: 'moderation.nothing-to-undo' });
      return;
    }
    this._busy = true;
    this._failure = undefined;
    try {
      const result = await api.undo(id);
      this._undo = undefined;
      this._counts = result.counts;
      const back = result.entry?.items ?? [];
      await this.loadQueue();
      const n = back.length;
      this._announce = n
        ? () => undone(n)
        : () =>
            msg('Nothing to undo: those comments were changed since.', {
              id: 'moderation.undo-stale',
            });
      const first = back
        .map((item) => this._comments.findIndex((c) => c.id === item.commentId))
        .find((i) => i >= 0);
      await this.focusComment(first ?? 0);
    } catch (error) {
      this._undo = undefined;
      this.fail(error, 'undo', 'queue');
    } finally {
      this._busy = false;
    }
  }

  private focusIsOnComment(): boolean {
    const active =
      this.renderRoot instanceof ShadowRoot
        ? this.renderRoot.activeElement
        : null;
    return !!active?.closest('article.comment');
  }

  /** Moves keyboard focus to the comment at `index`, or to the queue when it is empty. */
  private async focusComment(index: number): Promise<void> {
    this._current = Math.max(0, Math.min(index, this._comments.length - 1));
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('article.comment.current') ??
      this.renderRoot.querySelector<HTMLElement>('#queue-status');
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
  }

  private toggle(id: string, on?: boolean): void {
    const next = new Set(this._selected);
    if (on ?? !next.has(id)) next.add(id);
    else next.delete(id);
    this._selected = next;
  }

  private toggleAll(on?: boolean): void {
    const all = on ?? this._selected.size < this._comments.length;
    this._selected = new Set(all ? this._comments.map((c) => c.id) : []);
    const n = this._comments.length;
    this._announce = all
      ? () => allSelected(n)
      : () => msg('Selection cleared.', { id: 'moderation.selection-cleared' });
    this._undo = undefined;
  }

  private onKey = (event: KeyboardEvent): void => {
    if (this._view !== 'comments' || this._load.state !== 'ready') return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLInputElement &&
          target.type !== 'checkbox' &&
          target.type !== 'radio'))
    )
      return;
    const key = shortcutKey(event);
    const current = this._comments[this._current];
    const lower = key.toLowerCase();
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      void this.focusComment(this._current + (key === 'j' ? 1 : -1));
    } else if (
      Object.hasOwn(SHORTCUTS, lower) &&
      (key === lower || event.shiftKey)
    ) {
      event.preventDefault();
      const action = SHORTCUTS[lower]!;
      // Shift acts on the selection, as WordPress's Shift+A does.
      const ids =
        key !== lower ? [...this._selected] : current ? [current.id] : [];
      void this.act(action, ids);
    } else if (key === 'x' && current) {
      event.preventDefault();
      this.toggle(current.id);
    } else if (key === 'X') {
      event.preventDefault();
      this.toggleAll();
    } else if (key === 'u') {
      event.preventDefault();
      void this.undo();
    } else if (key === '/') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
    }
  };

  private async showView(view: View): Promise<void> {
    this._view = view;
    this._failure = undefined;
    if (view === 'blocklists' && this._listsLoad.state !== 'ready')
      await this.loadBlocklists();
    if (view === 'audit') await this.loadAudit();
    if (view === 'comments' && this._load.state !== 'ready')
      await this.loadQueue();
  }

  private setLists(lists: Blocklists): void {
    this._listTexts = {
      'hold-words': lists.hold.words.join('\n'),
      'hold-emails': lists.hold.emails.join('\n'),
      'refuse-words': lists.refuse.words.join('\n'),
      'refuse-emails': lists.refuse.emails.join('\n'),
    };
    this._listAddresses = {
      hold: lists.hold.addresses,
      refuse: lists.refuse.addresses,
    };
  }

  private async loadBlocklists(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this._listsLoad = { state: 'loading' };
    try {
      this.setLists(await api.blocklists());
      this._listProblems = undefined;
      this._listsLoad = { state: 'ready' };
    } catch (error) {
      this._listsLoad = this.failed(error, 'load-lists');
    }
  }

  private readTexts(): ListTexts {
    const texts = { ...this._listTexts };
    for (const key of Object.keys(texts) as ListKey[]) {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(
        `#${key}`,
      );
      if (area) texts[key] = area.value;
    }
    return texts;
  }

  /** Saves both lists as typed; says which line of which list is wrong, if any. */
  private async saveBlocklists(event?: Event): Promise<void> {
    event?.preventDefault();
    const api = this.api;
    if (!api || this._saving) return;
    const texts = this.readTexts();
    this._listTexts = texts;
    const parsed = {} as ParsedLists;
    for (const key of Object.keys(texts) as ListKey[])
      parsed[key] = entries(texts[key]);
    const list = (name: BlocklistName) => ({
      words: parsed[`${name}-words`].values,
      emails: parsed[`${name}-emails`].values,
      addresses: this._listAddresses[name].map((a) => a.id),
    });
    const request = { hold: list('hold'), refuse: list('refuse') };
    this._listProblems = undefined;
    this._failure = undefined;
    // The service's schema, checked here first: its refusals carry issue codes, which word
    // each line's problem in the moderator's language.
    const check = BlocklistsRequestSchema.safeParse(request);
    if (!check.success) {
      this._listProblems = { by: 'check', error: check.error, parsed };
      this._failure = { task: 'save-lists', code: 'invalid' };
      await this.focusInvalid();
      return;
    }
    this._saving = true;
    try {
      this.setLists(await api.saveBlocklists(request));
      this._announce = () =>
        msg('Block lists saved.', { id: 'moderation.lists-saved' });
      this._undo = undefined;
    } catch (error) {
      if (error instanceof AdminError && error.code === 'invalid') {
        this._listProblems = {
          by: 'service',
          paths: Object.keys(error.fields),
          parsed,
        };
        this._failure = { task: 'save-lists', code: 'invalid' };
        await this.focusInvalid();
      } else this.fail(error, 'save-lists', 'lists');
    } finally {
      this._saving = false;
    }
  }

  private async focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('[aria-invalid="true"]')
      ?.focus();
  }

  /**
   * Each list's problems, in the element's language: the service and the schema name entries
   * by index ("hold.words.3"); a moderator reads line numbers.
   */
  private listErrors(): Record<string, string> {
    const problems = this._listProblems;
    if (!problems) return {};
    const { parsed } = problems;
    const found: Array<[path: string, message: string]> =
      problems.by === 'check'
        ? Object.entries(fieldErrors(problems.error, { locale: this.locale }))
        : problems.paths.map((path) => [
            path,
            path.split('.')[1] === 'addresses'
              ? msg(
                  'This address could not be kept: reload the block lists and try again.',
                  { id: 'moderation.address-not-kept' },
                )
              : msg('The comment service refused this entry.', {
                  id: 'moderation.entry-refused',
                }),
          ]);
    const out: Record<string, string> = {};
    for (const [path, message] of found) {
      const [name, field, index] = path.split('.');
      const key = `${name}-${field}`;
      if (!Object.hasOwn(parsed, key)) {
        out[`${name}-addresses`] ??= message;
        continue;
      }
      const line =
        index === undefined
          ? undefined
          : parsed[key as ListKey].lines[Number(index)];
      const number = line === undefined ? '' : formatNumber(line);
      const text = line
        ? msg(str`Line ${number}: ${message}`, { id: 'moderation.line-error' })
        : message;
      out[key] = out[key] ? `${out[key]} ${text}` : text;
    }
    return out;
  }

  private async removeAddress(name: BlocklistName, id: string): Promise<void> {
    this._listTexts = this.readTexts();
    this._listAddresses = {
      ...this._listAddresses,
      [name]: this._listAddresses[name].filter((a) => a.id !== id),
    };
    await this.saveBlocklists();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${name}-addresses`)?.focus();
  }

  /** Adds a comment's email or address to a list, and saves. */
  private async block(
    comment: AdminComment,
    name: BlocklistName,
    what: 'email' | 'address',
  ): Promise<void> {
    const api = this.api;
    if (!api || this._busy) return;
    this._busy = true;
    this._failure = undefined;
    try {
      const lists = await api.blocklists();
      const request = {
        hold: {
          words: lists.hold.words,
          emails: lists.hold.emails,
          addresses: lists.hold.addresses.map((a) => a.id),
        },
        refuse: {
          words: lists.refuse.words,
          emails: lists.refuse.emails,
          addresses: lists.refuse.addresses.map((a) => a.id),
        },
      };
      if (what === 'email') request[name].emails.push(comment.email);
      else if (comment.addressToken)
        request[name].addresses.push(comment.addressToken);
      this.setLists(await api.saveBlocklists(request));
      this._listsLoad = { state: 'ready' };
      this._announce = () => blocked(name, what, comment.email);
      this._undo = undefined;
    } catch (error) {
      this.fail(error, 'save-lists', 'lists');
    } finally {
      this._busy = false;
    }
  }

  private async loadAudit(more = false): Promise<void> {
    const api = this.api;
    if (!api) return;
    this._auditLoad = { state: 'loading' };
    try {
      const page = await api.audit(
        more && this._auditNext ? { cursor: this._auditNext } : {},
      );
      this._audit = more ? [...this._audit, ...page.entries] : page.entries;
      this._auditNext = page.nextCursor;
      this._auditLoad = { state: 'ready' };
    } catch (error) {
      this._auditLoad = this.failed(error, 'load-audit');
    }
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────

  private date(at: string) {
    return html`<time datetime=${at}>${formatDateTime(new Date(at), { locale: this.locale })}</time>`;
  }

  private renderViews() {
    const view = (id: View, label: string) =>
      html`<li><button class="view" aria-current=${this._view === id ? 'page' : nothing} @click=${() => this.showView(id)}>${label}</button></li>`;
    return html`<nav aria-label=${msg('Moderation', { id: 'moderation.nav-label' })}>
      <ul class="views">
        ${view('comments', msg('Comments', { id: 'moderation.view-comments' }))}${view('blocklists', msg('Block lists', { id: 'moderation.view-blocklists' }))}${view('audit', msg('Audit log', { id: 'moderation.view-audit' }))}
      </ul>
    </nav>`;
  }

  private renderTabs() {
    return html`<div class="tabs" role="tablist" aria-label=${msg('Queues', { id: 'moderation.queues-label' })} part="tabs">
      ${QUEUES.map((queue) => {
        const selected = queue === this.queue;
        const n = this._counts?.[queue];
        const count = n === undefined ? '' : formatNumber(n);
        return html`<button
          role="tab"
          id="tab-${queue}"
          class="tab"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="queue"
          tabindex=${selected ? 0 : -1}
          @click=${() => this.showQueue(queue)}
          @keydown=${(e: KeyboardEvent) => this.onTabKey(e, queue)}
        >${queueLabel(queue)}${n === undefined ? nothing : html` <span class="count">${msg(str`(${count})`, { id: 'moderation.tab-count' })}</span>`}</button>`;
      })}
    </div>`;
  }

  private renderComment(comment: AdminComment, index: number) {
    const current = index === this._current;
    const selected = this._selected.has(comment.id);
    const name = comment.author.name;
    const website =
      comment.author.url && isHttpUrl(comment.author.url)
        ? comment.author.url
        : undefined;
    const threadUrl =
      comment.threadUrl && isHttpUrl(comment.threadUrl)
        ? comment.threadUrl
        : undefined;
    // Each sentence's stand-ins, in the order of the parts it is given.
    const [who, excerpt] = PARTS;
    const [place, when] = PARTS;
    const author = html`<strong id="by-${comment.id}"><bdi>${name}</bdi></strong>`;
    const where = comment.threadTitle
      ? parts(
          msg(str`On ${place}, ${when}`, {
            id: 'moderation.on-article',
            desc: 'Where and when a comment was written: the article’s headline, then the date and time.',
          }),
          [
            threadUrl
              ? html`<a href=${threadUrl}>${comment.threadTitle}</a>`
              : html`<cite>${comment.threadTitle}</cite>`,
            this.date(comment.createdAt),
          ],
        )
      : parts(
          msg(str`On thread ${place}, ${when}`, {
            id: 'moderation.on-thread',
            desc: 'Where and when a comment was written, for a thread without a headline: its id, then the date and time.',
          }),
          [
            html`<code>${comment.threadId}</code>`,
            this.date(comment.createdAt),
          ],
        );
    const approved = comment.approvedBefore
      ? approvedBefore(comment.approvedBefore)
      : msg('No comment approved before', {
          id: 'moderation.none-approved-before',
        });
    return html`<li>
      <article
        id="comment-${comment.id}"
        class="comment ${current ? 'current' : ''} ${selected ? 'selected' : ''}"
        part="comment"
        tabindex=${current ? 0 : -1}
        aria-current=${current ? 'true' : nothing}
        aria-labelledby="by-${comment.id}"
        @focusin=${() => {
          this._current = index;
        }}
      >
        <div class="head">
          <input
            type="checkbox"
            class="select"
            id="select-${comment.id}"
            aria-label=${msg(str`Select the comment by ${name}`, { id: 'moderation.select-comment' })}
            .checked=${selected}
            @change=${(e: Event) => this.toggle(comment.id, (e.target as HTMLInputElement).checked)}
          />
          <div class="who">
            <p class="author">${parts(
              msg(str`Comment by ${who}`, {
                id: 'moderation.comment-by',
                desc: 'Read by screen readers before the author’s name, which is shown.',
              }),
              [author],
              (words) => html`<span class="visually-hidden">${words}</span>`,
            )}
              <span class="approved">${approved}</span>
            </p>
            <p class="contact">
              <a href="mailto:${comment.email}">${comment.email}</a>${website ? html` · <a href=${website} rel="nofollow ugc noopener noreferrer">${website}</a>` : nothing}
            </p>
          </div>
        </div>
        <p class="where">${where}</p>
        ${
          comment.replyTo
            ? html`<p class="reply-to">${parts(
                msg(str`In reply to ${who}: “${excerpt}”`, {
                  id: 'moderation.reply-to',
                  desc: 'The name of the comment’s author this one answers, then the start of that comment.',
                }),
                [
                  html`<bdi>${comment.replyTo.authorName}</bdi>`,
                  html`<bdi>${comment.replyTo.excerpt}</bdi>`,
                ],
              )}</p>`
            : comment.parentId
              ? html`<p class="reply-to">${msg('In reply to a comment that no longer exists.', { id: 'moderation.reply-to-gone' })}</p>`
              : nothing
        }
        <div class="body">${renderBody(comment.body)}</div>
        <div class="actions">
          ${QUEUE_ACTIONS[this.queue].map(
            (action) =>
              html`<button class="action ${action}" ?disabled=${this._busy} @click=${() => this.act(action, [comment.id])}>${actionLabel(action)}</button>`,
          )}
          <details class="block">
            <summary>${msg('Block…', { id: 'moderation.block-menu' })}</summary>
            <div class="block-actions">
              <button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'hold', 'email')}>${msg('Hold future comments from this email', { id: 'moderation.hold-email' })}</button>
              <button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'refuse', 'email')}>${msg('Mark future comments from this email as spam', { id: 'moderation.refuse-email' })}</button>
              ${
                comment.addressToken
                  ? html`<button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'hold', 'address')}>${msg('Hold future comments from this address', { id: 'moderation.hold-address' })}</button>
                    <button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'refuse', 'address')}>${msg('Mark future comments from this address as spam', { id: 'moderation.refuse-address' })}</button>`
                  : nothing
              }
            </div>
          </details>
        </div>
      </article>
    </li>`;
  }

  private renderBulk() {
    const n = this._selected.size;
    const all = n > 0 && n === this._comments.length;
    // The buttons are described by the count, so "Approve" is read "Approve, 2 comments
    // selected" as one sentence in every language, not a phrase assembled from pieces.
    return html`<div class="bulk" role="group" aria-label=${msg('Selected comments', { id: 'moderation.bulk-label' })}>
      <label class="select-all"><input
        type="checkbox"
        .checked=${all}
        .indeterminate=${n > 0 && !all}
        @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
      /> ${msg('Select all shown', { id: 'moderation.select-all' })}</label>
      <span class="selected-count" id="selected-count">${n ? selectedCount(n) : msg('None selected', { id: 'moderation.none-selected' })}</span>
      ${QUEUE_ACTIONS[this.queue].map(
        (action) =>
          html`<button class="bulk-action ${action}" aria-describedby="selected-count" ?disabled=${!n || this._busy} @click=${() => this.act(action, [...this._selected])}>${actionLabel(action)}</button>`,
      )}
    </div>`;
  }

  private renderShortcuts() {
    const key = (keys: unknown, what: string) =>
      html`<div><dt>${keys}</dt><dd>${what}</dd></div>`;
    const shift = html`<kbd>${msg('Shift', { id: 'moderation.key-shift', desc: 'The Shift key, as keyboards label it.' })}</kbd>`;
    return html`<section class="shortcuts" part="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">${msg('Keyboard shortcuts', { id: 'moderation.shortcuts-title' })}</h2>
      <dl>
        ${key(html`<kbd>j</kbd> / <kbd>k</kbd>`, msg('Next / previous comment', { id: 'moderation.key-next-previous' }))}
        ${key(html`<kbd>a</kbd>`, msg('Approve', { id: 'moderation.key-approve' }))}
        ${key(html`<kbd>s</kbd>`, msg('Mark as spam', { id: 'moderation.key-spam' }))}
        ${key(html`<kbd>d</kbd>`, msg('Delete', { id: 'moderation.key-delete' }))}
        ${key(html`<kbd>z</kbd>`, msg('Restore', { id: 'moderation.key-restore' }))}
        ${key(html`<kbd>x</kbd>`, msg('Select or unselect', { id: 'moderation.key-select' }))}
        ${key(html`${shift} + <kbd>a</kbd>, <kbd>s</kbd>, <kbd>d</kbd>, <kbd>z</kbd>`, msg('Act on the selected comments', { id: 'moderation.key-act-selected' }))}
        ${key(html`${shift} + <kbd>x</kbd>`, msg('Select or unselect all shown', { id: 'moderation.key-select-all' }))}
        ${key(html`<kbd>u</kbd>`, msg('Undo the last action', { id: 'moderation.key-undo' }))}
        ${key(html`<kbd>/</kbd>`, msg('Search', { id: 'moderation.key-search' }))}
      </dl>
    </section>`;
  }

  private renderQueue() {
    const load = this._load;
    const status =
      load.state === 'loading' || load.state === 'idle'
        ? msg('Loading comments…', { id: 'moderation.loading-comments' })
        : load.state === 'ready' && !this._comments.length
          ? this._query
            ? noMatch(this.queue, this._query)
            : emptyQueue(this.queue)
          : '';
    return html`${this.renderTabs()}
      <section id="queue" role="tabpanel" aria-labelledby="tab-${this.queue}">
        <form class="search" role="search" @submit=${this.search}>
          <label for="search">${msg('Search comments', { id: 'moderation.search-label' })}</label>
          <div class="search-row">
            <input id="search" type="search" name="q" maxlength="100" autocomplete="off" .value=${this._query} />
            <button class="button" type="submit">${msg('Search', { id: 'moderation.search' })}</button>
            ${this._query ? html`<button class="link-button" type="button" @click=${this.clearSearch}>${msg('Show all', { id: 'moderation.show-all' })}</button>` : nothing}
          </div>
        </form>
        ${this._comments.length ? this.renderBulk() : nothing}
        ${load.state === 'error' ? html`<div class="alert" role="alert"><p>${failureText(load.failure)}</p><button class="link-button" @click=${this.loadQueue}>${tryAgain()}</button></div>` : nothing}
        <p id="queue-status" class="queue-status" tabindex="-1">${status}</p>
        ${this._omitted ? html`<p class="omitted">${omitted(this._omitted)}</p>` : nothing}
        ${
          this._comments.length
            ? html`<ol class="queue" aria-label=${queueListLabel(this.queue)}>${this._comments.map((c, i) => this.renderComment(c, i))}</ol>`
            : nothing
        }
        ${
          this._next
            ? html`<button class="button more" ?disabled=${this._more} @click=${this.loadMore}>${
                this._more
                  ? msg('Loading…', { id: 'moderation.loading' })
                  : this._query
                    ? msg('Search older comments', {
                        id: 'moderation.search-older',
                      })
                    : msg('Load more comments', { id: 'moderation.load-more' })
              }</button>`
            : nothing
        }
        ${this.renderShortcuts()}
      </section>`;
  }

  private renderList(name: BlocklistName, errors: Record<string, string>) {
    const title =
      name === 'hold'
        ? msg('Hold for moderation', { id: 'moderation.hold-title' })
        : msg('Mark as spam (refuse)', { id: 'moderation.refuse-title' });
    const hint =
      name === 'hold'
        ? msg(
            'A comment that contains any of these words in its text, name, email or website, or comes from one of these emails or addresses, waits in the pending queue.',
            { id: 'moderation.hold-hint' },
          )
        : msg(
            'A comment that matches is marked as spam; its sender is told it awaits moderation, as with any held comment.',
            { id: 'moderation.refuse-hint' },
          );
    const area = (field: ListField, label: string, help: string) => {
      const id = `${name}-${field}` as const;
      const error = errors[id];
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <p class="hint" id="${id}-hint">${help}</p>
        <textarea
          id=${id}
          rows="5"
          spellcheck="false"
          aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
          aria-invalid=${error ? 'true' : nothing}
          .value=${this._listTexts[id]}
        ></textarea>
        ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
      </div>`;
    };
    const addresses = this._listAddresses[name];
    const addressError = errors[`${name}-addresses`];
    return html`<fieldset>
      <legend>${title}</legend>
      <p class="hint">${hint}</p>
      ${area(
        'words',
        msg('Words', { id: 'moderation.words' }),
        msg('One word or phrase per line; case does not matter.', {
          id: 'moderation.words-hint',
        }),
      )}
      ${area(
        'emails',
        msg('Emails', { id: 'moderation.emails' }),
        msg(
          'One per line: an address (name@example.com), or a domain (@example.com).',
          { id: 'moderation.emails-hint' },
        ),
      )}
      <div class="field">
        <h3 id="${name}-addresses" tabindex="-1">${msg('Addresses', { id: 'moderation.addresses' })}</h3>
        ${
          addresses.length
            ? html`<ul class="addresses" aria-labelledby="${name}-addresses">${addresses.map(
                ({ id, label }) =>
                  html`<li><span><bdi>${label}</bdi></span> <button type="button" class="link-button" aria-label=${msg(str`Remove the address of ${label}`, { id: 'moderation.remove-address' })} ?disabled=${this._saving} @click=${() => this.removeAddress(name, id)}>${msg('Remove', { id: 'moderation.remove' })}</button></li>`,
              )}</ul>`
            : html`<p class="hint">${msg(
                'None. Add one from a comment’s “Block…” menu: its address is never shown.',
                {
                  id: 'moderation.no-addresses',
                  desc: '“Block…” is the menu of each comment (moderation.block-menu).',
                },
              )}</p>`
        }
        ${addressError ? html`<p class="error">${addressError}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  private renderBlocklists() {
    const load = this._listsLoad;
    if (load.state === 'loading' || load.state === 'idle')
      return html`<p>${msg('Loading the block lists…', { id: 'moderation.loading-lists' })}</p>`;
    if (load.state === 'error')
      return html`<div class="alert" role="alert"><p>${failureText(load.failure)}</p><button class="link-button" @click=${this.loadBlocklists}>${tryAgain()}</button></div>`;
    const errors = this.listErrors();
    return html`<section aria-labelledby="lists-title">
      <h2 id="lists-title">${msg('Block lists', { id: 'moderation.lists-title' })}</h2>
      <form class="lists" @submit=${this.saveBlocklists} novalidate>
        ${this.renderList('hold', errors)}
        ${this.renderList('refuse', errors)}
        <button class="button" type="submit" ?disabled=${this._saving}>${
          this._saving
            ? msg('Saving…', { id: 'moderation.saving' })
            : msg('Save block lists', { id: 'moderation.save-lists' })
        }</button>
      </form>
    </section>`;
  }

  private renderAuditEntry(entry: AuditEntry) {
    const actor = html`<strong>${entry.actor === 'token' ? msg('the admin token', { id: 'moderation.admin-token' }) : entry.actor}</strong>`;
    const sentence = auditSentence(entry);
    return html`<li>
      <p>${parts(sentence, [this.date(entry.at), actor])}${
        // The service writes this summary when the lists change; it is stored in English.
        entry.action === 'blocklists' && entry.note
          ? html` <span lang="en">${entry.note}</span>`
          : nothing
      }${entry.undoneBy ? html` <em>${msg('(undone)', { id: 'moderation.undone-mark' })}</em>` : nothing}</p>
      ${
        entry.items.length
          ? html`<ul class="items">${entry.items.map((item) => {
              const [who, thread, from, to] = PARTS;
              const values = [
                html`<bdi>${item.authorName ?? item.commentId}</bdi>`,
                html`<code>${item.threadId}</code>`,
                statusWord(item.from),
                statusWord(item.to),
              ];
              return html`<li>${parts(
                item.threadId
                  ? msg(str`${who} on ${thread}: ${from} → ${to}`, {
                      id: 'moderation.audit-item-thread',
                      desc: 'A comment an action changed: its author (or id), its thread, the status before and after.',
                    })
                  : msg(str`${who}: ${from} → ${to}`, {
                      id: 'moderation.audit-item',
                      desc: 'A comment an action changed: its author (or id), the status before and after.',
                    }),
                values,
              )}</li>`;
            })}</ul>`
          : nothing
      }
    </li>`;
  }

  private renderAudit() {
    const load = this._auditLoad;
    return html`<section aria-labelledby="audit-title">
      <h2 id="audit-title">${msg('Audit log', { id: 'moderation.audit-title' })}</h2>
      ${load.state === 'loading' && !this._audit.length ? html`<p>${msg('Loading the audit log…', { id: 'moderation.loading-audit' })}</p>` : nothing}
      ${load.state === 'error' ? html`<div class="alert" role="alert"><p>${failureText(load.failure)}</p></div>` : nothing}
      ${load.state === 'ready' && !this._audit.length ? html`<p>${msg('Nothing has been moderated yet.', { id: 'moderation.audit-empty' })}</p>` : nothing}
      ${
        this._audit.length
          ? html`<ol class="audit">${this._audit.map((entry) => this.renderAuditEntry(entry))}</ol>`
          : nothing
      }
      ${
        this._auditNext
          ? html`<button class="button more" ?disabled=${load.state === 'loading'} @click=${() => this.loadAudit(true)}>${msg('Older entries', { id: 'moderation.older-entries' })}</button>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    const signedOut =
      this._load.state === 'unauthorized' ||
      this._listsLoad.state === 'unauthorized' ||
      this._auditLoad.state === 'unauthorized';
    const signIn =
      this.signInHref &&
      (this.signInHref.startsWith('/') || isHttpUrl(this.signInHref))
        ? this.signInHref
        : undefined;
    return html`<div class="moderation" part="moderation" lang=${this.locale}>
      ${
        signedOut
          ? html`<div class="alert" role="alert">
              <p>${msg('You are not signed in, or your session has ended.', { id: 'moderation.signed-out' })}</p>
              ${signIn ? html`<p><a href=${signIn}>${msg('Sign in to moderate', { id: 'moderation.sign-in' })}</a></p>` : nothing}
            </div>`
          : html`${this.renderViews()}
            ${this._failure ? html`<div class="alert" role="alert"><p>${failureText(this._failure)}</p></div>` : nothing}
            ${this._view === 'comments' ? this.renderQueue() : this._view === 'blocklists' ? this.renderBlocklists() : this.renderAudit()}`
      }
      <div class="notice ${this._announce ? 'shown' : ''}" part="notice" role="status" aria-live="polite">
        <span>${this._announce?.() ?? ''}</span>${this._undo ? html` <button class="link-button undo" ?disabled=${this._busy} @click=${this.undo}>${msg('Undo', { id: 'moderation.undo' })}</button>` : nothing}
      </div>
    </div>`;
  }
}

// ── Counted words ─────────────────────────────────────────────────────────────────────────
// Every form a language we ship uses (Arabic uses all six); English says "other" for the
// forms it does not use.

function moreLoaded(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`${count} comments more loaded.`, {
        id: 'moderation.more-loaded.zero',
      }),
    one: () =>
      msg(str`${count} comment more loaded.`, {
        id: 'moderation.more-loaded.one',
      }),
    two: () =>
      msg(str`${count} comments more loaded.`, {
        id: 'moderation.more-loaded.two',
      }),
    few: () =>
      msg(str`${count} comments more loaded.`, {
        id: 'moderation.more-loaded.few',
      }),
    many: () =>
      msg(str`${count} comments more loaded.`, {
        id: 'moderation.more-loaded.many',
      }),
    other: () =>
      msg(str`${count} comments more loaded.`, {
        id: 'moderation.more-loaded.other',
      }),
  });
}

function noMore(): string {
  return msg('No more comments matched.', { id: 'moderation.no-more' });
}

function searchFound(n: number, query: string, soFar: boolean): string {
  const count = formatNumber(n);
  if (soFar)
    return plural(n, {
      zero: () =>
        msg(str`${count} comments so far match “${query}”.`, {
          id: 'moderation.found-so-far.zero',
        }),
      one: () =>
        msg(str`${count} comment so far matches “${query}”.`, {
          id: 'moderation.found-so-far.one',
        }),
      two: () =>
        msg(str`${count} comments so far match “${query}”.`, {
          id: 'moderation.found-so-far.two',
        }),
      few: () =>
        msg(str`${count} comments so far match “${query}”.`, {
          id: 'moderation.found-so-far.few',
        }),
      many: () =>
        msg(str`${count} comments so far match “${query}”.`, {
          id: 'moderation.found-so-far.many',
        }),
      other: () =>
        msg(str`${count} comments so far match “${query}”.`, {
          id: 'moderation.found-so-far.other',
        }),
    });
  return plural(n, {
    zero: () =>
      msg(str`${count} comments match “${query}”.`, {
        id: 'moderation.found.zero',
      }),
    one: () =>
      msg(str`${count} comment matches “${query}”.`, {
        id: 'moderation.found.one',
      }),
    two: () =>
      msg(str`${count} comments match “${query}”.`, {
        id: 'moderation.found.two',
      }),
    few: () =>
      msg(str`${count} comments match “${query}”.`, {
        id: 'moderation.found.few',
      }),
    many: () =>
      msg(str`${count} comments match “${query}”.`, {
        id: 'moderation.found.many',
      }),
    other: () =>
      msg(str`${count} comments match “${query}”.`, {
        id: 'moderation.found.other',
      }),
  });
}

/** What an action left as it was: already so, or gone. */
function leftUnchanged(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`${count} comments left as they were.`, {
        id: 'moderation.left-unchanged.zero',
      }),
    one: () =>
      msg(str`${count} comment left as it was.`, {
        id: 'moderation.left-unchanged.one',
      }),
    two: () =>
      msg(str`${count} comments left as they were.`, {
        id: 'moderation.left-unchanged.two',
      }),
    few: () =>
      msg(str`${count} comments left as they were.`, {
        id: 'moderation.left-unchanged.few',
      }),
    many: () =>
      msg(str`${count} comments left as they were.`, {
        id: 'moderation.left-unchanged.many',
      }),
    other: () =>
      msg(str`${count} comments left as they were.`, {
        id: 'moderation.left-unchanged.other',
      }),
  });
}

/** An action that changed none of the `n` comments it was asked to. */
function nothingChanged(n: number): string {
  return plural(n, {
    zero: () =>
      msg('Nothing changed: the comments were already so.', {
        id: 'moderation.nothing-changed.zero',
      }),
    one: () =>
      msg('Nothing changed: the comment was already so.', {
        id: 'moderation.nothing-changed.one',
      }),
    two: () =>
      msg('Nothing changed: the comments were already so.', {
        id: 'moderation.nothing-changed.two',
      }),
    few: () =>
      msg('Nothing changed: the comments were already so.', {
        id: 'moderation.nothing-changed.few',
      }),
    many: () =>
      msg('Nothing changed: the comments were already so.', {
        id: 'moderation.nothing-changed.many',
      }),
    other: () =>
      msg('Nothing changed: the comments were already so.', {
        id: 'moderation.nothing-changed.other',
      }),
  });
}

function undone(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`Undone: ${count} comments are back where they were.`, {
        id: 'moderation.undone.zero',
      }),
    one: () =>
      msg(str`Undone: ${count} comment is back where it was.`, {
        id: 'moderation.undone.one',
      }),
    two: () =>
      msg(str`Undone: ${count} comments are back where they were.`, {
        id: 'moderation.undone.two',
      }),
    few: () =>
      msg(str`Undone: ${count} comments are back where they were.`, {
        id: 'moderation.undone.few',
      }),
    many: () =>
      msg(str`Undone: ${count} comments are back where they were.`, {
        id: 'moderation.undone.many',
      }),
    other: () =>
      msg(str`Undone: ${count} comments are back where they were.`, {
        id: 'moderation.undone.other',
      }),
  });
}

/** Said when "select all" selects every shown comment. */
function allSelected(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`${count} comments selected.`, {
        id: 'moderation.all-selected.zero',
      }),
    one: () =>
      msg(str`${count} comment selected.`, {
        id: 'moderation.all-selected.one',
      }),
    two: () =>
      msg(str`${count} comments selected.`, {
        id: 'moderation.all-selected.two',
      }),
    few: () =>
      msg(str`${count} comments selected.`, {
        id: 'moderation.all-selected.few',
      }),
    many: () =>
      msg(str`${count} comments selected.`, {
        id: 'moderation.all-selected.many',
      }),
    other: () =>
      msg(str`${count} comments selected.`, {
        id: 'moderation.all-selected.other',
      }),
  });
}

/** The bulk bar's count of the selection. */
function selectedCount(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`${count} comments selected`, {
        id: 'moderation.selected-count.zero',
      }),
    one: () =>
      msg(str`${count} comment selected`, {
        id: 'moderation.selected-count.one',
      }),
    two: () =>
      msg(str`${count} comments selected`, {
        id: 'moderation.selected-count.two',
      }),
    few: () =>
      msg(str`${count} comments selected`, {
        id: 'moderation.selected-count.few',
      }),
    many: () =>
      msg(str`${count} comments selected`, {
        id: 'moderation.selected-count.many',
      }),
    other: () =>
      msg(str`${count} comments selected`, {
        id: 'moderation.selected-count.other',
      }),
  });
}

function omitted(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'moderation.omitted.zero' },
      ),
    one: () =>
      msg(
        str`${count} comment could not be shown because its data is invalid.`,
        { id: 'moderation.omitted.one' },
      ),
    two: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'moderation.omitted.two' },
      ),
    few: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'moderation.omitted.few' },
      ),
    many: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'moderation.omitted.many' },
      ),
    other: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'moderation.omitted.other' },
      ),
  });
}

/** How many of the author's comments were approved before this one. */
function approvedBefore(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`${count} comments approved before`, {
        id: 'moderation.approved-before.zero',
      }),
    one: () =>
      msg(str`${count} comment approved before`, {
        id: 'moderation.approved-before.one',
      }),
    two: () =>
      msg(str`${count} comments approved before`, {
        id: 'moderation.approved-before.two',
      }),
    few: () =>
      msg(str`${count} comments approved before`, {
        id: 'moderation.approved-before.few',
      }),
    many: () =>
      msg(str`${count} comments approved before`, {
        id: 'moderation.approved-before.many',
      }),
    other: () =>
      msg(str`${count} comments approved before`, {
        id: 'moderation.approved-before.other',
      }),
  });
}

function blocked(
  name: BlocklistName,
  what: 'email' | 'address',
  email: string,
): string {
  if (what === 'address')
    return name === 'hold'
      ? msg('Comments from this address will be held for moderation.', {
          id: 'moderation.address-held',
        })
      : msg('Comments from this address will be marked as spam.', {
          id: 'moderation.address-refused',
        });
  return name === 'hold'
    ? msg(str`Comments from ${email} will be held for moderation.`, {
        id: 'moderation.email-held',
      })
    : msg(str`Comments from ${email} will be marked as spam.`, {
        id: 'moderation.email-refused',
      });
}

/**
 * An audit entry as one sentence: when (`PARTS[0]`), who (`PARTS[1]`) and what they did, to
 * how many comments.
 */
function auditSentence(entry: AuditEntry): string {
  const [when, who] = PARTS;
  const n = entry.items.length;
  const count = formatNumber(n);
  switch (entry.action) {
    case 'blocklists':
      return msg(str`${when}: ${who} changed the block lists.`, {
        id: 'moderation.audit-blocklists',
      });
    case 'approve':
      return plural(n, {
        zero: () =>
          msg(str`${when}: ${who} approved ${count} comments.`, {
            id: 'moderation.audit-approve.zero',
          }),
        one: () =>
          msg(str`${when}: ${who} approved ${count} comment.`, {
            id: 'moderation.audit-approve.one',
          }),
        two: () =>
          msg(str`${when}: ${who} approved ${count} comments.`, {
            id: 'moderation.audit-approve.two',
          }),
        few: () =>
          msg(str`${when}: ${who} approved ${count} comments.`, {
            id: 'moderation.audit-approve.few',
          }),
        many: () =>
          msg(str`${when}: ${who} approved ${count} comments.`, {
            id: 'moderation.audit-approve.many',
          }),
        other: () =>
          msg(str`${when}: ${who} approved ${count} comments.`, {
            id: 'moderation.audit-approve.other',
          }),
      });
    case 'unapprove':
      return plural(n, {
        zero: () =>
          msg(str`${when}: ${who} unapproved ${count} comments.`, {
            id: 'moderation.audit-unapprove.zero',
          }),
        one: () =>
          msg(str`${when}: ${who} unapproved ${count} comment.`, {
            id: 'moderation.audit-unapprove.one',
          }),
        two: () =>
          msg(str`${when}: ${who} unapproved ${count} comments.`, {
            id: 'moderation.audit-unapprove.two',
          }),
        few: () =>
          msg(str`${when}: ${who} unapproved ${count} comments.`, {
            id: 'moderation.audit-unapprove.few',
          }),
        many: () =>
          msg(str`${when}: ${who} unapproved ${count} comments.`, {
            id: 'moderation.audit-unapprove.many',
          }),
        other: () =>
          msg(str`${when}: ${who} unapproved ${count} comments.`, {
            id: 'moderation.audit-unapprove.other',
          }),
      });
    case 'spam':
      return plural(n, {
        zero: () =>
          msg(str`${when}: ${who} marked ${count} comments as spam.`, {
            id: 'moderation.audit-spam.zero',
          }),
        one: () =>
          msg(str`${when}: ${who} marked ${count} comment as spam.`, {
            id: 'moderation.audit-spam.one',
          }),
        two: () =>
          msg(str`${when}: ${who} marked ${count} comments as spam.`, {
            id: 'moderation.audit-spam.two',
          }),
        few: () =>
          msg(str`${when}: ${who} marked ${count} comments as spam.`, {
            id: 'moderation.audit-spam.few',
          }),
        many: () =>
          msg(str`${when}: ${who} marked ${count} comments as spam.`, {
            id: 'moderation.audit-spam.many',
          }),
        other: () =>
          msg(str`${when}: ${who} marked ${count} comments as spam.`, {
            id: 'moderation.audit-spam.other',
          }),
      });
    case 'delete':
      return plural(n, {
        zero: () =>
          msg(str`${when}: ${who} deleted ${count} comments.`, {
            id: 'moderation.audit-delete.zero',
          }),
        one: () =>
          msg(str`${when}: ${who} deleted ${count} comment.`, {
            id: 'moderation.audit-delete.one',
          }),
        two: () =>
          msg(str`${when}: ${who} deleted ${count} comments.`, {
            id: 'moderation.audit-delete.two',
          }),
        few: () =>
          msg(str`${when}: ${who} deleted ${count} comments.`, {
            id: 'moderation.audit-delete.few',
          }),
        many: () =>
          msg(str`${when}: ${who} deleted ${count} comments.`, {
            id: 'moderation.audit-delete.many',
          }),
        other: () =>
          msg(str`${when}: ${who} deleted ${count} comments.`, {
            id: 'moderation.audit-delete.other',
          }),
      });
    case 'restore':
      return plural(n, {
        zero: () =>
          msg(str`${when}: ${who} restored ${count} comments.`, {
            id: 'moderation.audit-restore.zero',
          }),
        one: () =>
          msg(str`${when}: ${who} restored ${count} comment.`, {
            id: 'moderation.audit-restore.one',
          }),
        two: () =>
          msg(str`${when}: ${who} restored ${count} comments.`, {
            id: 'moderation.audit-restore.two',
          }),
        few: () =>
          msg(str`${when}: ${who} restored ${count} comments.`, {
            id: 'moderation.audit-restore.few',
          }),
        many: () =>
          msg(str`${when}: ${who} restored ${count} comments.`, {
            id: 'moderation.audit-restore.many',
          }),
        other: () =>
          msg(str`${when}: ${who} restored ${count} comments.`, {
            id: 'moderation.audit-restore.other',
          }),
      });
    case 'undo':
      return plural(n, {
        zero: () =>
          msg(str`${when}: ${who} undid an action on ${count} comments.`, {
            id: 'moderation.audit-undo.zero',
          }),
        one: () =>
          msg(str`${when}: ${who} undid an action on ${count} comment.`, {
            id: 'moderation.audit-undo.one',
          }),
        two: () =>
          msg(str`${when}: ${who} undid an action on ${count} comments.`, {
            id: 'moderation.audit-undo.two',
          }),
        few: () =>
          msg(str`${when}: ${who} undid an action on ${count} comments.`, {
            id: 'moderation.audit-undo.few',
          }),
        many: () =>
          msg(str`${when}: ${who} undid an action on ${count} comments.`, {
            id: 'moderation.audit-undo.many',
          }),
        other: () =>
          msg(str`${when}: ${who} undid an action on ${count} comments.`, {
            id: 'moderation.audit-undo.other',
          }),
      });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-moderation': DatelineModeration;
  }
}
