import { resolve } from 'node:path';

export type ModerationPolicy = 'first-time' | 'all' | 'none';

/** Everything the service can be told, from the environment. Documented in the README. */
export interface ServiceConfig {
  port: number;
  /** The SQLite file. */
  database: string;
  /** Bearer token for moderation; without one, moderation is off. */
  adminToken: string | undefined;
  moderation: ModerationPolicy;
  /** Other origins whose pages may call the API (same-origin always may). */
  origins: string[];
  /** Whether to read the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** Seconds an address must wait between two posts. */
  floodSeconds: number;
  /** More links than this hold a comment for moderation. */
  maxLinks: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const POLICIES: readonly ModerationPolicy[] = ['first-time', 'all', 'none'];

export function readConfig(
  env: Record<string, string | undefined>,
  defaults: Partial<ServiceConfig> = {},
): ServiceConfig {
  const port = Number(env.PORT ?? defaults.port ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(
      `PORT must be a port number from 0 to 65535, not "${env.PORT}".`,
    );
  const moderation = (env.DATELINE_MODERATION ??
    defaults.moderation ??
    'first-time') as ModerationPolicy;
  if (!POLICIES.includes(moderation)) {
    throw new ConfigError(
      `DATELINE_MODERATION must be one of ${POLICIES.join(', ')}, not "${env.DATELINE_MODERATION}".`,
    );
  }
  const origins = (env.DATELINE_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new ConfigError(
        `DATELINE_ORIGINS lists "${origin}", which is not an origin such as https://news.example.`,
      );
  }
  const token = env.DATELINE_ADMIN_TOKEN?.trim();
  if (token !== undefined && token !== '' && token.length < 16) {
    throw new ConfigError(
      'DATELINE_ADMIN_TOKEN must be at least 16 characters long; make one with `openssl rand -hex 32`.',
    );
  }
  return {
    port,
    database: resolve(
      env.DATELINE_DB ?? defaults.database ?? '.data/dateline.sqlite',
    ),
    adminToken: token || undefined,
    moderation,
    origins,
    trustProxy:
      env.DATELINE_TRUST_PROXY === '1' || env.DATELINE_TRUST_PROXY === 'true',
    floodSeconds: Number(
      env.DATELINE_FLOOD_SECONDS ?? defaults.floodSeconds ?? 15,
    ),
    maxLinks: defaults.maxLinks ?? 2,
  };
}
