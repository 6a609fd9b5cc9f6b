import {
  CommentStoreError,
  englishMessages as say,
  messageFor,
  setMessages,
} from '@dateline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatelineCommentForm } from '../index.js';
import { ensureLocale, setStrings } from '../shared/localize.js';
import {
  controllableStore,
  mount,
  seedArticle,
  shadow,
  type,
  until,
} from '../test/helpers.js';

// The site wordings below are this file's own: each test file runs in a page of its own.

const threadId = seedArticle.comments.threadId;

beforeEach(() => localStorage.clear());
afterEach(() => document.body.replaceChildren());

/** A form inside a block whose `lang` the test changes, as a page's would be. */
async function formIn(lang: string, store = controllableStore().store) {
  const box = document.createElement('div');
  box.lang = lang;
  const el = new DatelineCommentForm();
  el.threadId = threadId;
  el.store = store;
  box.append(el);
  await mount(box);
  await until(() => el.hasUpdated, 'the first render');
  await el.updateComplete;
  return { box, el };
}
const field = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLInputElement & HTMLTextAreaElement>(`#${id}`)!;
const submit = (el: Element) =>
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
const alertText = (el: Element) =>
  shadow(el).querySelector('[role="alert"] p')?.textContent?.trim();

async function fillAll(el: DatelineCommentForm) {
  type(field(el, 'comment'), 'Half-written thought about the raids');
  type(field(el, 'author'), 'Sokha');
  type(field(el, 'email'), 'sokha@example.com');
  type(field(el, 'url'), 'https://sokha.example');
  await el.updateComplete;
}

describe('<dateline-comment-form> in the reader’s language', () => {
  it('follows a change of lang on an ancestor, and keeps every word the reader typed', async () => {
    setStrings('vi', {
      'form.title': 'VI: Leave a Reply',
      'form.label.comment': 'VI: Comment',
      'form.submit': 'VI: Post Comment',
    });
    const { box, el } = await formIn('en');
    await fillAll(el);
    const form = shadow(el).querySelector('form')!;
    expect(form.lang).toBe('en');
    const draft = localStorage.getItem(`dateline:draft:${threadId}`);

    box.lang = 'vi';
    await until(
      () => shadow(el).querySelector('h3')?.textContent === 'VI: Leave a Reply',
      'the Vietnamese title',
    );
    expect(el.locale).toBe('vi');
    expect(shadow(el).querySelector('form')!.lang).toBe('vi');
    expect(shadow(el).querySelector('label[for="comment"]')?.textContent).toBe(
      'VI: Comment *',
    );
    expect(submit(el).textContent?.trim()).toBe('VI: Post Comment');
    expect(field(el, 'comment').value).toBe(
      'Half-written thought about the raids',
    );
    expect(field(el, 'author').value).toBe('Sokha');
    expect(field(el, 'email').value).toBe('sokha@example.com');
    expect(field(el, 'url').value).toBe('https://sokha.example');
    expect(localStorage.getItem(`dateline:draft:${threadId}`)).toBe(draft);

    box.lang = 'en-GB';
    await until(
      () => shadow(el).querySelector('h3')?.textContent === 'Leave a Reply',
      'English again',
    );
    expect(shadow(el).querySelector('form')!.lang).toBe('en');
    expect(field(el, 'comment').value).toBe(
      'Half-written thought about the raids',
    );
  });

  it('says a failed post in the form’s language, and says it again in a new one', async () => {
    setStrings('km', { 'form.failure.network': 'KM: not sent, kept.' });
    setStrings('th', { 'form.failure.network': 'TH: not sent, kept.' });
    const { store, control } = controllableStore();
    control.failNext = 1;
    const { box, el } = await formIn('km', store);
    await fillAll(el);
    submit(el).click();
    await until(() => alertText(el), 'the failure notice');
    expect(alertText(el)).toBe('KM: not sent, kept.');

    box.lang = 'th';
    await until(
      () => alertText(el) === 'TH: not sent, kept.',
      'the Thai notice',
    );
    expect(field(el, 'comment').value).toBe(
      'Half-written thought about the raids',
    );
  });

  it('shows core’s validation messages in the form’s language, and follows a change', async () => {
    await ensureLocale('km');
    setMessages('km', { 'body-required': 'KM: please type a comment.' });
    const { box, el } = await formIn('km-KH');
    submit(el).click();
    await until(() => shadow(el).querySelector('#comment-error'), 'errors');
    expect(shadow(el).querySelector('#comment-error')?.textContent).toBe(
      'KM: please type a comment.',
    );
    // the others as core's Khmer catalogue words them
    expect(shadow(el).querySelector('#author-error')?.textContent).toBe(
      messageFor('name-required', undefined, { locale: 'km' }),
    );

    box.lang = 'en';
    await until(
      () =>
        shadow(el).querySelector('#comment-error')?.textContent ===
        say['body-required'],
      'the English message',
    );
  });

  it('words a field the store refused by its code, in the form’s language', async () => {
    await ensureLocale('id');
    setMessages('id', { 'email-invalid': 'ID: alamat email tidak valid.' });
    const { store, control } = controllableStore();
    control.failNext = 1;
    // The store words its refusal in English, as core's stores do.
    control.failWith = () =>
      new CommentStoreError('Please check the highlighted fields.', {
        code: 'invalid',
        fields: { 'author.email': say['email-invalid'] },
      });
    const { el } = await formIn('id', store);
    await fillAll(el);
    submit(el).click();
    await until(() => shadow(el).querySelector('#email-error'), 'the refusal');
    expect(shadow(el).querySelector('#email-error')?.textContent).toBe(
      'ID: alamat email tidak valid.',
    );
  });

  it('says why a post failed by the store’s code, never in the store’s own words', async () => {
    const STORE_WORDS = 'Words the store chose';
    const cases: Array<[CommentStoreError, string]> = [
      [
        new CommentStoreError(STORE_WORDS, {
          code: 'too-fast',
          retryAfter: 15,
        }),
        'You are posting comments too quickly. Please wait 15 seconds and try again. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, { code: 'too-fast', retryAfter: 1 }),
        'You are posting comments too quickly. Please wait 1 second and try again. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, { code: 'too-fast' }),
        'You are posting comments too quickly. Please wait a moment and try again. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, { code: 'server' }),
        'The comment service is having trouble. Please try again in a moment. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, { code: 'refused-origin' }),
        'This site’s comment service does not accept comments from this page. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, { code: 'closed' }),
        'This discussion is closed to new comments. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, { code: 'invalid' }),
        'Your comment could not be posted. Your comment has been kept.',
      ],
      [
        new CommentStoreError(STORE_WORDS, {
          code: 'invalid',
          fields: { parentId: say['parent-invalid'] },
        }),
        `${say['parent-invalid']} Your comment has been kept.`,
      ],
      [
        // A field the form does not have, in words core never wrote, under hostile keys.
        new CommentStoreError(STORE_WORDS, {
          code: 'invalid',
          fields: JSON.parse(
            `{"__proto__":"${STORE_WORDS}","constructor":"${STORE_WORDS}"}`,
          ),
        }),
        'This was not accepted. Please check it and try again. Your comment has been kept.',
      ],
    ];
    for (const [error, expected] of cases) {
      const { store, control } = controllableStore();
      control.failNext = 1;
      control.failWith = () => error;
      const { el } = await formIn('en', store);
      await fillAll(el);
      submit(el).click();
      await until(() => alertText(el), `the notice for ${error.code}`);
      expect(alertText(el)).toBe(expected);
      expect(shadow(el).textContent).not.toContain(STORE_WORDS);
      expect(field(el, 'comment').value).toBe(
        'Half-written thought about the raids',
      );
      document.body.replaceChildren();
    }
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('counts the seconds to wait by the language’s plural rules and digits', async () => {
    setStrings('ar', {
      'form.failure.too-fast-wait.one': 'AR one {0}',
      'form.failure.too-fast-wait.two': 'AR two {0}',
      'form.failure.too-fast-wait.few': 'AR few {0}',
      'form.failure.too-fast-wait.many': 'AR many {0}',
      'form.failure.too-fast-wait.other': 'AR other {0}',
    });
    const said: string[] = [];
    for (const seconds of [1, 2, 3, 11, 100]) {
      const { store, control } = controllableStore();
      control.failNext = 1;
      control.failWith = () =>
        new CommentStoreError('Slow down.', {
          code: 'too-fast',
          retryAfter: seconds,
        });
      const { el } = await formIn('ar', store);
      await fillAll(el);
      submit(el).click();
      said.push(await until(() => alertText(el), 'the notice'));
      document.body.replaceChildren();
    }
    const digits = new Intl.NumberFormat('ar');
    expect(said).toEqual([
      `AR one ${digits.format(1)}`,
      `AR two ${digits.format(2)}`,
      `AR few ${digits.format(3)}`,
      `AR many ${digits.format(11)}`,
      `AR other ${digits.format(100)}`,
    ]);
  });

  it('titles a reply with the name where the language puts it, isolated', async () => {
    setStrings('zh-Hans', { 'form.title-reply': '回复{0}的评论' });
    const box = document.createElement('div');
    box.lang = 'zh-CN';
    const el = new DatelineCommentForm();
    el.threadId = threadId;
    el.parentId = 'a';
    el.replyToName = 'سارة!';
    el.store = controllableStore().store;
    box.append(el);
    await mount(box);
    await until(() => shadow(el).querySelector('h3'), 'the title');
    const h3 = shadow(el).querySelector('h3')!;
    expect(h3.textContent).toBe('回复سارة!的评论');
    expect(h3.querySelector('bdi')?.textContent).toBe('سارة!');
  });

  it('lays out right to left in Arabic, and fits a 320 px column in Khmer, Thai and Chinese', async () => {
    const long = {
      km: 'រក្សាទុកឈ្មោះអ៊ីមែលនិងគេហទំព័ររបស់ខ្ញុំនៅក្នុងកម្មវិធីរុករកនេះសម្រាប់ពេលក្រោយដែលខ្ញុំបញ្ចេញមតិ',
      th: 'บันทึกชื่ออีเมลและเว็บไซต์ของฉันไว้ในเบราว์เซอร์นี้สำหรับครั้งถัดไปที่ฉันแสดงความคิดเห็น',
      'zh-Hans':
        '在此浏览器中保存我的姓名电子邮件和网站以便下次发表评论时使用在此浏览器中保存',
    } as const;
    for (const [lang, text] of Object.entries(long)) {
      setStrings(lang as keyof typeof long, {
        'form.title': text,
        'form.notes.email': text,
        'form.consent.save-details': text,
        'form.consent.notify': text,
        'form.submit': text,
        'form.label.website': text,
      });
      const { box, el } = await formIn(lang);
      box.style.width = '320px';
      submit(el).click(); // the field messages too
      await until(() => shadow(el).querySelector('#comment-error'), 'errors');
      const edge = box.getBoundingClientRect();
      for (const node of shadow(el).querySelectorAll<HTMLElement>(
        'form *:not(.honeypot, .honeypot *, .visually-hidden)',
      )) {
        const r = node.getBoundingClientRect();
        if (!r.width) continue;
        expect(
          r.right,
          `${lang}: ${node.outerHTML.slice(0, 60)}`,
        ).toBeLessThanOrEqual(edge.right + 0.5);
        expect(r.left).toBeGreaterThanOrEqual(edge.left - 0.5);
      }
      document.body.replaceChildren();
    }

    // Arabic: the page gives the direction (dir="rtl"); every side the form sets follows it,
    // on an Arabic page and in an Arabic block of a left-to-right page alike.
    const page = document.documentElement;
    for (const pageDir of ['rtl', 'ltr']) {
      page.dir = pageDir;
      try {
        const { box, el } = await formIn('ar');
        box.dir = 'rtl';
        await el.updateComplete;
        const consent = shadow(el).querySelector('.consent')!;
        const tick = consent.querySelector('input')!.getBoundingClientRect();
        const words = consent.querySelector('span')!.getBoundingClientRect();
        expect(tick.left).toBeGreaterThan(words.left);
        // Nothing of the form, the hidden spam trap included, widens the page.
        expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
      } finally {
        page.removeAttribute('dir');
        document.body.replaceChildren();
      }
    }
  });
});
