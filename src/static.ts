import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the examples beside the API: the seed page at /, the script-tag bundle at /cdn/,
 * the seed data at /data/. Pages get a Content Security Policy that allows only this origin's
 * scripts, so nothing injected could run even if rendering ever failed.
 */
export function serveExamples(app: Hono, root: string): void {
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
      );
    }
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  app.get('/', serveStatic({ root, path: 'examples/seed-article/index.html' }));
  app.get(
    '/cdn/*',
    serveStatic({
      root,
      rewriteRequestPath: (p) =>
        p.replace(/^\/cdn\//, '/packages/elements/dist/cdn/'),
    }),
  );
  app.get(
    '/data/*',
    serveStatic({
      root,
      rewriteRequestPath: (p) => p.replace(/^\/data\//, '/examples/data/'),
    }),
  );
  app.get('/examples/*', serveStatic({ root }));
  app.notFound((c) => c.text('Not found. The seed article is at /.', 404));
}
