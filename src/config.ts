import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { NewCommentSchema } from '@dateline/core';
import * as z from 'zod/mini';

export const MODERATION_POLICIES = ['first-time', 'all', 'none'] as const;
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number];

/** Everything the service can be told, from the environment. Documented in the README. */
export interface ServiceConfig {
  port: number;
  /** The address to listen on: 127.0.0.1 (this machine only) unless HOST says otherwise. */
  host: string;
  /** The SQLite file, as an absolute path (or `:memory:`); not used when `databaseUrl` is set. */
  database: string;
  /**
   * The PostgreSQL database (DATABASE_URL, `postgres://…` or `postgresql://…`): when set, it
   * holds the comments instead of the SQLite file, and any number of instances may share it.
   * May hold a password: never print it (`shownDatabaseUrl` masks it).
   */
  databaseUrl: string | undefined;
  /** Bearer token for moderation; without one, moderation is off. */
  adminToken: string | undefined;
  moderation: ModerationPolicy;
  /** Other origins whose pages may call the API (same-origin always may), as browsers send them. */
  origins: string[];
  /**
   * How many reverse proxies stand in front of the service: 0 reads the socket's address, n
   * takes the n-th X-Forwarded-For entry from the right (the one the outermost proxy wrote).
   */
  trustProxy: number;
  /** Seconds an address must wait between two posts; 0 turns the limit off. */
  floodSeconds: number;
  /** More links than this hold a comment for moderation. */
  maxLinks: number;
  /** Seconds a client has to send one whole request, headers and body. */
  requestSeconds: number;
  /** Seconds requests in flight get to finish after SIGTERM or SIGINT. */
  shutdownSeconds: number;
  /** The moderators' addresses, as listed: who may sign in by mail and is told of held comments. */
  moderators: string[];
  /**
   * The mail server, `smtp://user:password@host:587` or `smtps://…`; without one no mail is
   * sent. Holds a password: never print it (`shownSmtpUrl` masks it).
   */
  smtpUrl: string | undefined;
  /** Who mail comes from. */
  mailFrom: MailAddress | undefined;
  /**
   * Where people reach the service, links in mail included: an http(s) origin and an optional
   * path, without a trailing slash. Session cookies are Secure when it is https.
   */
  publicUrl: string | undefined;
  /** Seconds before the first retry of a message that could not be sent; each retry waits twice as long. */
  mailRetrySeconds: number;
  /**
   * Where webhooks are posted: the operator's own http(s) URLs, never one a reader chose. A URL
   * may hold a secret (Slack's do, in the path): print only its origin.
   */
  webhooks: string[];
  /** The Standard Webhooks signing secret, `whsec_` and base64; set whenever `webhooks` is. Never print it. */
  webhookSecret: string | undefined;
  /**
   * A JSON file of the site's own words for the service's pages and mails, by language and
   * code (see `withSiteWords`), as an absolute path; read once, at start.
   */
  wordsFile: string | undefined;
}

/** A mail address with an optional display name, as in `Dateline <comments@news.example>`. */
export interface MailAddress {
  name?: string;
  address: string;
}

export const DEFAULTS = {
  port: 4321,
  // Loopback, so a service started without thought is not open to the network, and a proxy's
  // X-Forwarded-For cannot be forged by anyone who reaches the port directly.
  host: '127.0.0.1',
  database: '.data/dateline.sqlite',
  moderation: 'first-time',
  trustProxy: 0,
  floodSeconds: 15,
  maxLinks: 2,
  requestSeconds: 30,
  shutdownSeconds: 10,
  mailRetrySeconds: 60,
} as const satisfies Partial<ServiceConfig>;

/** One setting failed; `problems` holds one sentence per bad setting, naming it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** A DNS name: labels of letters, digits and inner hyphens; each label is bounded, so linear. */
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV6_HOST = /^\[[0-9A-Fa-f:.]+\]$/;

function isOrigin(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    !/[?#]/.test(text) &&
    // Browsers send origins with a plain host: a "*" or other oddity would never match one.
    (HOST_NAME.test(url.hostname) || IPV6_HOST.test(url.hostname))
  );
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** One definition of an email address: the one the comment form checks. */
const EmailSchema = NewCommentSchema.shape.author.shape.email;

/**
 * An SMTP URL nodemailer can use: `smtp:` or `smtps:`, a host, an optional port, optional
 * credentials, nothing else (a path or query would be ignored or change how mail is sent).
 */
function isSmtpUrl(text: string): boolean {
  const url = parsedUrl(text);
  return (
    url !== undefined &&
    (url.protocol === 'smtp:' || url.protocol === 'smtps:') &&
    (HOST_NAME.test(url.hostname) || IPV6_HOST.test(url.hostname)) &&
    (url.pathname === '' || url.pathname === '/') &&
    url.search === '' &&
    url.hash === '' &&
    (url.password === '' || url.username !== '')
  );
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * An SMTP URL as it may be printed: whatever stands between the first `:` after `//` and the
 * last `@` replaced by `****`. Read as text, not as a URL, so a password with a character
 * that should have been escaped (`/`, `?`, `@`) is masked whole. A value without `//` is not
 * shown, since where its password is cannot be told.
 */
export function shownSmtpUrl(text: string): string | undefined {
  const start = text.indexOf('//');
  if (start === -1) return undefined;
  const at = text.lastIndexOf('@');
  if (at < start) return text;
  const colon = text.indexOf(':', start);
  if (colon === -1 || colon > at) return text;
  return `${text.slice(0, colon)}:****${text.slice(at)}`;
}

/**
 * A PostgreSQL URL as it may be printed: the password masked as in `shownSmtpUrl`, and the
 * query (which may hold `password=` or key files) left out. `undefined` when where its
 * password is cannot be told.
 *
 * @example
 * shownDatabaseUrl('postgres://dateline:secret@db.internal/comments?sslmode=require')
 * // 'postgres://dateline:****@db.internal/comments?…'
 */
export function shownDatabaseUrl(text: string): string | undefined {
  const masked = shownSmtpUrl(text);
  if (masked === undefined) return undefined;
  const query = masked.search(/[?#]/);
  return query === -1 ? masked : `${masked.slice(0, query)}?…`;
}

/**
 * A URL node-postgres connects with: `postgres:` or `postgresql:`, a host (a name, an IP
 * address, or a unix socket folder as `?host=/run/postgresql`), an optional port, user and
 * password, an optional database name, options in the query; no fragment.
 */
function isPostgresUrl(text: string): boolean {
  if (text.length > 2048 || text.includes('#')) return false;
  const url = parsedUrl(text);
  if (
    url === undefined ||
    (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
  )
    return false;
  const socket = url.searchParams.get('host');
  const host =
    HOST_NAME.test(url.hostname) ||
    IPV6_HOST.test(url.hostname) ||
    (url.hostname === '' && socket !== null && socket.startsWith('/'));
  return (
    host &&
    /^(?:\/[^/]*)?$/.test(url.pathname) &&
    (url.password === '' || url.username !== '')
  );
}

/** Control characters and line breaks: none may reach a mail header. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose.
const HEADER_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** `Name <address>` or a bare address; the name may not hold what a header cannot carry. */
function mailAddress(text: string): MailAddress | undefined {
  const open = text.lastIndexOf('<');
  const bare = open === -1;
  if (!bare && !text.endsWith('>')) return undefined;
  const address = bare ? text : text.slice(open + 1, -1).trim();
  const name = bare
    ? ''
    : text
        .slice(0, open)
        .trim()
        .replace(/^"(.*)"$/, '$1');
  if (!EmailSchema.safeParse(address).success) return undefined;
  if (HEADER_UNSAFE.test(name) || /[<>]/.test(name) || name.length > 200)
    return undefined;
  return name ? { name, address } : { address };
}

/**
 * A URL to post webhooks to: http(s), a host, any path and query; no credentials (a receiver
 * that wants a secret gets one from the signature) and no fragment (it is never sent).
 */
function isWebhookUrl(text: string): boolean {
  const url = parsedUrl(text);
  return (
    url !== undefined &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    !text.includes('#') &&
    (HOST_NAME.test(url.hostname) || IPV6_HOST.test(url.hostname))
  );
}

/** The Standard Webhooks bounds for a signing key, in bytes. */
export const WEBHOOK_SECRET_BYTES = { min: 24, max: 64 } as const;
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The signing key behind a `whsec_…` secret, or undefined when it is not one of fitting length. */
export function webhookKey(secret: string): Buffer | undefined {
  if (!secret.startsWith('whsec_')) return undefined;
  const encoded = secret.slice('whsec_'.length);
  // Bounded before the pattern runs, so no length of input costs more than a glance.
  if (encoded.length > 4 * Math.ceil(WEBHOOK_SECRET_BYTES.max / 3))
    return undefined;
  if (!BASE64.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  return key.length >= WEBHOOK_SECRET_BYTES.min &&
    key.length <= WEBHOOK_SECRET_BYTES.max
    ? key
    : undefined;
}

/** An http(s) origin with an optional path, no credentials, query or fragment. */
function isPublicUrl(text: string): boolean {
  const url = parsedUrl(text);
  return (
    url !== undefined &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    !/[?#]/.test(text) &&
    (HOST_NAME.test(url.hostname) || IPV6_HOST.test(url.hostname))
  );
}

const wholeNumber = (digits: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(new RegExp(`^\\d{1,${digits}}$`))),
    z.pipe(z.transform(Number), z.number().check(z.lte(max))),
  );

const SWITCHES: ReadonlyMap<string, number> = new Map([
  ['true', 1],
  ['yes', 1],
  ['on', 1],
  ['false', 0],
  ['no', 0],
  ['off', 0],
]);

/**
 * The settings as they arrive: every one optional, already trimmed, an empty value counting
 * as unset. Messages are not here: `problem()` words them from the setting and the issue code.
 */
const SettingsSchema = z.object({
  PORT: z.optional(wholeNumber(5, 65_535)),
  HOST: z.optional(
    z.pipe(
      z
        .string()
        .check(
          z.refine(
            (h) =>
              isIP(h) !== 0 ||
              HOST_NAME.test(h) ||
              (IPV6_HOST.test(h) && isIP(h.slice(1, -1)) === 6),
          ),
        ),
      z.transform((h) => (h.startsWith('[') ? h.slice(1, -1) : h)),
    ),
  ),
  DATABASE_URL: z.optional(z.string().check(z.refine(isPostgresUrl))),
  DATELINE_DB: z.optional(
    z
      .string()
      .check(z.refine((path) => !path.includes('\0') && !/[/\\]$/.test(path))),
  ),
  DATELINE_MODERATION: z.optional(
    z.pipe(
      z.transform((s: string) => s.toLowerCase()),
      z.enum(MODERATION_POLICIES),
    ),
  ),
  DATELINE_ADMIN_TOKEN: z.optional(
    z.string().check(
      z.minLength(16),
      z.maxLength(1024),
      // A bearer token travels in a header: visible ASCII, no spaces.
      z.regex(/^[\x21-\x7e]*$/),
    ),
  ),
  DATELINE_ORIGINS: z.optional(
    z.pipe(
      z.transform(splitList),
      z.array(
        z.pipe(
          z.string().check(z.refine(isOrigin)),
          z.transform((o) => new URL(o).origin),
        ),
      ),
    ),
  ),
  DATELINE_TRUST_PROXY: z.optional(
    z.pipe(
      z.transform((s: string) => s.toLowerCase()),
      z.union([
        wholeNumber(2, 99),
        z.pipe(
          z.string().check(z.refine((s) => SWITCHES.has(s))),
          z.transform((s) => SWITCHES.get(s)!),
        ),
      ]),
    ),
  ),
  DATELINE_FLOOD_SECONDS: z.optional(wholeNumber(5, 86_400)),
  DATELINE_REQUEST_SECONDS: z.optional(
    z.pipe(wholeNumber(3, 300), z.number().check(z.gte(1))),
  ),
  DATELINE_SHUTDOWN_SECONDS: z.optional(wholeNumber(3, 600)),
  DATELINE_MODERATORS: z.optional(
    z.pipe(z.transform(splitList), z.array(z.pipe(z.string(), EmailSchema))),
  ),
  DATELINE_SMTP_URL: z.optional(z.string().check(z.refine(isSmtpUrl))),
  DATELINE_MAIL_FROM: z.optional(
    z.pipe(
      z.string().check(z.refine((s) => mailAddress(s) !== undefined)),
      z.transform((s) => mailAddress(s)!),
    ),
  ),
  DATELINE_PUBLIC_URL: z.optional(
    z.pipe(
      z.string().check(z.refine(isPublicUrl)),
      z.transform((s) => new URL(s).href.replace(/\/+$/, '')),
    ),
  ),
  DATELINE_MAIL_RETRY_SECONDS: z.optional(
    z.pipe(wholeNumber(4, 3600), z.number().check(z.gte(1))),
  ),
  DATELINE_WEBHOOKS: z.optional(
    z.pipe(
      z.transform(splitList),
      z.array(
        z.pipe(
          z.string().check(z.maxLength(2048), z.refine(isWebhookUrl)),
          z.transform((u) => new URL(u).href),
        ),
      ),
    ),
  ),
  DATELINE_WEBHOOK_SECRET: z.optional(
    z.string().check(z.refine((s) => webhookKey(s) !== undefined)),
  ),
  DATELINE_WORDS: z.optional(
    z
      .string()
      .check(z.refine((path) => !path.includes('\0') && !/[/\\]$/.test(path))),
  ),
});

export type SettingName = keyof typeof SettingsSchema.shape;
export const SETTING_NAMES = Object.keys(
  SettingsSchema.shape,
) as readonly SettingName[];

/** What each setting must be, in the words of the message that refuses it. */
const EXPECTED: Record<SettingName, string> = {
  PORT: 'a port number from 0 to 65535',
  HOST: 'an IP address or host name to listen on, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  DATABASE_URL:
    'a PostgreSQL URL such as postgres://dateline:password@db.example:5432/dateline (postgres:// or postgresql://, a user, a host and a database name; a password with @ : / ? # or % in it percent-encoded)',
  DATELINE_DB: 'the path of the SQLite file, not of a folder',
  DATELINE_MODERATION: `one of ${MODERATION_POLICIES.join(', ')}`,
  DATELINE_ADMIN_TOKEN: 'at least 16 characters long',
  DATELINE_ORIGINS:
    'a comma-separated list of origins such as https://news.example',
  DATELINE_TRUST_PROXY:
    'the number of reverse proxies in front of Dateline (0 for none, 1 for one such as nginx)',
  DATELINE_FLOOD_SECONDS:
    'a whole number of seconds from 0 (no limit) to 86400 (a day)',
  DATELINE_REQUEST_SECONDS: 'a whole number of seconds from 1 to 300',
  DATELINE_SHUTDOWN_SECONDS: 'a whole number of seconds from 0 to 600',
  DATELINE_MODERATORS:
    'a comma-separated list of email addresses such as editor@news.example',
  DATELINE_SMTP_URL:
    'a mail server URL such as smtp://user:password@mail.example:587 or smtps://user:password@mail.example:465 (a scheme, credentials, a host and a port; no path or query)',
  DATELINE_MAIL_FROM:
    'the address mail comes from, such as comments@news.example or Dateline <comments@news.example>',
  DATELINE_PUBLIC_URL:
    'the address people open the service at, such as https://comments.news.example (http or https, a host, an optional path; no query)',
  DATELINE_MAIL_RETRY_SECONDS: 'a whole number of seconds from 1 to 3600',
  DATELINE_WEBHOOKS:
    'a comma-separated list of http(s) URLs to post webhooks to, such as https://hooks.slack.com/… (no user name or password)',
  DATELINE_WEBHOOK_SECRET: `a Standard Webhooks secret: whsec_ and the base64 of ${WEBHOOK_SECRET_BYTES.min} to ${WEBHOOK_SECRET_BYTES.max} random bytes; make one with \`echo whsec_$(openssl rand -base64 32)\``,
  DATELINE_WORDS:
    'the path of a JSON file with the site’s own words for the service’s pages and mails, not of a folder',
};

/** A value quoted on one line, however it is made, and short enough to read. */
function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return JSON.stringify(shown);
}

function problem(
  issue: z.core.$ZodIssue,
  settings: Record<SettingName, string | undefined>,
): string {
  const name = issue.path[0] as SettingName;
  const value = settings[name] ?? '';
  if (name === 'DATELINE_ADMIN_TOKEN') {
    // Never echo a secret into a log.
    return issue.code === 'invalid_format'
      ? 'DATELINE_ADMIN_TOKEN may hold only visible ASCII characters, without spaces; make one with `openssl rand -hex 32`.'
      : issue.code === 'too_big'
        ? 'DATELINE_ADMIN_TOKEN must be at most 1024 characters long.'
        : 'DATELINE_ADMIN_TOKEN must be at least 16 characters long; make one with `openssl rand -hex 32`.';
  }
  if (name === 'DATELINE_SMTP_URL') {
    // Never echo a password into a log: the value is shown masked, or not at all.
    const shown = shownSmtpUrl(value);
    return `${name} must be ${EXPECTED[name]}, not ${shown === undefined ? 'what it is (not shown: it may hold a password)' : quote(shown)}.`;
  }
  if (name === 'DATABASE_URL') {
    // Never echo a password into a log: the value is shown masked, or not at all.
    const shown = shownDatabaseUrl(value);
    return `${name} must be ${EXPECTED[name]}, not ${shown === undefined ? 'what it is (not shown: it may hold a password)' : quote(shown)}.`;
  }
  if (name === 'DATELINE_WEBHOOK_SECRET')
    // Never echo a secret into a log.
    return `${name} must be ${EXPECTED[name]}.`;
  if (name === 'DATELINE_WEBHOOKS') {
    // Only the origin: the rest of a webhook URL is often a secret.
    const url =
      typeof issue.path[1] === 'number'
        ? (splitList(value)[issue.path[1]] ?? '')
        : value;
    const origin = parsedUrl(url)?.origin;
    const what =
      origin && origin !== 'null' ? `a URL at ${quote(origin)}` : 'a value';
    return `DATELINE_WEBHOOKS lists ${what} that is not an http(s) URL to post webhooks to, such as https://hooks.news.example/dateline (a scheme, a host, a path; no user name or password, no #).`;
  }
  if (name === 'DATELINE_MODERATORS' && typeof issue.path[1] === 'number') {
    const address = splitList(value)[issue.path[1]] ?? '';
    return `DATELINE_MODERATORS lists ${quote(address)}, which is not an email address such as editor@news.example.`;
  }
  if (name === 'DATELINE_ORIGINS' && typeof issue.path[1] === 'number') {
    const origin = splitList(value)[issue.path[1]] ?? '';
    return `DATELINE_ORIGINS lists ${quote(origin)}, which is not an origin such as https://news.example (a scheme, a host and an optional port; no path, no "*").`;
  }
  return `${name} must be ${EXPECTED[name]}, not ${quote(value)}.`;
}

/**
 * Reads and checks every setting. A bad value is never replaced by a default: it throws a
 * `ConfigError` that names the setting, what it must be and what it was.
 *
 * @example
 * readConfig({ DATELINE_FLOOD_SECONDS: 'abc' })
 * // ConfigError: DATELINE_FLOOD_SECONDS must be a whole number of seconds from 0 (no limit) to 86400 (a day), not "abc".
 */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaults: Partial<ServiceConfig> = {},
): ServiceConfig {
  const settings = {} as Record<SettingName, string | undefined>;
  for (const name of SETTING_NAMES) {
    const raw = Object.hasOwn(env, name) ? env[name] : undefined;
    settings[name] =
      typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
  }
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const byName = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (!byName.has(name)) byName.set(name, problem(issue, settings));
    }
    throw new ConfigError([...byName.values()]);
  }
  const s = parsed.data;
  const smtpUrl = s.DATELINE_SMTP_URL ?? defaults.smtpUrl;
  const mailFrom = s.DATELINE_MAIL_FROM ?? defaults.mailFrom;
  const publicUrl = s.DATELINE_PUBLIC_URL ?? defaults.publicUrl;
  if (smtpUrl) {
    // Mail that cannot say who sent it, or whose links lead nowhere, is not sent at all.
    const missing: string[] = [];
    if (!mailFrom)
      missing.push(
        'DATELINE_MAIL_FROM must be set when DATELINE_SMTP_URL is: the address mail comes from, such as Dateline <comments@news.example>.',
      );
    if (!publicUrl)
      missing.push(
        'DATELINE_PUBLIC_URL must be set when DATELINE_SMTP_URL is: the address people open the service at, which the links in mail use, such as https://comments.news.example.',
      );
    if (missing.length) throw new ConfigError(missing);
  }
  const webhooks = [...new Set(s.DATELINE_WEBHOOKS ?? defaults.webhooks ?? [])];
  const webhookSecret = s.DATELINE_WEBHOOK_SECRET ?? defaults.webhookSecret;
  if (webhooks.length && !webhookSecret)
    // An unsigned webhook could be forged by anyone who learns the URL.
    throw new ConfigError([
      `DATELINE_WEBHOOK_SECRET must be set when DATELINE_WEBHOOKS is: ${EXPECTED.DATELINE_WEBHOOK_SECRET}.`,
    ]);
  const moderators = new Map<string, string>();
  for (const address of s.DATELINE_MODERATORS ?? defaults.moderators ?? [])
    if (!moderators.has(address.toLowerCase()))
      moderators.set(address.toLowerCase(), address);
  const database = s.DATELINE_DB ?? defaults.database ?? DEFAULTS.database;
  return {
    port: s.PORT ?? defaults.port ?? DEFAULTS.port,
    host: s.HOST ?? defaults.host ?? DEFAULTS.host,
    database: database === ':memory:' ? database : resolve(database),
    databaseUrl: s.DATABASE_URL ?? defaults.databaseUrl,
    adminToken: s.DATELINE_ADMIN_TOKEN ?? defaults.adminToken,
    moderation:
      s.DATELINE_MODERATION ?? defaults.moderation ?? DEFAULTS.moderation,
    origins: s.DATELINE_ORIGINS ?? defaults.origins ?? [],
    trustProxy:
      s.DATELINE_TRUST_PROXY ?? defaults.trustProxy ?? DEFAULTS.trustProxy,
    floodSeconds:
      s.DATELINE_FLOOD_SECONDS ??
      defaults.floodSeconds ??
      DEFAULTS.floodSeconds,
    maxLinks: defaults.maxLinks ?? DEFAULTS.maxLinks,
    requestSeconds:
      s.DATELINE_REQUEST_SECONDS ??
      defaults.requestSeconds ??
      DEFAULTS.requestSeconds,
    shutdownSeconds:
      s.DATELINE_SHUTDOWN_SECONDS ??
      defaults.shutdownSeconds ??
      DEFAULTS.shutdownSeconds,
    moderators: [...moderators.values()],
    smtpUrl,
    mailFrom,
    publicUrl,
    mailRetrySeconds:
      s.DATELINE_MAIL_RETRY_SECONDS ??
      defaults.mailRetrySeconds ??
      DEFAULTS.mailRetrySeconds,
    webhooks,
    webhookSecret,
    wordsFile:
      s.DATELINE_WORDS === undefined
        ? defaults.wordsFile
        : resolve(s.DATELINE_WORDS),
  };
}

/** Whether `email` is one of the moderators, ignoring case as mail systems do in practice. */
export function isModerator(
  config: Pick<ServiceConfig, 'moderators'>,
  email: string,
): boolean {
  const wanted = email.toLowerCase();
  return config.moderators.some((m) => m.toLowerCase() === wanted);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1)
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * `DATELINE_*` variables the service does not know, each with a warning to print: a misspelt
 * setting would otherwise be ignored without a word.
 */
export function unknownSettings(
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const known = new Set<string>(SETTING_NAMES);
  return Object.keys(env)
    .filter((name) => name.startsWith('DATELINE_') && !known.has(name))
    .map((name) => {
      const near =
        name.length > 64
          ? []
          : SETTING_NAMES.filter(
              (s) => s.startsWith('DATELINE_') && distance(name, s) <= 3,
            );
      return `${name} is not a Dateline setting and is ignored${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}.`;
    });
}
