/**
 * The comment service: `npm start` runs it with `--demo`.
 *
 *   PORT=4321 DATELINE_DB=.data/dateline.sqlite tsx src/server.ts
 *   DATABASE_URL=postgres://dateline:…@db.internal/dateline tsx src/server.ts
 *
 * Settings are read and checked first; a bad one, a database that cannot be written or a port
 * that is taken stops it with one line that says which. SIGTERM and SIGINT let requests in
 * flight finish (DATELINE_SHUTDOWN_SECONDS at most), then close the database and exit.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ArticleSchema } from '@dateline/core';
import { Hono } from 'hono';
import { createApp } from './app.js';
import type { ServiceCatalogue } from './messages/index.js';
import { readSiteWords } from './messages/overrides.js';
import {
  ConfigError,
  isModerator,
  readConfig,
  type ServiceConfig,
  shownDatabaseUrl,
  shownSmtpUrl,
  unknownSettings,
} from './config.js';
import { addressForLimits, clientAddress } from './node/client-address.js';
import { graceful, handlerTracker, httpServerOptions } from './node/http.js';
import {
  databaseFailure,
  databaseProblem,
  listenFailure,
  shownPath,
} from './node/startup.js';
import { SIGN_IN_MS } from './outbox/dispatch.js';
import { signInUrl } from './outbox/mails.js';
import { issueSecret } from './outbox/secrets.js';
import { smtpMailer } from './outbox/smtp.js';
import { createOutboxWorker } from './outbox/worker.js';
import { openPostgresRepository } from './repository/postgres.js';
import { liveHubOf, withLiveUpdates } from './live/publish.js';
import { openSqliteRepository } from './repository/sqlite.js';
import {
  type CommentRepository,
  StorageUnavailableError,
} from './repository/types.js';
import { serverElements } from './render/ssr-elements.js';
import { pages, securityHeaders } from './routes/pages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');
/** Who the local demo signs in as: a moderator that no mail ever reaches. */
const DEMO_MODERATOR = 'demo@localhost';

function cannotStart(message: string): never {
  console.error(`Dateline cannot start: ${message}`);
  process.exit(1);
}

const everyInterface = (host: string) => host === '0.0.0.0' || host === '::';

/** Where a person on this machine opens the service. */
function localUrl(host: string, port: number): string {
  const name = everyInterface(host)
    ? 'localhost'
    : isIP(host) === 6
      ? `[${host}]`
      : host;
  return `http://${name}:${port}`;
}

function startupLines(config: ServiceConfig, port: number): string[] {
  const lines = [`Dateline is running at ${localUrl(config.host, port)}`];
  lines.push(
    everyInterface(config.host)
      ? `  listening on every interface (HOST=${config.host})`
      : `  listening on ${config.host} only${config.host === '127.0.0.1' ? ' (set HOST=0.0.0.0 to accept other machines)' : ''}`,
  );
  lines.push(
    config.databaseUrl
      ? `  comments are stored in PostgreSQL at ${shownDatabaseUrl(config.databaseUrl) ?? 'DATABASE_URL'}${process.env.DATELINE_DB ? ' (DATABASE_URL is set, so DATELINE_DB is not used)' : ''}`
      : `  comments are stored in ${config.database === ':memory:' ? 'memory (lost when it stops)' : shownPath(config.database)}`,
  );
  lines.push(
    config.moderation === 'none'
      ? `  moderation: none${demo ? ' (the local demo publishes every comment at once; set DATELINE_MODERATION=first-time to hold first-time commenters, as WordPress does)' : ''}`
      : `  moderation: ${config.moderation}`,
  );
  if (!config.adminToken && config.moderators.length === 0)
    lines.push(
      '  moderation API: off (set DATELINE_ADMIN_TOKEN, or DATELINE_MODERATORS to sign in by mail)',
    );
  lines.push(
    config.smtpUrl
      ? `  mail: through ${shownSmtpUrl(config.smtpUrl)}, from ${config.mailFrom!.address}, with links to ${config.publicUrl}`
      : '  mail: off (set DATELINE_SMTP_URL, DATELINE_MAIL_FROM and DATELINE_PUBLIC_URL to mail moderators)',
  );
  const listed = config.moderators.filter((m) => m !== DEMO_MODERATOR);
  if (listed.length)
    lines.push(
      `  moderators: ${listed.length} (they sign in at ${config.publicUrl ?? localUrl(config.host, port)}/admin${config.smtpUrl ? '' : ', once mail is set up'})`,
    );
  if (config.wordsFile)
    lines.push(`  words: the site's own, from ${config.wordsFile}`);
  if (config.trustProxy > 0) {
    lines.push(
      `  client addresses: from X-Forwarded-For, behind ${config.trustProxy} ${config.trustProxy === 1 ? 'proxy' : 'proxies'}`,
    );
    if (!isLoopback(config.host))
      lines.push(
        `  warning: DATELINE_TRUST_PROXY is set and port ${port} is open beyond this machine; a client that reaches it without the proxy can claim any address (set HOST=127.0.0.1 if the proxy runs here)`,
      );
  }
  return lines;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** PostgreSQL when DATABASE_URL is set, else the SQLite file. */
async function openDatabase(config: ServiceConfig): Promise<CommentRepository> {
  if (config.databaseUrl) {
    const shown = shownDatabaseUrl(config.databaseUrl) ?? 'DATABASE_URL';
    try {
      return await openPostgresRepository(config.databaseUrl, { name: shown });
    } catch (error) {
      if (error instanceof StorageUnavailableError) {
        const cause = error.cause as { message?: unknown } | undefined;
        const why =
          typeof cause?.message === 'string' && cause.message
            ? `: ${cause.message}`
            : '';
        cannotStart(
          error.problem === 'read-only'
            ? `the PostgreSQL database ${shown} is read-only, and its tables need to be made${why}; give DATABASE_URL a user that may create tables, or a primary rather than a standby.`
            : `the PostgreSQL database ${shown} cannot be used${why}; check that DATABASE_URL names a running server, its user, password and database.`,
        );
      }
      throw error;
    }
  }
  const problem = databaseProblem(config.database);
  if (problem) cannotStart(problem);
  try {
    return openSqliteRepository(config.database);
  } catch (error) {
    const message = databaseFailure(error, config.database);
    if (message) cannotStart(message);
    throw error;
  }
}

/**
 * The local demo's way in: a sign-in link for the demo moderator, printed at start, that
 * works once, for 15 minutes, so a new user reaches the moderation page in one click.
 */
async function demoSignIn(repository: CommentRepository): Promise<string> {
  const { token } = await issueSecret(
    (secret) => repository.createSignInToken(secret),
    DEMO_MODERATOR,
    Date.now(),
    SIGN_IN_MS,
  );
  return token;
}

/**
 * The service serves the seed article's page at /, so moderators and feeds name its thread by
 * the article's headline and link to that page.
 */
async function registerSeedArticle(repository: CommentRepository) {
  const file = join(root, 'examples/data/cambodia-crackdown-2025.json');
  const article = ArticleSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  await repository.setThreadTitle(article.comments.threadId, {
    title: article.headline,
    url: '/',
  });
}

async function main() {
  let config: ServiceConfig;
  try {
    config = readConfig(process.env, demo ? { moderation: 'none' } : {});
  } catch (error) {
    if (error instanceof ConfigError) cannotStart(error.message);
    throw error;
  }
  for (const warning of unknownSettings(process.env))
    console.warn(`Dateline: ${warning}`);
  if (demo && !isModerator(config, DEMO_MODERATOR))
    config = { ...config, moderators: [...config.moderators, DEMO_MODERATOR] };
  // The site's own words, checked before anything is opened: a mail that lost its link or a
  // page in half-checked words is worse than not starting.
  let words: ServiceCatalogue | undefined;
  if (config.wordsFile) {
    const site = readSiteWords(config.wordsFile);
    if (!site.ok) cannotStart(site.problems.join(' '));
    words = site.words;
  }

  const repository = withLiveUpdates(await openDatabase(config), {
    config,
    logger: console,
  });
  await registerSeedArticle(repository);
  const demoToken = demo ? await demoSignIn(repository) : undefined;
  const mailer =
    config.smtpUrl && config.mailFrom
      ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom })
      : undefined;
  // Runs without a mail server too: what happened is still recorded, and then let go.
  const outbox = createOutboxWorker({
    repository,
    config,
    mailer,
    logger: console,
    words,
  });
  const site = new Hono();
  // First, so every answer gets the headers, the API's and the error handler's included.
  site.use(securityHeaders());
  site.route(
    '/',
    createApp({
      repository,
      config,
      words,
      address: (c) => {
        const address = clientAddress(
          c.req.header('x-forwarded-for'),
          getConnInfo(c).remote.address,
          config.trustProxy,
        );
        return address && addressForLimits(address);
      },
    }),
  );
  site.route('/', pages({ root }));
  site.notFound((c) => c.text('Not found. The seed article is at /.', 404));

  const handlers = handlerTracker();
  const server = serve(
    {
      fetch: handlers.wrap(site.fetch),
      port: config.port,
      hostname: config.host,
      serverOptions: httpServerOptions(config),
    },
    (info) => {
      const lines = startupLines(config, info.port);
      if (demoToken)
        lines.push(
          `  moderate: open ${signInUrl(config.publicUrl ?? localUrl(config.host, info.port), demoToken)} to sign in as ${DEMO_MODERATOR} (works once, for 15 minutes)`,
        );
      // One write, so whoever waits for the first line has them all.
      console.log(lines.join('\n'));
      outbox.start();
      // The server's renderer compiles the elements once (about a second): now, rather than
      // while the first reader waits for the seed page. A failure is told on that request.
      serverElements().catch(() => {});
    },
  ) as Server;
  server.on('error', (error) => {
    if (server.listening) {
      console.error(error);
      return;
    }
    void repository.close();
    const message = listenFailure(error, config.host, config.port);
    if (message) cannotStart(message);
    throw error;
  });

  const lifecycle = graceful(server);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`Dateline: ${signal} again, dropping what is still running.`);
      void lifecycle.stop(0);
      return;
    }
    stopping = true;
    // Live streams never finish by themselves: pages reconnect after the restart.
    await liveHubOf(repository)?.close();
    const inFlight = lifecycle.inFlight;
    console.log(
      inFlight
        ? `Dateline is stopping (${signal}): finishing ${inFlight} ${inFlight === 1 ? 'request' : 'requests'}, for ${config.shutdownSeconds} s at most.`
        : `Dateline is stopping (${signal}).`,
    );
    const { dropped } = await lifecycle.stop(config.shutdownSeconds * 1000);
    // Handlers whose connection was dropped still settle before the database closes.
    await handlers.settled(1000);
    // A mail being sent finishes and is recorded; what waits is sent after the next start.
    await outbox.stop(config.shutdownSeconds * 1000);
    mailer?.close();
    // PostgreSQL's connections end cleanly before the process does.
    await repository.close();
    console.log(
      dropped
        ? `Dateline stopped; ${dropped} ${dropped === 1 ? 'request' : 'requests'} still running after ${config.shutdownSeconds} s ${dropped === 1 ? 'was' : 'were'} dropped.`
        : 'Dateline stopped.',
    );
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
