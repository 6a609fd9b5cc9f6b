import {
  CommentStoreError,
  createCountsClient,
  createWordPressCountsClient,
  type CommentStore,
  type CountsClient,
} from '@dateline/core';
import { str } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CommentPostedEvent, DataEvent } from '../shared/events.js';
import { formatNumber, Localized, msg, plural } from '../shared/localize.js';
import { resolveStore } from '../shared/store.js';
import { styles } from './count.styles.js';

/** The value kept for `key`, made by `make` the first time. */
function kept<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * "No comments", "1 comment", "1,204 comments", in the language of the element being rendered
 * (see `Localized`), by its plural rules and with its digits.
 */
export function countInWords(n: number): string {
  if (n === 0) return msg('No comments', { id: 'count.none' });
  const count = formatNumber(n);
  return plural(n, {
    one: () => msg(str`${count} comment`, { id: 'count.one' }),
    two: () => msg(str`${count} comments`, { id: 'count.two' }),
    few: () => msg(str`${count} comments`, { id: 'count.few' }),
    many: () => msg(str`${count} comments`, { id: 'count.many' }),
    other: () => msg(str`${count} comments`, { id: 'count.other' }),
  });
}

/** One client per service or site per page, so every count on it goes out in one request. */
const services = new Map<string, CountsClient<string>>();
const sites = new Map<string, CountsClient<number>>();

const serviceCounts = (endpoint: string) =>
  kept(services, endpoint, () => createCountsClient({ endpoint }));
const wordpressCounts = (site: string) =>
  kept(sites, site, () => createWordPressCountsClient({ site }));

/**
 * How many approved comments a thread has, for a list of articles: "12 comments", "1 comment",
 * "No comments". Every count on a page goes out in one request (`GET /api/counts`, revalidated
 * with its ETag), or, for a WordPress site, in as few requests as its REST API allows. Put it
 * inside the link to the article's comments; until the count is known, and if it cannot be
 * read, it shows its own content, "Comments" by default.
 *
 * @slot - Shown until the count is known, and if it cannot be read (default "Comments").
 * @fires dateline-load - A `DataEvent` once the count is shown.
 * @fires dateline-error - A `DataEvent` with a `message` when the count cannot be read.
 * @csspart count - The count, or the slot's content in its place.
 */
export class DatelineCount extends Localized(LitElement) {
  static override styles = styles;

  /** The thread to count, as its `<dateline-comments thread-id>` names it. */
  @property({ attribute: 'thread-id' }) threadId = '';
  /** The comment service's API root ("/api"). */
  @property() endpoint: string | undefined;
  /** A WordPress site's address whose REST API holds the comments, with `post-id`. */
  @property({ attribute: 'wordpress-site' }) wordpressSite: string | undefined;
  /** The WordPress post whose comments to count, with `wordpress-site`. */
  @property({ type: Number, attribute: 'post-id' }) postId: number | undefined;
  /** A store to count from instead; without any source, the browser's local store (demo mode). */
  @property({ attribute: false }) store: CommentStore | undefined;

  @state() private _count: number | undefined;
  /** Counts requests, so an answer that arrives after a newer request is dropped. */
  private request = 0;

  /** The count shown, once known. */
  get count(): number | undefined {
    return this._count;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Posted comments bubble out of their section to the document, wherever it is.
    document.addEventListener(
      CommentPostedEvent.type,
      this.onPosted as EventListener,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(
      CommentPostedEvent.type,
      this.onPosted as EventListener,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('threadId') ||
      changed.has('endpoint') ||
      changed.has('wordpressSite') ||
      changed.has('postId') ||
      changed.has('store')
    )
      void this.load();
  }

  /** A comment posted on this page, in this thread, counts at once. */
  private onPosted = (event: CommentPostedEvent): void => {
    const { comment } = event;
    if (
      this._count !== undefined &&
      this.threadId &&
      comment.threadId === this.threadId &&
      comment.status === 'approved'
    )
      this._count += 1;
  };

  /** Where the count comes from, most specific first, as `<dateline-comments>` finds its store. */
  private fetchCount(): Promise<number> | string {
    if (!this.store && this.endpoint)
      return this.threadId
        ? serviceCounts(this.endpoint).count(this.threadId)
        : 'This comment count names no thread: its thread-id attribute must name one.';
    if (!this.store && this.wordpressSite)
      return Number.isSafeInteger(this.postId) && this.postId! > 0
        ? wordpressCounts(this.wordpressSite).count(this.postId!)
        : 'This comment count names a WordPress site but no post: its post-id attribute must be the post’s number.';
    if (!this.threadId)
      return 'This comment count names no thread: its thread-id attribute must name one.';
    const threadId = this.threadId;
    return resolveStore(this).then(async ({ store }) => {
      const { total } = await store.list(threadId, { limit: 1 });
      if (total === undefined)
        throw new CommentStoreError('This store does not count comments.', {
          code: 'invalid',
        });
      return total;
    });
  }

  private async load(): Promise<void> {
    const request = ++this.request;
    this._count = undefined;
    const fail = (why: string) =>
      this.dispatchEvent(
        new DataEvent(
          'dateline-error',
          `The comment count could not be loaded.${why ? ` ${why}` : ''}`,
        ),
      );
    const pending = this.fetchCount();
    if (typeof pending === 'string') {
      fail(pending);
      return;
    }
    let count: number;
    try {
      count = await pending;
    } catch (error) {
      // A store's refusal says why in words for readers; anything else stays unsaid.
      if (request === this.request)
        fail(error instanceof CommentStoreError ? error.message : '');
      return;
    }
    if (request !== this.request) return;
    this._count = count;
    this.dispatchEvent(new DataEvent('dateline-load'));
  }

  protected override render() {
    const n = this._count;
    return html`<span part="count" lang=${this.locale}>${n === undefined ? html`<slot>${msg('Comments', { id: 'count.unknown' })}</slot>` : countInWords(n)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-count': DatelineCount;
  }
}
