/**
 * Mail end to end: the service as `npm start` runs it (its own process, its own database),
 * a real SMTP server on 127.0.0.1, every mail parsed and its links followed as a moderator
 * would, in a browser's manner (the form's POST carries the page's Origin).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillText, SERVICE_WORDS } from '../src/messages/index.js';
import { type MailServer, startMailServer } from './mail-server.js';
import {
  freePort,
  type ServiceProcess,
  startMailingService,
  startService,
} from './process.js';

const MODERATORS = 'editor@news.example, desk@news.example';
const LOGIN = { user: 'dateline', pass: 'smtp-secret-hunter2' };

const started: ServiceProcess[] = [];
const servers: MailServer[] = [];

afterAll(async () => {
  for (const service of started.splice(0)) await service.stop();
  for (const server of servers.splice(0)) await server.stop();
});

async function mailService(
  smtp: MailServer,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const service = await startMailingService(smtp.url, {
    DATELINE_MODERATORS: MODERATORS,
    ...env,
  });
  started.push(service);
  return service;
}

let posted = 0;
async function postComment(base: string, body: string, threadId = 'kh-2025') {
  posted += 1;
  const res = await fetch(`${base}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      author: {
        name: `Reader ${posted}`,
        email: `reader${posted}@example.com`,
        url: 'https://reader.example',
      },
      body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).comment as { id: string; status: string };
}

/** A form posted from the service's own page, as a browser posts it. */
const press = (
  url: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: new URL(url).origin,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });

const shownIn = async (base: string, threadId = 'kh-2025') =>
  (
    (await (await fetch(`${base}/api/threads/${threadId}/comments`)).json())
      .comments as Array<{ id: string }>
  ).map((c) => c.id);

describe('mail with a running service', () => {
  let smtp: MailServer;
  let service: ServiceProcess;

  beforeAll(async () => {
    smtp = await startMailServer({ login: LOGIN });
    servers.push(smtp);
    service = await mailService(smtp);
  });
  afterEach(() => {
    smtp.mails.splice(0);
  });

  it('mails the moderators about a held comment; its approve link publishes it for readers', async () => {
    const comment = await postComment(
      service.url,
      'Thank you for this report.',
    );
    expect(comment.status).toBe('pending');
    const mails = await smtp.received(2);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'desk@news.example',
      'editor@news.example',
    ]);
    const mail = mails.find((m) => m.to[0] === 'editor@news.example')!;
    expect(mail.subject).toBe(`Comment by Reader ${posted} awaits moderation`);
    expect(mail.from).toBe('comments@news.example');
    expect(mail.text).toContain(`Email: reader${posted}@example.com`);
    expect(mail.text).toContain('> Thank you for this report.');
    expect(mail.header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe=One-Click',
    );
    expect(mail.header('list-unsubscribe')).toMatch(
      new RegExp(`^<${service.url}/mail/unsubscribe/[\\w-]+>$`),
    );
    // The password that signed in to the mail server is nowhere in what the service printed.
    expect(service.output()).not.toContain(LOGIN.pass);

    const approve = mail.links.find((l) => l.includes('/admin/act/'))!;
    expect(approve.startsWith(`${service.url}/admin/act/`)).toBe(true);
    const page = await fetch(approve);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Thank you for this report.');
    expect(text.match(/<button/g)).toHaveLength(1);
    expect(await shownIn(service.url)).not.toContain(comment.id);

    const done = await press(approve);
    expect(done.status).toBe(200);
    expect(await shownIn(service.url)).toContain(comment.id);
    // Once: pressing again changes nothing and says why.
    const again = await press(approve);
    expect(again.status).toBe(410);
  });

  it('signs a moderator in by mail; an unlisted address gets the same answer and no mail', async () => {
    const answers = [];
    // The stranger first: a mail for them, were there one, would come before the editor's.
    for (const email of ['stranger@news.example', 'editor@news.example']) {
      const res = await press(`${service.url}/admin/sign-in`, { email });
      answers.push({
        status: res.status,
        location: res.headers.get('location'),
        body: await res.text(),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBe(303);
    const [mail] = await smtp.received(1);
    expect(smtp.mails).toHaveLength(1);
    expect(mail!.to).toEqual(['editor@news.example']);
    const link = mail!.links.find((l) => l.includes('/admin/sign-in/'))!;

    // The link's page has the button and changes nothing.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(await page.text()).toContain(
      '<button type="submit">Sign in</button>',
    );
    const signedIn = await press(link);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${service.url}/admin`);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^dateline-session=/);

    const queue = await fetch(`${service.url}/api/admin/comments`, {
      headers: { cookie },
    });
    expect(queue.status).toBe(200);
    expect((await press(link)).status).toBe(410);

    const out = await fetch(`${service.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: service.url },
    });
    expect(out.status).toBe(200);
    expect(
      (
        await fetch(`${service.url}/api/admin/comments`, {
          headers: { cookie },
        })
      ).status,
    ).toBe(401);
  });

  it('lets no form on another site moderate or sign in', async () => {
    const comment = await postComment(service.url, 'Held for a moment.');
    const mails = await smtp.received(2);
    const approve = mails[0]!.links.find((l) => l.includes('/admin/act/'))!;
    const evil = { origin: 'https://evil.example' };
    expect((await press(approve, {}, evil)).status).toBe(403);
    expect(
      (
        await press(
          `${service.url}/admin/sign-in`,
          { email: 'editor@news.example' },
          evil,
        )
      ).status,
    ).toBe(403);
    // The admin API with the token, from another site's page: refused too.
    const patch = await fetch(
      `${service.url}/api/admin/comments/${comment.id}`,
      {
        method: 'PATCH',
        headers: {
          ...evil,
          'content-type': 'application/json',
          authorization: 'Bearer not-needed-to-be-refused-here',
        },
        body: JSON.stringify({ status: 'approved' }),
      },
    );
    expect(patch.status).toBe(403);
    expect(await shownIn(service.url)).not.toContain(comment.id);
    // The link still works for the moderator.
    expect((await press(approve)).status).toBe(200);
    expect(await shownIn(service.url)).toContain(comment.id);
  });

  it('stops mailing a moderator after one POST to the unsubscribe link, without signing in', async () => {
    await postComment(service.url, 'First of two.');
    const mails = await smtp.received(2);
    const desk = mails.find((m) => m.to[0] === 'desk@news.example')!;
    const unsubscribe = /^<(.*)>$/.exec(desk.header('list-unsubscribe')!)![1]!;
    // As a mail system sends it (RFC 8058): no Origin, no cookie.
    const res = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    smtp.mails.splice(0);
    await postComment(service.url, 'Second of two.');
    // The next comment's mail goes to the editor; none to the desk.
    const [next] = await smtp.received(1);
    expect(next!.to).toEqual(['editor@news.example']);
    // A third comment's mail proves nothing else was on its way.
    await postComment(service.url, 'Third.');
    await smtp.received(2);
    expect(smtp.mails.map((m) => m.to[0])).toEqual([
      'editor@news.example',
      'editor@news.example',
    ]);
  });

  it('writes to a moderator who signed in from a Khmer browser in Khmer, and to the others in English', async () => {
    // A service of its own, so the editor's language here changes no other test's mail.
    const own = await mailService(smtp);
    const khmer = { 'accept-language': 'km-KH, km;q=0.9, en;q=0.5' };
    const asked = await press(
      `${own.url}/admin/sign-in`,
      { email: 'editor@news.example' },
      khmer,
    );
    expect(asked.status).toBe(303);
    const [signIn] = await smtp.received(1);
    expect(signIn!.subject).toBe(SERVICE_WORDS.km['sign-in-mail-subject']);
    const link = signIn!.links.find((l) => l.includes('/admin/sign-in/'))!;
    const page = await fetch(link, { headers: khmer });
    expect(await page.text()).toContain(
      `<button type="submit">${SERVICE_WORDS.km['sign-in-button']}</button>`,
    );
    expect((await press(link, {}, khmer)).status).toBe(303);
    smtp.mails.splice(0);

    await postComment(own.url, 'អរគុណសម្រាប់របាយការណ៍នេះ។');
    const held = await smtp.received(2);
    const to = (email: string) => held.find((m) => m.to[0] === email)!;
    expect(to('editor@news.example').subject).toBe(
      fillText(SERVICE_WORDS.km['held-mail-subject'], {
        name: `Reader ${posted}`,
      }),
    );
    expect(to('editor@news.example').text).toContain('> អរគុណសម្រាប់របាយការណ៍នេះ។');
    expect(to('desk@news.example').subject).toBe(
      `Comment by Reader ${posted} awaits moderation`,
    );
    await own.stop();
  });
});

describe('mail when the mail server is down', () => {
  it('sends everything once the server is back, after a kill and a restart, and nothing twice', async () => {
    const smtp = await startMailServer({ login: LOGIN });
    servers.push(smtp);
    await smtp.stop();
    const port = String(await freePort());
    const first = await mailService(smtp, { PORT: port });
    const bodies = [0, 1, 2].map((i) => `While the server was down, ${i}.`);
    for (const body of bodies) await postComment(first.url, body);
    // Each of the six mails failed twice: each failure is logged once it is recorded, and the
    // next attempt is seconds away, so the kill below interrupts no attempt.
    await new Promise<void>((resolve) => {
      const check = () =>
        first.output().split('(attempt 2)').length - 1 >= 6
          ? resolve()
          : setTimeout(check, 50);
      check();
    });
    expect(first.output()).toContain('ECONNREFUSED');
    expect(first.output()).not.toContain(LOGIN.pass);
    await first.stop('SIGKILL');
    expect(smtp.mails).toEqual([]);

    await smtp.start();
    const second = await mailService(smtp, {
      PORT: port,
      DATELINE_DB: first.database,
    });
    await smtp.received(6, 30_000);
    // One more comment, whose two mails come after anything still due: nothing came twice.
    bodies.push('After the restart.');
    await postComment(second.url, bodies[3]!);
    await smtp.received(8, 30_000);
    expect(smtp.mails).toHaveLength(8);
    for (const body of bodies)
      expect(
        smtp.mails
          .filter((m) => m.text.includes(`> ${body}`))
          .map((m) => m.to[0])
          .sort(),
        body,
      ).toEqual(['desk@news.example', 'editor@news.example']);
    // The links work against the restarted service.
    const approve = smtp.mails[0]!.links.find((l) =>
      l.includes('/admin/act/'),
    )!;
    expect((await fetch(approve)).status).toBe(200);
  }, 90_000);
});

describe('npm start', () => {
  it('prints a one-time link that signs in to the moderation page', async () => {
    const demo = await startService({});
    started.push(demo);
    const line = /moderate: open (\S+) to sign in as demo@localhost/.exec(
      demo.output(),
    );
    expect(line, demo.output()).not.toBeNull();
    const link = line![1]!;
    expect(link.startsWith(`${demo.url}/admin/sign-in/`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);
    const signedIn = await press(link);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${demo.url}/admin`);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const queue = await fetch(`${demo.url}/api/admin/comments`, {
      headers: { cookie },
    });
    expect(queue.status).toBe(200);
    // Once only.
    expect((await press(link)).status).toBe(410);
  });
});
