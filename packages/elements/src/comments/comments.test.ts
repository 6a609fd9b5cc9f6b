import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineComments, type DatelineCommentForm } from '../index.js';
import {
  controllableStore,
  countDialogs,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectAccessible,
  makeComment,
  mount,
  seedArticle,
  shadow,
  type,
  until,
} from '../test/helpers.js';
import {
  CommentSchema,
  createMemoryStore,
  createRestStore,
  type Comment,
  type CommentStore,
} from '@dateline/core';

const threadId = seedArticle.comments.threadId;

beforeEach(() => localStorage.clear());
afterEach(() => document.body.replaceChildren());

async function section(
  store: CommentStore,
  attrs: Partial<
    Pick<DatelineComments, 'pageSize' | 'order' | 'loading' | 'closed'>
  > = {},
) {
  const el = new DatelineComments();
  Object.assign(el, { threadId, store, ...attrs });
  await mount(el);
  if (attrs.loading !== 'lazy')
    await until(
      () => !shadow(el).querySelector('.loading'),
      'comments to load',
    );
  return el;
}
/** Two painted frames: an IntersectionObserver has answered for the layout by then. */
const frames = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
const formOf = (el: Element) =>
  deepQuery<DatelineCommentForm>(el, 'dateline-comment-form')!;
const ids = (el: Element) =>
  [...shadow(el).querySelectorAll('article[id^="comment-"]')].map((a) =>
    a.id.slice('comment-'.length),
  );
const heading = (el: Element) =>
  shadow(el).querySelector('h2')!.textContent!.replace(/\s+/g, ' ').trim();

async function post(el: Element, body: string, name = 'Sokha') {
  const form = formOf(el);
  await form.updateComplete;
  const root = shadow(form);
  type(root.querySelector<HTMLTextAreaElement>('#comment')!, body);
  type(root.querySelector<HTMLInputElement>('#author')!, name);
  type(
    root.querySelector<HTMLInputElement>('#email')!,
    `${name.toLowerCase()}@example.com`,
  );
  await form.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

describe('<dateline-comments>', () => {
  it('shows the seed page’s empty comment section', async () => {
    const el = await section(controllableStore().store);
    expect(heading(el)).toBe('Comments');
    expect(shadow(el).querySelector('.empty')?.textContent).toBe(
      'No comments yet. Why don’t you start the discussion?',
    );
    expect(shadow(formOf(el)).querySelector('h3')?.textContent).toBe(
      'Leave a Reply',
    );
    await expectAccessible(el);
  });

  it('says it is in demo mode without a store', async () => {
    const el = new DatelineComments();
    el.threadId = threadId;
    await mount(el);
    expect(shadow(el).querySelector('.demo')?.textContent).toContain(
      'Demo mode',
    );
  });

  it('posts a comment that appears in place, counted and announced', async () => {
    const el = await section(controllableStore().store);
    await post(el, 'First! See https://www.amnesty.org/en/.');
    await until(() => ids(el).length === 1, 'the new comment');
    expect(heading(el)).toBe('Comments (1)');
    const article = shadow(el).querySelector('article')!;
    expect(article.querySelector('.author')?.textContent).toBe('Sokha');
    const link = article.querySelector<HTMLAnchorElement>('.body a')!;
    expect(link.href).toBe('https://www.amnesty.org/en/');
    expect(link.rel).toBe('nofollow ugc noopener');
    expect(article.querySelector('.body')?.textContent).toBe(
      'First! See https://www.amnesty.org/en/.',
    );
    expect(shadow(el).querySelector('[aria-live]')?.textContent).toBe(
      'Your comment was posted.',
    );
    await until(
      () => deepActiveElement() === article,
      'focus on the new comment',
    );
    await expectAccessible(el);
  });

  it('shows a pending comment to its author with the moderation notice', async () => {
    const el = await section(controllableStore([], 'pending').store);
    await post(el, 'Held for moderation');
    await until(() => ids(el).length === 1, 'the pending comment');
    expect(shadow(el).querySelector('.moderation')?.textContent).toBe(
      'Your comment is awaiting moderation.',
    );
    expect(shadow(el).querySelector('[aria-live]')?.textContent).toBe(
      'Your comment was sent and is awaiting moderation.',
    );
    expect(shadow(el).querySelector('.reply')).toBeNull();
  });

  it('links an author with a website, nofollow ugc, and shows relative and exact time', async () => {
    const comment = makeComment('a', null, {
      author: { name: 'Lan', url: 'https://lan.example' },
      createdAt: new Date(Date.now() - 3 * 3600e3).toISOString(),
    });
    const el = await section(controllableStore([comment]).store);
    const author = shadow(el).querySelector<HTMLAnchorElement>('a.author')!;
    expect(author.href).toBe('https://lan.example/');
    expect(author.rel).toBe('nofollow ugc noopener');
    const time = shadow(el).querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(comment.createdAt);
    expect(time.textContent).toMatch(/3 hours ago|yesterday/);
    expect(
      shadow(el).querySelector('.permalink')?.getAttribute('aria-label'),
    ).toMatch(/\d{4} at /);
  });

  it('moves the form under a comment to reply, titles it, and cancels back', async () => {
    const el = await section(controllableStore([makeComment('a')]).store);
    shadow(el).querySelector<HTMLButtonElement>('#reply-a')!.click();
    await until(
      () => shadow(el).querySelector('#comment-a dateline-comment-form'),
      'the form under the comment',
    );
    const form = formOf(el);
    await form.updateComplete;
    expect(shadow(form).querySelector('h3')?.textContent).toBe(
      'Leave a Reply to Reader a',
    );
    await until(
      () => deepActiveElement() === shadow(form).querySelector('#comment'),
      'focus in the comment box',
    );
    shadow(form)
      .querySelector<HTMLButtonElement>('.heading-row button')!
      .click();
    await until(
      () => !shadow(el).querySelector('#comment-a dateline-comment-form'),
      'the form to move back',
    );
    expect(shadow(formOf(el)).querySelector('h3')?.textContent).toBe(
      'Leave a Reply',
    );
    await until(
      () => deepActiveElement() === shadow(el).querySelector('#reply-a'),
      'focus back on Reply',
    );
  });

  it('posts a reply nested under its parent', async () => {
    const el = await section(controllableStore([makeComment('a')]).store);
    shadow(el).querySelector<HTMLButtonElement>('#reply-a')!.click();
    await until(
      () => shadow(el).querySelector('#comment-a dateline-comment-form'),
      'the form',
    );
    await post(el, 'A reply', 'Dara');
    await until(
      () => shadow(el).querySelector('li ol article'),
      'the nested reply',
    );
    expect(shadow(el).querySelector('li ol article .author')?.textContent).toBe(
      'Dara',
    );
  });

  it('nests to depth 5 and attaches deeper replies at the deepest level', async () => {
    const chain: Comment[] = [makeComment('d1')];
    for (let d = 2; d <= 7; d += 1)
      chain.push(makeComment(`d${d}`, `d${d - 1}`));
    const el = await section(controllableStore(chain).store);
    const depth = (id: string) => {
      let n = 0;
      for (
        let node: Element | null = shadow(el).querySelector(`#comment-${id}`);
        node;
        node = node.parentElement
      )
        if (node.tagName === 'OL') n += 1;
      return n;
    };
    expect(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'].map(depth)).toEqual([
      1, 2, 3, 4, 5, 5, 5,
    ]);
  });

  it('says whom a reply answers when it is shown beside its parent, past depth 5', async () => {
    const chain: Comment[] = [makeComment('d1')];
    for (let d = 2; d <= 7; d += 1)
      chain.push(makeComment(`d${d}`, `d${d - 1}`));
    const el = await section(controllableStore(chain).store);
    const note = (id: string) =>
      shadow(el)
        .querySelector(`#comment-${id} .in-reply-to`)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim();
    expect(['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'].map(note)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'in reply to Reader d5',
      'in reply to Reader d6',
    ]);
    const link = shadow(el).querySelector<HTMLAnchorElement>(
      '#comment-d7 .in-reply-to a',
    )!;
    expect(link.getAttribute('href')).toBe('#comment-d6');
    link.click();
    expect(deepActiveElement()).toBe(shadow(el).querySelector('#comment-d6'));
    await expectAccessible(el);
  });

  it('isolates a right-to-left name and body, so the text around them keeps its order', async () => {
    // An Arabic name that ends in punctuation: outside an isolate the "!" would be taken into
    // the English line around it and shown at the name's right, away from where it was written.
    const name = 'سارة!';
    const chain: Comment[] = [makeComment('d1')];
    for (let d = 2; d <= 7; d += 1)
      chain.push(
        makeComment(
          `d${d}`,
          `d${d - 1}`,
          d === 6
            ? {
                author: { name },
                body: 'شكرا على التقرير!\n\nThank you for the report.',
              }
            : {},
        ),
      );
    const el = await section(controllableStore(chain).store);
    const root = shadow(el);
    const byline = root.querySelector('#comment-d6 .author bdi')!;
    const inReplyTo = root.querySelector('#comment-d7 .in-reply-to a bdi')!;
    for (const bdi of [byline, inReplyTo]) {
      expect(bdi.textContent).toBe(name);
      expect(getComputedStyle(bdi).unicodeBidi).toBe('isolate');
      expect(getComputedStyle(bdi).direction).toBe('rtl');
      // Read right to left, "!" ends the name: it is drawn at the name's left end.
      const node = [...bdi.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.nodeValue === name,
      )!;
      const part = (start: number, end: number) => {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        return range.getBoundingClientRect();
      };
      const end = name.length - 1;
      expect(part(end, end + 1).right).toBeLessThanOrEqual(
        part(0, end).left + 1,
      );
    }
    // "in reply to" stays before the name, on its left.
    const line = root.querySelector('#comment-d7 .in-reply-to')!;
    const lead = [...line.childNodes].find(
      (n) => n.nodeType === Node.TEXT_NODE && n.nodeValue?.trim(),
    )!;
    expect(lead.nodeValue?.trim()).toBe('in reply to');
    const words = document.createRange();
    words.selectNodeContents(lead);
    expect(words.getBoundingClientRect().right).toBeLessThanOrEqual(
      inReplyTo.getBoundingClientRect().left + 1,
    );
    // The screen reader's "NAME says:" keeps its words in order too.
    expect(
      root.querySelector('#by-d6')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toBe(`${name} says:`);
    // Each paragraph of the body takes the direction of its own first letter.
    const paragraphs = [
      ...root.querySelectorAll<HTMLElement>('#comment-d6 .body p'),
    ];
    expect(paragraphs.map((p) => p.getAttribute('dir'))).toEqual([
      'auto',
      'auto',
    ]);
    expect(paragraphs.map((p) => getComputedStyle(p).direction)).toEqual([
      'rtl',
      'ltr',
    ]);
    await expectAccessible(el);
  });

  it('titles the section "Comments (N)", read the same by every reader', async () => {
    const el = await section(
      controllableStore([makeComment('a'), makeComment('b')]).store,
    );
    const h2 = shadow(el).querySelector('h2')!;
    expect(h2.textContent).toBe('Comments (2)');
    expect(h2.querySelector('[aria-hidden], .visually-hidden')).toBeNull();
  });

  it('orders oldest or newest first', async () => {
    const store = controllableStore([
      makeComment('old'),
      makeComment('new'),
    ]).store;
    const el = await section(store);
    expect(ids(el)).toEqual(['old', 'new']);
    const select = shadow(el).querySelector('select')!;
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await until(() => ids(el)[0] === 'new', 'newest first');
    expect(ids(el)).toEqual(['new', 'old']);
  });

  it('shows 50 top-level comments, then loads more', async () => {
    const many = Array.from({ length: 120 }, (_, i) => makeComment(`c${i}`));
    const el = await section(controllableStore(many).store);
    expect(ids(el)).toHaveLength(50);
    expect(heading(el)).toBe('Comments (120)');
    shadow(el).querySelector<HTMLButtonElement>('.more')!.click();
    await until(() => ids(el).length === 100, 'the second page');
    expect(deepActiveElement()?.id).toBe('comment-c50');
    shadow(el).querySelector<HTMLButtonElement>('.more')!.click();
    await until(() => ids(el).length === 120, 'the last page');
    expect(shadow(el).querySelector('.more')).toBeNull();
  });

  it('waits until it nears the viewport with loading="lazy"', async () => {
    let lists = 0;
    const inner = controllableStore([makeComment('a')]).store;
    const store: CommentStore = {
      list: (...a) => {
        lists++;
        return inner.list(...a);
      },
      create: inner.create,
    };
    const spacer = document.createElement('div');
    // far below the fold, whatever the test frame's size
    spacer.style.height = `${window.innerHeight + 3000}px`;
    document.body.append(spacer);
    window.scrollTo(0, 0);
    const el = await section(store, { loading: 'lazy' });
    await new Promise((r) => setTimeout(r, 100));
    expect(lists).toBe(0);
    el.scrollIntoView();
    await until(() => ids(el).length === 1, 'the comments after scrolling');
    expect(lists).toBe(1);
  });

  it('waits for the article above it to arrive before deciding it is near', async () => {
    let lists = 0;
    const inner = controllableStore([makeComment('a')]).store;
    const store: CommentStore = {
      list: (...a) => {
        lists++;
        return inner.list(...a);
      },
      create: inner.create,
    };
    let answer!: (response: Response) => void;
    const real = globalThis.fetch;
    globalThis.fetch = () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      });
    try {
      window.scrollTo(0, 0);
      const article = document.createElement('dateline-article');
      article.setAttribute('src', '/article.json');
      // Less room than the article will take: the section starts within reach, as it would
      // on a page that keeps little room, and must not load from there.
      article.style.setProperty('--dateline-article-reserve', '10px');
      document.body.append(article);
      const el = await section(store, { loading: 'lazy' });
      await frames();
      expect(el.getBoundingClientRect().top).toBeLessThan(window.innerHeight);
      expect(lists).toBe(0);

      answer(Response.json(seedArticle));
      await until(() => !article.hasAttribute('aria-busy'), 'the article');
      await frames();
      // The article pushed the section far below: still not near.
      expect(el.getBoundingClientRect().top).toBeGreaterThan(
        window.innerHeight + 600,
      );
      expect(lists).toBe(0);

      el.scrollIntoView();
      await until(() => ids(el).length === 1, 'the comments after scrolling');
      expect(lists).toBe(1);
    } finally {
      globalThis.fetch = real;
    }
  });

  it('keeps its height when an empty thread arrives, at any width: the form is there while it loads', async () => {
    for (const width of [320, 390, 800]) {
      let answer!: () => void;
      const inner = createMemoryStore();
      const store: CommentStore = {
        list: (...a) =>
          new Promise((resolve) => {
            answer = () => resolve(inner.list(...a));
          }),
        create: inner.create,
      };
      const el = new DatelineComments();
      Object.assign(el, { threadId, store });
      el.style.width = `${width}px`;
      await mount(el);
      await until(() => answer, 'the request');
      await formOf(el).updateComplete;
      const loading = el.getBoundingClientRect().height;
      expect(deepQuery(el, '#comment')).not.toBeNull();
      answer();
      await until(() => shadow(el).querySelector('.empty'), 'the empty thread');
      await formOf(el).updateComplete;
      expect(el.getBoundingClientRect().height, `at ${width} px`).toBe(loading);
      el.remove();
    }
  });

  it('loads at once when nothing above it is loading and it is in view', async () => {
    const { store } = controllableStore([makeComment('a')]);
    const busy = document.createElement('p');
    busy.textContent = 'Loading something else';
    const el = new DatelineComments();
    Object.assign(el, { threadId, store, loading: 'lazy' });
    // Busy, but below the section: it cannot move the section.
    document.body.append(el, busy);
    busy.setAttribute('aria-busy', 'true');
    await until(() => ids(el).length === 1, 'the comments');
  });

  it('watches again from its new place when moved before it loaded', async () => {
    let lists = 0;
    const inner = controllableStore([makeComment('a')]).store;
    const store: CommentStore = {
      list: (...a) => {
        lists++;
        return inner.list(...a);
      },
      create: inner.create,
    };
    const spacer = document.createElement('div');
    spacer.style.height = `${window.innerHeight + 3000}px`;
    document.body.append(spacer);
    window.scrollTo(0, 0);
    const el = await section(store, { loading: 'lazy' });
    await frames();
    expect(lists).toBe(0);
    document.body.prepend(el);
    await until(
      () => ids(el).length === 1,
      'the comments once moved into view',
    );
    expect(lists).toBe(1);
  });

  it('reopens a draft reply under its comment after a reload', async () => {
    const store = controllableStore([makeComment('a')]).store;
    const first = await section(store);
    shadow(first).querySelector<HTMLButtonElement>('#reply-a')!.click();
    await until(
      () => shadow(first).querySelector('#comment-a dateline-comment-form'),
      'the form',
    );
    const form = formOf(first);
    await form.updateComplete;
    type(
      shadow(form).querySelector<HTMLTextAreaElement>('#comment')!,
      'Unfinished reply',
    );
    first.remove();
    const again = await section(store);
    await until(
      () => shadow(again).querySelector('#comment-a dateline-comment-form'),
      'the form under the comment again',
    );
    const restored = formOf(again);
    await restored.updateComplete;
    expect(
      shadow(restored).querySelector<HTMLTextAreaElement>('#comment')!.value,
    ).toBe('Unfinished reply');
  });

  it('lets a keyboard user reply without a mouse', async () => {
    const el = await section(controllableStore([makeComment('a')]).store);
    shadow(el).querySelector<HTMLButtonElement>('#reply-a')!.focus();
    await userEvent.keyboard('{Enter}');
    const form = await until(
      () =>
        shadow(el).querySelector<DatelineCommentForm>(
          '#comment-a dateline-comment-form',
        ),
      'the form',
    );
    await until(
      () => deepActiveElement() === shadow(form).querySelector('#comment'),
      'focus in the comment box',
    );
    await userEvent.keyboard('Typed with keys only');
    await userEvent.tab();
    await userEvent.keyboard('Keyboard User');
    await userEvent.tab();
    await userEvent.keyboard('keys@example.com');
    await userEvent.tab(); // website
    await userEvent.tab(); // save details
    await userEvent.tab(); // notify me of follow-up comments
    await userEvent.tab(); // Post Comment
    expect(deepActiveElement()?.textContent?.trim()).toBe('Post Comment');
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('li ol article'), 'the reply');
    expect(shadow(el).querySelector('li ol article .body')?.textContent).toBe(
      'Typed with keys only',
    );
    expect(shadow(el).querySelector('li ol article .author')?.textContent).toBe(
      'Keyboard User',
    );
  });

  it('says when the comments cannot be loaded and offers to try again', async () => {
    let fail = true;
    const inner = controllableStore([makeComment('a')]).store;
    const store: CommentStore = {
      list: (...a) =>
        fail ? Promise.reject(new Error('down')) : inner.list(...a),
      create: inner.create,
    };
    const el = await section(store);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain(
      'The comments could not be loaded.',
    );
    await expectAccessible(el);
    fail = false;
    shadow(el)
      .querySelector<HTMLButtonElement>('[role="alert"] button')!
      .click();
    await until(() => ids(el).length === 1, 'the comments');
  });

  it('shows the other comments when the service sends one it cannot read, and says so', async () => {
    const fetch = (async () =>
      new Response(
        JSON.stringify({
          comments: [
            makeComment('a'),
            { ...makeComment('bad'), author: { name: '' } },
            makeComment('c'),
          ],
          total: 3,
        }),
        { headers: { 'content-type': 'application/json' } },
      )) as typeof globalThis.fetch;
    const el = await section(
      createRestStore({ endpoint: 'https://comments.example/api', fetch }),
    );
    expect(ids(el)).toEqual(['a', 'c']);
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull();
    expect(shadow(el).querySelector('.omitted')?.textContent).toBe(
      '1 comment could not be shown because its data is invalid.',
    );
    expect(shadow(el).querySelector('[aria-live]')?.textContent).toBe(
      '1 comment could not be shown because its data is invalid.',
    );
    expect(heading(el)).toBe('Comments (3)');
    await expectAccessible(el);
  });

  it('counts comments left out on later pages too', async () => {
    const pages = [
      { comments: [makeComment('a')], nextCursor: 'p2', total: 4 },
      {
        comments: [
          makeComment('b'),
          { ...makeComment('x'), createdAt: 'soon' },
          { ...makeComment('y'), status: 'hidden' },
        ],
        total: 4,
      },
    ];
    let call = 0;
    const fetch = (async () =>
      new Response(JSON.stringify(pages[call++]), {
        headers: { 'content-type': 'application/json' },
      })) as typeof globalThis.fetch;
    const el = await section(
      createRestStore({ endpoint: 'https://comments.example/api', fetch }),
    );
    expect(shadow(el).querySelector('.omitted')).toBeNull();
    shadow(el).querySelector<HTMLButtonElement>('.more')!.click();
    await until(() => ids(el).length === 2, 'the second page');
    expect(shadow(el).querySelector('.omitted')?.textContent).toBe(
      '2 comments could not be shown because their data is invalid.',
    );
    expect(shadow(el).querySelector('[aria-live]')?.textContent).toBe(
      '1 more comment loaded. 2 comments could not be shown.',
    );
  });

  it('says the comment service does not accept this page when its CORS refuses it, not to check the connection', async () => {
    const requests: RequestInit[] = [];
    // As a browser fails a request CORS refused; a no-cors request gets an opaque answer.
    const fetch = (async (_url: RequestInfo | URL, init: RequestInit = {}) => {
      requests.push(init);
      if (init.mode !== 'no-cors') throw new TypeError('Failed to fetch');
      return new Response(null);
    }) as typeof globalThis.fetch;
    const el = await section(
      createRestStore({ endpoint: 'https://comments.example/api', fetch }),
    );
    const alert = shadow(el).querySelector('[role="alert"]')!.textContent!;
    expect(alert).toContain(
      'This site’s comment service does not accept comments from this page.',
    );
    expect(alert).not.toContain('connection');
    expect(requests.map((r) => r.mode ?? 'cors')).toEqual(['cors', 'no-cors']);
  });

  it('tells the reader to check the connection when the service cannot be reached at all', async () => {
    // A real request from this page to another origin where nothing listens.
    const el = await section(
      createRestStore({ endpoint: 'http://127.0.0.1:47/api' }),
    );
    await until(
      () => shadow(el).querySelector('[role="alert"]'),
      'the failure',
    );
    const alert = shadow(el).querySelector('[role="alert"]')!.textContent!;
    expect(alert).toContain('Check your connection');
    expect(alert).not.toContain('does not accept');
  });

  it('does not ask a service that is known to be offline', async () => {
    let requests = 0;
    const fetch = (async () => {
      requests += 1;
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    Object.defineProperty(navigator, 'onLine', {
      configurable: true,
      get: () => false,
    });
    try {
      const el = await section(
        createRestStore({ endpoint: 'https://comments.example/api', fetch }),
      );
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain(
        'Check your connection',
      );
      expect(requests).toBe(1);
    } finally {
      delete (navigator as unknown as { onLine?: boolean }).onLine;
    }
  });

  it('cancels a reply with Esc and returns focus to the Reply button', async () => {
    const el = await section(controllableStore([makeComment('a')]).store);
    shadow(el).querySelector<HTMLButtonElement>('#reply-a')!.click();
    const form = await until(
      () =>
        shadow(el).querySelector<DatelineCommentForm>(
          '#comment-a dateline-comment-form',
        ),
      'the form',
    );
    await until(
      () => deepActiveElement() === shadow(form).querySelector('#comment'),
      'focus in the comment box',
    );
    await userEvent.keyboard('Half a thought');
    await userEvent.keyboard('{Escape}');
    await until(
      () => !shadow(el).querySelector('#comment-a dateline-comment-form'),
      'the form to move back',
    );
    await until(
      () => deepActiveElement() === shadow(el).querySelector('#reply-a'),
      'focus back on Reply',
    );
  });

  it('reads a WordPress post’s comments with wordpress-site and post-id', async () => {
    const requests: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input) => {
      requests.push(String(input));
      const comment = {
        id: 9,
        post: 42,
        parent: 0,
        author_name: 'Dara',
        author_url: '',
        date_gmt: '2025-07-20T08:00:00',
        content: { rendered: '<p>From WordPress.</p>' },
        status: 'approved',
      };
      return new Response(
        JSON.stringify(String(input).includes('parent=0') ? [comment] : []),
        {
          headers: {
            'content-type': 'application/json',
            'x-wp-total': '1',
            'x-wp-totalpages': '1',
          },
        },
      );
    };
    try {
      const el = new DatelineComments();
      el.setAttribute('thread-id', 'wp-42');
      el.setAttribute('wordpress-site', 'https://news.example');
      el.setAttribute('post-id', '42');
      await mount(el);
      await until(
        () =>
          shadow(el).querySelector('article .body')?.textContent ===
          'From WordPress.',
        'the WordPress comment',
      );
      expect(
        requests.every((url) =>
          url.startsWith(
            'https://news.example/wp-json/wp/v2/comments?post=42&',
          ),
        ),
      ).toBe(true);
      expect(shadow(el).querySelector('.demo')).toBeNull();
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('says what is wrong when wordpress-site comes without a post-id', async () => {
    const el = new DatelineComments();
    el.setAttribute('thread-id', 'wp');
    el.setAttribute('wordpress-site', 'https://news.example');
    await mount(el);
    await until(() => shadow(el).querySelector('[role="alert"]'), 'the error');
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain(
      'its post-id attribute must be the post’s number',
    );
  });

  it('shows a closed thread without the form', async () => {
    const el = await section(controllableStore([makeComment('a')]).store, {
      closed: true,
    });
    expect(shadow(el).querySelector('.reply')).toBeNull();
    expect(shadow(formOf(el)).textContent).toContain('Comments are closed.');
  });

  it('passes axe with a thread, a reply form open and validation errors showing', async () => {
    const el = await section(
      controllableStore([
        makeComment('a'),
        makeComment('b', 'a', {
          author: { name: 'B', url: 'https://b.example' },
        }),
      ]).store,
    );
    await expectAccessible(el);
    shadow(el).querySelector<HTMLButtonElement>('#reply-b')!.click();
    const form = await until(
      () =>
        shadow(el).querySelector<DatelineCommentForm>(
          '#comment-b dateline-comment-form',
        ),
      'the form',
    );
    await form.updateComplete;
    shadow(form)
      .querySelector<HTMLButtonElement>('button[type="submit"]')!
      .click();
    await until(() => shadow(form).querySelector('#comment-error'), 'errors');
    await expectAccessible(el);
  });

  it('never shows a comment the schema rejects, and counts it', async () => {
    const bad = { ...makeComment('bad'), createdAt: 'yesterday' };
    const store: CommentStore = {
      list: async () => ({ comments: [makeComment('good'), bad] }),
      create: async () => bad,
    };
    const el = await section(store);
    expect(ids(el)).toEqual(['good']);
    expect(shadow(el).querySelector('.omitted')?.textContent).toBe(
      '1 comment could not be shown because its data is invalid.',
    );
  });

  it('says comments could not be shown rather than that there are none', async () => {
    const store: CommentStore = {
      list: async () => ({ comments: [], omitted: 2, total: 2 }),
      create: async () => {
        throw new Error('not used');
      },
    };
    const el = await section(store);
    expect(shadow(el).querySelector('.empty')).toBeNull();
    expect(shadow(el).querySelector('.omitted')?.textContent).toBe(
      '2 comments could not be shown because their data is invalid.',
    );
  });
});

describe('XSS payloads never execute', () => {
  const files = import.meta.glob('../test/xss/*.txt', {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
  const payloads = Object.values(files)
    .flatMap((t) => t.split('\n'))
    .map((l) => l.trim())
    .filter(Boolean);

  it('has the payload lists', () => {
    expect(payloads.length).toBeGreaterThan(300);
  });

  /** A comment carrying payload `i` as its body, and in its name and website where those allow it. */
  function payloadComment(p: string, i: number): Comment {
    const base = makeComment(`x${i}`, null, { body: p });
    for (const author of [
      { name: p.slice(0, 245), url: `https://example.com/?q=${p}` },
      { name: p.slice(0, 245) },
      { name: `Reader ${i}` },
    ]) {
      const comment = { ...base, author };
      if (CommentSchema.safeParse(comment).success) return comment;
    }
    return { ...base, author: { name: `Reader ${i}` } };
  }
  // Comments hold no control characters but tab and newline: those payloads are refused.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the payloads a comment refuses.
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)/;

  it('renders every payload as text: as comment body, author name and author url', async () => {
    const dialogs = countDialogs();
    try {
      const comments = payloads.map(payloadComment);
      const refused = comments.filter((c) => CONTROL.test(c.body));
      const shown = comments.filter((c) => !CONTROL.test(c.body));
      expect(refused.length).toBeLessThan(5);
      // most payloads are names and many are websites too, so those paths are tried
      expect(
        comments.filter((c) => c.author.name === c.body.slice(0, 245)).length,
      ).toBeGreaterThan(payloads.length / 2);
      expect(comments.filter((c) => c.author.url).length).toBeGreaterThan(0);
      const el = await section(controllableStore(comments).store, {
        pageSize: 200,
      });
      // every page
      while (shadow(el).querySelector('.more')) {
        const before = ids(el).length;
        shadow(el).querySelector<HTMLButtonElement>('.more')!.click();
        await until(() => ids(el).length > before, 'the next page');
      }
      await new Promise((r) => setTimeout(r, 300)); // let any onerror/onload handler have its chance
      expect(dialogs.count()).toBe(0);
      const root = shadow(el);
      // every payload reached the screen as the very text it is, or was counted as left out
      expect(ids(el).sort()).toEqual(shown.map((c) => c.id).sort());
      expect(root.querySelector('.omitted')?.textContent).toBe(
        refused.length === 1
          ? '1 comment could not be shown because its data is invalid.'
          : `${refused.length} comments could not be shown because their data is invalid.`,
      );
      for (const c of shown) {
        const article = root.querySelector(`#comment-${CSS.escape(c.id)}`)!;
        expect(article.querySelector('.body')!.textContent).toBe(c.body);
        expect(article.querySelector('.author')!.textContent).toBe(
          c.author.name,
        );
        if (c.author.url)
          expect(
            article.querySelector<HTMLAnchorElement>('a.author')!.href,
          ).toBe(new URL(c.author.url).href);
      }
      // nothing a payload contains became an element: only the section's own tags exist
      const own = new Set([
        'section',
        'header',
        'h2',
        'label',
        'select',
        'option',
        'p',
        'ol',
        'li',
        'article',
        'div',
        'span',
        'a',
        'bdi',
        'time',
        'button',
        'dateline-comment-form',
      ]);
      const tags = new Set(
        [...root.querySelectorAll('*')].map((n) => n.tagName.toLowerCase()),
      );
      expect([...tags].filter((t) => !own.has(t))).toEqual([]);
      for (const a of deepQueryAll<HTMLAnchorElement>(el, 'a[href]'))
        expect(a.href).toMatch(/^(https?:|#|http:\/\/localhost)/);
      // no payload added an attribute such as onerror to anything
      for (const node of root.querySelectorAll('*'))
        for (const attr of node.getAttributeNames())
          expect(attr.startsWith('on')).toBe(false);
    } finally {
      dialogs.restore();
    }
  });

  it('renders every payload as text in an article headline and paragraph', async () => {
    const dialogs = countDialogs();
    try {
      const el = document.createElement('dateline-article');
      (el as unknown as { article: unknown }).article = {
        ...seedArticle,
        headline: payloads[0],
        body: payloads.map((text) => ({ type: 'paragraph', text })),
      };
      await mount(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(dialogs.count()).toBe(0);
      expect(shadow(el).querySelector('h1')?.textContent).toBe(payloads[0]);
      expect(shadow(el).querySelectorAll('p')).toHaveLength(payloads.length);
      expect(shadow(el).querySelector('img, script, iframe, svg')).toBeNull();
      // and the JSON-LD script holds the payloads as data, closed where it should be
      expect(el.querySelectorAll('script')).toHaveLength(1);
      expect(
        JSON.parse(el.querySelector('script')!.textContent!).headline,
      ).toBe(payloads[0]);
    } finally {
      dialogs.restore();
    }
  });
});
