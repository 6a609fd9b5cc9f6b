import {
  type AddressEntry,
  type AdminClient,
  type AdminComment,
  AdminError,
  type AuditEntry,
  type BlocklistName,
  type Blocklists,
  type CommentStatus,
  createAdminClient,
  formatDateTime,
  isHttpUrl,
  linkify,
  type ModerationAction,
  type ModerationActionResult,
  type QueueCounts,
} from '@dateline/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { base } from '../shared/styles.js';
import { styles } from './moderation.styles.js';

type View = 'comments' | 'blocklists' | 'audit';

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'error'; message: string }
  | { state: 'unauthorized'; message: string };
type Failure = Extract<Load, { message: string }>;

/** The queues, in WordPress's order. */
const QUEUES: readonly CommentStatus[] = [
  'pending',
  'approved',
  'spam',
  'deleted',
];
const QUEUE_LABEL: Readonly<Record<CommentStatus, string>> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  deleted: 'Deleted',
};
const EMPTY_QUEUE: Readonly<Record<CommentStatus, string>> = {
  pending: 'No comments await moderation.',
  approved: 'No approved comments.',
  spam: 'No comments are marked as spam.',
  deleted: 'No deleted comments.',
};

/** The buttons each queue offers, as WordPress's comment screens do. */
const QUEUE_ACTIONS: Readonly<Record<CommentStatus, ModerationAction[]>> = {
  pending: ['approve', 'spam', 'delete'],
  approved: ['unapprove', 'spam', 'delete'],
  spam: ['restore', 'delete'],
  deleted: ['restore', 'spam'],
};
const ACTION_LABEL: Readonly<Record<ModerationAction, string>> = {
  approve: 'Approve',
  unapprove: 'Unapprove',
  spam: 'Spam',
  delete: 'Delete',
  restore: 'Restore',
};
/** "Approved 3 comments." */
const ACTION_DONE: Readonly<Record<ModerationAction | 'undo', string>> = {
  approve: 'Approved',
  unapprove: 'Unapproved',
  spam: 'Marked as spam:',
  delete: 'Deleted',
  restore: 'Restored',
  undo: 'Undid an action on',
};
/** The keys that act, as in WordPress's comment screens (z restores, as its "undo trash" does). */
const SHORTCUTS: Readonly<Record<string, ModerationAction>> = {
  a: 'approve',
  s: 'spam',
  d: 'delete',
  z: 'restore',
};

const comments = (n: number) =>
  `${n.toLocaleString('en')} ${n === 1 ? 'comment' : 'comments'}`;

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
type ListTexts = Record<`${BlocklistName}-${ListField}`, string>;

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
export class DatelineModeration extends LitElement {
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
  @state() private _announce = '';
  @state() private _undo: string | undefined;
  @state() private _failure = '';
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
  @state() private _listErrors: Record<string, string> = {};
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
    this.pageTitle = document.title.replace(/^\(\d+\) /, '');
    this.addEventListener('keydown', this.onKey);
    this.showCount();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKey);
    if (this.pageTitle !== undefined) document.title = this.pageTitle;
    this.pageTitle = undefined;
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

  private showCount(): void {
    if (this.pageTitle === undefined) return;
    const pending = this._counts?.pending ?? 0;
    document.title = pending
      ? `(${pending.toLocaleString('en')}) ${this.pageTitle}`
      : this.pageTitle;
  }

  private setCounts(counts: QueueCounts): void {
    this._counts = counts;
    this.showCount();
  }

  /** What a failed request tells the moderator; a missing session shows the way to sign in. */
  private failed(error: unknown, what: string): Failure {
    if (error instanceof AdminError && error.code === 'unauthorized')
      return { state: 'unauthorized', message: error.message };
    return {
      state: 'error',
      message: `${what}${error instanceof AdminError ? ` ${error.message}` : ''}`,
    };
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
      this.setCounts(page.counts);
      this._load = { state: 'ready' };
    } catch (error) {
      if (generation !== this.generation) return;
      this._load = this.failed(error, 'The comments could not be loaded.');
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
      this.setCounts(page.counts);
      this._announce = added.length
        ? `${comments(added.length)} more loaded.`
        : 'No more comments matched.';
      this._undo = undefined;
      if (added.length) await this.focusComment(before);
    } catch (error) {
      this._failure = this.failed(
        error,
        'More comments could not be loaded.',
      ).message;
    } finally {
      this._more = false;
    }
  }

  private async showQueue(queue: CommentStatus, focusTab = false) {
    if (queue !== this.queue) {
      this.queue = queue;
      this._failure = '';
    }
    if (focusTab) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${queue}`)?.focus();
    }
  }

  private onTabKey(event: KeyboardEvent, queue: CommentStatus): void {
    const i = QUEUES.indexOf(queue);
    const to =
      event.key === 'ArrowRight'
        ? QUEUES[(i + 1) % QUEUES.length]
        : event.key === 'ArrowLeft'
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
    this._announce =
      this._load.state === 'ready'
        ? this._query
          ? `${comments(this._comments.length)}${this._next ? ' so far' : ''} match “${this._query}”.`
          : `Showing every ${QUEUE_LABEL[this.queue].toLowerCase()} comment.`
        : '';
    this._undo = undefined;
  }

  private async clearSearch(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) input.value = '';
    this._query = '';
    await this.loadQueue();
    this._announce = `Showing every ${QUEUE_LABEL[this.queue].toLowerCase()} comment.`;
    this._undo = undefined;
    input?.focus();
  }

  /** Applies an action to comments and says what it did, with an Undo. */
  async act(action: ModerationAction, ids: readonly string[]): Promise<void> {
    const api = this.api;
    if (!api || this._busy) return;
    if (!ids.length) {
      this._announce = 'No comment is selected: press x to select one.';
      this._undo = undefined;
      return;
    }
    this._busy = true;
    this._failure = '';
    // Keyboard users stay where they were: the comment now at the current place.
    const hadFocus = this.focusIsOnComment();
    try {
      const result = await api.act(action, ids);
      this.applyResult(result);
      const changed = result.entry?.items.length ?? 0;
      const kept = result.unchanged.length + result.missing.length;
      this._announce = changed
        ? `${ACTION_DONE[action]} ${comments(changed)}.${kept ? ` ${comments(kept)} left as ${kept === 1 ? 'it was' : 'they were'}.` : ''}`
        : `Nothing changed: ${ids.length === 1 ? 'the comment was' : 'the comments were'} already so.`;
      this._undo = result.entry?.id;
      if (hadFocus) await this.focusComment(this._current);
    } catch (error) {
      const load = this.failed(error, 'That could not be done.');
      if (load.state === 'unauthorized') this._load = load;
      else this._failure = load.message;
    } finally {
      this._busy = false;
    }
  }

  /** Takes comments that left this queue out of it, and keeps the place. */
  private applyResult(result: ModerationActionResult): void {
    this.setCounts(result.counts);
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
      this._announce = 'There is nothing to undo.';
      return;
    }
    this._busy = true;
    this._failure = '';
    try {
      const result = await api.undo(id);
      this._undo = undefined;
      this.setCounts(result.counts);
      const back = result.entry?.items ?? [];
      await this.loadQueue();
      this._announce = back.length
        ? `Undone: ${comments(back.length)} ${back.length === 1 ? 'is' : 'are'} back where ${back.length === 1 ? 'it was' : 'they were'}.`
        : 'Nothing to undo: those comments were changed since.';
      const first = back
        .map((item) => this._comments.findIndex((c) => c.id === item.commentId))
        .find((i) => i >= 0);
      await this.focusComment(first ?? 0);
    } catch (error) {
      this._undo = undefined;
      const load = this.failed(error, 'That could not be undone.');
      if (load.state === 'unauthorized') this._load = load;
      else this._failure = load.message;
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
    this._announce = all
      ? `${comments(this._comments.length)} selected.`
      : 'Selection cleared.';
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
    const key = event.key;
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
    this._failure = '';
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
      this._listErrors = {};
      this._listsLoad = { state: 'ready' };
    } catch (error) {
      this._listsLoad = this.failed(
        error,
        'The block lists could not be loaded.',
      );
    }
  }

  private readTexts(): ListTexts {
    const texts = { ...this._listTexts };
    for (const key of Object.keys(texts) as Array<keyof ListTexts>) {
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
    const parsed = {} as Record<
      `${BlocklistName}-${ListField}`,
      ReturnType<typeof entries>
    >;
    for (const key of Object.keys(texts) as Array<keyof ListTexts>)
      parsed[key] = entries(texts[key]);
    const list = (name: BlocklistName) => ({
      words: parsed[`${name}-words`].values,
      emails: parsed[`${name}-emails`].values,
      addresses: this._listAddresses[name].map((a) => a.id),
    });
    this._saving = true;
    this._listErrors = {};
    try {
      this.setLists(
        await api.saveBlocklists({
          hold: list('hold'),
          refuse: list('refuse'),
        }),
      );
      this._announce = 'Block lists saved.';
      this._undo = undefined;
    } catch (error) {
      if (error instanceof AdminError && error.code === 'invalid') {
        this._listErrors = this.listErrors(error.fields, parsed);
        this._failure = `The block lists were not saved. ${error.message}`;
        await this.updateComplete;
        this.renderRoot
          .querySelector<HTMLElement>('[aria-invalid="true"]')
          ?.focus();
      } else {
        const load = this.failed(error, 'The block lists were not saved.');
        if (load.state === 'unauthorized') this._listsLoad = load;
        else this._failure = load.message;
      }
    } finally {
      this._saving = false;
    }
  }

  /** The service names entries by index ("hold.words.3"); a moderator reads line numbers. */
  private listErrors(
    fields: Record<string, string>,
    parsed: Record<`${BlocklistName}-${ListField}`, ReturnType<typeof entries>>,
  ): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(fields)) {
      const [name, field, index] = path.split('.');
      const key = `${name}-${field}`;
      if (!Object.hasOwn(parsed, key)) {
        out[`${name}-addresses`] ??= message;
        continue;
      }
      const line =
        index === undefined
          ? undefined
          : parsed[key as keyof typeof parsed].lines[Number(index)];
      const text = line ? `Line ${line}: ${message}` : message;
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
    this._failure = '';
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
      const whose = what === 'email' ? comment.email : 'this address';
      this._announce =
        name === 'hold'
          ? `Comments from ${whose} will be held for moderation.`
          : `Comments from ${whose} will be marked as spam.`;
      this._undo = undefined;
    } catch (error) {
      this._failure = this.failed(
        error,
        'The block lists were not saved.',
      ).message;
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
      this._auditLoad = this.failed(
        error,
        'The audit log could not be loaded.',
      );
    }
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────

  private renderViews() {
    const view = (id: View, label: string) =>
      html`<li><button class="view" aria-current=${this._view === id ? 'page' : nothing} @click=${() => this.showView(id)}>${label}</button></li>`;
    return html`<nav aria-label="Moderation">
      <ul class="views">
        ${view('comments', 'Comments')}${view('blocklists', 'Block lists')}${view('audit', 'Audit log')}
      </ul>
    </nav>`;
  }

  private renderTabs() {
    return html`<div class="tabs" role="tablist" aria-label="Queues" part="tabs">
      ${QUEUES.map((queue) => {
        const selected = queue === this.queue;
        const count = this._counts?.[queue];
        return html`<button
          role="tab"
          id="tab-${queue}"
          class="tab"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="queue"
          tabindex=${selected ? 0 : -1}
          @click=${() => this.showQueue(queue)}
          @keydown=${(e: KeyboardEvent) => this.onTabKey(e, queue)}
        >${QUEUE_LABEL[queue]}${count === undefined ? nothing : html` <span class="count">(${count.toLocaleString('en')})</span>`}</button>`;
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
    const thread = comment.threadTitle
      ? threadUrl
        ? html`<a href=${threadUrl}>${comment.threadTitle}</a>`
        : html`<cite>${comment.threadTitle}</cite>`
      : html`thread <code>${comment.threadId}</code>`;
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
            aria-label="Select the comment by ${name}"
            .checked=${selected}
            @change=${(e: Event) => this.toggle(comment.id, (e.target as HTMLInputElement).checked)}
          />
          <div class="who">
            <p class="author"><span class="visually-hidden">Comment by </span><strong id="by-${comment.id}"><bdi>${name}</bdi></strong>
              <span class="approved">${comment.approvedBefore ? `${comments(comment.approvedBefore)} approved before` : 'No comment approved before'}</span>
            </p>
            <p class="contact">
              <a href="mailto:${comment.email}">${comment.email}</a>${website ? html` · <a href=${website} rel="nofollow ugc noopener noreferrer">${website}</a>` : nothing}
            </p>
          </div>
        </div>
        <p class="where">On ${thread}, <time datetime=${comment.createdAt}>${formatDateTime(new Date(comment.createdAt))}</time></p>
        ${
          comment.replyTo
            ? html`<p class="reply-to">In reply to <bdi>${comment.replyTo.authorName}</bdi>: “<bdi>${comment.replyTo.excerpt}</bdi>”</p>`
            : comment.parentId
              ? html`<p class="reply-to">In reply to a comment that no longer exists.</p>`
              : nothing
        }
        <div class="body">${renderBody(comment.body)}</div>
        <div class="actions">
          ${QUEUE_ACTIONS[this.queue].map(
            (action) =>
              html`<button class="action ${action}" ?disabled=${this._busy} @click=${() => this.act(action, [comment.id])}>${ACTION_LABEL[action]}</button>`,
          )}
          <details class="block">
            <summary>Block…</summary>
            <div class="block-actions">
              <button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'hold', 'email')}>Hold future comments from this email</button>
              <button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'refuse', 'email')}>Mark future comments from this email as spam</button>
              ${
                comment.addressToken
                  ? html`<button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'hold', 'address')}>Hold future comments from this address</button>
                    <button class="link-button" ?disabled=${this._busy} @click=${() => this.block(comment, 'refuse', 'address')}>Mark future comments from this address as spam</button>`
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
    return html`<div class="bulk" role="group" aria-label="Selected comments">
      <label class="select-all"><input
        type="checkbox"
        .checked=${all}
        .indeterminate=${n > 0 && !all}
        @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
      /> Select all shown</label>
      <span class="selected-count">${n ? `${comments(n)} selected` : 'None selected'}</span>
      ${QUEUE_ACTIONS[this.queue].map(
        (action) =>
          html`<button class="bulk-action ${action}" ?disabled=${!n || this._busy} @click=${() => this.act(action, [...this._selected])}>${ACTION_LABEL[action]}${n ? html`<span class="visually-hidden"> ${comments(n)}</span>` : nothing}</button>`,
      )}
    </div>`;
  }

  private renderShortcuts() {
    const key = (keys: unknown, what: string) =>
      html`<div><dt>${keys}</dt><dd>${what}</dd></div>`;
    return html`<section class="shortcuts" part="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        ${key(html`<kbd>j</kbd> / <kbd>k</kbd>`, 'Next / previous comment')}
        ${key(html`<kbd>a</kbd>`, 'Approve')}
        ${key(html`<kbd>s</kbd>`, 'Mark as spam')}
        ${key(html`<kbd>d</kbd>`, 'Delete')}
        ${key(html`<kbd>z</kbd>`, 'Restore')}
        ${key(html`<kbd>x</kbd>`, 'Select or unselect')}
        ${key(html`<kbd>Shift</kbd> + <kbd>a</kbd>, <kbd>s</kbd>, <kbd>d</kbd>, <kbd>z</kbd>`, 'Act on the selected comments')}
        ${key(html`<kbd>Shift</kbd> + <kbd>x</kbd>`, 'Select or unselect all shown')}
        ${key(html`<kbd>u</kbd>`, 'Undo the last action')}
        ${key(html`<kbd>/</kbd>`, 'Search')}
      </dl>
    </section>`;
  }

  private renderQueue() {
    const load = this._load;
    const label = QUEUE_LABEL[this.queue];
    const status =
      load.state === 'loading' || load.state === 'idle'
        ? 'Loading comments…'
        : load.state === 'ready' && !this._comments.length
          ? this._query
            ? `No ${label.toLowerCase()} comments match “${this._query}”.`
            : EMPTY_QUEUE[this.queue]
          : '';
    return html`${this.renderTabs()}
      <section id="queue" role="tabpanel" aria-labelledby="tab-${this.queue}">
        <form class="search" role="search" @submit=${this.search}>
          <label for="search">Search comments</label>
          <div class="search-row">
            <input id="search" type="search" name="q" maxlength="100" autocomplete="off" .value=${this._query} />
            <button class="button" type="submit">Search</button>
            ${this._query ? html`<button class="link-button" type="button" @click=${this.clearSearch}>Show all</button>` : nothing}
          </div>
        </form>
        ${this._comments.length ? this.renderBulk() : nothing}
        ${load.state === 'error' ? html`<div class="alert" role="alert"><p>${load.message}</p><button class="link-button" @click=${this.loadQueue}>Try again</button></div>` : nothing}
        <p id="queue-status" class="queue-status" tabindex="-1">${status}</p>
        ${this._omitted ? html`<p class="omitted">${comments(this._omitted)} could not be shown because ${this._omitted === 1 ? 'its' : 'their'} data is invalid.</p>` : nothing}
        ${
          this._comments.length
            ? html`<ol class="queue" aria-label="${label} comments">${this._comments.map((c, i) => this.renderComment(c, i))}</ol>`
            : nothing
        }
        ${
          this._next
            ? html`<button class="button more" ?disabled=${this._more} @click=${this.loadMore}>${this._more ? 'Loading…' : this._query ? 'Search older comments' : 'Load more comments'}</button>`
            : nothing
        }
        ${this.renderShortcuts()}
      </section>`;
  }

  private renderList(name: BlocklistName) {
    const title =
      name === 'hold' ? 'Hold for moderation' : 'Mark as spam (refuse)';
    const hint =
      name === 'hold'
        ? 'A comment that contains any of these words in its text, name, email or website, or comes from one of these emails or addresses, waits in the pending queue.'
        : 'A comment that matches is marked as spam; its sender is told it awaits moderation, as with any held comment.';
    const area = (field: ListField, label: string, help: string) => {
      const id = `${name}-${field}` as const;
      const error = this._listErrors[id];
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
    const addressError = this._listErrors[`${name}-addresses`];
    return html`<fieldset>
      <legend>${title}</legend>
      <p class="hint">${hint}</p>
      ${area('words', 'Words', 'One word or phrase per line; case does not matter.')}
      ${area('emails', 'Emails', 'One per line: an address (name@example.com), or a domain (@example.com).')}
      <div class="field">
        <h3 id="${name}-addresses" tabindex="-1">Addresses</h3>
        ${
          addresses.length
            ? html`<ul class="addresses" aria-labelledby="${name}-addresses">${addresses.map(
                (a) =>
                  html`<li><span><bdi>${a.label}</bdi></span> <button type="button" class="link-button" aria-label="Remove the address of ${a.label}" ?disabled=${this._saving} @click=${() => this.removeAddress(name, a.id)}>Remove</button></li>`,
              )}</ul>`
            : html`<p class="hint">None. Add one from a comment’s “Block…” menu: its address is never shown.</p>`
        }
        ${addressError ? html`<p class="error">${addressError}</p>` : nothing}
      </div>
    </fieldset>`;
  }

  private renderBlocklists() {
    const load = this._listsLoad;
    if (load.state === 'loading' || load.state === 'idle')
      return html`<p>Loading the block lists…</p>`;
    if (load.state === 'error')
      return html`<div class="alert" role="alert"><p>${load.message}</p><button class="link-button" @click=${this.loadBlocklists}>Try again</button></div>`;
    return html`<section aria-labelledby="lists-title">
      <h2 id="lists-title">Block lists</h2>
      <form class="lists" @submit=${this.saveBlocklists} novalidate>
        ${this.renderList('hold')}
        ${this.renderList('refuse')}
        <button class="button" type="submit" ?disabled=${this._saving}>${this._saving ? 'Saving…' : 'Save block lists'}</button>
      </form>
    </section>`;
  }

  private describeEntry(entry: AuditEntry): string {
    const n = entry.items.length;
    switch (entry.action) {
      case 'blocklists':
        return `changed the block lists. ${entry.note ?? ''}`.trim();
      case 'undo':
        return `undid an action on ${comments(n)}.`;
      case 'spam':
        return `marked ${comments(n)} as spam.`;
      default:
        return `${ACTION_DONE[entry.action].toLowerCase()} ${comments(n)}.`;
    }
  }

  private renderAudit() {
    const load = this._auditLoad;
    return html`<section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      ${load.state === 'loading' && !this._audit.length ? html`<p>Loading the audit log…</p>` : nothing}
      ${load.state === 'error' ? html`<div class="alert" role="alert"><p>${load.message}</p></div>` : nothing}
      ${load.state === 'ready' && !this._audit.length ? html`<p>Nothing has been moderated yet.</p>` : nothing}
      ${
        this._audit.length
          ? html`<ol class="audit">${this._audit.map(
              (entry) => html`<li>
                <p><time datetime=${entry.at}>${formatDateTime(new Date(entry.at))}</time>:
                  <strong>${entry.actor === 'token' ? 'the admin token' : entry.actor}</strong>
                  ${this.describeEntry(entry)}${entry.undoneBy ? html` <em>(undone)</em>` : nothing}</p>
                ${
                  entry.items.length
                    ? html`<ul class="items">${entry.items.map(
                        (item) =>
                          html`<li><bdi>${item.authorName ?? item.commentId}</bdi>${item.threadId ? html` on <code>${item.threadId}</code>` : nothing}: ${item.from} → ${item.to}</li>`,
                      )}</ul>`
                    : nothing
                }
              </li>`,
            )}</ol>`
          : nothing
      }
      ${
        this._auditNext
          ? html`<button class="button more" ?disabled=${load.state === 'loading'} @click=${() => this.loadAudit(true)}>Older entries</button>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    const load = this._load;
    const signedOut =
      load.state === 'unauthorized'
        ? load
        : this._listsLoad.state === 'unauthorized'
          ? this._listsLoad
          : this._auditLoad.state === 'unauthorized'
            ? this._auditLoad
            : undefined;
    return html`<div class="moderation" part="moderation">
      ${
        signedOut
          ? html`<div class="alert" role="alert">
              <p>${signedOut.message}</p>
              ${this.signInHref && (this.signInHref.startsWith('/') || isHttpUrl(this.signInHref)) ? html`<p><a href=${this.signInHref}>Sign in to moderate</a></p>` : nothing}
            </div>`
          : html`${this.renderViews()}
            ${this._failure ? html`<div class="alert" role="alert"><p>${this._failure}</p></div>` : nothing}
            ${this._view === 'comments' ? this.renderQueue() : this._view === 'blocklists' ? this.renderBlocklists() : this.renderAudit()}`
      }
      <div class="notice ${this._announce ? 'shown' : ''}" part="notice" role="status" aria-live="polite">
        <span>${this._announce}</span>${this._undo ? html` <button class="link-button undo" ?disabled=${this._busy} @click=${this.undo}>Undo</button>` : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-moderation': DatelineModeration;
  }
}
