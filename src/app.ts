import { Hono } from 'hono';
import type { Context } from 'hono';
import type { ServiceConfig } from './config.js';
import { withLiveUpdates } from './live/publish.js';
import { apiCors } from './middleware/cors.js';
import { fail, type Logger } from './middleware/answer.js';
import { answerErrors } from './middleware/errors.js';
import { serviceWords, wordsFor } from './middleware/language.js';
import { SERVICE_WORDS, type ServiceCatalogue } from './messages/index.js';
import { listedOrigin, originGuard } from './middleware/origin.js';
import { MAX_STORED_COMMENT_BYTES } from './policy/request-size.js';
import type { CommentRepository } from './repository/types.js';
import { admin } from './routes/admin.js';
import { adminPage } from './routes/admin-page.js';
import { auth } from './routes/auth.js';
import { counts } from './routes/counts.js';
import { FEEDS_PATH, feeds } from './routes/feeds.js';
import { fragment } from './routes/fragment.js';
import { health, storageHealth } from './routes/health.js';
import { live } from './routes/live.js';
import { mailLinks } from './routes/mail-links.js';
import { seedPage } from './routes/pages.js';
import { subscriptions } from './routes/subscriptions.js';
import { threads } from './routes/threads.js';

export type { Logger } from './middleware/answer.js';

export interface AppOptions {
  repository: CommentRepository;
  config: ServiceConfig;
  /** The client's address for rate limits; the server adapter knows it. */
  address?: (c: Context) => string | undefined;
  now?: () => Date;
  /** Where an operator's warnings and errors go; default the console. */
  logger?: Logger;
  /** The words of the service's pages and answers: the shipped ones unless the site gave its own. */
  words?: ServiceCatalogue;
}

/**
 * The comment service as a standard fetch handler (Hono): it runs on Node through
 * @hono/node-server, and wherever else Hono runs given a repository. Routes by resource;
 * the decisions they take are pure functions in `policy/`.
 */
export function createApp({
  repository,
  config,
  address,
  now = () => new Date(),
  logger = console,
  words = SERVICE_WORDS,
}: AppOptions) {
  // Every route below writes through this, so each change to what a thread shows is told live.
  repository = withLiveUpdates(repository, { logger, config });
  const app = new Hono();
  const storage = storageHealth(repository, { room: MAX_STORED_COMMENT_BYTES });
  const listed = listedOrigin(config.origins);

  // First, so every answer below, refusals and errors included, speaks in these words.
  app.use(serviceWords(words));

  app.use(
    '/api/*',
    originGuard({
      allowed: config.origins,
      setting: 'DATELINE_ORIGINS',
      logger,
    }),
  );
  app.use(
    '/api/*',
    apiCors({
      allowed: listed,
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowHeaders: [
        'Content-Type',
        'Idempotency-Key',
        'Authorization',
        'If-None-Match',
        'Last-Event-ID',
      ],
      exposeHeaders: ['ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );

  app.route('/api/health', health(storage));
  app.route('/api/counts', counts({ repository }));
  app.route('/api/live', live({ repository, config, address, now, logger }));
  app.route(
    '/api/threads',
    threads({ repository, config, address, now, logger }),
  );
  app.route('/api/threads', fragment({ repository, config }));
  app.route('/api/admin', admin({ repository, config, now }));
  app.route('/admin', adminPage());
  app.route('/', auth({ repository, config, address, now, logger }));
  app.route('/', mailLinks({ repository, config, address, now, logger }));
  app.route('/', subscriptions({ repository, config, address, now, logger }));
  app.route(FEEDS_PATH, feeds({ repository, config, now, logger }));
  app.route('/', seedPage({ repository }));

  app.all('/api/*', (c) =>
    fail(c, 404, {
      code: 'not-found',
      message: wordsFor(c).say('api-not-found', {
        method: c.req.method,
        path: new URL(c.req.url).pathname,
      }),
    }),
  );

  app.onError(
    answerErrors({
      logger,
      onStorageProblem: (error) => storage.failed(error),
    }),
  );

  return app;
}
