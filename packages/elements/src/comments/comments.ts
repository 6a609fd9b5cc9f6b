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
import { str } from '@lit/localize';
import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DatelineCommentForm } from '../comment-form/comment-form.js';
import { drafts } from '../shared/draft.js';
import { hydrateSupport } from '../shared/hydrate.js';
import { CommentPostedEvent } from '../shared/events.js';
import { formatNumber, Localized, msg, plural } from '../shared/localize.js';
import { isDemo, resolveStore } from '../shared/store.js';
import { base } from '../shared/styles.js';
import { styles } from './comments.styles.js';
import { watchNear } from './lazy.js';
import type { LiveFollow } from './live.js';
import { aroundSlot, SLOT } from './slot.js';

// Takes over what the server wrote, when it did (see `hydrateSupport`).
hydrateSupport();

const MAX_DEPTH = 5;

/**
 * Why the comments could not be loaded, kept as a reason rather than words (a store's message
 * is English): each render words it in the section's language.
 */
type LoadFailure =
  | 'network'
  | 'refused-origin'
  | 'server'
  /** `wordpress-site` without a usable `post-id`. */
  | 'no-post'
  | 'other';

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'error'; why: LoadFailure };

/** What the live region says, worded at render so that it follows a change of `lang`. */
type Announcement =
  | { say: 'posted' | 'held' | 'more-failed' }
  | { say: 'omitted'; omitted: number }
  | { say: 'loaded'; added: number; omitted: number }
  /** From live updates (`live.ts`), which word their own. */
  | { say: 'live'; text: () => string };

/** Why a page of comments could not be loaded, from what the store threw. */
function loadFailure(error: unknown): LoadFailure {
  if (!(error instanceof CommentStoreError)) return 'other';
  switch (error.code) {
    case 'network':
    case 'refused-origin':
      return error.code;
    case 'server':
    case 'too-fast':
      return 'server';
    default:
      return 'other';
  }
}

/** "No comments yet. Why don’t you start the discussion?", in the language being rendered. */
const emptyText = () =>
  msg('No comments yet. Why don’t you start the discussion?', {
    id: 'comments.empty',
  });

/** "Comments (12)", in the language being rendered; "Comments" while there are none. */
function headingText(n: number): string {
  if (n === 0) return msg('Comments', { id: 'comments.heading' });
  const count = formatNumber(n);
  return plural(n, {
    one: () => msg(str`Comments (${count})`, { id: 'comments.heading.one' }),
    two: () => msg(str`Comments (${count})`, { id: 'comments.heading.two' }),
    few: () => msg(str`Comments (${count})`, { id: 'comments.heading.few' }),
    many: () => msg(str`Comments (${count})`, { id: 'comments.heading.many' }),
    other: () =>
      msg(str`Comments (${count})`, { id: 'comments.heading.other' }),
  });
}

/** "Reply to NAME", the label of a comment's Reply button. */
const replyLabel = (name: string) =>
  msg(str`Reply to ${name}`, { id: 'comments.reply-to' });

/** "2 comments could not be shown because their data is invalid." */
function omittedText(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    one: () =>
      msg(
        str`${count} comment could not be shown because its data is invalid.`,
        { id: 'comments.omitted.one' },
      ),
    two: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'comments.omitted.two' },
      ),
    few: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'comments.omitted.few' },
      ),
    many: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'comments.omitted.many' },
      ),
    other: () =>
      msg(
        str`${count} comments could not be shown because their data is invalid.`,
        { id: 'comments.omitted.other' },
      ),
  });
}

/** How long after the page opened its inline first page is taken to be out of date. */
const OLD_PAGE_MS = 10_000;

/** "3 more comments loaded.", for the live region after "Load more comments". */
function loadedText(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    zero: () =>
      msg(str`${count} more comments loaded.`, {
        id: 'comments.loaded-more.zero',
      }),
    one: () =>
      msg(str`${count} more comment loaded.`, {
        id: 'comments.loaded-more.one',
      }),
    two: () =>
      msg(str`${count} more comments loaded.`, {
        id: 'comments.loaded-more.two',
      }),
    few: () =>
      msg(str`${count} more comments loaded.`, {
        id: 'comments.loaded-more.few',
      }),
    many: () =>
      msg(str`${count} more comments loaded.`, {
        id: 'comments.loaded-more.many',
      }),
    other: () =>
      msg(str`${count} more comments loaded.`, {
        id: 'comments.loaded-more.other',
      }),
  });
}

/** "2 comments could not be shown.", after `loadedText` when some of a page were left out. */
function notShownText(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    one: () =>
      msg(str`${count} comment could not be shown.`, {
        id: 'comments.not-shown.one',
      }),
    two: () =>
      msg(str`${count} comments could not be shown.`, {
        id: 'comments.not-shown.two',
      }),
    few: () =>
      msg(str`${count} comments could not be shown.`, {
        id: 'comments.not-shown.few',
      }),
    many: () =>
      msg(str`${count} comments could not be shown.`, {
        id: 'comments.not-shown.many',
      }),
    other: () =>
      msg(str`${count} comments could not be shown.`, {
        id: 'comments.not-shown.other',
      }),
  });
}

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
 * under it, and "Load more" for long threads. Writes in the language `lang` names (its own, an
 * ancestor's, the page's), dates and counts included, and follows a change of it.
 *
 * @slot - The page's own rendering of the comments (a server's, as the WordPress plugin puts there, for search engines and readers without scripts), shown in place of the heading until the section has loaded its own, then never.
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
export class DatelineComments extends Localized(LitElement) {
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
  /** The first page, as the server read it, shown without asking the store; a child `<script type="application/json">` holding it does the same. */
  @property({ attribute: false }) page: CommentPage | undefined;

  @state() private _comments: Comment[] = [];
  @state() private _total: number | undefined;
  @state() private _next: string | undefined;
  @state() private _load: Load = { state: 'idle' };
  @state() private _more = false;
  @state() private _replyTo: string | null = null;
  @state() private _announce: Announcement | undefined;
  /** Comments received that could not be shown, over every page loaded. */
  @state() private _omitted = 0;
  /**
   * Changes once a page the server wrote is on screen: its times were written for the server's
   * clock and zone, and are then written again for the reader's.
   */
  @state() private _clock = 0;
  /** The comments as a thread, derived when they or the order change, not on every render. */
  private thread: ThreadNode[] = [];
  /** Each comment by id, for "in reply to" under replies shown deeper than their parent. */
  private byId = new Map<string, Comment>();
  /** Stops waiting for the section to near the viewport (`loading="lazy"`). */
  private unwatch: (() => void) | undefined;
  private generation = 0;
  /** Live updates of the thread, on the service (`endpoint`) only. */
  private live: LiveFollow | undefined;
  /** The page shown came with the HTML long enough ago that comments may have come since. */
  private pageIsOld = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(CommentPostedEvent.type, this.onPosted);
    if (this.page === undefined && !this.hasUpdated) this.readInlinePage();
    // Moved elsewhere in the page before it loaded: watch again from where it now is.
    if (this.hasUpdated && this._load.state === 'idle') this.scheduleLoad();
    if (this._load.state === 'ready') this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(CommentPostedEvent.type, this.onPosted);
    this.unwatch?.();
    this.unwatch = undefined;
    this.live?.stop();
    this.live = undefined;
  }

  // Untyped: `_comments` is private, so it is not a key `PropertyValues<this>` knows.
  // Loading starts here rather than in `updated`, so "Loading comments…" is part of this
  // render instead of a second one.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('page') && this.page) {
      this.show(this.page);
    } else if (
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

  protected override updated(): void {
    // The page's watch on `lang` does not see into this shadow root: once the section has
    // taken a new language, the forms in it look theirs up again.
    for (const form of this.renderRoot.querySelectorAll<DatelineCommentForm>(
      'dateline-comment-form',
    ))
      form.relocale?.(); // not there while the form's element is undefined
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
      this.accept(page);
      this.restoreReply();
      if (this._omitted)
        this._announce = { say: 'omitted', omitted: this._omitted };
      this.follow();
    } catch (error) {
      if (generation !== this.generation) return;
      this._load = {
        state: 'error',
        why: this.missesPost() ? 'no-post' : loadFailure(error),
      };
    }
  }

  /** The first page read by the server (or a page's script), shown without a request. */
  private readInlinePage(): void {
    const script = this.querySelector(
      ':scope > script[type="application/json"]',
    );
    if (!script) return;
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      if (Array.isArray((data as { comments?: unknown } | null)?.comments)) {
        this.page = data as CommentPage;
        // As old as the page: a section whose code came late (the loader brings it as the
        // reader nears it) asks once, when it starts following, for what it missed.
        this.pageIsOld = performance.now() > OLD_PAGE_MS;
      }
    } catch {
      // Not a page: the store is asked instead, as without one.
    }
  }

  private show(page: CommentPage): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.generation += 1;
    this.accept(page);
    if (this._omitted)
      this._announce = { say: 'omitted', omitted: this._omitted };
    // Once what the server wrote is on screen (never on the server, where no update completes):
    // a draft reply reopens under its comment, times move to the reader's clock, live follows.
    void this.updateComplete.then(() => {
      this.restoreReply();
      this._clock += 1;
      this.follow();
    });
  }

  private accept(page: CommentPage): void {
    const shown = this.valid(page.comments);
    this._comments = shown;
    this._omitted = omittedOf(page, shown);
    this._total = page.total;
    this._next = page.nextCursor;
    this._load = { state: 'ready' };
  }

  /**
   * Follows the thread live once it has loaded, when the section talks to the service
   * (`endpoint`): `live.ts`, and the stream it shares with the page's other sections, load
   * only then.
   */
  private follow(): void {
    const { endpoint, threadId } = this;
    if (this.store || !endpoint || !this.isConnected) {
      this.live?.stop();
      this.live = undefined;
      return;
    }
    if (this.live?.endpoint === endpoint && this.live.threadId === threadId)
      return;
    this.live?.stop();
    this.live = undefined;
    const generation = this.generation;
    void import('./live.js').then(({ followLive }) => {
      if (generation !== this.generation || !this.isConnected || this.live)
        return;
      this.live = followLive({
        endpoint,
        threadId,
        host: this,
        view: () => ({
          comments: this._comments,
          more: this._next !== undefined,
          order: this.order,
          replyTo: this._replyTo,
        }),
        update: (comments, total) => {
          this._comments = comments;
          if (total !== undefined) this._total = total;
        },
        announce: (text) => {
          this._announce = { say: 'live', text };
        },
        list: async () =>
          (await resolveStore(this)).store.list(threadId, {
            limit: this.pageSize,
            order: this.order,
          }),
      });
      if (this.pageIsOld) {
        this.pageIsOld = false;
        this.live.resync();
      }
    });
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
      this._announce = { say: 'loaded', added: added.length, omitted };
      await this.updateComplete;
      // Take keyboard users to the first new comment rather than leaving them at the end.
      const first = added.find((c) => c.parentId === null) ?? added[0];
      if (first)
        this.renderRoot
          .querySelector<HTMLElement>(`#comment-${CSS.escape(first.id)}`)
          ?.focus();
    } catch {
      this._announce = { say: 'more-failed' };
    } finally {
      this._more = false;
    }
  }

  /** Comments a store sends are checked with the same schema; one that fails is left out. */
  private valid(comments: readonly Comment[]): Comment[] {
    return comments.filter((c) => CommentSchema.safeParse(c).success);
  }

  /**
   * A WordPress site named without a post number: the section's own attributes are wrong, which
   * the page's author, not the reader's connection, must put right.
   */
  private missesPost(): boolean {
    return (
      !this.store &&
      !this.endpoint &&
      Boolean(this.wordpressSite) &&
      !(Number.isSafeInteger(this.postId) && this.postId! > 0)
    );
  }

  /** Why the comments could not be loaded, in the section's language. */
  private loadFailureText(why: LoadFailure): string {
    switch (why) {
      case 'network':
        return msg(
          'The comments could not be loaded. Check your connection and try again.',
          { id: 'comments.load-failed.network' },
        );
      case 'refused-origin':
        return msg(
          'The comments could not be loaded. This site’s comment service does not accept comments from this page.',
          { id: 'comments.load-failed.refused-origin' },
        );
      case 'server':
        return msg(
          'The comments could not be loaded. The comment service is having trouble; please try again in a moment.',
          { id: 'comments.load-failed.server' },
        );
      case 'no-post':
        return msg(
          'The comments could not be loaded. This comment section names a WordPress site but no post: its post-id attribute must be the post’s number.',
          { id: 'comments.load-failed.no-post' },
        );
      default:
        return msg('The comments could not be loaded.', {
          id: 'comments.load-failed',
        });
    }
  }

  /** What the live region says, in the section's language. */
  private announcementText(announcement: Announcement | undefined): string {
    switch (announcement?.say) {
      case undefined:
        return '';
      case 'posted':
        return msg('Your comment was posted.', { id: 'comments.posted' });
      case 'held':
        return msg('Your comment was sent and is awaiting moderation.', {
          id: 'comments.posted-held',
        });
      case 'more-failed':
        return msg('More comments could not be loaded. Please try again.', {
          id: 'comments.load-more-failed',
        });
      case 'omitted':
        return omittedText(announcement.omitted);
      case 'loaded': {
        const loaded = loadedText(announcement.added);
        if (!announcement.omitted) return loaded;
        // Two sentences for the live region alone, where only the words are heard.
        return `${loaded} ${notShownText(announcement.omitted)}`;
      }
      case 'live':
        return announcement.text();
    }
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
    this._announce = { say: comment.status === 'pending' ? 'held' : 'posted' };
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

  /** "in reply to NAME", the name a link to the comment it answers. */
  private renderInReplyTo(answers: Comment) {
    const name = SLOT;
    const [before, after] = aroundSlot(
      msg(str`in reply to ${name}`, { id: 'comments.in-reply-to' }),
    );
    return html`<p class="in-reply-to">${before}<a href="#comment-${answers.id}" @click=${(e: Event) => this.goTo(e, answers.id)}><bdi>${answers.author.name}</bdi></a>${after}</p>`;
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
    const exact = formatDateTime(when, { locale: this.locale });
    // A server's page is kept for as long as the thread is unchanged: "5 minutes ago" would not
    // stay true, so it writes the date, and the reader's browser the time since.
    const relative = isServer
      ? exact
      : formatRelativeTime(when, { locale: this.locale });
    const name = SLOT;
    const [saysBefore, saysAfter] = aroundSlot(
      msg(str`${name} says:`, {
        id: 'comments.says',
        desc: 'Read by screen readers before a comment; the value is its author’s name.',
      }),
    );
    return html`<li>
      <article id="comment-${comment.id}" part="comment" tabindex="-1" aria-labelledby="by-${comment.id}">
        <div class="meta">
          <span id="by-${comment.id}">${saysBefore ? html`<span class="says">${saysBefore}</span>` : nothing}${author}<span class="says">${saysAfter}</span></span>
          ${keyed(
            this._clock,
            html`<a class="permalink" href="#comment-${comment.id}" aria-label=${isServer ? exact : msg(str`${relative}, ${exact}`, { id: 'comments.date-label', desc: 'How long ago a comment was posted, then its date and time.' })}>
            <time datetime=${comment.createdAt}>${relative}</time>
            <span class="exact" aria-hidden="true">${exact}</span>
          </a>`,
          )}
        </div>
        ${answers ? this.renderInReplyTo(answers) : nothing}
        ${comment.status === 'pending' ? html`<p class="moderation">${msg('Your comment is awaiting moderation.', { id: 'comments.awaiting-moderation' })}</p>` : nothing}
        <div class="body">${renderBody(comment.body)}</div>
        ${
          !this.closed &&
          comment.status === 'approved' &&
          this._replyTo !== comment.id
            ? html`<button class="link-button reply" part="reply-button" id="reply-${comment.id}" aria-label=${replyLabel(comment.author.name)} @click=${() => this.reply(comment)}>${msg('Reply', { id: 'comments.reply' })}</button>`
            : nothing
        }
        ${this._replyTo === comment.id ? html`<div class="form-slot">${this.renderForm(comment)}</div>` : nothing}
      </article>
      ${
        // Keyed, so a comment that appears before another never takes over its element (and focus).
        node.replies.length
          ? html`<ol>${repeat(
              node.replies,
              (n) => n.comment.id,
              (n) => this.renderComment(n, comment),
            )}</ol>`
          : nothing
      }
    </li>`;
  }

  protected override render() {
    const thread = this.thread;
    const count =
      this._total ??
      this._comments.filter((c) => c.status === 'approved').length;
    const demo = isDemo(this);
    const load = this._load;
    // Shown until this section's own comments are there, so a reader sees them at once, and
    // once. A child script is data (the first page), not something to show.
    const served =
      load.state !== 'ready' &&
      [...(this.children ?? [])].some((child) => child.localName !== 'script');
    return html`<section part="section" lang=${this.locale} aria-labelledby=${served ? nothing : 'comments-title'}>
      ${
        served
          ? html`<slot></slot>`
          : html`<header>
        <h2 id="comments-title" part="heading">${headingText(count)}</h2>
        ${
          this._comments.length > 1
            ? html`<label class="order">${msg('Order', { id: 'comments.order' })}
              <select @change=${(e: Event) => (this.order = (e.target as HTMLSelectElement).value as CommentOrder)}>
                <option value="oldest" ?selected=${this.order === 'oldest'}>${msg('Oldest first', { id: 'comments.order.oldest' })}</option>
                <option value="newest" ?selected=${this.order === 'newest'}>${msg('Newest first', { id: 'comments.order.newest' })}</option>
              </select></label>`
            : nothing
        }
      </header>`
      }
      ${demo ? html`<p class="demo">${msg('Demo mode: comments are kept in this browser only, and nobody else sees them.', { id: 'comments.demo' })}</p>` : nothing}
      ${
        // As tall as the note for an empty thread, which it often becomes: the form below stays put.
        (load.state === 'loading' || load.state === 'idle') && !served
          ? html`<p class="loading"><span>${load.state === 'loading' ? msg('Loading comments…', { id: 'comments.loading' }) : msg('Comments load as you scroll here.', { id: 'comments.loading-lazy' })}</span><span class="sizer" aria-hidden="true">${emptyText()}</span></p>`
          : nothing
      }
      ${
        load.state === 'error'
          ? html`<div class="alert" role="alert"><p>${this.loadFailureText(load.why)}</p><button class="link-button" @click=${this.reload}>${msg('Try again', { id: 'comments.try-again' })}</button></div>`
          : nothing
      }
      ${load.state === 'ready' && thread.length === 0 && !this._omitted ? html`<p class="empty">${emptyText()}</p>` : nothing}
      ${this._omitted ? html`<p class="omitted" part="omitted">${omittedText(this._omitted)}</p>` : nothing}
      ${
        thread.length
          ? html`<ol class="thread">${repeat(
              thread,
              (n) => n.comment.id,
              (n) => this.renderComment(n),
            )}</ol>`
          : nothing
      }
      ${
        this._next
          ? html`<button class="button more" part="load-more" ?disabled=${this._more} @click=${this.loadMore}>
            ${this._more ? html`<span class="spinner" aria-hidden="true"></span> ${msg('Loading…', { id: 'comments.loading-more' })}` : msg('Load more comments', { id: 'comments.load-more' })}
          </button>`
          : nothing
      }
      ${
        // The form is there while the comments load, so that it, and what follows the section
        // on the page, need not move when they arrive (a thread without comments moves nothing).
        this._replyTo === null ? this.renderForm(null) : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcementText(this._announce)}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-comments': DatelineComments;
  }
}
