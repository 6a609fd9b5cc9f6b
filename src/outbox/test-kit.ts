/**
 * For the tests of mail, sign-in and one-click links: the whole app over an in-memory
 * database, the outbox worker, and a mail system that keeps what it accepts. Requests go to
 * the app as a browser on DATELINE_PUBLIC_URL would send them.
 */
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { ServiceCatalogue } from '../messages/index.js';
import type { CommentRepository } from '../repository/types.js';
import { MailFailure, type Mailer, type OutgoingMail } from './smtp.js';
import { createOutboxWorker } from './worker.js';

export const T0 = Date.UTC(2025, 6, 20, 8);
export const ADMIN_TOKEN = 'moderator-token-0123456789abcdef';

/** A mail system that keeps what it accepts, and can be down. */
export function mailbox() {
  const sent: OutgoingMail[] = [];
  let down = false;
  const mailer: Mailer = {
    async send(mail) {
      if (down)
        throw new MailFailure('connect ECONNREFUSED 127.0.0.1:25', false);
      sent.push(mail);
    },
    close() {},
  };
  return {
    mailer,
    sent,
    setDown: (value: boolean) => {
      down = value;
    },
  };
}

export interface MailAppOptions {
  env?: Record<string, string>;
  repository?: CommentRepository;
  /** A site's own words for the pages and mails. */
  words?: ServiceCatalogue;
}

export function mailApp({
  env = {},
  repository = openSqliteRepository(':memory:'),
  words,
}: MailAppOptions = {}) {
  const config = readConfig({
    DATELINE_MODERATION: 'all',
    DATELINE_MODERATORS: 'editor@news.example, desk@news.example',
    DATELINE_SMTP_URL: 'smtp://mail.news.example:25',
    DATELINE_MAIL_FROM: 'Dateline <comments@news.example>',
    DATELINE_PUBLIC_URL: 'https://comments.news.example',
    DATELINE_ADMIN_TOKEN: ADMIN_TOKEN,
    DATELINE_FLOOD_SECONDS: '0',
    ...env,
  });
  const origin = new URL(config.publicUrl ?? 'https://comments.news.example')
    .origin;
  const clock = { now: T0 };
  const log: string[] = [];
  const logger = {
    warn: (line: string) => void log.push(line),
    error: (line: string) => void log.push(line),
  };
  const app = createApp({
    repository,
    config,
    now: () => new Date(clock.now),
    address: (c) => c.req.header('x-test-address') ?? '192.0.2.1',
    logger,
    words,
  });
  const box = mailbox();
  const worker = createOutboxWorker({
    repository,
    config,
    mailer: config.smtpUrl ? box.mailer : undefined,
    now: () => clock.now,
    logger,
    words,
  });

  /** A request to the app; a path, or a whole URL as a mail's link gives it. */
  const request = (path: string, init: RequestInit = {}) =>
    app.request(path.startsWith('http') ? path : `${origin}${path}`, init);

  /**
   * A form posted from this service's own page, unless `headers` say otherwise (a header
   * given as undefined is not sent).
   */
  const form = (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string | undefined> = {},
  ) =>
    request(path, {
      method: 'POST',
      headers: Object.fromEntries(
        Object.entries({
          origin,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      body: new URLSearchParams(fields).toString(),
    });

  let posted = 0;
  /** Posts a comment as a reader would, from another address each time. */
  const comment = async (
    body: string,
    over: Record<string, unknown> = {},
    threadId = 'kh-2025',
    headers: Record<string, string> = {},
  ) => {
    posted += 1;
    const res = await request(`/api/threads/${threadId}/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-test-address': `198.51.100.${posted}`,
        ...headers,
      },
      body: JSON.stringify({
        author: {
          name: 'Sokha',
          email: 'sokha@example.com',
          url: 'https://sokha.example',
        },
        body,
        ...over,
      }),
    });
    if (res.status !== 201)
      throw new Error(`posting answered ${res.status}: ${await res.text()}`);
    return (await res.json()).comment as { id: string; status: string };
  };

  /** What readers of a thread see. */
  const shown = async (threadId = 'kh-2025') =>
    (
      (await (await request(`/api/threads/${threadId}/comments`)).json()) as {
        comments: Array<{ id: string }>;
      }
    ).comments.map((c) => c.id);

  /** The mails to `to` so far. */
  const mailsTo = (to: string) => box.sent.filter((m) => m.to === to);

  return {
    app,
    config,
    repository,
    clock,
    log,
    box,
    worker,
    origin,
    request,
    form,
    comment,
    shown,
    mailsTo,
  };
}

/** Every link in a mail's text, in order. */
export const linksIn = (text: string) =>
  text.match(/https?:\/\/[^\s<>]+/g) ?? [];

/** The `name=value` of a response's Set-Cookie, to send back as Cookie. */
export function cookieFrom(res: Response): string | undefined {
  return res.headers.get('set-cookie')?.split(';')[0];
}
