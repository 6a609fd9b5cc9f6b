import { afterEach, describe, expect, it } from 'vitest';
import { type MailServer, startMailServer } from '../../test/mail-server.js';
import { freePort } from '../../test/service-process.js';
import { MailFailure, smtpMailer } from './smtp.js';

const servers: MailServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

const LOGIN = { user: 'dateline', pass: 'p@ss:w/rd-hunter2' };
const mail = {
  to: 'editor@news.example',
  subject: 'Comment by Sokha awaits moderation',
  text: 'A comment awaits your moderation.\n\n> Thank you',
  headers: {
    'List-Unsubscribe': '<https://comments.news.example/mail/unsubscribe/k>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  messageId: '<abc@comments.news.example>',
};

async function failure(promise: Promise<unknown>): Promise<MailFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MailFailure);
    return error as MailFailure;
  }
  throw new Error('The mail was sent');
}

describe('smtpMailer', () => {
  it('logs in and delivers the mail with its headers to a real SMTP server', async () => {
    const server = await startMailServer({ login: LOGIN });
    servers.push(server);
    const mailer = smtpMailer({
      url: server.url,
      from: { name: 'Dateline, comments', address: 'comments@news.example' },
    });
    await mailer.send(mail);
    mailer.close();
    const [received] = await server.received(1);
    expect(server.logins()).toBe(1);
    expect(received!.to).toEqual(['editor@news.example']);
    expect(received!.from).toBe('comments@news.example');
    expect(received!.parsed.from?.value).toEqual([
      { name: 'Dateline, comments', address: 'comments@news.example' },
    ]);
    expect(received!.subject).toBe(mail.subject);
    expect(received!.text.trim()).toBe(mail.text);
    expect(received!.header('list-unsubscribe')).toContain(
      'https://comments.news.example/mail/unsubscribe/k',
    );
    expect(received!.header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe=One-Click',
    );
    expect(received!.parsed.messageId).toBe(mail.messageId);
  });

  it('fails for now, never naming the password, when the server is down or refuses the login', async () => {
    const port = await freePort();
    const down = smtpMailer({
      url: `smtp://dateline:${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${port}`,
      from: { address: 'comments@news.example' },
    });
    const refused = await failure(down.send(mail));
    expect(refused.permanent).toBe(false);
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.message).not.toContain('hunter2');

    const server = await startMailServer({ login: LOGIN });
    servers.push(server);
    const wrong = smtpMailer({
      url: server.url.replace('hunter2', 'hunter3'),
      from: { address: 'comments@news.example' },
    });
    const login = await failure(wrong.send(mail));
    // The operator fixes the password; what waits is sent then.
    expect(login.permanent).toBe(false);
    expect(login.message).not.toContain('hunter');
    expect(server.mails).toEqual([]);
  });

  it('fails for good when the server refuses the recipient', async () => {
    const server = await startMailServer({ refuse: ['gone@news.example'] });
    servers.push(server);
    const mailer = smtpMailer({
      url: server.url,
      from: { address: 'comments@news.example' },
    });
    const refused = await failure(
      mailer.send({ ...mail, to: 'gone@news.example' }),
    );
    expect(refused.permanent).toBe(true);
    expect(refused.message).toContain('550');
  });
});
