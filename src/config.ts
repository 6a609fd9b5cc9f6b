import { isIP } from 'node:net';
import { resolve } from 'node:path';
import * as z from 'zod/mini';

export const MODERATION_POLICIES = ['first-time', 'all', 'none'] as const;
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number];

/** Everything the service can be told, from the environment. Documented in the README. */
export interface ServiceConfig {
  port: number;
  /** The address to listen on: 127.0.0.1 (this machine only) unless HOST says otherwise. */
  host: string;
  /** The SQLite file, as an absolute path (or `:memory:`). */
  database: string;
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
});

export type SettingName = keyof typeof SettingsSchema.shape;
export const SETTING_NAMES = Object.keys(
  SettingsSchema.shape,
) as readonly SettingName[];

/** What each setting must be, in the words of the message that refuses it. */
const EXPECTED: Record<SettingName, string> = {
  PORT: 'a port number from 0 to 65535',
  HOST: 'an IP address or host name to listen on, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
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
  const database = s.DATELINE_DB ?? defaults.database ?? DEFAULTS.database;
  return {
    port: s.PORT ?? defaults.port ?? DEFAULTS.port,
    host: s.HOST ?? defaults.host ?? DEFAULTS.host,
    database: database === ':memory:' ? database : resolve(database),
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
  };
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
