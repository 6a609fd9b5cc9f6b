/**
 * Readers' mail about replies end to end: the service as `npm start` runs it, a real SMTP
 * server on 127.0.0.1, every mail parsed and its links followed as a reader (or their mail
 * provider's one-click POST) would. Every comment is held, so each one also mails the
 * moderator: such a mail, sent after what is checked, proves nothing else was on its way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MailServer,
  type ReceivedMail,
  startMailServer,
} from './mail-server.js';
import { SERVICE_WORDS } from '../src/messages/index.js';
import { type ServiceProcess, startMailingService } from './process.js';

const MODERATOR = 'editor@news.example';
const TOKEN = 'subscriptions-admin-token-0123456789abcdef';

let smtp: MailServer;
let service: ServiceProcess;

beforeAll(async () => {
  smtp = await startMailServer();
  service = await startMailingService(smtp.url, {
    DATELINE_MODERATORS: MODERATOR,
    DATELINE_ADMIN_TOKEN: TOKEN,
  });
});

afterAll(async () => {
  await service?.stop();
  await smtp?.stop();
});

let posted = 0;
interface Reader {
  name: string;
  email: string;
}

async function post(
  threadId: string,
  reader: Reader,
  notify?: boolean,
  language?: string,
): Promise<{ id: string; answer: Record<string, unknown> }> {
  posted += 1;
  const res = await fetch(`${service.url}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(language ? { 'accept-language': language } : {}),
    },
    body: JSON.stringify({
      author: reader,
      body: `Comment ${posted} by ${reader.name}.`,
      ...(notify === undefined ? {} : { notify }),
    }),
  });
  expect(res.status).toBe(201);
  const answer = (await res.json()) as { comment: Record<string, unknown> };
  return { id: String(answer.comment.id), answer: answer.comment };
}

async function approve(id: string) {
  const res = await fetch(`${service.url}/api/admin/comments/${id}`, {
    method: 'PATCH',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
    },
    body: JSON.stringify({ status: 'approved' }),
  });
  expect(res.status).toBe(200);
}

/** Waits for `count` more mails than `before`, and gives them. */
async function next(before: number, count: number): Promise<ReceivedMail[]> {
  await smtp.received(before + count);
  return smtp.mails.slice(before);
}

/**
 * The mails since `before`, once a held comment's mail to the moderator has come: what was
 * due before it has been sent.
 */
async function settled(before: number): Promise<ReceivedMail[]> {
  const name = `Marker ${posted + 1}`;
  await post('marker', { name, email: `marker${posted + 1}@example.com` });
  const subject = `Comment by ${name} awaits moderation`;
  for (let seen = before; ; seen += 1) {
    await smtp.received(seen + 1);
    if (smtp.mails[seen]!.subject === subject)
      return smtp.mails.slice(before, seen);
  }
}

const press = (url: string, fields: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: {
      origin: new URL(url).origin,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  });

/** The mails to `email` (a domain is not case-sensitive, nor, here, the local part). */
const to = (mails: ReceivedMail[], email: string) =>
  mails.filter((m) =>
    m.to.some((t) => t.toLowerCase() === email.toLowerCase()),
  );

/** Subscribes a new reader to `threadId` and confirms their email through the mail's link. */
async function confirmedReader(threadId: string, reader: Reader) {
  const before = smtp.mails.length;
  await post(threadId, reader, true);
  const mails = await next(before, 2);
  const [confirmation] = to(mails, reader.email);
  expect(confirmation?.subject).toBe('Confirm mail about new comments');
  const link = confirmation!.links.find((l) => l.includes('/mail/confirm/'))!;
  expect((await press(link)).status).toBe(200);
  return confirmation!;
}

describe('mail to readers about replies', () => {
  it('confirms by mail, mails an approved reply with one-click unsubscribe, and stops after one POST', async () => {
    const sokha = { name: 'Sokha', email: 'Sokha@Example.com' };
    const dara = { name: 'Dara', email: 'dara@example.com' };
    const thread = 'kh-crackdown';
    const page = 'https://news.example/2025/07/cambodia-crackdown';
    const headline = await fetch(`${service.url}/api/admin/threads/${thread}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
      },
      body: JSON.stringify({ title: 'Cambodia cracks down', url: page }),
    });
    expect(headline.status).toBe(200);

    let before = smtp.mails.length;
    await post(thread, sokha, true);
    const [confirmation] = to(await next(before, 2), sokha.email);
    expect(confirmation!.subject).toBe('Confirm mail about new comments');
    expect(confirmation!.text).toContain('“Cambodia cracks down”');
    expect(confirmation!.header('List-Unsubscribe-Post')).toBe(
      'List-Unsubscribe=One-Click',
    );
    const link = confirmation!.links.find((l) => l.includes('/mail/confirm/'))!;

    // A mail scanner's GET shows one button and confirms nothing.
    const shown = await fetch(link);
    expect(shown.status).toBe(200);
    const text = await shown.text();
    expect(text.match(/<button/g)).toHaveLength(1);
    expect(text).toContain('>Confirm</button>');
    expect(text.toLowerCase()).not.toContain('sokha@example.com');
    before = smtp.mails.length;
    const early = await post(thread, dara);
    await approve(early.id);
    expect(to(await settled(before), sokha.email)).toEqual([]);

    const pressed = await press(link);
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain('Your address is confirmed');
    // Once.
    expect((await press(link)).status).toBe(200);

    before = smtp.mails.length;
    const reply = await post(thread, dara);
    const replyNumber = posted;
    await approve(reply.id);
    const mails = to(await settled(before), sokha.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('New reply on Cambodia cracks down');
    expect(mail.text).toContain('Dara wrote');
    expect(mail.text).toContain(`> Comment ${replyNumber} by Dara.`);
    expect(mail.text).toContain(page);
    expect(mail.text).not.toContain('dara@example.com');
    expect(mail.header('List-Unsubscribe-Post')).toBe(
      'List-Unsubscribe=One-Click',
    );
    const unsubscribe = /^<(https?:\/\/[^>]+)>$/.exec(
      mail.header('List-Unsubscribe') ?? '',
    )?.[1];
    expect(unsubscribe).toMatch(/\/mail\/replies\/stop\/[A-Za-z0-9_-]{32}$/);
    expect(mail.text).toContain(unsubscribe);

    // The GET shows a page with a button and changes nothing: the next reply is mailed.
    const stopPage = await fetch(unsubscribe!);
    expect(stopPage.status).toBe(200);
    expect((await stopPage.text()).match(/<button/g)).toHaveLength(1);

    // The mail provider's one-click POST (RFC 8058): no Origin, no sign-in.
    const oneClick = await fetch(unsubscribe!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('no more mail');

    before = smtp.mails.length;
    const later = await post(thread, dara);
    await approve(later.id);
    expect(to(await settled(before), sokha.email)).toEqual([]);
  });

  it('writes a Khmer reader’s mails in Khmer, through a real mail server, and the pages their links open', async () => {
    const km = SERVICE_WORDS.km;
    const sreymom = { name: 'Sreymom', email: 'sreymom@example.com' };
    const thread = 'kh-khmer';
    let before = smtp.mails.length;
    await post(thread, sreymom, true, 'km');
    const [confirmation] = to(await next(before, 2), sreymom.email);
    expect(confirmation!.subject).toBe(km['confirm-mail-subject']);
    expect(confirmation!.text).toContain(km['confirm-mail-once']);
    const link = confirmation!.links.find((l) => l.includes('/mail/confirm/'))!;
    const shown = await fetch(link, { headers: { 'accept-language': 'km' } });
    expect(await shown.text()).toContain(`>${km['confirm-button']}</button>`);
    expect((await press(link)).status).toBe(200);

    before = smtp.mails.length;
    const reply = await post(thread, {
      name: 'ដារ៉ា',
      email: 'dara@example.com',
    });
    await approve(reply.id);
    const [mail] = to(await settled(before), sreymom.email);
    expect(mail!.subject).toBe(
      km['reply-mail-subject'].replace('{thread}', thread),
    );
    expect(mail!.text).toContain('ដារ៉ា');
  });

  it('sends an unconfirmed reader nothing but the confirmation', async () => {
    const vanna = { name: 'Vanna', email: 'vanna@example.com' };
    const before = smtp.mails.length;
    await post('kh-unconfirmed', vanna, true);
    const reply = await post('kh-unconfirmed', {
      name: 'Rith',
      email: 'rith@example.com',
    });
    await approve(reply.id);
    const mails = to(await settled(before), vanna.email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Confirm mail about new comments',
    ]);
  });

  it('does not mail readers about their own comment, and needs no second confirmation', async () => {
    const chenda = { name: 'Chenda', email: 'chenda@example.com' };
    await confirmedReader('kh-own', chenda);
    const before = smtp.mails.length;
    const own = await post('kh-own', chenda, true);
    await approve(own.id);
    // Subscribed to a second thread at once: no new confirmation, and a reply there is mailed.
    const other = await post('kh-second', chenda, true);
    await approve(other.id);
    const reply = await post('kh-second', {
      name: 'Rith',
      email: 'rith@example.com',
    });
    await approve(reply.id);
    const mails = to(await settled(before), chenda.email);
    expect(mails.map((m) => m.subject)).toEqual(['New reply on kh-second']);
    expect(mails[0]!.text).toContain('Rith wrote');
  });

  it('sends at most three confirmation mails a day to one email, and answers every post the same', async () => {
    const kosal = { name: 'Kosal', email: 'kosal@example.com' };
    const before = smtp.mails.length;
    const answers: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { answer } = await post(`kh-limit-${i}`, kosal, true);
      answers.push(Object.keys(answer).sort().join(','));
    }
    expect(new Set(answers).size).toBe(1);
    const mails = to(await settled(before), kosal.email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Confirm mail about new comments',
      'Confirm mail about new comments',
      'Confirm mail about new comments',
    ]);
  });
});
