import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { moderationPageText } from '../../packages/elements/src/moderation/page-text.js';
import {
  ensureLocale,
  inLocale,
  type Locale,
} from '../../packages/elements/src/shared/localize.js';
import { pageLocale } from '../middleware/language.js';
import { escapeHtml } from '../render/html.js';

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

/** The languages the page speaks that are written right to left. */
const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar']);

/**
 * The page in a language. Its words come from the elements' catalogue (translations, and a
 * site's `setStrings`), escaped: they are text, never markup. The element inherits `lang`.
 */
function page(locale: Locale): string {
  const text = inLocale(locale, moderationPageText);
  const dir = RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(text.title)}</title>
<style>${STYLE}</style>
<script type="module" src="${MODERATION_MODULE}"></script>
</head>
<body>
<header>
<h1>${escapeHtml(text.heading)}</h1>
<form method="post" action="/api/auth/sign-out"><button type="submit">${escapeHtml(text.signOut)}</button></form>
</header>
<main>
<dateline-moderation endpoint="/api" sign-in-href="/admin/sign-in?lang=${locale}"></dateline-moderation>
<noscript><p>${escapeHtml(text.needsJavaScript)}</p></noscript>
</main>
</body>
</html>
`;
}

/**
 * `/admin`: the moderation page, in the moderator's language (see `pageLocale`). The page
 * itself holds nothing private: whoever loads it sees an empty shell until the admin API,
 * which checks the session or token on every request, answers; without one, the element
 * links to `/admin/sign-in`, in the same language.
 */
export function adminPage() {
  const app = new Hono();
  app.get('/', async (c) => {
    const locale = pageLocale(
      c.req.query('lang'),
      c.req.header('accept-language'),
    );
    await ensureLocale(locale);
    c.header('Content-Security-Policy', ADMIN_PAGE_POLICY);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Language', locale);
    c.header('Vary', 'Accept-Language');
    return c.html(page(locale));
  });
  return app;
}
