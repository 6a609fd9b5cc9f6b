/**
 * Signing in by mail. `/admin/sign-in` asks for an address; a listed moderator gets a link
 * (valid 15 minutes, once) whose page has one "Sign in" button; pressing it starts a session
 * kept in the database. Everyone else gets the same answer and no mail: the request is
 * recorded the same way for every address, and compared with DATELINE_MODERATORS only by the
 * outbox worker, off the request's path.
 */
import { createHash } from 'node:crypto';
import {
  NewCommentSchema,
  type SupportedLocale,
  validate,
} from '@dateline/core';
import { type Context, Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import { limitBody } from '../middleware/body-limit.js';
import {
  clearSessionCookie,
  fromOwnPages,
  requireModerator,
  SESSION_MS,
  sentSessionId,
  sessionModerator,
  setSessionCookie,
} from '../middleware/moderator.js';
import { shownTime } from '../outbox/mails.js';
import { hashSecret, looksLikeSecret, newSecret } from '../outbox/secrets.js';
import {
  fillText,
  type ServiceWordCode,
  type ServiceWords,
} from '../messages/index.js';
import {
  answerLanguage,
  pageLanguage,
  wordsOf,
} from '../middleware/language.js';
import { SIGN_IN_MS } from '../outbox/dispatch.js';
import type { TokenProblem } from '../repository/types.js';
import type { RouteDeps } from './deps.js';

// ---------------------------------------------------------------------------------------
// Pages: server-rendered, no script, one form each. Shared with the one-click mail links.

const SAFE: unique symbol = Symbol('safe html');
/** Markup this module wrote; anything else put in a page is escaped. */
export interface SafeHtml {
  [SAFE]: string;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        ch
      ]!,
  );
}

export type HtmlValue =
  | string
  | number
  | SafeHtml
  | undefined
  | null
  | false
  | readonly HtmlValue[];

function piece(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(piece).join('');
  if (typeof value === 'object') return (value as SafeHtml)[SAFE];
  return escapeHtml(String(value));
}

/** Markup with every value escaped: nothing a commenter or a URL holds can become markup. */
export function html(
  strings: TemplateStringsArray,
  ...values: HtmlValue[]
): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += piece(value) + strings[i + 1]!;
  });
  return { [SAFE]: out };
}

/**
 * Words with `{name}` placeholders as markup: the words escaped, each placeholder replaced by
 * its value as `html` places one (text escaped, markup kept). A placeholder without a value
 * stays as written.
 *
 * @example
 * fillHtml('Stop mail about {thread}?', { thread: html`<a href="/t">A & B</a>` })
 */
export function fillHtml(
  words: string,
  values: Readonly<Record<string, HtmlValue>> = {},
): SafeHtml {
  let out = '';
  let at = 0;
  for (const found of words.matchAll(/\{(\w+)\}/g)) {
    const name = found[1]!;
    if (!Object.hasOwn(values, name)) continue;
    out += escapeHtml(words.slice(at, found.index)) + piece(values[name]!);
    at = found.index + found[0].length;
  }
  return { [SAFE]: out + escapeHtml(words.slice(at)) };
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 1rem; }
main { max-width: 36rem; margin: 2rem auto; }
h1 { font-size: 1.5rem; line-height: 1.25; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: .5rem; }
button { font: inherit; padding: .6rem 1.2rem; margin-top: 1rem; cursor: pointer; }
.error { color: #b00020; } @media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: .25rem solid #8888; white-space: pre-wrap; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; overflow-wrap: anywhere; }
dt { font-weight: 600; } dd { margin: 0; }
`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * A page's own policy: no script at all, its one stylesheet by hash, forms only to this
 * origin, never in a frame (a one-button page in someone's frame could be clicked unseen).
 */
export const PAGE_POLICY = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

/** Answers with a whole page, in English unless `locale` says which of the service's languages. */
export function page(
  c: Context,
  status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 429 | 503,
  title: string,
  body: SafeHtml,
  locale: SupportedLocale = 'en',
): Response {
  c.header('Content-Security-Policy', PAGE_POLICY);
  c.header('Cache-Control', 'no-store');
  // Links carry secrets: never send this page's address to another origin. ("no-referrer"
  // would also make the browser send `Origin: null` with the page's own form.)
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  const document = html`<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Dateline</title>
<style>${{ [SAFE]: STYLE }}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
  return c.html(document[SAFE], status);
}

/** The page for a form post from another site: nothing was done. */
export function crossSitePage(
  c: Context,
  locale: SupportedLocale = 'en',
): Response {
  const words = wordsOf(c)[locale];
  return page(
    c,
    403,
    words['cross-site-title'],
    html`<p>${words['cross-site']}</p>`,
    locale,
  );
}

/**
 * The fields of a form posted to a mail link: a mail system's one-click POST (RFC 8058) comes
 * from its servers, with no Origin; a browser's from this origin's own page. Another site's
 * page gets the page that says nothing was done. A body that is no form reads as empty.
 */
export async function ownForm(
  c: Context,
  config: RouteDeps['config'],
  locale: SupportedLocale = 'en',
): Promise<FormData | Response> {
  if (!fromOwnPages(c, config)) return crossSitePage(c, locale);
  try {
    return await c.req.formData();
  } catch {
    return new FormData();
  }
}

/** Limit on the forms' bodies: an address, a token, a word. */
const FORM_BYTES = 4096;
export const limitForm = limitBody(FORM_BYTES, 'This form is limited to 4 KB.');

/** A form's fields, or undefined when the body is not a form. */
export async function formFields(
  c: Context,
): Promise<Map<string, string> | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return undefined;
  // URLSearchParams keeps every name as data: "__proto__" is a field like any other.
  return new Map(new URLSearchParams(await c.req.text()));
}

// ---------------------------------------------------------------------------------------
// Signing in.

const EmailSchema = NewCommentSchema.shape.author.shape.email;

export const SIGN_IN_LIMITS = {
  email: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 20, windowMs: 60 * 60_000 },
};

/** How long a sign-in link works, as its pages say it. */
const LINK_MINUTES = SIGN_IN_MS / 60_000;

const TOKEN_PROBLEMS = {
  unknown: { status: 404, text: 'sign-in-link-unknown' },
  used: { status: 410, text: 'sign-in-link-used' },
  expired: { status: 410, text: 'sign-in-link-expired' },
} as const satisfies Record<
  TokenProblem,
  { status: 404 | 410; text: ServiceWordCode }
>;

/** "in 5 minutes", as `locale` words a time from now. */
const inMinutes = (minutes: number, locale: SupportedLocale) =>
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
    minutes,
    'minute',
  );

/** Where a path of the service is, for links and redirects. */
function siteUrl(c: Context, publicUrl: string | undefined, path: string) {
  return `${publicUrl ?? new URL(c.req.url).origin}${path}`;
}

/**
 * A path of the moderator's pages with the language a link chose for this one (`?lang=`, as
 * the moderation page's link to sign in names its own), so the pages it leads to keep it.
 */
function keepingLanguage(c: Context, path: string, query = '') {
  const params = new URLSearchParams(query);
  if (c.req.query('lang') !== undefined) params.set('lang', pageLanguage(c));
  const search = params.toString().replace(/=(?=&|$)/g, '');
  return `${path}${search ? `?${search}` : ''}`;
}

export function auth(deps: RouteDeps) {
  const { repository, config, address, now } = deps;
  const salt = repository.salt();
  const keyFor = (text: string) =>
    createHash('sha256').update(`${salt}:${text}`).digest('hex');
  const mailOn = config.smtpUrl !== undefined;
  const clock = () => now().getTime();

  const app = new Hono();

  /**
   * Records a request to sign in: exactly the same work for every address, listed or not.
   * The address hash is the one the comment routes use. The mail is written in `locale`.
   */
  const requestSignIn = (
    c: Context,
    email: string,
    locale: SupportedLocale,
  ) => {
    const ip = address?.(c);
    return repository.requestSignIn({
      email,
      locale,
      emailKey: keyFor(`sign-in:${email.toLowerCase()}`),
      addressKey: ip ? keyFor(ip) : null,
      now: clock(),
      limits: SIGN_IN_LIMITS,
    });
  };
  const waitSeconds = (retryAt: number) =>
    Math.max(1, Math.ceil((retryAt - clock()) / 1000));
  const tooMany = (c: Context, retryAt: number, locale: SupportedLocale) =>
    fillText(wordsOf(c)[locale]['sign-in-too-many'], {
      when: inMinutes(Math.ceil(waitSeconds(retryAt) / 60), locale),
    });

  /** What is wrong with an address typed to sign in, in `locale`; core's catalogue is loaded. */
  const emailProblem = (c: Context, email: string, locale: SupportedLocale) => {
    if (email.trim() === '') return wordsOf(c)[locale]['sign-in-email-missing'];
    const checked = validate(EmailSchema, email, { locale });
    return checked.ok ? undefined : Object.values(checked.errors)[0];
  };

  const mailOff = (c: Context, status: 200 | 503, locale: SupportedLocale) => {
    const words = wordsOf(c)[locale];
    return page(
      c,
      status,
      words['sign-in-title'],
      html`<p>${fillText(words['sign-in-off'], {
        smtp: 'DATELINE_SMTP_URL',
        token: 'DATELINE_ADMIN_TOKEN',
      })}</p>`,
      locale,
    );
  };

  const signInForm = (
    words: ServiceWords,
    email = '',
    problem?: string,
  ) => html`
<form method="post">
<label for="email">${words['sign-in-email']}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="100" value="${email}"${
    problem
      ? html` aria-invalid="true" aria-describedby="email-problem" autofocus`
      : ''
  }>
${problem ? html`<p id="email-problem" class="error">${problem}</p>` : ''}
<button type="submit">${words['sign-in-send']}</button>
</form>`;

  app.get('/admin/sign-in', async (c) => {
    const locale = pageLanguage(c);
    const words = wordsOf(c)[locale];
    if (!mailOn) return mailOff(c, 200, locale);
    const signedIn = await sessionModerator(c, {
      repository,
      config,
      now: clock,
    });
    if (c.req.query('requested') !== undefined)
      return page(
        c,
        200,
        words['sign-in-requested-title'],
        html`<p>${fillText(words['sign-in-requested'], { minutes: LINK_MINUTES })}</p><p><a href="${siteUrl(c, config.publicUrl, keepingLanguage(c, '/admin/sign-in'))}">${words['sign-in-ask-again']}</a></p>`,
        locale,
      );
    return page(
      c,
      200,
      words['sign-in-title'],
      html`${
        signedIn
          ? html`<p>${fillText(words['sign-in-signed-in'], { email: signedIn.email })} <a href="${siteUrl(c, config.publicUrl, keepingLanguage(c, '/admin'))}">${words['open-moderation']}</a></p>`
          : ''
      }<p>${words['sign-in-how']}</p>${signInForm(words)}`,
      locale,
    );
  });

  app.post('/admin/sign-in', limitForm, async (c) => {
    // An address's problem is worded by core: its catalogue too.
    const locale = await answerLanguage(c);
    const words = wordsOf(c)[locale];
    if (!fromOwnPages(c, config)) return crossSitePage(c, locale);
    if (!mailOn) return mailOff(c, 503, locale);
    const fields = await formFields(c);
    const email = (fields?.get('email') ?? '').trim();
    const problem = emailProblem(c, email, locale);
    if (problem)
      return page(
        c,
        400,
        words['sign-in-title'],
        signInForm(words, email.slice(0, 200), problem),
        locale,
      );
    const result = await requestSignIn(c, email, locale);
    if (!result.accepted) {
      c.header('Retry-After', String(waitSeconds(result.retryAt)));
      return page(
        c,
        429,
        words['too-many-title'],
        html`<p>${tooMany(c, result.retryAt, locale)}</p>`,
        locale,
      );
    }
    // To a page of its own, so reloading it does not ask again.
    return c.redirect(
      siteUrl(
        c,
        config.publicUrl,
        keepingLanguage(c, '/admin/sign-in', 'requested'),
      ),
      303,
    );
  });

  app.post(
    '/api/auth/sign-in',
    limitBody(FORM_BYTES, 'A sign-in request is limited to 4 KB.'),
    async (c) => {
      if (!mailOn)
        return fail(c, 503, {
          code: 'unavailable',
          message:
            'Signing in by mail is off on this service: it needs DATELINE_SMTP_URL.',
        });
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        return fail(c, 400, {
          code: 'invalid',
          message: 'Send {"email": "…"} as JSON.',
        });
      }
      const locale = await answerLanguage(c);
      const words = wordsOf(c)[locale];
      const email =
        json && typeof json === 'object' && Object.hasOwn(json, 'email')
          ? (json as { email: unknown }).email
          : undefined;
      const problem =
        typeof email === 'string'
          ? emailProblem(c, email, locale)
          : words['sign-in-email-missing'];
      if (problem)
        return fail(c, 400, {
          code: 'invalid',
          message: problem,
          fields: { email: problem },
        });
      const result = await requestSignIn(c, (email as string).trim(), locale);
      if (!result.accepted) {
        const wait = waitSeconds(result.retryAt);
        return fail(
          c,
          429,
          {
            code: 'too-fast',
            message: tooMany(c, result.retryAt, locale),
            retryAfter: wait,
          },
          { 'Retry-After': String(wait) },
        );
      }
      return c.json(
        {
          message: fillText(words['sign-in-requested'], {
            minutes: LINK_MINUTES,
          }),
        },
        202,
      );
    },
  );

  /** The sign-in link's page: it shows a button and changes nothing (mail scanners open links). */
  app.get('/admin/sign-in/:token', async (c) => {
    const locale = pageLanguage(c);
    const words = wordsOf(c)[locale];
    const token = c.req.param('token');
    const found = looksLikeSecret(token)
      ? await repository.signInToken(hashSecret(token))
      : undefined;
    const problem: TokenProblem | undefined = !found
      ? 'unknown'
      : found.usedAt !== null
        ? 'used'
        : found.expiresAt <= clock()
          ? 'expired'
          : undefined;
    if (problem) return tokenProblemPage(c, problem, locale);
    return page(
      c,
      200,
      words['sign-in-title'],
      html`<p>${fillHtml(words['sign-in-confirm'], {
        email: html`<strong>${found!.email}</strong>`,
        time: shownTime(found!.expiresAt, locale),
      })}</p>
<form method="post"><button type="submit">${words['sign-in-button']}</button></form>`,
      locale,
    );
  });

  const tokenProblemPage = (
    c: Context,
    problem: TokenProblem,
    locale: SupportedLocale,
  ) => {
    const words = wordsOf(c)[locale];
    return page(
      c,
      TOKEN_PROBLEMS[problem].status,
      words['sign-in-link-title'],
      html`<p>${fillText(words.unchanged, {
        reason: fillText(words[TOKEN_PROBLEMS[problem].text], {
          minutes: LINK_MINUTES,
        }),
      })}</p>${
        mailOn
          ? html`<p><a href="${siteUrl(c, config.publicUrl, '/admin/sign-in')}">${words['sign-in-new-link']}</a></p>`
          : ''
      }`,
      locale,
    );
  };

  app.post('/admin/sign-in/:token', limitForm, async (c) => {
    const locale = pageLanguage(c);
    if (!fromOwnPages(c, config)) return crossSitePage(c, locale);
    const token = c.req.param('token');
    if (!looksLikeSecret(token)) return tokenProblemPage(c, 'unknown', locale);
    const sessionId = newSecret();
    const at = clock();
    const result = await repository.useSignInToken({
      tokenHash: hashSecret(token),
      now: at,
      session: { idHash: hashSecret(sessionId), expiresAt: at + SESSION_MS },
    });
    if (!result.ok) return tokenProblemPage(c, result.problem, locale);
    // Only now, the link having proved the mailbox is theirs, is a moderator's language
    // theirs to set: their mail about held comments is written in it from now on (as it is
    // when they use a one-click link, mail-links.ts).
    await repository.setMailLanguage(result.email, locale, at);
    setSessionCookie(c, config, sessionId);
    return c.redirect(siteUrl(c, config.publicUrl, '/admin'), 303);
  });

  app.post('/api/auth/sign-out', limitForm, async (c) => {
    const form = /^application\/x-www-form-urlencoded\b/i.test(
      c.req.header('content-type') ?? '',
    );
    if (!fromOwnPages(c, config))
      return form
        ? crossSitePage(c)
        : fail(c, 403, {
            code: 'forbidden',
            message: 'Sign out from this service’s own pages.',
          });
    const id = sentSessionId(c, config);
    if (id) await repository.endSession(hashSecret(id));
    clearSessionCookie(c, config);
    c.header('Cache-Control', 'no-store');
    // A form (the moderation page's "Sign out" button) goes back to the sign-in page.
    return form
      ? c.redirect(siteUrl(c, config.publicUrl, '/admin/sign-in'), 303)
      : c.json({ signedOut: true });
  });

  /** Who is signed in: for the moderation page, to greet and to offer "Sign out". */
  app.get(
    '/api/auth/session',
    requireModerator({ repository, config, now: clock }),
    (c) => c.json({ moderator: c.get('moderator') }),
  );

  return app;
}
