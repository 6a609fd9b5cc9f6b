import {
  type Comment,
  type CommentStore,
  CommentStoreError,
  formatDateTime,
  formatRelativeTime,
} from '@dateline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatelineCommentForm, DatelineComments } from '../index.js';
import { setStrings } from '../shared/localize.js';
import {
  controllableStore,
  deepQuery,
  makeComment,
  mount,
  seedArticle,
  shadow,
  type,
  until,
} from '../test/helpers.js';
import { aroundSlot, SLOT } from './slot.js';

// The site wordings below are this file's own: each test file runs in a page of its own.

const threadId = seedArticle.comments.threadId;

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
});

/** A section inside a block whose `lang` the test changes, as a page's would be. */
async function sectionIn(lang: string, store: CommentStore) {
  const box = document.createElement('div');
  box.lang = lang;
  const el = new DatelineComments();
  Object.assign(el, { threadId, store });
  box.append(el);
  await mount(box);
  await until(
    () => el.hasUpdated && !shadow(el).querySelector('.loading'),
    'comments to load',
  );
  return { box, el };
}
const formOf = (el: Element) =>
  deepQuery<DatelineCommentForm>(el, 'dateline-comment-form')!;
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim();
const live = (el: Element) => text(shadow(el).querySelector('[aria-live]'));

async function post(el: Element, body: string) {
  const form = formOf(el);
  await form.updateComplete;
  const root = shadow(form);
  type(root.querySelector<HTMLTextAreaElement>('#comment')!, body);
  type(root.querySelector<HTMLInputElement>('#author')!, 'Sokha');
  type(root.querySelector<HTMLInputElement>('#email')!, 'sokha@example.com');
  await form.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

describe('<dateline-comments> in the reader’s language', () => {
  it('follows a change of lang on an ancestor: its words, its root’s lang, and the form within, keeping the draft', async () => {
    setStrings('km', {
      'comments.heading.other': 'KM: Comments ({0})',
      'comments.reply': 'KM: Reply',
      'form.title': 'KM: Leave a Reply',
    });
    const { box, el } = await sectionIn(
      'en',
      controllableStore([makeComment('a'), makeComment('b')]).store,
    );
    const root = shadow(el);
    expect(root.querySelector('section')!.lang).toBe('en');
    const form = formOf(el);
    type(
      shadow(form).querySelector<HTMLTextAreaElement>('#comment')!,
      'Half a thought',
    );

    box.lang = 'km';
    await until(
      () =>
        text(shadow(formOf(el)).querySelector('h3')) === 'KM: Leave a Reply',
      'the form in Khmer',
    );
    expect(text(root.querySelector('h2'))).toBe(
      `KM: Comments (${new Intl.NumberFormat('km').format(2)})`,
    );
    expect(text(root.querySelector('.reply'))).toBe('KM: Reply');
    expect(root.querySelector('section')!.lang).toBe('km');
    expect(shadow(formOf(el)).querySelector('form')!.lang).toBe('km');
    // the same form, with what the reader typed
    expect(formOf(el)).toBe(form);
    expect(
      shadow(form).querySelector<HTMLTextAreaElement>('#comment')!.value,
    ).toBe('Half a thought');

    box.removeAttribute('lang');
    await until(() => text(root.querySelector('h2')) === 'Comments (2)', 'en');
    expect(root.querySelector('section')!.lang).toBe('en');
  });

  it('writes dates, relative times and counts in the section’s language', async () => {
    const comment = makeComment('a', null, {
      createdAt: new Date(Date.now() - 3 * 86400e3).toISOString(),
    });
    const { el } = await sectionIn('vi-VN', controllableStore([comment]).store);
    const time = shadow(el).querySelector('time')!;
    const relative = formatRelativeTime(comment.createdAt, { locale: 'vi' });
    const exact = formatDateTime(comment.createdAt, { locale: 'vi' });
    expect(relative).not.toBe(formatRelativeTime(comment.createdAt));
    expect(time.textContent).toBe(relative);
    expect(
      shadow(el).querySelector('.permalink')!.getAttribute('aria-label'),
    ).toBe(`${relative}, ${exact}`);
    expect(text(shadow(el).querySelector('.exact'))).toBe(exact);
  });

  it('counts by the language’s plural rules', async () => {
    setStrings('ar', {
      'comments.heading.one': 'AR one {0}',
      'comments.heading.two': 'AR two {0}',
      'comments.heading.few': 'AR few {0}',
      'comments.heading.other': 'AR other {0}',
      'comments.omitted.two': 'AR two left out {0}',
    });
    const headings: string[] = [];
    for (const n of [1, 2, 3]) {
      const comments = Array.from({ length: n }, (_, i) =>
        makeComment(`p${n}-${i}`),
      );
      const { el } = await sectionIn('ar', controllableStore(comments).store);
      headings.push(text(shadow(el).querySelector('h2'))!);
      document.body.replaceChildren();
    }
    const digits = new Intl.NumberFormat('ar');
    expect(headings).toEqual([
      `AR one ${digits.format(1)}`,
      `AR two ${digits.format(2)}`,
      `AR few ${digits.format(3)}`,
    ]);
    const bad = { ...makeComment('bad'), createdAt: 'soon' };
    const { el } = await sectionIn('ar', {
      list: async () => ({ comments: [makeComment('ok'), bad, bad] }),
      create: async () => bad,
    });
    expect(text(shadow(el).querySelector('.omitted'))).toBe(
      `AR two left out ${digits.format(2)}`,
    );
  });

  it('announces a posted comment in the section’s language, and rewords it when the language changes', async () => {
    setStrings('id', { 'comments.posted': 'ID: posted.' });
    setStrings('th', { 'comments.posted': 'TH: posted.' });
    const { box, el } = await sectionIn('id', controllableStore().store);
    await post(el, 'Terima kasih atas laporannya.');
    await until(() => live(el) === 'ID: posted.', 'the announcement');
    box.lang = 'th';
    await until(() => live(el) === 'TH: posted.', 'the Thai announcement');
  });

  it('says why the comments could not be loaded by the store’s code, in the section’s language', async () => {
    setStrings('zh-Hant', {
      'comments.load-failed.network': 'ZH: 無法載入留言，請檢查網路連線。',
      'comments.try-again': 'ZH: 再試一次',
    });
    const failing = (error: Error): CommentStore => ({
      list: () => Promise.reject(error),
      create: () => Promise.reject(error),
    });
    const { box, el } = await sectionIn(
      'zh-TW',
      failing(
        new CommentStoreError('The store’s own English words.', {
          code: 'network',
        }),
      ),
    );
    const alert = () => text(shadow(el).querySelector('[role="alert"] p'));
    const retry = () => text(shadow(el).querySelector('[role="alert"] button'));
    await until(alert, 'the failure');
    expect(alert()).toBe('ZH: 無法載入留言，請檢查網路連線。');
    expect(retry()).toBe('ZH: 再試一次');
    box.lang = 'en';
    await until(() => alert()?.startsWith('The comments'), 'English');
    expect(alert()).toBe(
      'The comments could not be loaded. Check your connection and try again.',
    );
    expect(retry()).toBe('Try again');
    expect(text(shadow(el).querySelector('section'))).not.toContain(
      'own English words',
    );

    for (const [error, expected] of [
      [
        new CommentStoreError('x', { code: 'server' }),
        'The comments could not be loaded. The comment service is having trouble; please try again in a moment.',
      ],
      [new Error('down'), 'The comments could not be loaded.'],
    ] as const) {
      document.body.replaceChildren();
      const { el } = await sectionIn('en', failing(error));
      await until(() => shadow(el).querySelector('[role="alert"] p'), 'alert');
      expect(text(shadow(el).querySelector('[role="alert"] p'))).toBe(expected);
    }
  });

  it('puts the name where the language’s sentence puts it, as markup never translated', async () => {
    setStrings('vi', {
      'comments.says': 'Ý kiến của {0}:',
      'comments.in-reply-to': 'trả lời {0} ở trên',
    });
    const chain: Comment[] = [makeComment('d1')];
    for (let d = 2; d <= 7; d += 1)
      chain.push(makeComment(`d${d}`, `d${d - 1}`));
    const { el } = await sectionIn('vi', controllableStore(chain).store);
    const root = shadow(el);
    expect(text(root.querySelector('#by-d7'))).toBe('Ý kiến của Reader d7:');
    expect(root.querySelector('#by-d7 .author bdi')?.textContent).toBe(
      'Reader d7',
    );
    const note = root.querySelector('#comment-d7 .in-reply-to')!;
    expect(text(note)).toBe('trả lời Reader d6 ở trên');
    expect(note.querySelector('a bdi')?.textContent).toBe('Reader d6');
    // the words around the name stay for screen readers alone, as in English
    expect(root.querySelector('#by-d7 .says')?.textContent).toBe('Ý kiến của ');
  });

  it('mirrors in a right-to-left language: replies indent from the right', async () => {
    document.documentElement.dir = 'rtl';
    const { el } = await sectionIn(
      'ar',
      controllableStore([makeComment('a'), makeComment('b', 'a')]).store,
    );
    const nested = shadow(el).querySelector<HTMLElement>('li ol')!;
    const style = getComputedStyle(nested);
    expect(style.borderRightWidth).toBe('2px');
    expect(style.borderLeftWidth).toBe('0px');
    expect(Number.parseFloat(style.paddingRight)).toBeGreaterThan(0);
    expect(Number.parseFloat(style.paddingLeft)).toBe(0);
    const page = document.documentElement;
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
  });

  it('fits a 320 px column in Khmer, Thai and Chinese, with nothing past its edge', async () => {
    const long = {
      km: 'មិនទាន់មានមតិយោបល់នៅឡើយទេហេតុអ្វីបានជាអ្នកមិនចាប់ផ្តើមការពិភាក្សាមតិយោបល់',
      th: 'ยังไม่มีความคิดเห็นทำไมคุณไม่เริ่มการสนทนาความคิดเห็นยังไม่มีความคิดเห็น',
      'zh-Hans':
        '还没有评论为什么不开始讨论呢还没有评论为什么不开始讨论呢还没有评论为什么不',
    } as const;
    for (const [lang, words] of Object.entries(long)) {
      setStrings(lang as keyof typeof long, {
        'comments.heading.other': `${words} {0}`,
        'comments.order': words,
        'comments.reply': words,
        'comments.in-reply-to': `${words} {0}`,
        'comments.awaiting-moderation': words,
        'comments.load-more': words,
        'form.title': words,
      });
      const chain: Comment[] = [
        makeComment('d1', null, { author: { name: words } }),
      ];
      for (let d = 2; d <= 7; d += 1)
        chain.push(
          makeComment(`d${d}`, `d${d - 1}`, {
            author: { name: words },
            body: words,
            status: d === 7 ? 'pending' : 'approved',
          }),
        );
      const { box, el } = await sectionIn(lang, controllableStore(chain).store);
      box.style.width = '320px';
      const edge = box.getBoundingClientRect();
      const visible = [
        ...shadow(el).querySelectorAll<HTMLElement>(
          'section *:not(.visually-hidden, .says, .sizer)',
        ),
        ...shadow(formOf(el)).querySelectorAll<HTMLElement>(
          'form *:not(.honeypot, .honeypot *, .visually-hidden)',
        ),
      ];
      for (const node of visible) {
        const r = node.getBoundingClientRect();
        if (!r.width) continue;
        expect(
          r.right,
          `${lang}: ${node.outerHTML.slice(0, 80)}`,
        ).toBeLessThanOrEqual(edge.right + 0.5);
        expect(r.left).toBeGreaterThanOrEqual(edge.left - 0.5);
      }
      document.body.replaceChildren();
    }
  });
});

describe('aroundSlot', () => {
  it('cuts a sentence where the slot stands, wherever the language put it', () => {
    expect(aroundSlot(`in reply to ${SLOT}`)).toEqual(['in reply to ', '']);
    expect(aroundSlot(`${SLOT} says:`)).toEqual(['', ' says:']);
    expect(aroundSlot(`回复${SLOT}的评论`)).toEqual(['回复', '的评论']);
  });

  it('keeps the markup once when a wording leaves the slot out or repeats it', () => {
    expect(aroundSlot('Reply')).toEqual(['Reply', '']);
    expect(aroundSlot(`${SLOT} and ${SLOT}${SLOT}`)).toEqual(['', ' and ']);
  });
});
