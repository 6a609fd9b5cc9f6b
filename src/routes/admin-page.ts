import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { moderationPageText } from '../../packages/elements/src/moderation/page-text.js';
import {
  ensureLocale,
  inLocale,
  type Locale,
  matchLocale,
} from '../../packages/elements/src/shared/localize.js';
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

/** The language of a tag if the page speaks it (English included), else undefined. */
function spoken(tag: string): Locale | undefined {
  const locale = matchLocale(tag);
  if (locale !== 'en') return locale;
  return /^en(?:[-_]|$)/i.test(tag) ? 'en' : undefined;
}

/**
 * The moderator's language: `?lang=` when it names one the page speaks (a link can choose),
 * else the first the browser prefers that it speaks (`Accept-Language`, by quality), else
 * English. A header longer than any browser sends is read only so far.
 *
 * @example
 * pageLocale(undefined, 'fr-FR, km;q=0.8, en;q=0.5') // 'km'
 * pageLocale('zh-TW', 'en') // 'zh-Hant'
 */
export function pageLocale(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  const asked = lang === undefined ? undefined : spoken(lang);
  if (asked) return asked;
  const ranges = (acceptLanguage ?? '')
    .slice(0, 1000)
    .split(',')
    .slice(0, 50)
    .map((range, order) => {
      const [tag = '', ...params] = range.split(';');
      const q = params
        .map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param))
        .find((match) => match !== null);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, order };
    })
    .filter(({ tag, q }) => q > 0 && tag !== '' && tag !== '*')
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranges) {
    const locale = spoken(tag);
    if (locale) return locale;
  }
  return 'en';
}

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
<dateline-moderation endpoint="/api" sign-in-href="/admin/sign-in"></dateline-moderation>
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
 * links to `/admin/sign-in`.
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
