import { ArticleSchema, type CommentPage, toJsonLd } from '@dateline/core';
import { elementLocale, renderArticle, renderComments } from './ssr.js';

/** `<dateline-article …></dateline-article>` as the seed page writes it, empty. */
const ARTICLE = /<dateline-article\b([^>]*)><\/dateline-article>/;
/** `<dateline-comments …></dateline-comments>` as the seed page writes it, empty. */
const COMMENTS = /<dateline-comments\b([^>]*)><\/dateline-comments>/;
const HTML_LANG = /<html\b[^>]*\slang\s*=\s*"([^"]*)"/i;

/** An attribute's value from a start tag's attributes, as the seed page quotes them. */
export function attributeOf(
  attributes: string,
  name: string,
): string | undefined {
  for (const m of attributes.matchAll(/\s([a-z-]+)="([^"]*)"/g))
    if (m[1] === name) return m[2];
  return undefined;
}

/** What a page shows and where its data is: read from the page's own markup. */
export interface PageShape {
  /** `src` of its `<dateline-article>`, if it has one. */
  articleSrc?: string;
  /** `thread-id` and `endpoint` of its `<dateline-comments>`, if it has one. */
  threadId?: string;
  endpoint?: string;
}

export function pageShape(page: string): PageShape {
  const article = ARTICLE.exec(page);
  const comments = COMMENTS.exec(page);
  const articleSrc = article && attributeOf(article[1]!, 'src');
  const threadId = comments && attributeOf(comments[1]!, 'thread-id');
  const endpoint = comments && attributeOf(comments[1]!, 'endpoint');
  return {
    ...(articleSrc ? { articleSrc } : {}),
    ...(threadId ? { threadId } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

export interface RenderPageOptions {
  /** The page as written, its elements empty (`examples/seed-article/index.html`). */
  page: string;
  /** The article's data, which the page's `<dateline-article src>` names. */
  article?: unknown;
  /** The thread's first page, for its `<dateline-comments>`. */
  comments?: CommentPage;
  /** The page's language (its `<html lang>`, already set by the caller). */
  lang?: string;
}

/**
 * The page with its article and comment section rendered in place (declarative shadow DOM),
 * in the language of its `<html lang>`. An element whose data is not given stays as written,
 * and the browser fills it in as before.
 */
export async function renderPage({
  page,
  article,
  comments,
  lang,
}: RenderPageOptions): Promise<string> {
  const locale = await elementLocale(lang ?? HTML_LANG.exec(page)?.[1]);
  const shape = pageShape(page);
  let out = page;
  if (article !== undefined) {
    const parsed = ArticleSchema.safeParse(article);
    const rendered = await renderArticle({
      data: article,
      locale,
      ...(parsed.success ? { jsonLd: toJsonLd(parsed.data) } : {}),
    });
    out = out.replace(ARTICLE, () => rendered);
  }
  if (comments && shape.threadId) {
    const rendered = await renderComments({
      threadId: shape.threadId,
      endpoint: shape.endpoint ?? '/api',
      page: comments,
      locale,
    });
    out = out.replace(COMMENTS, () => rendered);
  }
  return out;
}
