/**
 * Server-side rendering of the elements with Lit SSR: each is written as it will look, its
 * shadow root as declarative shadow DOM, so a reader without JavaScript and a crawler see the
 * article and the comments, and the browser's elements take the same markup over (hydrate)
 * without asking for the data again: the data they were drawn from travels beside them in a
 * `<script type="application/json">` they read.
 */
import type { Article, CommentPage } from '@dateline/core';
import { LitElementRenderer, render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Locale } from '../../packages/elements/src/shared/localize.js';
import { type ServerElements, serverElements } from './ssr-elements.js';

/**
 * Lit's renderer, with each element writing in the page's language: in the browser an element
 * finds it from `lang` up its ancestors, which a server-side element has none of.
 */
class LocalizedRenderer extends LitElementRenderer {
  static elements: ServerElements | undefined;
  override connectedCallback(): void {
    const locale = LocalizedRenderer.elements!.activeLocale();
    Object.defineProperty(this.element, 'locale', {
      value: locale,
      configurable: true,
    });
    // Read by the browser's copy before it takes the markup over (`shared/hydrate.ts`): a
    // page whose language changed meanwhile is drawn again, not taken over.
    this.element.setAttribute('drawn-lang', locale);
    super.connectedCallback();
  }
}

/** What the service's log says when the server cannot render `what`, and why. */
export const renderingFailed = (what: string, error: unknown): string =>
  `Dateline could not render ${what} on the server, so the browser draws it: ${error instanceof Error ? error.message : String(error)}`;

/**
 * JSON that can stand inside a `<script>`: `<` never appears as itself, so neither
 * `</script>` nor `<!--` in a comment's text can end or change the script.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const dataScript = (value: unknown) =>
  unsafeHTML(`<script type="application/json">${scriptJson(value)}</script>`);

/** The language the elements write in for a page's `lang`, with its strings loaded. */
export async function elementLocale(lang: string | undefined): Promise<Locale> {
  const { matchLocale, ensureLocale } = await serverElements();
  const locale = matchLocale(lang);
  await ensureLocale(locale);
  return locale;
}

/** Lit SSR of `template` in `locale`, every element's words included, as one string. */
async function renderIn(locale: Locale, template: unknown): Promise<string> {
  const elements = await serverElements();
  LocalizedRenderer.elements = elements;
  return elements.inLocale(locale, () =>
    collectResultSync(
      render(template, { elementRenderers: [LocalizedRenderer] }),
    ),
  );
}

export interface CommentsOptions {
  threadId: string;
  /** The service's API root the section posts to and reads further pages from. */
  endpoint: string;
  /** The thread's first page, as `GET /api/threads/:id/comments` answers it. */
  page: CommentPage;
  locale: Locale;
}

/**
 * `<dateline-comments>` with the thread's first page drawn inside, and that page as its data.
 *
 * @example
 * renderComments({ threadId: 't', endpoint: '/api', page, locale: 'en' })
 * // '<dateline-comments thread-id="t" endpoint="/api"><template shadowrootmode="open">…'
 */
export function renderComments({
  threadId,
  endpoint,
  page,
  locale,
}: CommentsOptions): Promise<string> {
  return renderIn(
    locale,
    html`<dateline-comments thread-id=${threadId} endpoint=${endpoint} .page=${page}>${dataScript(page)}</dateline-comments>`,
  );
}

export interface ArticleOptions {
  /** The article's data as published (checked by the element, as in the browser). */
  data: unknown;
  locale: Locale;
  /** The article's schema.org JSON-LD, for crawlers; the element keeps it up to date. */
  jsonLd?: unknown;
}

/** `<dateline-article>` with the article and its fact boxes drawn inside, and its data. */
export function renderArticle({
  data,
  locale,
  jsonLd,
}: ArticleOptions): Promise<string> {
  return renderIn(
    locale,
    html`<dateline-article .article=${data as Article}>${dataScript(data)}${
      jsonLd === undefined
        ? nothing
        : unsafeHTML(
            `<script type="application/ld+json" data-dateline-json-ld>${scriptJson(jsonLd)}</script>`,
          )
    }</dateline-article>`,
  );
}
