import { createHash } from 'node:crypto';
import { Hono } from 'hono';

/** Where the moderation element's script-tag module is served (built by the elements package). */
export const MODERATION_MODULE = '/cdn/moderation.js';

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1rem; max-width: 60rem; margin: 0 auto; padding: 1rem 1rem 0; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0; }
header form { margin: 0; }
header button { font: inherit; min-height: 2.75rem; padding: 0.25rem 0.75rem; cursor: pointer; }
main { max-width: 60rem; margin: 0 auto; padding: 0 1rem 2rem; }
`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * The page's own policy: this origin's scripts only (the moderation module), its one
 * stylesheet by hash, requests to this origin, forms only to this origin, never in a frame (a
 * moderation page in someone else's frame could be clicked unseen).
 */
export const ADMIN_PAGE_POLICY = `default-src 'none'; script-src 'self'; style-src 'self' 'sha256-${STYLE_HASH}'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Moderation · Dateline</title>
<style>${STYLE}</style>
<script type="module" src="${MODERATION_MODULE}"></script>
</head>
<body>
<header>
<h1>Moderation</h1>
<form method="post" action="/api/auth/sign-out"><button type="submit">Sign out</button></form>
</header>
<main>
<dateline-moderation endpoint="/api" sign-in-href="/admin/sign-in"></dateline-moderation>
<noscript><p>The moderation page needs JavaScript.</p></noscript>
</main>
</body>
</html>
`;

/**
 * `/admin`: the moderation page. The page itself holds nothing private: whoever loads it sees
 * an empty shell until the admin API, which checks the session or token on every request,
 * answers; without one, the element links to `/admin/sign-in`.
 */
export function adminPage() {
  const app = new Hono();
  app.get('/', (c) => {
    c.header('Content-Security-Policy', ADMIN_PAGE_POLICY);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    return c.html(PAGE);
  });
  return app;
}
