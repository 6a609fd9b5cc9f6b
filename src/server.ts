/**
 * The comment service: `npm start` runs it with `--demo`.
 *
 *   PORT=4321 DATELINE_DB=.data/dateline.sqlite tsx src/server.ts
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { openSqliteRepository } from './repository/sqlite.js';
import { serveExamples } from './static.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');

function main() {
  const config = readConfig(process.env, demo ? { moderation: 'none' } : {});
  const repository = openSqliteRepository(config.database);
  const address = (c: Context) => {
    if (config.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    return getConnInfo(c).remote.address;
  };
  const app = createApp({ repository, config, address });
  serveExamples(app, root);

  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`Dateline is running at http://localhost:${info.port}`);
    console.log(
      `  comments are stored in ${relative(process.cwd(), config.database) || config.database}`,
    );
    console.log(
      config.moderation === 'none'
        ? `  moderation: none${demo ? ' (the local demo publishes every comment at once; set DATELINE_MODERATION=first-time to hold first-time commenters, as WordPress does)' : ''}`
        : `  moderation: ${config.moderation}`,
    );
    if (!config.adminToken)
      console.log(
        '  moderation API: off (set DATELINE_ADMIN_TOKEN to turn it on)',
      );
  });

  const stop = () => {
    server.close(() => {
      repository.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Dateline cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
