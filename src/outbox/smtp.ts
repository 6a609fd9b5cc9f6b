import nodemailer from 'nodemailer';
import type { MailAddress } from '../config.js';
import type { Mail } from './mails.js';

/** A mail on its way to one recipient. */
export interface OutgoingMail extends Mail {
  to: string;
  /**
   * The same for every attempt at one message, so a recipient's mail system can tell a
   * resent copy from a new mail (`<…@host>`).
   */
  messageId: string;
}

/** Sends mail: SMTP in the service, anything that keeps what it is given in tests. */
export interface Mailer {
  /** Resolves once the server accepted the mail; rejects with a `MailFailure`. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * A mail the server did not accept. `permanent` when retrying cannot help (the server
 * refused the recipient or the message for good); otherwise it is tried again later.
 * `message` is safe to log: it never holds the password.
 */
export class MailFailure extends Error {
  override name = 'MailFailure';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** SMTP's timeouts, short enough that a claim's lease always outlasts one attempt. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
} as const;

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/** Whether the server's answer means no retry will ever be accepted. */
function isPermanent(error: SmtpError): boolean {
  const code = error.responseCode ?? 0;
  // A refused recipient or message (5xx) is final; a refused login is the operator's to fix,
  // and mail waiting meanwhile goes out once they have.
  return (
    code >= 500 && (error.code === 'EENVELOPE' || error.code === 'EMESSAGE')
  );
}

/** Mail through the server of DATELINE_SMTP_URL, with nodemailer. */
export function smtpMailer({
  url,
  from,
}: {
  url: string;
  from: MailAddress;
}): Mailer {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const password = decodeURIComponent(parsed.password);
  const transport = nodemailer.createTransport({
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username
      ? {
          auth: {
            user: decodeURIComponent(parsed.username),
            pass: password,
          },
        }
      : {}),
    ...SMTP_TIMEOUTS,
    // What is sent is made here, never read from files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const scrub = (text: string) =>
    password ? text.split(password).join('****') : text;
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: from.name
            ? { name: from.name, address: from.address }
            : from.address,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: mail.headers,
          messageId: mail.messageId,
        });
      } catch (error) {
        const e = (error ?? {}) as SmtpError;
        const detail = [e.code, e.responseCode].filter(Boolean).join(' ');
        throw new MailFailure(
          scrub(
            `${(e.message ?? String(error)).slice(0, 300)}${detail ? ` (${detail})` : ''}`,
          ),
          isPermanent(e),
        );
      }
    },
    close: () => transport.close(),
  };
}
