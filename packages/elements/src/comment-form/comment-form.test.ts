import { NEW_COMMENT_LIMITS, englishMessages as say } from '@dateline/core';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CancelReplyEvent,
  DatelineCommentForm,
  type CommentPostedEvent,
} from '../index.js';
import { CommentStoreError } from '@dateline/core';
import {
  controllableStore,
  deepActiveElement,
  expectAccessible,
  mount,
  seedArticle,
  shadow,
  type,
  until,
} from '../test/helpers.js';

const threadId = seedArticle.comments.threadId;

beforeEach(() => localStorage.clear());
afterEach(() => document.body.replaceChildren());

async function form(store = controllableStore().store) {
  const el = new DatelineCommentForm();
  el.threadId = threadId;
  el.store = store;
  return mount(el);
}
const field = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLInputElement & HTMLTextAreaElement>(`#${id}`)!;
const submit = (el: Element) =>
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
async function fill(
  el: DatelineCommentForm,
  values: { body?: string; name?: string; email?: string; url?: string },
) {
  if (values.body !== undefined) type(field(el, 'comment'), values.body);
  if (values.name !== undefined) type(field(el, 'author'), values.name);
  if (values.email !== undefined) type(field(el, 'email'), values.email);
  if (values.url !== undefined) type(field(el, 'url'), values.url);
  await el.updateComplete;
}

describe('<dateline-comment-form>', () => {
  it('is the WordPress "Leave a Reply" form', async () => {
    const el = await form();
    const root = shadow(el);
    expect(root.querySelector('h3')?.textContent).toBe('Leave a Reply');
    expect(
      [...root.querySelectorAll('label[for]')].map((l) =>
        l.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual([
      'Comment *',
      'Name *',
      'Email *',
      'Website',
      'Leave this field empty',
    ]);
    expect(root.textContent).toContain(
      'Your email address will not be published.',
    );
    expect(root.textContent).toContain('Required fields are marked');
    expect(root.querySelector('.consent')?.textContent?.trim()).toBe(
      'Save my name, email, and website in this browser for the next time I comment.',
    );
    expect(submit(el).textContent?.trim()).toBe('Post Comment');
  });

  it('shows each message beside its field, marks it invalid and focuses the first', async () => {
    const el = await form();
    await fill(el, { email: 'not-an-email', url: 'javascript:alert(1)' });
    submit(el).click();
    await until(
      () => field(el, 'comment').getAttribute('aria-invalid') === 'true',
      'validation',
    );
    expect(shadow(el).querySelector('#comment-error')?.textContent).toBe(
      say['body-required'],
    );
    expect(shadow(el).querySelector('#author-error')?.textContent).toBe(
      say['name-required'],
    );
    expect(shadow(el).querySelector('#email-error')?.textContent).toBe(
      say['email-invalid'],
    );
    expect(shadow(el).querySelector('#url-error')?.textContent).toBe(
      say['url-invalid'],
    );
    expect(field(el, 'email').getAttribute('aria-describedby')).toBe(
      'email-error',
    );
    expect(deepActiveElement()).toBe(field(el, 'comment'));
    await expectAccessible(el);
  });

  it('disables the button and shows progress while posting, then announces the comment', async () => {
    const { store, control } = controllableStore();
    let release!: () => void;
    control.hold = new Promise((r) => (release = r));
    const el = await form(store);
    const posted: CommentPostedEvent[] = [];
    el.addEventListener('dateline-comment-posted', (e) => posted.push(e));
    await fill(el, {
      body: 'Thank you for this report.',
      name: 'Sokha',
      email: 'sokha@example.com',
    });
    submit(el).click();
    await until(() => submit(el).disabled, 'the disabled button');
    expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe(
      'Posting your comment…',
    );
    release();
    await until(() => posted.length === 1, 'the posted event');
    expect(posted[0]!.comment).toMatchObject({
      body: 'Thank you for this report.',
      author: { name: 'Sokha' },
      status: 'approved',
    });
    expect(submit(el).disabled).toBe(false);
    expect(field(el, 'comment').value).toBe('');
  });

  it('keeps the draft across a reload', async () => {
    const first = await form();
    await fill(first, {
      body: 'Half-written thought',
      name: 'Dara',
      email: 'dara@example.com',
    });
    first.remove();
    const again = await form();
    expect(field(again, 'comment').value).toBe('Half-written thought');
    expect(field(again, 'author').value).toBe('Dara');
    expect(field(again, 'email').value).toBe('dara@example.com');
  });

  it('keeps the draft when a post fails, says why, and retries with the same idempotency key', async () => {
    const { store, control } = controllableStore();
    control.failNext = 1;
    const el = await form(store);
    await fill(el, {
      body: 'Please do not lose this.',
      name: 'Dara',
      email: 'dara@example.com',
    });
    submit(el).click();
    const alert = await until(
      () => shadow(el).querySelector('[role="alert"]'),
      'the failure notice',
    );
    // Said by the store's code in the form's language; the store's English is not shown.
    expect(alert.textContent).toContain(
      'Your comment could not be sent. Check your connection and try again. Your comment has been kept.',
    );
    expect(alert.textContent).not.toContain('The server could not be reached.');
    expect(field(el, 'comment').value).toBe('Please do not lose this.');

    // a reload in between loses nothing either
    el.remove();
    const again = await form(store);
    expect(field(again, 'comment').value).toBe('Please do not lose this.');
    const posted = new Promise((r) =>
      again.addEventListener('dateline-comment-posted', r, { once: true }),
    );
    submit(again).click();
    await posted;
    expect(control.calls.map((c) => c.key)).toEqual([
      control.calls[0]!.key,
      control.calls[0]!.key,
    ]);
    expect((await store.list(threadId)).comments).toHaveLength(1);
    expect(localStorage.getItem(`dateline:draft:${threadId}`)).toBeNull();
  });

  it('keeps the draft when the store refuses the input, with the store’s message beside the field', async () => {
    const { store } = controllableStore();
    const el = await form(store);
    await fill(el, {
      body: 'Same words',
      name: 'Dara',
      email: 'dara@example.com',
    });
    await store.create(
      {
        threadId,
        author: { name: 'Dara', email: 'dara@example.com' },
        body: 'Same words',
      },
      { idempotencyKey: 'earlier' },
    );
    submit(el).click();
    await until(
      () => shadow(el).querySelector('#comment-error'),
      'the refusal',
    );
    expect(shadow(el).querySelector('#comment-error')?.textContent).toContain(
      'already said that',
    );
    expect(field(el, 'comment').value).toBe('Same words');
  });

  it('remembers the details only when the box is ticked', async () => {
    const el = await form();
    await fill(el, {
      body: 'One',
      name: 'Dara',
      email: 'dara@example.com',
      url: 'https://dara.example',
    });
    shadow(el).querySelector<HTMLInputElement>('.consent input')!.click();
    submit(el).click();
    await until(() => field(el, 'comment').value === '', 'the post');
    expect(JSON.parse(localStorage.getItem('dateline:commenter')!)).toEqual({
      name: 'Dara',
      email: 'dara@example.com',
      url: 'https://dara.example',
    });
    el.remove();
    const next = await form();
    expect(field(next, 'author').value).toBe('Dara');
    expect(
      shadow(next).querySelector<HTMLInputElement>('.consent input')!.checked,
    ).toBe(true);
  });

  it('does not keep the details when the box is not ticked', async () => {
    const el = await form();
    await fill(el, { body: 'Two', name: 'Dara', email: 'dara@example.com' });
    submit(el).click();
    await until(() => field(el, 'comment').value === '', 'the post');
    expect(localStorage.getItem('dateline:commenter')).toBeNull();
  });

  it('passes the honeypot to the store instead of the comment', async () => {
    const { store } = controllableStore();
    const seen: unknown[] = [];
    const el = await form({
      list: store.list,
      create: (input, options) => {
        seen.push(options);
        return store.create(input, options);
      },
    });
    await fill(el, { body: 'Buy now', name: 'Bot', email: 'bot@example.com' });
    type(field(el, 'hp'), 'http://spam.example');
    submit(el).click();
    await until(() => seen.length === 1, 'the post');
    expect(seen[0]).toMatchObject({ honeypot: 'http://spam.example' });
  });

  it('offers "Notify me of follow-up comments by email." under the fields, off by default', async () => {
    const el = await form();
    const box = shadow(el).querySelector<HTMLInputElement>(
      'input[type="checkbox"][name="notify"]',
    )!;
    expect(box).not.toBeNull();
    expect(box.checked).toBe(false);
    expect(box.closest('label')?.textContent?.trim()).toBe(
      'Notify me of follow-up comments by email.',
    );
    expect(
      field(el, 'url').compareDocumentPosition(box) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('does not offer mail where nothing sends it (the browser-only demo)', async () => {
    const el = new DatelineCommentForm();
    el.threadId = threadId;
    await mount(el);
    expect(shadow(el).querySelector('input[name="notify"]')).toBeNull();
  });

  it('asks the store to notify only when the box is ticked, and keeps the tick when a post fails', async () => {
    const { store, control } = controllableStore();
    const seen: Array<{ notify?: boolean; idempotencyKey: string }> = [];
    const el = await form({
      list: store.list,
      create: (input, options) => {
        seen.push(options);
        return store.create(input, options);
      },
    });
    await fill(el, { body: 'First', name: 'Dara', email: 'dara@example.com' });
    submit(el).click();
    await until(() => seen.length === 1, 'the first post');
    expect(seen[0]).not.toHaveProperty('notify');

    await until(() => field(el, 'comment').value === '', 'the form cleared');
    await fill(el, {
      body: 'Second',
      name: 'Dara',
      email: 'dara@example.com',
    });
    const box = shadow(el).querySelector<HTMLInputElement>(
      'input[name="notify"]',
    )!;
    await userEvent.click(box);
    expect(box.checked).toBe(true);
    control.failNext = 1;
    submit(el).click();
    await until(() => seen.length === 2, 'the failed post');
    await until(
      () => shadow(el).querySelector('[role="alert"]') !== null,
      'the failure',
    );
    expect(box.checked).toBe(true);
    submit(el).click();
    await until(() => seen.length === 3, 'the retry');
    expect(seen[1]).toMatchObject({ notify: true });
    expect(seen[2]).toMatchObject({
      notify: true,
      idempotencyKey: seen[1]!.idempotencyKey,
    });
  });

  it('tells the store the language it writes in, which follows the page’s', async () => {
    const { store } = controllableStore();
    const seen: Array<{ locale?: string }> = [];
    const el = await form({
      list: store.list,
      create: (input, options) => {
        seen.push(options as { locale?: string });
        return store.create(input, options);
      },
    });
    await fill(el, { body: 'First', name: 'Dara', email: 'dara@example.com' });
    submit(el).click();
    await until(() => seen.length === 1, 'the post in English');
    el.lang = 'km';
    await until(
      () => submit(el).textContent?.trim() === 'បង្ហោះមតិ',
      'the form in Khmer',
    );
    await fill(el, { body: 'ទីពីរ', name: 'Dara', email: 'dara@example.com' });
    submit(el).click();
    await until(() => seen.length === 2, 'the post in Khmer');
    expect(seen.map((options) => options.locale)).toEqual(['en', 'km']);
  });

  it('keeps the ticked box in the draft across a reload', async () => {
    const first = await form();
    await fill(first, { body: 'Half-written thought' });
    await userEvent.click(
      shadow(first).querySelector<HTMLInputElement>('input[name="notify"]')!,
    );
    first.remove();
    const again = await form();
    expect(
      shadow(again).querySelector<HTMLInputElement>('input[name="notify"]')!
        .checked,
    ).toBe(true);
  });

  it('moves focus to the failure notice after a failed post, and keeps the typed text', async () => {
    const { store, control } = controllableStore();
    control.failNext = 1;
    const el = await form(store);
    await fill(el, {
      body: 'Do not drop me to the page.',
      name: 'Dara',
      email: 'dara@example.com',
    });
    // A real click, so focus is on the button when it is disabled for the post.
    await userEvent.click(submit(el));
    const alert = await until(
      () => shadow(el).querySelector<HTMLElement>('.alert'),
      'the failure notice',
    );
    await until(
      () => deepActiveElement() === alert,
      'focus on the failure notice',
    );
    expect(alert.textContent).toContain('Your comment has been kept.');
    expect(field(el, 'comment').value).toBe('Do not drop me to the page.');
    await expectAccessible(el);
  });

  it('moves focus to the first field the store refused', async () => {
    const { store, control } = controllableStore();
    control.failNext = 1;
    control.failWith = () =>
      new CommentStoreError('Please check the highlighted fields.', {
        code: 'invalid',
        fields: { 'author.email': say['email-invalid'] },
      });
    const el = await form(store);
    await fill(el, {
      body: 'Checked by the store',
      name: 'Dara',
      email: 'dara@example.com',
    });
    await userEvent.click(submit(el));
    await until(
      () => deepActiveElement() === field(el, 'email'),
      'focus on the refused field',
    );
    expect(shadow(el).querySelector('#email-error')?.textContent).toBe(
      say['email-invalid'],
    );
  });

  it('keeps the fields the same width and in line when their messages differ in length', async () => {
    const el = await form();
    el.style.display = 'block';
    el.style.width = '900px';
    await fill(el, {
      body: 'Fine',
      email: 'not-an-email',
      url: 'javascript:alert(1)',
    });
    submit(el).click();
    await until(() => shadow(el).querySelector('#url-error'), 'the messages');
    const boxes = ['author', 'email', 'url'].map((id) =>
      field(el, id).getBoundingClientRect(),
    );
    // three fields side by side at this width
    expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(3);
    const errors = ['author', 'email', 'url'].map(
      (id) =>
        shadow(el).querySelector(`#${id}-error`)!.getBoundingClientRect()
          .height,
    );
    expect(Math.max(...errors)).toBeGreaterThan(Math.min(...errors));
    for (const box of boxes) {
      expect(box.width).toBeCloseTo(boxes[0]!.width, 0);
      expect(box.height).toBeCloseTo(boxes[0]!.height, 0);
      expect(box.top).toBeCloseTo(boxes[0]!.top, 0);
    }
  });

  it('takes its length limits from core', async () => {
    const el = await form();
    expect(
      ['comment', 'author', 'email', 'url'].map((id) =>
        Number(field(el, id).getAttribute('maxlength')),
      ),
    ).toEqual([
      NEW_COMMENT_LIMITS.body,
      NEW_COMMENT_LIMITS.name,
      NEW_COMMENT_LIMITS.email,
      NEW_COMMENT_LIMITS.url,
    ]);
  });

  it('cancels a reply with Esc, firing dateline-reply-cancel and never the native cancel', async () => {
    const el = new DatelineCommentForm();
    el.threadId = threadId;
    el.parentId = 'a';
    el.replyToName = 'Lan';
    el.store = controllableStore().store;
    await mount(el);
    const seen: string[] = [];
    const record = (e: Event) => seen.push(`${e.type}:${e.composed}`);
    document.addEventListener('dateline-reply-cancel', record);
    document.addEventListener('cancel', record, true);
    try {
      field(el, 'comment').focus();
      await userEvent.keyboard('{Escape}');
      expect(seen).toEqual(['dateline-reply-cancel:true']);
      shadow(el)
        .querySelector<HTMLButtonElement>('.heading-row button')!
        .click();
      expect(seen).toHaveLength(2);
    } finally {
      document.removeEventListener('dateline-reply-cancel', record);
      document.removeEventListener('cancel', record, true);
    }
    expect(new CancelReplyEvent()).toMatchObject({
      type: 'dateline-reply-cancel',
      bubbles: true,
      composed: true,
    });
  });

  it('leaves Esc alone in the top-level form', async () => {
    const el = await form();
    let cancelled = 0;
    el.addEventListener('dateline-reply-cancel', () => cancelled++);
    type(field(el, 'comment'), 'Still here');
    await userEvent.keyboard('{Escape}');
    expect(cancelled).toBe(0);
    expect(field(el, 'comment').value).toBe('Still here');
  });

  it('passes axe', async () => {
    await expectAccessible(await form());
  });
});
