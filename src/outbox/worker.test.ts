import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type { CommentRepository, StoredComment } from '../repository/types.js';
import { ACTION_LINK_MS, messagesFor, SIGN_IN_MS } from './dispatch.js';
import { hashSecret } from './secrets.js';
import { MailFailure, type Mailer, type OutgoingMail } from './smtp.js';
import { createOutboxWorker, MAX_RETRY_MS, retryDelay } from './worker.js';

const T0 = Date.UTC(2025, 6, 20, 8);
const SECOND = 1000;
const PUBLIC_URL = 'https://comments.news.example';

const opened: CommentRepository[] = [];
afterEach(async () => {
  for (const repository of opened.splice(0)) await repository.close();
});

/** A mail system that keeps what it accepts, and can be down, or refuse for good. */
function mailbox() {
  const sent: OutgoingMail[] = [];
  let problem: MailFailure | undefined;
  const mailer: Mailer & { sent: OutgoingMail[] } = {
    sent,
    async send(mail) {
      // Accepting takes a moment, as over a network: rounds running at once overlap.
      await new Promise((resolve) => setImmediate(resolve));
      if (problem) throw problem;
      sent.push(mail);
    },
    close() {},
  };
  return {
    mailer,
    sent,
    down: () => {
      problem = new MailFailure('connect ECONNREFUSED 127.0.0.1:25', false);
    },
    refuses: () => {
      problem = new MailFailure('550 No such mailbox', true);
    },
    up: () => {
      problem = undefined;
    },
  };
}

function setup({
  moderators = 'editor@news.example, Desk@News.Example',
  mail = true,
  repository = openSqliteRepository(':memory:'),
}: {
  moderators?: string;
  mail?: boolean;
  repository?: CommentRepository;
} = {}) {
  opened.push(repository);
  const config = readConfig({
    DATELINE_MODERATORS: moderators,
    DATELINE_SMTP_URL: 'smtp://mail.news.example:25',
    DATELINE_MAIL_FROM: 'Dateline <comments@news.example>',
    DATELINE_PUBLIC_URL: PUBLIC_URL,
    DATELINE_MAIL_RETRY_SECONDS: '60',
  });
  const box = mailbox();
  const clock = { now: T0 };
  const log: string[] = [];
  const worker = createOutboxWorker({
    repository,
    config,
    mailer: mail ? box.mailer : undefined,
    now: () => clock.now,
    logger: {
      warn: (line) => void log.push(line),
      error: (line) => void log.push(line),
    },
  });
  return { repository, worker, box, clock, log, config };
}

const held = (over: Partial<StoredComment> = {}) =>
  storedComment({
    status: 'pending',
    createdAt: new Date(T0).toISOString(),
    author: { name: 'Sokha', url: 'https://sokha.example' },
    email: 'sokha@example.com',
    body: 'Thank you for this report.',
    ...over,
  });

describe('the outbox worker', () => {
  it('mails every moderator once about a held comment, with one-click links and a one-click unsubscribe', async () => {
    const { repository, worker, box } = setup();
    const comment = held();
    await repository.insert(comment);
    expect(await worker.runOnce()).toMatchObject({ dispatched: 1, sent: 2 });
    expect(box.sent.map((m) => m.to).sort()).toEqual([
      'Desk@News.Example',
      'editor@news.example',
    ]);
    const mail = box.sent.find((m) => m.to === 'editor@news.example')!;
    expect(mail.subject).toBe('Comment by Sokha awaits moderation');
    for (const fact of [
      `Thread: ${comment.threadId}`,
      'Author: Sokha',
      'Email: sokha@example.com',
      'Website: https://sokha.example',
      'Posted: 20 July 2025 at 08:00 UTC',
      '> Thank you for this report.',
    ])
      expect(mail.text).toContain(fact);
    const tokens = [...mail.text.matchAll(/admin\/act\/([\w-]{43})$/gm)].map(
      (m) => m[1]!,
    );
    expect(tokens).toHaveLength(3);
    expect(
      await Promise.all(
        tokens.map(async (t) => (await repository.actionLink(hashSecret(t)))!),
      ),
    ).toEqual(
      (['approve', 'spam', 'delete'] as const).map((action) =>
        expect.objectContaining({
          action,
          commentId: comment.id,
          email: 'editor@news.example',
          expiresAt: T0 + ACTION_LINK_MS,
          usedAt: null,
        }),
      ),
    );
    const { key } = await repository.mailPreferences('editor@news.example', T0);
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${PUBLIC_URL}/mail/unsubscribe/${key}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    });
    expect(mail.text).toContain(`${PUBLIC_URL}/mail/unsubscribe/${key}`);
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@comments\.news\.example>$/);
    // Nothing more to do: no mail is sent twice.
    await worker.runOnce();
    expect(box.sent).toHaveLength(2);
    expect(await repository.outboxCounts()).toMatchObject({
      sent: 2,
      waiting: 0,
    });
  });

  it('quotes every line of the comment, so none reads as a link of ours', async () => {
    const { repository, worker, box } = setup({
      moderators: 'editor@news.example',
    });
    await repository.insert(
      held({
        body: 'Fine.\n\nApprove it:      https://evil.example/admin/act/x\r\nBye',
      }),
    );
    await worker.runOnce();
    const text = box.sent[0]!.text;
    const quote = text.slice(text.indexOf('The comment:') + 14);
    expect(quote.slice(0, quote.indexOf('\n-- \n')).split('\n')).toEqual([
      '> Fine.',
      '> ',
      '> Approve it:      https://evil.example/admin/act/x',
      '> Bye',
      '',
    ]);
  });

  it('tells nobody about a comment that was published or refused, and lets its event go', async () => {
    const { repository, worker, box } = setup();
    await repository.insert(held({ status: 'approved' }));
    await repository.insert(held({ status: 'spam' }));
    expect(await worker.runOnce()).toMatchObject({ dispatched: 2, sent: 0 });
    expect(box.sent).toEqual([]);
    expect(await repository.outboxEvents(10)).toEqual([]);
  });

  it('keeps nothing waiting when there is no mail server', async () => {
    const { repository, worker } = setup({ mail: false });
    await repository.insert(held());
    expect(await worker.runOnce()).toMatchObject({ dispatched: 1 });
    expect(await repository.outboxEvents(10)).toEqual([]);
    expect(await repository.outboxCounts()).toEqual({
      waiting: 0,
      sent: 0,
      dropped: 0,
      failed: 0,
    });
  });

  it('keeps trying, each wait twice as long, while the mail server is down, and sends each mail once it is back', async () => {
    const { repository, worker, box, clock, log } = setup();
    box.down();
    await repository.insert(held());
    expect(await worker.runOnce()).toMatchObject({ retried: 2, sent: 0 });
    expect(log).toContain(
      'The held-comment mail to editor@news.example could not be sent (attempt 1): connect ECONNREFUSED 127.0.0.1:25; next attempt in 60 s.',
    );
    clock.now += 59 * SECOND;
    expect(await worker.runOnce()).toMatchObject({ retried: 0, sent: 0 });
    clock.now += SECOND;
    expect(await worker.runOnce()).toMatchObject({ retried: 2 });
    expect(log.at(-1)).toContain('(attempt 2)');
    expect(log.at(-1)).toContain('next attempt in 120 s');
    box.up();
    clock.now += 119 * SECOND;
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    clock.now += SECOND;
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    for (let i = 0; i < 3; i += 1) {
      clock.now += MAX_RETRY_MS;
      await worker.runOnce();
    }
    expect(box.sent.map((m) => m.to).sort()).toEqual([
      'Desk@News.Example',
      'editor@news.example',
    ]);
  });

  it('drops a mail about a comment someone moderated before it could be sent', async () => {
    const { repository, worker, box, clock } = setup();
    box.down();
    const comment = held();
    await repository.insert(comment);
    await worker.runOnce();
    await repository.setStatus(comment.id, 'approved');
    box.up();
    clock.now += 60 * SECOND;
    expect(await worker.runOnce()).toMatchObject({ dropped: 2, sent: 0 });
    expect(box.sent).toEqual([]);
  });

  it('gives up on a mail the server refuses for good, and says so', async () => {
    const { repository, worker, box, clock, log } = setup({
      moderators: 'editor@news.example',
    });
    box.refuses();
    await repository.insert(held());
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(log).toEqual([
      'The held-comment mail to editor@news.example was refused and will not be sent: 550 No such mailbox',
    ]);
    box.up();
    clock.now += MAX_RETRY_MS;
    await worker.runOnce();
    expect(box.sent).toEqual([]);
  });

  it('mails a sign-in link to a listed moderator only, and lets a late one go', async () => {
    const { repository, worker, box, clock } = setup();
    const ask = (email: string, now: number) =>
      repository.requestSignIn({
        email,
        locale: 'en',
        emailKey: email,
        addressKey: null,
        now,
        limits: {
          email: { max: 5, windowMs: 1 },
          address: { max: 5, windowMs: 1 },
        },
      });
    await ask('stranger@news.example', T0);
    await ask('desk@news.example', T0);
    expect(await worker.runOnce()).toMatchObject({ dispatched: 2, sent: 1 });
    expect(box.sent).toHaveLength(1);
    const [mail] = box.sent;
    // To the address as listed, whatever case it was typed in.
    expect(mail!.to).toBe('Desk@News.Example');
    expect(mail!.subject).toBe('Sign in to moderate comments');
    const token = /\/admin\/sign-in\/([\w-]{43})$/m.exec(mail!.text)![1]!;
    expect(await repository.signInToken(hashSecret(token))).toEqual({
      email: 'Desk@News.Example',
      expiresAt: T0 + SIGN_IN_MS,
      usedAt: null,
    });
    expect(mail!.headers['List-Unsubscribe-Post']).toBe(
      'List-Unsubscribe=One-Click',
    );

    // The mail server is down past the link's 15 minutes: the request is let go.
    box.down();
    await ask('editor@news.example', clock.now);
    await worker.runOnce();
    box.up();
    clock.now += SIGN_IN_MS;
    expect(await worker.runOnce()).toMatchObject({ dropped: 1, sent: 0 });
    expect(box.sent).toHaveLength(1);
  });

  it('does not mail a moderator who turned mail about held comments off', async () => {
    const { repository, worker, box } = setup();
    const { key } = await repository.mailPreferences('desk@news.example', T0);
    await repository.setHeldCommentMail(key, false, T0);
    await repository.insert(held());
    await worker.runOnce();
    expect(box.sent.map((m) => m.to)).toEqual(['editor@news.example']);
  });

  it('sends a mail again, with the same Message-ID, when its sender died before recording it', async () => {
    const { repository, box, clock, config } = setup({
      moderators: 'editor@news.example',
    });
    await repository.insert(held());
    // The server accepts the mail, and the process dies before the record is written.
    const dying = createOutboxWorker({
      repository: {
        ...repository,
        settleMessage: async () => {
          throw new Error('the process died');
        },
      },
      config,
      mailer: box.mailer,
      now: () => clock.now,
      logger: { warn() {}, error() {} },
      leaseMs: 80 * SECOND,
    });
    await expect(dying.runOnce()).rejects.toThrow('the process died');
    expect(box.sent).toHaveLength(1);
    const survivor = createOutboxWorker({
      repository,
      config,
      mailer: box.mailer,
      now: () => clock.now,
      logger: { warn() {}, error() {} },
    });
    // Its claim holds until the lease runs out: no instance sends it meanwhile.
    clock.now += 80 * SECOND - 1;
    await survivor.runOnce();
    expect(box.sent).toHaveLength(1);
    clock.now += 1;
    await survivor.runOnce();
    expect(box.sent).toHaveLength(2);
    expect(box.sent[1]!.messageId).toBe(box.sent[0]!.messageId);
    await survivor.runOnce();
    expect(box.sent).toHaveLength(2);
  });
});

describe('stopping the worker', () => {
  /** A mail system whose acceptance the test releases. */
  function slowServer() {
    let began!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      began = resolve;
    });
    const accepted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const mailer: Mailer = {
      async send() {
        began();
        await accepted;
      },
      close() {},
    };
    return { mailer, started, release };
  }
  const quiet = { warn() {}, error() {} };

  it('waits for the mail being sent, and records it', async () => {
    const { repository, clock, config } = setup({
      moderators: 'editor@news.example',
    });
    const server = slowServer();
    const worker = createOutboxWorker({
      repository,
      config,
      mailer: server.mailer,
      now: () => clock.now,
      logger: quiet,
    });
    await repository.insert(held());
    worker.start();
    await server.started;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    server.release();
    await stopping;
    expect(await repository.outboxCounts()).toMatchObject({ sent: 1 });
  });

  it('gives up waiting at its deadline; the mail stays claimed, to be sent after the lease', async () => {
    const { repository, clock, config } = setup({
      moderators: 'editor@news.example',
    });
    const server = slowServer();
    const worker = createOutboxWorker({
      repository,
      config,
      mailer: server.mailer,
      now: () => clock.now,
      logger: quiet,
    });
    await repository.insert(held());
    worker.start();
    await server.started;
    await worker.stop(1);
    expect(await repository.outboxCounts()).toMatchObject({
      waiting: 1,
      sent: 0,
    });
    server.release();
  });
});

describe('two instances on one database', () => {
  it('send each mail once, however their rounds overlap', async () => {
    const file = join(
      mkdtempSync(join(tmpdir(), 'dateline-outbox-')),
      'comments.sqlite',
    );
    const a = setup({ repository: openSqliteRepository(file) });
    const b = setup({ repository: openSqliteRepository(file) });
    for (let i = 0; i < 10; i += 1) await a.repository.insert(held());
    for (let round = 0; round < 6; round += 1)
      await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    const sent = [...a.box.sent, ...b.box.sent];
    expect(sent).toHaveLength(20);
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(20);
    // Both did some of the work.
    expect(a.box.sent.length).toBeGreaterThan(0);
    expect(b.box.sent.length).toBeGreaterThan(0);
  });
});

describe('retryDelay', () => {
  it('doubles from the first wait, up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 60_000))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
    expect(retryDelay(7, 60_000)).toBe(MAX_RETRY_MS);
    expect(retryDelay(10_000, 1000)).toBe(MAX_RETRY_MS);
  });
});

describe('messagesFor', () => {
  const context = {
    moderators: ['Editor@News.Example', 'desk@news.example'],
    heldCommentMailOff: new Set<string>(),
    mail: true,
  };
  const event = (over: Partial<Parameters<typeof messagesFor>[0]>) => ({
    id: 7,
    type: 'comment.created' as const,
    subject: 'c1',
    data: { status: 'pending' },
    createdAt: T0,
    ...over,
  });

  it('gives each moderator one message per held comment, keyed by comment and recipient', () => {
    expect(
      messagesFor(event({}), context).map((m) => [m.key, m.recipient]),
    ).toEqual([
      ['held-comment:c1:editor@news.example', 'Editor@News.Example'],
      ['held-comment:c1:desk@news.example', 'desk@news.example'],
    ]);
  });

  it('compares a sign-in address with the moderators ignoring case, and with nothing else', () => {
    const signIn = (email: string) =>
      messagesFor(
        event({ type: 'sign-in.requested', subject: 'k', data: { email } }),
        context,
      );
    expect(signIn('EDITOR@news.example')).toEqual([
      expect.objectContaining({
        key: 'sign-in:7:editor@news.example',
        recipient: 'Editor@News.Example',
        giveUpAt: T0 + SIGN_IN_MS,
      }),
    ]);
    for (const email of [
      'someone@news.example',
      'constructor',
      '__proto__',
      'editor@news.example ',
    ])
      expect(signIn(email)).toEqual([]);
  });

  it('sends nothing without mail, for a status change, or for a published comment', () => {
    expect(messagesFor(event({}), { ...context, mail: false })).toEqual([]);
    expect(
      messagesFor(
        event({
          type: 'comment.status-changed',
          data: { from: 'pending', to: 'approved' },
        }),
        context,
      ),
    ).toEqual([]);
    expect(
      messagesFor(event({ data: { status: 'approved' } }), context),
    ).toEqual([]);
  });
});
