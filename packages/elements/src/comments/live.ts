import type {
  Comment,
  CommentOrder,
  CommentPage,
  LiveChange,
} from '@dateline/core';
import { str } from '@lit/localize';
import { followThread } from '../shared/live.js';
import { formatNumber, msg, plural } from '../shared/localize.js';

/*
 * The words live updates add, in one place: the live region's count of comments that
 * appeared (ids `comments.live.new.*`).
 */

/** "1 new comment.", "3 new comments.": said politely when comments appear. */
export function newCommentsText(n: number): string {
  const count = formatNumber(n);
  return plural(n, {
    one: () => msg(str`${count} new comment.`, { id: 'comments.live.new.one' }),
    two: () =>
      msg(str`${count} new comments.`, { id: 'comments.live.new.two' }),
    few: () =>
      msg(str`${count} new comments.`, { id: 'comments.live.new.few' }),
    many: () =>
      msg(str`${count} new comments.`, { id: 'comments.live.new.many' }),
    other: () =>
      msg(str`${count} new comments.`, { id: 'comments.live.new.other' }),
  });
}

/** Comments that appear within this long of each other are counted in one announcement. */
const COUNTED_TOGETHER_MS = 5000;

/** What `<dateline-comments>` lets live updates see and change. */
export interface LiveSection {
  endpoint: string;
  threadId: string;
  /** The element: where the comments are drawn, and when a change has been. */
  host: HTMLElement & {
    renderRoot: HTMLElement | DocumentFragment;
    updateComplete: Promise<unknown>;
  };
  /** What the section shows now. */
  view(): {
    comments: readonly Comment[];
    /** Whether pages of older (or, newest first, later) comments are still to load. */
    more: boolean;
    order: CommentOrder;
    /** The comment whose reply form is open. */
    replyTo: string | null;
  };
  /** Shows `comments` instead, with the thread's approved total when known. */
  update(comments: Comment[], total: number | undefined): void;
  /** Says something in the section's live region, worded when it is drawn. */
  announce(text: () => string): void;
  /** The first page, fetched again. */
  list(): Promise<CommentPage>;
}

export interface LiveFollow {
  readonly endpoint: string;
  readonly threadId: string;
  /** Fetches the first page again and takes in what changed: for a section shown from an old page. */
  resync(): void;
  stop(): void;
}

/**
 * Where the reader is, as a distance from the top of the window that a change must not move:
 * the top of the first comment in view; with none in view and the section reaching above the
 * window, its bottom (what follows it, or its form, is what the reader sees). A section that
 * starts in or below the window needs nothing: what appears there is below what the reader sees.
 */
function placeOf(section: LiveSection): (() => number) | undefined {
  const height = window.innerHeight;
  for (const article of section.host.renderRoot.querySelectorAll<HTMLElement>(
    'article[id^="comment-"]',
  )) {
    const box = article.getBoundingClientRect();
    if (box.bottom > 0 && box.top < height)
      return () => article.getBoundingClientRect().top;
  }
  if (section.host.getBoundingClientRect().top < 0)
    return () => section.host.getBoundingClientRect().bottom;
  return undefined;
}

/**
 * Keeps a comment section up to date with its thread: comments that appear are put in their
 * place in the thread (not where "Load more" has yet to reach), those removed are taken out,
 * and the reader's place and focus stay where they were. The count of new comments is said
 * politely in the section's live region.
 */
export function followLive(section: LiveSection): LiveFollow {
  let announced = 0;
  let lastAt = 0;
  /** Removals held back while the reader is on the comment (focus in it, or replying to it). */
  const deferred = new Set<string>();
  let stopped = false;

  const apply = async (
    shown: readonly Comment[],
    removed: readonly string[],
    total: number | undefined,
  ) => {
    if (stopped) return;
    const { comments, more, order, replyTo } = section.view();
    const byId = new Map(comments.map((c) => [c.id, c]));
    const next = new Map(byId);
    const appeared: Comment[] = [];
    const root = section.host.renderRoot;
    const inUse = (id: string) =>
      id === replyTo ||
      Boolean(
        root
          .querySelector(`#comment-${CSS.escape(id)}`)
          ?.matches(':focus-within'),
      );

    for (const id of new Set([...removed, ...deferred])) {
      if (next.has(id) && inUse(id)) {
        deferred.add(id);
        continue;
      }
      deferred.delete(id);
      next.delete(id);
    }
    // Parents before their replies, so a reply to a comment that just appeared finds it.
    for (const comment of [...shown].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    )) {
      deferred.delete(comment.id);
      const had = next.get(comment.id);
      if (had) {
        if (had.status !== comment.status) next.set(comment.id, comment);
        continue;
      }
      // A reply goes under its parent; a new top-level comment only where the pages shown
      // reach: oldest first, it belongs after every page "Load more" has not loaded yet.
      const placed =
        comment.parentId !== null
          ? next.has(comment.parentId)
          : order === 'newest' || !more;
      if (!placed) continue;
      next.set(comment.id, comment);
      appeared.push(comment);
    }
    const changed =
      next.size !== byId.size ||
      [...next].some(([id, c]) => byId.get(id) !== c);
    if (!changed && total === undefined) return;

    const place = placeOf(section);
    const before = place?.();
    section.update([...next.values()], total);
    let count = 0;
    if (appeared.length) {
      const now = Date.now();
      announced = now - lastAt < COUNTED_TOGETHER_MS ? announced : 0;
      announced += appeared.length;
      lastAt = now;
      count = announced;
      // Emptied first: the same words set again would change nothing, and go unsaid.
      section.announce(() => '');
    }
    await section.host.updateComplete;
    // What appeared above the reader's place must not push it down the page.
    if (place && before !== undefined) {
      const moved = place() - before;
      if (Math.abs(moved) >= 1)
        window.scrollBy({ top: moved, behavior: 'instant' });
    }
    if (count && !stopped) section.announce(() => newCommentsText(count));
  };

  /** Fetches the first page again and takes what it says in. */
  const resync = async () => {
    let page: CommentPage;
    try {
      page = await section.list();
    } catch {
      // The section keeps what it shows; the next change or resync tries again.
      return;
    }
    const { comments, more } = section.view();
    const listed = new Set(page.comments.map((c) => c.id));
    // Only when the page holds the whole thread can it tell what is gone.
    const gone =
      !page.nextCursor && !more
        ? comments
            .filter((c) => c.status === 'approved' && !listed.has(c.id))
            .map((c) => c.id)
        : [];
    await apply(page.comments, gone, page.total);
  };

  // A removal held back goes through once the reader has left the comment.
  const onFocusOut = () => {
    if (deferred.size) setTimeout(() => void apply([], [], undefined));
  };
  // On the shadow root: focus moving between two comments never reaches the host.
  section.host.renderRoot.addEventListener('focusout', onFocusOut);

  const stop = followThread(section.endpoint, section.threadId, {
    change: (change: LiveChange) =>
      void apply(change.comments, change.removed, change.total),
    resync: () => void resync(),
    held: (comments) => void apply(comments, [], undefined),
  });

  return {
    endpoint: section.endpoint,
    threadId: section.threadId,
    resync: () => void resync(),
    stop() {
      stopped = true;
      section.host.renderRoot.removeEventListener('focusout', onFocusOut);
      stop();
    },
  };
}
