import {
  type Comment,
  formatLiveId,
  heldCommentsKey,
  type LiveChangeData,
  parseLiveId,
} from '@dateline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineComments } from '../index.js';
import {
  deepActiveElement,
  expectAccessible,
  makeComment,
  mount,
  shadow,
  type,
  until,
} from '../test/helpers.js';

const ENDPOINT = 'https://comments.example/api';

/** An EventSource the test speaks for, as the service would. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static made: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  constructor(readonly url: string) {
    super();
    FakeEventSource.made.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  /** The threads it follows, as the URL names them. */
  get threads(): string[] {
    return new URL(this.url).searchParams.get('threads')!.split(',');
  }
  emit(type: string, data: unknown, id: string) {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(
      new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id }),
    );
  }
  /** Sends a change of `threadId`, with an id that puts the other threads at version 1. */
  change(change: LiveChangeData) {
    this.emit(
      'change',
      change,
      formatLiveId(this.threads, {
        versions: new Map(
          this.threads.map((t) => [
            t,
            t === change.threadId ? change.version : 1,
          ]),
        ),
        instance: 'abc',
        seq: change.version,
      }),
    );
  }
}
const open = () =>
  FakeEventSource.made.filter((s) => s.readyState !== FakeEventSource.CLOSED);

/** The service's list answers, by thread; fetches are counted. */
let threads: Map<string, Comment[]>;
let listed = 0;
const realFetch = globalThis.fetch;
const realEventSource = globalThis.EventSource;
let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  localStorage.clear();
  threads = new Map();
  listed = 0;
  FakeEventSource.made = [];
  globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const thread = decodeURIComponent(url.pathname.split('/')[3]!);
    listed += 1;
    const comments = threads.get(thread) ?? [];
    return new Response(
      JSON.stringify({
        comments,
        total: comments.filter((c) => c.status === 'approved').length,
      }),
      { headers: { 'content-type': 'application/json' } },
    );
  }) as typeof fetch;
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility,
  });
});

afterEach(async () => {
  document.body.replaceChildren();
  // The page's stream closes once no section follows a thread.
  await until(() => open().length === 0, 'the stream to close');
  globalThis.fetch = realFetch;
  globalThis.EventSource = realEventSource;
  delete (document as { visibilityState?: unknown }).visibilityState;
  document.documentElement.style.overflowAnchor = '';
  document.body.style.overflowAnchor = '';
  window.scrollTo(0, 0);
});

async function section(threadId: string, comments: Comment[] = []) {
  threads.set(
    threadId,
    comments.map((c) => ({ ...c, threadId })),
  );
  const el = new DatelineComments();
  el.setAttribute('thread-id', threadId);
  el.setAttribute('endpoint', ENDPOINT);
  await mount(el);
  await until(() => !shadow(el).querySelector('.loading'), 'comments to load');
  return el;
}
const stream = () => until(() => open()[0], 'the live stream');
const ids = (el: Element) =>
  [...shadow(el).querySelectorAll('article[id^="comment-"]')].map((a) =>
    a.id.slice('comment-'.length),
  );
const region = (el: Element) =>
  shadow(el).querySelector('[role="status"]')!.textContent!.trim();
const article = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLElement>(`#comment-${id}`)!;
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('<dateline-comments> live', () => {
  it('opens one connection for the whole page, whatever the number of sections and threads', async () => {
    const a = await section('thread-a');
    const b = await section('thread-b');
    const c = await section('thread-a');
    await until(
      () => open().length === 1 && open()[0]!.threads.length === 2,
      'one stream following both threads',
    );
    expect(open()[0]!.url).toBe(`${ENDPOINT}/live?threads=thread-a%2Cthread-b`);
    const source = open()[0]!;
    source.emit(
      'ready',
      {
        threads: [
          { threadId: 'thread-a', version: 0 },
          { threadId: 'thread-b', version: 0 },
        ],
      },
      '0,0;abc.1',
    );
    source.change({
      threadId: 'thread-a',
      version: 1,
      total: 1,
      comments: [makeComment('new-a', null, { threadId: 'thread-a' })],
      removed: [],
    });
    await until(() => ids(a).includes('new-a'), 'the comment in the first');
    await until(() => ids(c).includes('new-a'), 'the comment in the third');
    expect(ids(b)).toEqual([]);

    // A section that leaves takes its thread out of the one connection.
    b.remove();
    await until(
      () => open().length === 1 && open()[0]!.threads.join() === 'thread-a',
      'the stream without thread-b',
    );
    // It carries on from where the page was.
    expect(
      parseLiveId(new URL(open()[0]!.url).searchParams.get('lastEventId')!, [
        'thread-a',
      ]),
    ).toEqual({
      versions: new Map([['thread-a', 1]]),
      instance: 'abc',
      seq: 1,
    });
  });

  it('tells a section that starts following late what the stream already told the others', async () => {
    const a = await section('thread-a');
    const source = await stream();
    source.emit(
      'ready',
      { threads: [{ threadId: 'thread-a', version: 0 }] },
      '0;abc.1',
    );
    source.change({
      threadId: 'thread-a',
      version: 1,
      total: 1,
      comments: [makeComment('new-a', null, { threadId: 'thread-a' })],
      removed: [],
    });
    await until(() => ids(a).includes('new-a'), 'the comment in the first');
    // The second section's fetch answers from before the change.
    const b = await section('thread-a');
    await until(() => ids(b).includes('new-a'), 'the comment in the second');
    expect(ids(b)).toEqual(['new-a']);
    expect(open()).toHaveLength(1);
  });

  it.each([
    ['at once', 1000, 0],
    ['long after the page opened', 20_000, 1],
  ])(
    'shown from the page’s own first page %s, asks the service again only when that page may be out of date',
    async (_when, now, fetches) => {
      const realNow = performance.now;
      performance.now = () => now;
      try {
        // The service has a comment the page's inline copy does not.
        const inline = makeComment('inline', null, { threadId: 'kh' });
        threads.set('kh', [
          inline,
          makeComment('since', null, { threadId: 'kh' }),
        ]);
        const el = new DatelineComments();
        el.setAttribute('thread-id', 'kh');
        el.setAttribute('endpoint', ENDPOINT);
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify({
          comments: [inline],
          total: 1,
        });
        el.append(script);
        await mount(el);
        await stream();
        if (fetches)
          await until(() => ids(el).includes('since'), 'the missed comment');
        else await new Promise((r) => setTimeout(r, 100));
        expect(listed).toBe(fetches);
        expect(ids(el)).toEqual(fetches ? ['inline', 'since'] : ['inline']);
      } finally {
        performance.now = realNow;
      }
    },
  );

  // With the browser's own scroll anchoring, and without it (Safari has none).
  it.each(['auto', 'none'])(
    'puts a comment that appears in its place, keeping the reader’s focus and place, and says so politely (overflow-anchor: %s)',
    async (anchoring) => {
      document.documentElement.style.overflowAnchor = anchoring;
      document.body.style.overflowAnchor = anchoring;
      const comments = Array.from({ length: 24 }, (_, i) =>
        makeComment(`c${i}`, null, {
          body: `Comment ${i}. ${'Words. '.repeat(60)}`,
        }),
      );
      const el = await section('kh', comments);
      const source = await stream();
      // The reader is on comment 15, well below the top of the page.
      const reading = article(el, 'c15');
      reading.focus();
      reading.scrollIntoView({ block: 'center' });
      const top = reading.getBoundingClientRect().top;
      const scrolled = window.scrollY;
      expect(scrolled).toBeGreaterThan(500);

      const reply = makeComment('reply-to-c2', 'c2', {
        threadId: 'kh',
        body: `A long reply far above. ${'More words. '.repeat(80)}`,
      });
      source.change({
        threadId: 'kh',
        version: 25,
        total: 25,
        comments: [reply],
        removed: [],
      });
      await until(() => ids(el).includes('reply-to-c2'), 'the reply');
      await el.updateComplete;
      // Under its parent, not at the end.
      expect(ids(el).indexOf('reply-to-c2')).toBe(ids(el).indexOf('c2') + 1);
      expect(
        article(el, 'c2').parentElement!.querySelector(
          'ol #comment-reply-to-c2',
        ),
      ).not.toBeNull();
      expect(deepActiveElement()).toBe(reading);
      await until(
        () => Math.abs(reading.getBoundingClientRect().top - top) < 1,
        'the reader’s comment where it was on screen',
      );
      expect(window.scrollY).toBeGreaterThan(scrolled);
      expect(region(el)).toBe('1 new comment.');
      expect(shadow(el).querySelector('h2')!.textContent).toContain('25');

      // Comments that appear close together are counted together.
      source.change({
        threadId: 'kh',
        version: 27,
        total: 27,
        comments: [
          makeComment('n1', null, { threadId: 'kh' }),
          makeComment('n2', null, { threadId: 'kh' }),
        ],
        removed: [],
      });
      await until(() => region(el) === '3 new comments.', 'the count');
      expect(ids(el).slice(-2)).toEqual(['n1', 'n2']);
      expect(deepActiveElement()).toBe(reading);
      await expectAccessible(el);
    },
  );

  it('keeps an open reply form, and what the reader typed in it, when comments appear above it', async () => {
    threads.set('kh', [makeComment('p1'), makeComment('p2')]);
    const el = new DatelineComments();
    el.setAttribute('thread-id', 'kh');
    el.setAttribute('endpoint', ENDPOINT);
    el.order = 'newest';
    await mount(el);
    await until(() => ids(el).length === 2, 'comments to load');
    expect(ids(el)).toEqual(['p2', 'p1']);
    const source = await stream();
    shadow(el).querySelector<HTMLButtonElement>('#reply-p1')!.click();
    const form = await until(
      () => article(el, 'p1').querySelector('dateline-comment-form'),
      'the reply form',
    );
    await form.updateComplete;
    const textarea = form.shadowRoot!.querySelector('textarea')!;
    type(textarea, 'Half a reply');

    source.change({
      threadId: 'kh',
      version: 4,
      total: 4,
      comments: [
        makeComment('newest', null, { threadId: 'kh' }),
        makeComment('under-p2', 'p2', { threadId: 'kh' }),
      ],
      removed: [],
    });
    await until(() => ids(el).includes('newest'), 'the new comments');
    expect(ids(el)).toEqual(['newest', 'p2', 'under-p2', 'p1']);
    expect(article(el, 'p1').querySelector('dateline-comment-form')).toBe(form);
    expect(textarea.value).toBe('Half a reply');
    expect(deepActiveElement()).toBe(textarea);
  });

  it('takes out a comment no longer shown, but not from under the reader until they leave it', async () => {
    const el = await section('kh', [
      makeComment('stays'),
      makeComment('gone'),
      makeComment('held-on'),
    ]);
    const source = await stream();
    article(el, 'held-on').focus();
    source.change({
      threadId: 'kh',
      version: 4,
      total: 1,
      comments: [],
      removed: ['gone', 'held-on'],
    });
    await until(() => !ids(el).includes('gone'), 'the removal');
    expect(ids(el)).toEqual(['stays', 'held-on']);
    expect(region(el)).toBe('');
    article(el, 'stays').focus();
    await until(() => !ids(el).includes('held-on'), 'the held-back removal');
    expect(ids(el)).toEqual(['stays']);
  });

  it('closes the connection while the page is hidden, and opens it again from where it was', async () => {
    const el = await section('kh', [makeComment('one')]);
    const first = await stream();
    first.change({
      threadId: 'kh',
      version: 7,
      total: 2,
      comments: [makeComment('two', null, { threadId: 'kh' })],
      removed: [],
    });
    await until(() => ids(el).includes('two'), 'the live comment');

    setVisibility('hidden');
    await until(() => open().length === 0, 'the stream to close');
    expect(first.readyState).toBe(FakeEventSource.CLOSED);

    setVisibility('visible');
    const again = await stream();
    expect(again).not.toBe(first);
    expect(new URL(again.url).searchParams.get('lastEventId')).toBe('7;abc.7');
    expect(FakeEventSource.made).toHaveLength(2);
  });

  it('fetches the thread again when told to resync, and adds what it missed', async () => {
    const el = await section('kh', [makeComment('seen')]);
    const source = await stream();
    const before = listed;
    threads.set('kh', [
      ...threads.get('kh')!,
      makeComment('missed', null, { threadId: 'kh' }),
    ]);
    source.emit('resync', { threadId: 'kh', version: 9 }, '9;abc.3');
    await until(() => ids(el).includes('missed'), 'the missed comment');
    expect(listed).toBe(before + 1);
    expect(region(el)).toBe('1 new comment.');
    expect(shadow(el).querySelector('h2')!.textContent).toContain('2');
  });

  it('shows the reader’s own comment awaiting moderation, posted in another tab', async () => {
    const el = await section('kh', [makeComment('public')]);
    await stream();
    const held = makeComment('mine', null, {
      threadId: 'kh',
      status: 'pending',
      body: 'Posted in my other tab.',
    });
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: heldCommentsKey(ENDPOINT),
        newValue: JSON.stringify([
          held,
          { ...held, id: 'elsewhere', threadId: 'other-thread' },
          { not: 'a comment' },
        ]),
      }),
    );
    await until(() => ids(el).includes('mine'), 'the held comment');
    expect(article(el, 'mine').textContent).toContain(
      'Your comment is awaiting moderation.',
    );
    expect(ids(el)).toEqual(['public', 'mine']);
    // Another key of the page's storage is not the store's.
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: 'something-else',
        newValue: JSON.stringify([{ ...held, id: 'not-mine' }]),
      }),
    );
    await el.updateComplete;
    expect(ids(el)).not.toContain('not-mine');
  });

  it('waits for "Load more" before showing a new top-level comment that belongs after the pages not loaded', async () => {
    const comments = Array.from({ length: 3 }, (_, i) => makeComment(`t${i}`));
    threads.set('kh', comments);
    const el = new DatelineComments();
    el.setAttribute('thread-id', 'kh');
    el.setAttribute('endpoint', ENDPOINT);
    el.pageSize = 2;
    // The service pages; this list answer says there is more.
    globalThis.fetch = (async () =>
      new Response(
        JSON.stringify({
          comments: comments.slice(0, 2),
          total: 3,
          nextCursor: 'more',
        }),
        { headers: { 'content-type': 'application/json' } },
      )) as typeof fetch;
    await mount(el);
    await until(() => ids(el).length === 2, 'the first page');
    const source = await stream();
    source.change({
      threadId: 'kh',
      version: 5,
      total: 5,
      comments: [
        makeComment('newest-top', null, { threadId: 'kh' }),
        makeComment('reply-t0', 't0', { threadId: 'kh' }),
      ],
      removed: [],
    });
    await until(() => ids(el).includes('reply-t0'), 'the reply');
    expect(ids(el)).not.toContain('newest-top');
    expect(region(el)).toBe('1 new comment.');
    expect(shadow(el).querySelector('h2')!.textContent).toContain('5');
  });

  it('does not follow live without the service: a section given its own store stays as it is', async () => {
    const el = new DatelineComments();
    el.setAttribute('thread-id', 'kh');
    el.store = {
      list: async () => ({ comments: [], total: 0 }),
      create: () => Promise.reject(new Error('not here')),
    };
    await mount(el);
    await until(
      () => !shadow(el).querySelector('.loading'),
      'comments to load',
    );
    await new Promise((r) => requestAnimationFrame(r));
    expect(FakeEventSource.made).toEqual([]);
  });
});
