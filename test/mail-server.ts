/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server), which parses every mail it
 * accepts (mailparser) and keeps it. It can require a login, refuse recipients, be stopped
 * (mail then cannot be delivered) and started again on the same port.
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { freePort } from './service-process.js';

export interface ReceivedMail {
  /** The envelope's recipients, as the server was told them. */
  to: string[];
  from: string;
  parsed: ParsedMail;
  subject: string;
  text: string;
  /** A header by name, as it was sent (unfolded). */
  header: (name: string) => string | undefined;
  /** Every URL in the text, in order. */
  links: string[];
}

export interface MailServerOptions {
  /** Require this login. */
  login?: { user: string; pass: string };
  /** Refuse these recipients for good (550). */
  refuse?: string[];
  port?: number;
}

export async function startMailServer(options: MailServerOptions = {}) {
  const port = options.port ?? (await freePort());
  const mails: ReceivedMail[] = [];
  const watchers = new Set<() => void>();
  let logins = 0;
  let server: SMTPServer | undefined;

  const settings: SMTPServerOptions = {
    // Plain SMTP on loopback: no certificate to trust, as a relay on the same machine.
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.login,
    logger: false,
    onAuth(auth, _session, callback) {
      const { login } = options;
      if (
        login &&
        auth.username === login.user &&
        auth.password === login.pass
      ) {
        logins += 1;
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        const error = new Error('No such mailbox') as Error & {
          responseCode: number;
        };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom
              ? session.envelope.mailFrom.address
              : '',
            parsed,
            subject: parsed.subject ?? '',
            text,
            // As sent: mailparser folds List-* headers into one structured value.
            header: (name) => {
              const line = parsed.headerLines.find(
                (h) => h.key === name.toLowerCase(),
              )?.line;
              return line
                ?.slice(line.indexOf(':') + 1)
                .replace(/\r?\n[ \t]+/g, ' ')
                .trim();
            },
            links: text.match(/https?:\/\/[^\s<>]+/g) ?? [],
          });
          for (const w of watchers) w();
          callback();
        })
        .catch(callback);
    },
  };

  const listen = async () => {
    server = new SMTPServer(settings);
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
  };
  await listen();

  return {
    port,
    mails,
    /** How many logins succeeded. */
    logins: () => logins,
    /** The URL the service is given (DATELINE_SMTP_URL). */
    url: options.login
      ? `smtp://${encodeURIComponent(options.login.user)}:${encodeURIComponent(options.login.pass)}@127.0.0.1:${port}`
      : `smtp://127.0.0.1:${port}`,
    /** Resolves once `count` mails have arrived (all of them, when more did). */
    received: (count: number, timeoutMs = 20_000) =>
      new Promise<ReceivedMail[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(
            new Error(
              `${mails.length} of ${count} mails arrived: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          if (mails.length >= count) {
            clearTimeout(timer);
            watchers.delete(check);
            resolve(mails);
          }
        };
        watchers.add(check);
        check();
      }),
    /** Stops accepting connections: mail cannot be delivered until `start`. */
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = undefined;
        if (!s) resolve();
        else s.close(() => resolve());
      }),
    start: () => (server ? Promise.resolve() : listen()),
  };
}

export type MailServer = Awaited<ReturnType<typeof startMailServer>>;
