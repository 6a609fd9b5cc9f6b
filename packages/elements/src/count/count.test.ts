import { createMemoryStore } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentPostedEvent, type DataEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import {
  expectAccessible,
  makeComment,
  shadow,
  until,
} from '../test/helpers.js';
import { ensureLocale, inLocale, matchLocale } from '../shared/localize.js';
import { countInWords, DatelineCount } from './count.js';

defineElement('dateline-count', DatelineCount);

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  document.body.replaceChildren();
});

/** Each test its own service address: clients (and what they remember) are per address. */
let services = 0;
const newEndpoint = () => `https://comments-${++services}.example/api`;

/** Answers `/counts` from `counts` with an ETag; records every request. */
function fakeService(counts: Record<string, unknown>, status = 200) {
  const requests: Array<{ url: URL; ifNoneMatch: string | null }> = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const ifNoneMatch = new Headers(init?.headers).get('if-none-match');
    requests.push({ url, ifNoneMatch });
    if (status !== 200)
      return Response.json(
        { error: { code: 'server', message: 'The database is resting.' } },
        { status },
      );
    const ids = url.searchParams.get('threads')!.split(',');
    const etag = `W/"${ids.join(',')}"`;
    if (ifNoneMatch === etag) return new Response(null, { status: 304 });
    return Response.json(
      {
        counts: Object.fromEntries(
          ids.filter((id) => id in counts).map((id) => [id, counts[id]]),
        ),
      },
      { headers: { etag } },
    );
  };
  return requests;
}

/** Count elements for these threads, added in one go as a page's list would have them. */
function list(endpoint: string, threadIds: string[], inner = '') {
  const ul = document.createElement('ul');
  for (const id of threadIds) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `/articles/${id}#comments`;
    a.innerHTML = `<dateline-count thread-id="${id}" endpoint="${endpoint}">${inner}</dateline-count>`;
    li.append(a);
    ul.append(li);
  }
  document.body.append(ul);
  return [...ul.querySelectorAll('dateline-count')];
}

const shown = (el: Element) =>
  shadow(el).querySelector('[part="count"]')!.textContent!.trim();
/** What the reader sees: the count, or the element's own content in its place. */
const seen = (el: Element) =>
  (el as DatelineCount).count !== undefined
    ? shown(el)
    : el.textContent!.trim() ||
      shadow(el).querySelector('slot')!.textContent!.trim();

describe('<dateline-count>', () => {
  it('shows each thread’s count in words, all asked for in one request', async () => {
    const endpoint = newEndpoint();
    const requests = fakeService({ a: 12, b: 1, c: 0, d: 1204 });
    const counts = list(endpoint, ['d', 'a', 'b', 'c']);
    await until(
      () => counts.every((el) => el.count !== undefined),
      'the counts',
    );
    expect(counts.map(shown)).toEqual([
      '1,204 comments',
      '12 comments',
      '1 comment',
      'No comments',
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url.pathname).toBe('/api/counts');
    expect(requests[0]!.url.searchParams.get('threads')).toBe('a,b,c,d');
  });

  it('shows "Comments", or its own content, until the count is known', async () => {
    const endpoint = newEndpoint();
    let answer!: () => void;
    const requests = fakeService({ a: 3 });
    const answering = globalThis.fetch;
    globalThis.fetch = (...args) =>
      new Promise((resolve) => {
        answer = () => resolve(answering(...args));
      });
    const [plain] = list(endpoint, ['a']);
    const [own] = list(endpoint, ['a'], 'Discuss');
    await (plain as DatelineCount).updateComplete;
    expect(shadow(plain!).querySelector('slot')!.textContent).toBe('Comments');
    expect(seen(own!)).toBe('Discuss');
    await until(() => answer, 'the request');
    answer();
    await until(() => (own as DatelineCount).count === 3, 'the count');
    expect(shown(own!)).toBe('3 comments');
    expect(requests).toHaveLength(1);
  });

  it('asks again with the ETag it was given, and keeps the counts on 304', async () => {
    const endpoint = newEndpoint();
    const requests = fakeService({ a: 2, b: 5 });
    let counts = list(endpoint, ['a', 'b']);
    await until(
      () => counts.every((el) => el.count !== undefined),
      'the counts',
    );
    document.body.replaceChildren();
    counts = list(endpoint, ['b', 'a']);
    await until(
      () => counts.every((el) => el.count !== undefined),
      'the counts again',
    );
    expect(counts.map(shown)).toEqual(['5 comments', '2 comments']);
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([null, 'W/"a,b"']);
  });

  it('keeps its own content and says why when the service fails', async () => {
    const endpoint = newEndpoint();
    fakeService({}, 503);
    const errors: string[] = [];
    document.addEventListener('dateline-error', (e) =>
      errors.push((e as DataEvent).message!),
    );
    const [el] = list(endpoint, ['a'], 'Read the comments');
    await until(() => errors.length, 'the error');
    expect(errors).toEqual([
      'The comment count could not be loaded. The database is resting.',
    ]);
    expect(seen(el!)).toBe('Read the comments');
  });

  it('shows the other counts when one is unreadable', async () => {
    const endpoint = newEndpoint();
    fakeService({ a: 4, b: 'lots', c: -2 });
    const errors: string[] = [];
    const counts = list(endpoint, ['a', 'b', 'c']);
    for (const el of counts)
      el.addEventListener('dateline-error', (e) =>
        errors.push(`${el.threadId}: ${(e as DataEvent).message}`),
      );
    await until(() => errors.length === 2, 'the two errors');
    await until(() => counts[0]!.count === 4, 'the readable count');
    expect(counts.map(seen)).toEqual(['4 comments', 'Comments', 'Comments']);
    expect(errors.sort()).toEqual([
      'b: The comment count could not be loaded. The comment service sent a count for this thread that this page cannot read.',
      'c: The comment count could not be loaded. The comment service sent a count for this thread that this page cannot read.',
    ]);
  });

  it('counts a WordPress post’s comments from WordPress itself', async () => {
    const requests: URL[] = [];
    globalThis.fetch = async (input) => {
      const url = new URL(String(input));
      requests.push(url);
      const rows = [
        { id: 1, post: 7 },
        { id: 2, post: 7 },
        { id: 3, post: 9 },
      ];
      return Response.json(rows, {
        headers: { 'x-wp-total': '3', 'x-wp-totalpages': '1' },
      });
    };
    const site = `https://wp-${++services}.example`;
    document.body.innerHTML = `
      <dateline-count wordpress-site="${site}" post-id="7"></dateline-count>
      <dateline-count wordpress-site="${site}" post-id="9"></dateline-count>
      <dateline-count wordpress-site="${site}" post-id="11"></dateline-count>`;
    const counts = [...document.querySelectorAll('dateline-count')];
    await until(
      () => counts.every((el) => el.count !== undefined),
      'the counts',
    );
    expect(counts.map(shown)).toEqual([
      '2 comments',
      '1 comment',
      'No comments',
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.pathname).toBe('/wp-json/wp/v2/comments');
    expect(requests[0]!.searchParams.get('post')).toBe('7,9,11');
  });

  it('says what is wrong when wordpress-site comes without a post-id', async () => {
    const errors: string[] = [];
    document.addEventListener('dateline-error', (e) =>
      errors.push((e as DataEvent).message!),
    );
    document.body.innerHTML =
      '<dateline-count wordpress-site="https://wp.example"></dateline-count>';
    await until(() => errors.length, 'the error');
    expect(errors).toEqual([
      'The comment count could not be loaded. This comment count names a WordPress site but no post: its post-id attribute must be the post’s number.',
    ]);
  });

  it('counts from a store it is given', async () => {
    const store = createMemoryStore({
      comments: [
        makeComment('a'),
        makeComment('b'),
        makeComment('c', null, { status: 'pending' }),
      ],
    });
    const el = new DatelineCount();
    el.threadId = makeComment('x').threadId;
    el.store = store;
    document.body.append(el);
    await until(() => el.count !== undefined, 'the count');
    expect(shown(el)).toBe('2 comments');
  });

  it('counts a comment posted on the page at once', async () => {
    const endpoint = newEndpoint();
    fakeService({ [makeComment('x').threadId]: 1 });
    const [el] = list(endpoint, [makeComment('x').threadId]);
    await until(() => el!.count === 1, 'the count');
    const posted = (status: 'approved' | 'pending', threadId?: string) =>
      document.body.dispatchEvent(
        new CommentPostedEvent(
          makeComment(`p${status}`, null, {
            status,
            ...(threadId ? { threadId } : {}),
          }),
        ),
      );
    posted('pending');
    posted('approved', 'another-thread');
    await el!.updateComplete;
    expect(shown(el!)).toBe('1 comment');
    posted('approved');
    await el!.updateComplete;
    expect(shown(el!)).toBe('2 comments');
  });

  it('is read as part of its link, and passes axe', async () => {
    const endpoint = newEndpoint();
    fakeService({ a: 12 });
    const [el] = list(endpoint, ['a']);
    const main = document.createElement('main');
    main.append(...document.body.children);
    document.body.append(main);
    await until(() => el!.count !== undefined, 'the count');
    await expectAccessible(main);
    expect(shown(el!)).toBe('12 comments');
  });
});

describe('countInWords', () => {
  it('says "No comments", "1 comment" and "N comments" with the number written as English writes it', () => {
    expect([0, 1, 2, 12, 1204, 1_000_000].map((n) => countInWords(n))).toEqual([
      'No comments',
      '1 comment',
      '2 comments',
      '12 comments',
      '1,204 comments',
      '1,000,000 comments',
    ]);
  });

  it('writes in the language of the element being rendered, by its plural rules', async () => {
    await ensureLocale('ar');
    const arabic = [0, 1, 2, 3, 11, 100].map((n) =>
      inLocale('ar', () => countInWords(n)),
    );
    expect(new Set(arabic).size).toBe(6);
    for (const text of arabic) expect(text).not.toMatch(/comment/i);
  });

  it('writes English for a language it does not know, or a tag that is not one', () => {
    for (const tag of ['fr', '__proto__', 'x'.repeat(10_000), '']) {
      expect(inLocale(matchLocale(tag), () => countInWords(3))).toBe(
        '3 comments',
      );
    }
  });
});
