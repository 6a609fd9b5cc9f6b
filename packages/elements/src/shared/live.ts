import {
  type Comment,
  CommentSchema,
  heldCommentsKey,
  type LiveChange,
  type LivePosition,
  type LiveStream,
  openLiveStream,
} from '@dateline/core';
import { CommentPostedEvent } from './events.js';

/** What an element following a thread live is told. */
export interface LiveFollower {
  /** Comments now shown in the thread, and ids no longer shown. */
  change(change: LiveChange): void;
  /** The thread changed in ways the stream cannot list: fetch it again. */
  resync(): void;
  /**
   * The reader's own comments that await moderation, posted in another element or another tab
   * of this browser. Known to this browser alone: the service never sends them to anyone.
   */
  held(comments: Comment[]): void;
}

/**
 * How long, and how many, changes a thread keeps for a section that starts following it late:
 * one that fetched its comments while the stream was already telling other sections of them.
 */
const KEPT_MS = 60_000;
const KEPT_CHANGES = 20;

/**
 * The live updates of one comment service for the whole page: one EventSource, whatever the
 * number of elements and threads, opened again (from where it was) when the threads followed
 * change, closed while the page is hidden.
 */
class PageStream {
  private readonly followers = new Map<string, Set<LiveFollower>>();
  /** Each followed thread's latest changes, with when they came, oldest first. */
  private readonly recent = new Map<
    string,
    { at: number; change: LiveChange }[]
  >();
  private stream: LiveStream | undefined;
  private streaming = '';
  private position: LivePosition | undefined;
  private scheduled = false;

  constructor(
    readonly endpoint: string,
    private readonly forget: () => void,
  ) {
    document.addEventListener('visibilitychange', this.onVisibility);
    document.addEventListener(CommentPostedEvent.type, this.onPosted);
    window.addEventListener('storage', this.onStorage);
  }

  follow(threadId: string, follower: LiveFollower): () => void {
    const set = this.followers.get(threadId) ?? new Set();
    set.add(follower);
    this.followers.set(threadId, set);
    this.schedule();
    // A section that fetched its comments while the stream was already telling the page's
    // other sections of new ones is told them too: taking in what it has already changes nothing.
    const since = Date.now() - KEPT_MS;
    const missed = (this.recent.get(threadId) ?? []).filter(
      (r) => r.at >= since,
    );
    if (missed.length)
      queueMicrotask(() => {
        if (!set.has(follower)) return;
        for (const { change } of missed) follower.change(change);
      });
    return () => {
      set.delete(follower);
      if (set.size === 0) {
        this.followers.delete(threadId);
        this.recent.delete(threadId);
      }
      this.schedule();
    };
  }

  private changed(change: LiveChange): void {
    const kept = this.recent.get(change.threadId) ?? [];
    kept.push({ at: Date.now(), change });
    if (kept.length > KEPT_CHANGES) kept.shift();
    this.recent.set(change.threadId, kept);
    this.tell(change.threadId, (f) => f.change(change));
  }

  /** Elements that start or stop together make one change to the stream, not one each. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.sync();
    });
  }

  private sync(): void {
    if (this.followers.size === 0) {
      this.close();
      document.removeEventListener('visibilitychange', this.onVisibility);
      document.removeEventListener(CommentPostedEvent.type, this.onPosted);
      window.removeEventListener('storage', this.onStorage);
      this.forget();
      return;
    }
    if (document.visibilityState === 'hidden') {
      this.close();
      return;
    }
    const threads = [...this.followers.keys()].sort();
    const key = threads.join(',');
    if (this.stream && key === this.streaming) return;
    this.close();
    this.streaming = key;
    this.stream = openLiveStream({
      endpoint: this.endpoint,
      threadIds: threads,
      ...(this.position ? { from: this.position } : {}),
      onChange: (change) => this.changed(change),
      onResync: (threadId) => {
        // What was kept no longer says where the thread is.
        this.recent.delete(threadId);
        this.tell(threadId, (f) => f.resync());
      },
    });
  }

  private close(): void {
    if (!this.stream) return;
    this.position = this.stream.position() ?? this.position;
    this.stream.close();
    this.stream = undefined;
    this.streaming = '';
  }

  private tell(threadId: string, what: (follower: LiveFollower) => void) {
    for (const follower of [...(this.followers.get(threadId) ?? [])])
      what(follower);
  }

  private held(comments: readonly unknown[]): void {
    const byThread = new Map<string, Comment[]>();
    for (const raw of comments) {
      const parsed = CommentSchema.safeParse(raw);
      if (!parsed.success || parsed.data.status !== 'pending') continue;
      const list = byThread.get(parsed.data.threadId) ?? [];
      list.push(parsed.data);
      byThread.set(parsed.data.threadId, list);
    }
    for (const [threadId, list] of byThread)
      this.tell(threadId, (f) => f.held(list));
  }

  /** Hidden, the page stops listening; shown again, it carries on from where it was. */
  private onVisibility = () => this.sync();

  /** A comment posted by another element of this page. */
  private onPosted = (event: Event) => {
    if (event instanceof CommentPostedEvent) this.held([event.comment]);
  };

  /** A comment posted in another tab: the store wrote it to the reader's pending list. */
  private onStorage = (event: StorageEvent) => {
    if (event.key !== heldCommentsKey(this.endpoint) || !event.newValue) return;
    try {
      const list: unknown = JSON.parse(event.newValue);
      if (Array.isArray(list)) this.held(list);
    } catch {
      // not the store's writing
    }
  };
}

const streams = new Map<string, PageStream>();

/**
 * Follows a thread of the comment service at `endpoint` live; resolves nothing, returns how
 * to stop. Every element of the page shares one connection per service.
 */
export function followThread(
  endpoint: string,
  threadId: string,
  follower: LiveFollower,
): () => void {
  const key = endpoint.replace(/\/+$/, '');
  let stream = streams.get(key);
  if (!stream) {
    const made: PageStream = new PageStream(key, () => {
      if (streams.get(key) === made) streams.delete(key);
    });
    streams.set(key, made);
    stream = made;
  }
  return stream.follow(threadId, follower);
}
