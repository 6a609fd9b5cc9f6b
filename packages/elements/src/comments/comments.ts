import {
  buildThread,
  CommentSchema,
  CommentStoreError,
  formatDateTime,
  formatRelativeTime,
  isHttpUrl,
  linkify,
  type Comment,
  type CommentOrder,
  type CommentPage,
  type CommentStore,
  type ThreadNode,
} from '@dateline/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DatelineCommentForm } from '../comment-form/comment-form.js';
import { drafts } from '../shared/draft.js';
import { CommentPostedEvent } from '../shared/events.js';
import { isDemo, resolveStore } from '../shared/store.js';
import { base } from '../shared/styles.js';
import { styles } from './comments.styles.js';
import { watchNear } from './lazy.js';

const MAX_DEPTH = 5;
const EMPTY = 'No comments yet. Why don’t you start the discussion?';

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'error'; message: string };

/** "1 comment", "12 comments". */
const countComments = (n: number) =>
  n === 1 ? '1 comment' : `${n.toLocaleString('en')} comments`;

/** Comments of a page that could not be shown: those the store left out, and those `valid` did. */
const omittedOf = (page: CommentPage, shown: readonly Comment[]) =>
  (page.omitted ?? 0) + page.comments.length - shown.length;

/**
 * Plain text in paragraphs, with links made by `linkify`; never HTML. Each paragraph takes
 * the direction of its own first letter, so an Arabic or Hebrew paragraph reads right to left.
 */
function renderBody(text: string) {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map(
      (paragraph) =>
        html`<p dir="auto">${linkify(paragraph).map((part) => (typeof part === 'string' ? part : html`<a href=${part.href} rel="nofollow ugc noopener">${part.text}</a>`))}</p>`,
    );
}

/**
 * The comment section of an article, as WordPress shows it: "Comments" with the count, the
 * threaded comments (to depth 5), a Reply button on each that moves the "Leave a Reply" form
 * under it, and "Load more" for long threads.
 *
 * @slot - Not used; the section renders its own content.
 * @fires {CommentPostedEvent} dateline-comment-posted - Bubbles up from the form when a comment was accepted.
 * @fires {CancelReplyEvent} dateline-reply-cancel - Bubbles up from the form when the reader cancels a reply.
 * @csspart section - The whole section.
 * @csspart heading - The "Comments" heading.
 * @csspart comment - Each comment.
 * @csspart author - A comment's author name.
 * @csspart omitted - The note saying how many comments could not be shown.
 * @csspart reply-button - Each comment's Reply button.
 * @csspart load-more - The "Load more comments" button.
 * @csspart form - The "Leave a Reply" form (from `<dateline-comment-form>`).
 * @csspart form-heading - The form's "Leave a Reply" heading.
 * @csspart field - Each label and input group of the form.
 * @csspart submit - The "Post Comment" button.
 * @csspart error - The form's field messages and failure notice.
 * @cssprop --dateline-accent - Links, buttons and focus rings.
 * @cssprop --dateline-muted - Dates and notes.
 * @cssprop --dateline-border - Rules between comments and reply indents.
 */
export class DatelineComments extends LitElement {
  static override styles = [base, styles];

  /** The thread to show. */
  @property({ attribute: 'thread-id' }) threadId = '';
  /** Where comments come from and go to; without one, the browser's local store (demo mode). */
  @property({ attribute: false }) store: CommentStore | undefined;
  /** The comment service's API root ("/api"), when no `.store` is set. */
  @property() endpoint: string | undefined;
  /** A WordPress site's address whose REST API holds the comments, with `post-id`. */
  @property({ attribute: 'wordpress-site' }) wordpressSite: string | undefined;
  /** The WordPress post whose comments these are, with `wordpress-site`. */
  @property({ type: Number, attribute: 'post-id' }) postId: number | undefined;
  /** "oldest" first (default, as WordPress) or "newest" first. */
  @property({ reflect: true }) order: CommentOrder = 'oldest';
  /** "lazy" waits until the section, in its final place, nears the viewport before loading comments. */
  @property() loading: 'eager' | 'lazy' = 'eager';
  /** Top-level comments per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /** Shows the comments without the reply form. */
  @property({ type: Boolean, reflect: true }) closed = false;

  @state() private _comments: Comment[] = [];
  @state() private _total: number | undefined;
  @state() private _next: string | undefined;
  @state() private _load: Load = { state: 'idle' };
  @state() private _more = false;
  @state() private _replyTo: string | null = null;
  @state() private _announce = '';
  /** Comments received that could not be shown, over every page loaded. */
  @state() private _omitted = 0;
  /** The comments as a thread, derived when they or the order change, not on every render. */
  private thread: ThreadNode[] = [];
  /** Each comment by id, for "in reply to" under replies shown deeper than their parent. */
  private byId = new Map<string, Comment>();
  /** Stops waiting for the section to near the viewport (`loading="lazy"`). */
  private unwatch: (() => void) | undefined;
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(CommentPostedEvent.type, this.onPosted);
    // Moved elsewhere in the page before it loaded: watch again from where it now is.
    if (this.hasUpdated && this._load.state === 'idle') this.scheduleLoad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(CommentPostedEvent.type, this.onPosted);
    this.unwatch?.();
    this.unwatch = undefined;
  }

  // Untyped: `_comments` is private, so it is not a key `PropertyValues<this>` knows.
  // Loading starts here rather than in `updated`, so "Loading comments…" is part of this
  // render instead of a second one.
  protected override willUpdate(changed: PropertyValues): void {
    if (
      changed.has('threadId') ||
      changed.has('store') ||
      changed.has('endpoint') ||
      changed.has('wordpressSite') ||
      changed.has('postId') ||
      changed.has('order') ||
      changed.has('pageSize')
    ) {
      this.scheduleLoad();
    }
    if (changed.has('_comments') || changed.has('order')) {
      this.thread = buildThread(this._comments, {
        order: this.order,
        maxDepth: MAX_DEPTH,
      });
      this.byId = new Map(this._comments.map((c) => [c.id, c]));
    }
  }

  private scheduleLoad(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    if (!this.threadId) return;
    if (this.loading === 'lazy' && 'IntersectionObserver' in globalThis) {
      // Watched from the section's final place only: at first paint, with the article above
      // still loading, it sits in view and would load at once.
      this.unwatch = watchNear(this, { rootMargin: '600px 0px' }, () => {
        this.unwatch = undefined;
        void this.reload();
      });
    } else {
      void this.reload();
    }
  }

  /** Loads the first page again. */
  async reload(): Promise<void> {
    this.unwatch?.();
    this.unwatch = undefined;
    const generation = ++this.generation;
    this._load = { state: 'loading' };
    try {
      const { store } = await resolveStore(this);
      const page = await store.list(this.threadId, {
        limit: this.pageSize,
        order: this.order,
      });
      if (generation !== this.generation) return;
      const shown = this.valid(page.comments);
      this._comments = shown;
      this._omitted = omittedOf(page, shown);
      this._total = page.total;
      this._next = page.nextCursor;
      this._load = { state: 'ready' };
      this.restoreReply();
      if (this._omitted) this._announce = this.omittedNote();
    } catch (error) {
      if (generation !== this.generation) return;
      // A store's refusal says why in words for readers; anything else stays unsaid.
      this._load = {
        state: 'error',
        message: `The comments could not be loaded.${error instanceof CommentStoreError ? ` ${error.message}` : ''}`,
      };
    }
  }

  private async loadMore(): Promise<void> {
    if (!this._next || this._more) return;
    const generation = this.generation;
    this._more = true;
    const before = new Set(this._comments.map((c) => c.id));
    try {
      const { store } = await resolveStore(this);
      const page = await store.list(this.threadId, {
        limit: this.pageSize,
        order: this.order,
        cursor: this._next,
      });
      if (generation !== this.generation) return;
      const shown = this.valid(page.comments);
      const added = shown.filter((c) => !before.has(c.id));
      const omitted = omittedOf(page, shown);
      this._comments = [...this._comments, ...added];
      this._omitted += omitted;
      this._next = page.nextCursor;
      if (page.total !== undefined) this._total = page.total;
      this._announce = `${added.length} more ${added.length === 1 ? 'comment' : 'comments'} loaded.${omitted ? ` ${countComments(omitted)} could not be shown.` : ''}`;
      await this.updateComplete;
      // Take keyboard users to the first new comment rather than leaving them at the end.
      const first = added.find((c) => c.parentId === null) ?? added[0];
      if (first)
        this.renderRoot
          .querySelector<HTMLElement>(`#comment-${CSS.escape(first.id)}`)
          ?.focus();
    } catch {
      this._announce = 'More comments could not be loaded. Please try again.';
    } finally {
      this._more = false;
    }
  }

  /** Comments a store sends are checked with the same schema; one that fails is left out. */
  private valid(comments: readonly Comment[]): Comment[] {
    return comments.filter((c) => CommentSchema.safeParse(c).success);
  }

  private omittedNote(): string {
    return `${countComments(this._omitted)} could not be shown because ${this._omitted === 1 ? 'its' : 'their'} data is invalid.`;
  }

  /** A draft reply survives a reload: reopen the form under the comment it answers. */
  private restoreReply(): void {
    const parentId = drafts.load(this.threadId)?.parentId ?? null;
    this._replyTo =
      parentId && this._comments.some((c) => c.id === parentId)
        ? parentId
        : null;
  }

  private onPosted = async (event: CommentPostedEvent): Promise<void> => {
    const { comment } = event;
    if (comment.threadId !== this.threadId) return;
    if (!this._comments.some((c) => c.id === comment.id))
      this._comments = [...this._comments, comment];
    if (comment.status === 'approved' && this._total !== undefined)
      this._total += 1;
    this._replyTo = null;
    this._announce =
      comment.status === 'pending'
        ? 'Your comment was sent and is awaiting moderation.'
        : 'Your comment was posted.';
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`#comment-${CSS.escape(comment.id)}`)
      ?.focus();
  };

  private async reply(comment: Comment): Promise<void> {
    this._replyTo = comment.id;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<DatelineCommentForm>(
      'dateline-comment-form',
    );
    await form?.updateComplete;
    form?.focus();
  }

  /** Takes the reader to a comment; a `#comment-…` link cannot reach into the shadow root. */
  private goTo(event: Event, id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(
      `#comment-${CSS.escape(id)}`,
    );
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'nearest' });
    target.focus({ preventScroll: true });
  }

  private async cancelReply(): Promise<void> {
    const id = this._replyTo;
    this._replyTo = null;
    await this.updateComplete;
    if (id)
      this.renderRoot
        .querySelector<HTMLElement>(`#reply-${CSS.escape(id)}`)
        ?.focus();
  }

  private renderForm(parent: Comment | null) {
    return html`<dateline-comment-form
      exportparts="form, heading: form-heading, field, submit, error"
      .threadId=${this.threadId}
      .parentId=${parent?.id ?? null}
      .replyToName=${parent?.author.name ?? null}
      .store=${this.store}
      .endpoint=${this.endpoint}
      .wordpressSite=${this.wordpressSite}
      .postId=${this.postId}
      .closed=${this.closed}
      @dateline-reply-cancel=${this.cancelReply}
    ></dateline-comment-form>`;
  }

  private renderComment(node: ThreadNode, under?: Comment): unknown {
    const { comment } = node;
    // Past the deepest level a reply sits beside its parent, not under it: say whom it answers.
    const answers =
      comment.parentId !== null && comment.parentId !== under?.id
        ? this.byId.get(comment.parentId)
        : undefined;
    // Names sit in <bdi>: a right-to-left name never reorders the text around it.
    const author =
      comment.author.url && isHttpUrl(comment.author.url)
        ? html`<a class="author" part="author" href=${comment.author.url} rel="nofollow ugc noopener"><bdi>${comment.author.name}</bdi></a>`
        : html`<span class="author" part="author"><bdi>${comment.author.name}</bdi></span>`;
    const when = new Date(comment.createdAt);
    const exact = formatDateTime(when);
    const relative = formatRelativeTime(when);
    return html`<li>
      <article id="comment-${comment.id}" part="comment" tabindex="-1" aria-labelledby="by-${comment.id}">
        <div class="meta">
          <span id="by-${comment.id}">${author}<span class="says"> says:</span></span>
          <a class="permalink" href="#comment-${comment.id}" aria-label="${relative}, ${exact}">
            <time datetime=${comment.createdAt}>${relative}</time>
            <span class="exact" aria-hidden="true">${exact}</span>
          </a>
        </div>
        ${answers ? html`<p class="in-reply-to">in reply to <a href="#comment-${answers.id}" @click=${(e: Event) => this.goTo(e, answers.id)}><bdi>${answers.author.name}</bdi></a></p>` : nothing}
        ${comment.status === 'pending' ? html`<p class="moderation">Your comment is awaiting moderation.</p>` : nothing}
        <div class="body">${renderBody(comment.body)}</div>
        ${
          !this.closed &&
          comment.status === 'approved' &&
          this._replyTo !== comment.id
            ? html`<button class="link-button reply" part="reply-button" id="reply-${comment.id}" aria-label="Reply to ${comment.author.name}" @click=${() => this.reply(comment)}>Reply</button>`
            : nothing
        }
        ${this._replyTo === comment.id ? html`<div class="form-slot">${this.renderForm(comment)}</div>` : nothing}
      </article>
      ${node.replies.length ? html`<ol>${node.replies.map((n) => this.renderComment(n, comment))}</ol>` : nothing}
    </li>`;
  }

  protected override render() {
    const thread = this.thread;
    const count =
      this._total ??
      this._comments.filter((c) => c.status === 'approved').length;
    const demo = isDemo(this);
    const load = this._load;
    return html`<section part="section" aria-labelledby="comments-title">
      <header>
        <h2 id="comments-title" part="heading">${count > 0 ? `Comments (${count.toLocaleString('en')})` : 'Comments'}</h2>
        ${
          this._comments.length > 1
            ? html`<label class="order">Order
              <select @change=${(e: Event) => (this.order = (e.target as HTMLSelectElement).value as CommentOrder)}>
                <option value="oldest" ?selected=${this.order === 'oldest'}>Oldest first</option>
                <option value="newest" ?selected=${this.order === 'newest'}>Newest first</option>
              </select></label>`
            : nothing
        }
      </header>
      ${demo ? html`<p class="demo">Demo mode: comments are kept in this browser only, and nobody else sees them.</p>` : nothing}
      ${
        // As tall as the note for an empty thread, which it often becomes: the form below stays put.
        load.state === 'loading' || load.state === 'idle'
          ? html`<p class="loading"><span>${load.state === 'loading' ? 'Loading comments…' : 'Comments load as you scroll here.'}</span><span class="sizer" aria-hidden="true">${EMPTY}</span></p>`
          : nothing
      }
      ${
        load.state === 'error'
          ? html`<div class="alert" role="alert"><p>${load.message}</p><button class="link-button" @click=${this.reload}>Try again</button></div>`
          : nothing
      }
      ${load.state === 'ready' && thread.length === 0 && !this._omitted ? html`<p class="empty">${EMPTY}</p>` : nothing}
      ${this._omitted ? html`<p class="omitted" part="omitted">${this.omittedNote()}</p>` : nothing}
      ${thread.length ? html`<ol class="thread">${thread.map((n) => this.renderComment(n))}</ol>` : nothing}
      ${
        this._next
          ? html`<button class="button more" part="load-more" ?disabled=${this._more} @click=${this.loadMore}>
            ${this._more ? html`<span class="spinner" aria-hidden="true"></span> Loading…` : 'Load more comments'}
          </button>`
          : nothing
      }
      ${
        // The form is there while the comments load, so that it, and what follows the section
        // on the page, need not move when they arrive (a thread without comments moves nothing).
        this._replyTo === null ? this.renderForm(null) : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this._announce}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-comments': DatelineComments;
  }
}
