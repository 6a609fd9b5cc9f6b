import { createHash } from 'node:crypto';
import { ThreadIdSchema } from '@dateline/core';
import { Hono } from 'hono';
import { fail } from '../middleware/answer.js';
import { wordsFor } from '../middleware/language.js';
import type { Locale } from '../../packages/elements/src/shared/localize.js';
import { escapeHtml } from '../render/html.js';
import {
  elementLocale,
  renderComments,
  renderingFailed,
} from '../render/ssr.js';
import type { RouteDeps } from './deps.js';
import { ifNoneMatch, pageCache } from './page-cache.js';
import { languageTag } from './pages.js';
import { threadIdRefusal } from './thread-ids.js';
import { threadVersionReader } from './thread-versions.js';

/** `<dateline-comments>` as a page writes it, for the browser to draw; its values escaped. */
const unrendered = (threadId: string, endpoint: string) =>
  `<dateline-comments thread-id="${escapeHtml(threadId)}" endpoint="${escapeHtml(endpoint)}"></dateline-comments>`;

/** The first page, as `<dateline-comments>` asks for it by default. */
const FIRST_PAGE = { limit: 50, order: 'oldest' } as const;

/** Bytes of rendered fragments kept: each is one thread's first page in one language. */
export const FRAGMENT_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * `GET /api/threads/:threadId/fragment`: the thread's first page of approved comments as
 * HTML, `<dateline-comments>` with its shadow root written out (declarative shadow DOM), for a
 * site that builds its pages on its server to include where the comments go. Readers see and
 * crawlers read the comments before any script runs; with the script-tag loader on the page,
 * the section takes them over and asks for nothing again. `?lang=` chooses the language of its
 * words (English by default). Made once per version of the thread and language; its ETag
 * names both.
 */
export function fragment(
  deps: Pick<RouteDeps, 'repository' | 'config'>,
  {
    maxBytes = FRAGMENT_CACHE_BYTES,
    render = { elementLocale, renderComments },
    warn = (message) => console.error(message),
  }: {
    maxBytes?: number;
    /** The server's rendering (Lit SSR); the element as written, empty, if it fails. */
    render?: {
      elementLocale: typeof elementLocale;
      renderComments: typeof renderComments;
    };
    /** Where a failed rendering is told: the service's log. */
    warn?: (message: string) => void;
  } = {},
) {
  const { repository, config } = deps;
  const versionOf = threadVersionReader(repository);
  const kept = pageCache({ maxBytes });
  const app = new Hono();

  app.get('/:threadId/fragment', async (c) => {
    const threadId = c.req.param('threadId');
    if (!ThreadIdSchema.safeParse(threadId).success) return threadIdRefusal(c);
    const asked = c.req.query('lang');
    const lang = languageTag(asked);
    if (asked !== undefined && !lang) {
      const { say } = wordsFor(c);
      return fail(c, 400, {
        code: 'invalid',
        message: say('api-lang'),
        fields: { lang: say('api-lang-field') },
      });
    }
    // The section on another site posts back here: it needs this service's address in full.
    const endpoint = new URL('/api', config.publicUrl ?? c.req.url).href;
    let locale: Locale;
    try {
      locale = await render.elementLocale(lang);
    } catch (error) {
      // The element as written, which the loader on the site's page draws in the browser.
      warn(renderingFailed("a thread's fragment", error));
      return c.body(unrendered(threadId, endpoint), 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
    }
    const version = await versionOf(threadId);
    const key = `${threadId}\n${locale}\n${endpoint}`;
    const tag = createHash('sha1').update(key).digest('base64url').slice(0, 12);
    const etag = `W/"${version}-${tag}"`;
    const headers = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': locale,
      'Cache-Control': 'no-cache',
      ETag: etag,
    };
    if (ifNoneMatch(c.req.header('if-none-match'), etag))
      return c.body(null, 304, headers);
    const answer = await kept.answer(key, version, async () => {
      const page = {
        ...(await repository.page({ threadId, ...FIRST_PAGE })),
        total: await repository.countApproved(threadId),
      };
      let html: string;
      try {
        html = await render.renderComments({
          threadId,
          endpoint,
          page,
          locale,
        });
      } catch (error) {
        // Kept for this version of the thread, as a rendering would be: tried again at the next.
        warn(renderingFailed("a thread's fragment", error));
        html = unrendered(threadId, endpoint);
      }
      return { etag, body: new TextEncoder().encode(html) };
    });
    return c.body(answer.body, 200, headers);
  });

  return app;
}
