import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '@dateline/core';
import { englishServiceWords } from '../messages/en.js';
import { SERVICE_WORDS } from '../messages/index.js';
import type { OutboxEvent, StoredComment } from '../repository/types.js';
import { readerMessagesFor, type ReplyContext } from './dispatch.js';
import {
  confirmSubscriptionMail,
  QUOTED_CHARACTERS,
  replyMail,
} from './mails.js';

const T0 = Date.UTC(2025, 6, 20, 8);

const event = (over: Partial<OutboxEvent>): OutboxEvent => ({
  id: 7,
  type: 'comment.created',
  subject: 'c1',
  data: { status: 'approved' },
  createdAt: T0,
  ...over,
});

const reply: ReplyContext = {
  comment: { id: 'c1', threadId: 'kh', email: 'Dara@Example.com' },
  subscribers: [
    { email: 'sokha@example.com', address: 'Sokha@example.com' },
    { email: 'dara@example.com', address: 'dara@example.com' },
  ],
};

describe('readerMessagesFor', () => {
  it('mails every subscriber but the author about an approved comment, once per comment', () => {
    const created = readerMessagesFor(event({}), { mail: true, reply });
    const approvedLater = readerMessagesFor(
      event({
        id: 9,
        type: 'comment.status-changed',
        data: { from: 'pending', to: 'approved' },
      }),
      { mail: true, reply },
    );
    expect(created).toEqual([
      {
        key: 'reply:c1:sokha@example.com',
        channel: 'mail',
        recipient: 'Sokha@example.com',
        template: 'reply',
        data: { commentId: 'c1', threadId: 'kh' },
        dueAt: T0,
        giveUpAt: T0 + 7 * 24 * 60 * 60_000,
      },
    ]);
    // Approved again after being withdrawn: the same key, so it is not sent twice.
    expect(approvedLater.map((m) => m.key)).toEqual(created.map((m) => m.key));
  });

  it('tells nobody about a comment that is held, marked spam or deleted', () => {
    for (const e of [
      event({ data: { status: 'pending' } }),
      event({ data: { status: 'spam' } }),
      event({
        type: 'comment.status-changed',
        data: { from: 'approved', to: 'deleted' },
      }),
    ])
      expect(readerMessagesFor(e, { mail: true, reply })).toEqual([]);
  });

  it('asks for a confirmation, keyed by the request, and sends nothing without mail', () => {
    const asked = event({
      type: 'subscription.requested',
      subject: 'kh',
      data: { email: 'Vanna@example.com' },
    });
    expect(readerMessagesFor(asked, { mail: true })).toMatchObject([
      {
        key: 'confirm-subscription:7',
        recipient: 'Vanna@example.com',
        template: 'confirm-subscription',
        data: { threadId: 'kh' },
      },
    ]);
    expect(readerMessagesFor(asked, { mail: false })).toEqual([]);
    expect(readerMessagesFor(event({}), { mail: false, reply })).toEqual([]);
  });
});

const links = {
  publicUrl: 'https://comments.example',
  unsubscribeKey: 'k'.repeat(32),
  threadId: 'kh',
  headline: { title: 'Cambodia cracks down', url: 'https://news.example/kh' },
};

const comment: StoredComment = {
  id: 'c1',
  threadId: 'kh',
  parentId: null,
  author: { name: 'Dara' },
  body: 'Thank you.\nUnsubscribe: https://evil.example/',
  createdAt: new Date(T0).toISOString(),
  status: 'approved',
  email: 'dara@example.com',
  addressHash: null,
};

describe('readers’ mails', () => {
  it('carries a one-click unsubscribe for the thread in every mail', () => {
    for (const mail of [
      replyMail({ comment, links, locale: 'en' }),
      confirmSubscriptionMail({
        token: 't'.repeat(43),
        expiresAt: T0,
        links,
        locale: 'en',
      }),
    ]) {
      expect(mail.headers).toMatchObject({
        'List-Unsubscribe': `<https://comments.example/mail/replies/stop/${'k'.repeat(32)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      expect(mail.text).toContain(
        `To stop mail about this thread, open https://comments.example/mail/replies/stop/${'k'.repeat(32)}`,
      );
    }
  });

  it('names the thread by its headline, quotes the reply and links the page, never the author’s email', () => {
    const mail = replyMail({ comment, links, locale: 'en' });
    expect(mail.subject).toBe('New reply on Cambodia cracks down');
    expect(mail.text).toContain('Dara wrote');
    // What the commenter wrote reads as quoted, however it is dressed up.
    expect(mail.text).toContain('> Unsubscribe: https://evil.example/');
    expect(mail.text).toContain('Read it and reply: https://news.example/kh');
    expect(mail.text).not.toContain('dara@example.com');
    const bare = replyMail({
      comment,
      links: { ...links, headline: undefined },
      locale: 'en',
    });
    expect(bare.subject).toBe('New reply on kh');
    expect(bare.text).not.toContain('Read it');
  });

  it('asks to confirm with a link that opens a page', () => {
    const mail = confirmSubscriptionMail({
      token: 't'.repeat(43),
      expiresAt: T0,
      links,
      locale: 'en',
    });
    expect(mail.subject).toBe('Confirm mail about new comments');
    expect(mail.text).toContain(
      `Confirm: https://comments.example/mail/confirm/${'t'.repeat(43)}`,
    );
  });
});

describe('readers’ mails in the language they asked in', () => {
  /** Every English sentence of the mails (their placeholders aside), longer than a word. */
  const english = Object.entries(englishServiceWords)
    .filter(([code]) => /mail/.test(code))
    .flatMap(([, words]) => words.split(/\{\w+\}/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 12);

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))(
    '%s: the confirmation and the reply, with no English sentence',
    (locale) => {
      const words = SERVICE_WORDS[locale];
      const long = { ...comment, body: 'ក'.repeat(QUOTED_CHARACTERS + 1) };
      const mails = [
        confirmSubscriptionMail({
          token: 't'.repeat(43),
          expiresAt: T0,
          links,
          locale,
        }),
        replyMail({ comment: long, links, locale }),
      ];
      const [confirm, reply] = mails;
      expect(confirm!.subject).toBe(words['confirm-mail-subject']);
      expect(confirm!.text).toContain(words['confirm-mail-once']);
      expect(confirm!.text).toContain(words['confirm-button']);
      expect(reply!.subject).toContain('Cambodia cracks down');
      expect(reply!.text).toContain('Dara');
      for (const mail of mails) {
        for (const sentence of english) {
          expect(mail.subject).not.toContain(sentence);
          expect(mail.text).not.toContain(sentence);
        }
        // The way to stop, in the reader's words.
        expect(mail.text).toContain(
          `https://comments.example/mail/replies/stop/${'k'.repeat(32)}`,
        );
      }
    },
  );

  it('writes English for a language the service does not have, whatever is stored', () => {
    for (const locale of ['fr', '', '__proto__', 'constructor', 'toString'])
      expect(replyMail({ comment, links, locale }).subject).toBe(
        'New reply on Cambodia cracks down',
      );
  });

  it('fills only its own words: a headline or name that looks like a placeholder stays as written', () => {
    const mail = replyMail({
      comment: { ...comment, author: { name: '{time} {url}' } },
      links: {
        ...links,
        headline: { title: '{site} {thread}', url: 'https://news.example/kh' },
      },
      locale: 'km',
    });
    expect(mail.subject).toContain('{site} {thread}');
    expect(mail.text).toContain('{time} {url}');
    expect(mail.text).toContain('«{site} {thread}»');
  });
});
