import { buildThread, type ThreadNode } from '../comment/thread.js';
import type { Comment } from '../comment/schema.js';
import type { Article } from './schema.js';

export interface ToJsonLdOptions {
  /** Comments to nest under `comment`; only approved ones are published. */
  comments?: readonly Comment[];
  /** Total approved comments when `comments` is one page of them. */
  commentCount?: number;
}

type JsonLd = Record<string, unknown>;

function commentLd(node: ThreadNode): JsonLd {
  const { comment } = node;
  return {
    '@type': 'Comment',
    '@id': `#comment-${comment.id}`,
    text: comment.body,
    dateCreated: comment.createdAt,
    author: {
      '@type': 'Person',
      name: comment.author.name,
      ...(comment.author.url ? { url: comment.author.url } : {}),
    },
    ...(node.replies.length ? { comment: node.replies.map(commentLd) } : {}),
  };
}

/** Plain text of the body, paragraph by paragraph. */
export function articleText(article: Article): string {
  return article.body
    .flatMap((b) =>
      b.type === 'list' ? b.items : b.type === 'operation' ? [] : [b.text],
    )
    .join('\n\n');
}

/**
 * A schema.org `NewsArticle` for search engines, with comments as a nested tree. Fields the
 * article does not know (author, dates, image) are left out, never made up.
 *
 * @example
 * const script = document.createElement('script');
 * script.type = 'application/ld+json';
 * script.textContent = JSON.stringify(toJsonLd(article, { comments }));
 */
export function toJsonLd(
  article: Article,
  options: ToJsonLdOptions = {},
): JsonLd {
  const approved = (options.comments ?? []).filter(
    (c) => c.status === 'approved',
  );
  const ld: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    inLanguage: article.language,
  };
  if (article.url) {
    ld.url = article.url;
    ld.mainEntityOfPage = { '@type': 'WebPage', '@id': article.url };
  }
  if (article.standfirst) ld.description = article.standfirst;
  if (article.byline?.length) {
    ld.author = article.byline.map((p) => ({
      '@type': 'Person',
      name: p.name,
      ...(p.url ? { url: p.url } : {}),
    }));
  }
  if (article.publisher) {
    ld.publisher = {
      '@type': 'NewsMediaOrganization',
      name: article.publisher.name,
      ...(article.publisher.url ? { url: article.publisher.url } : {}),
      ...(article.publisher.logo
        ? { logo: { '@type': 'ImageObject', url: article.publisher.logo } }
        : {}),
    };
  }
  if (article.datePublished) ld.datePublished = article.datePublished;
  if (article.dateModified) ld.dateModified = article.dateModified;
  if (article.image) ld.image = [article.image.url];
  if (article.dateline?.place)
    ld.locationCreated = {
      '@type': 'Place',
      name: article.dateline.place.name,
    };
  ld.articleBody = articleText(article);
  if (article.subjects.length) ld.keywords = article.subjects;
  const places = article.places.filter((p) => p.place);
  if (places.length) {
    ld.contentLocation = places.map(({ place }) => ({
      '@type': 'Place',
      name: place!.name,
      address: {
        '@type': 'PostalAddress',
        addressCountry: place!.country,
        ...(place!.subdivision ? { addressRegion: place!.subdivision } : {}),
      },
    }));
  }
  if (article.sources.length) {
    ld.citation = article.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.name,
      ...(s.url ? { url: s.url } : {}),
    }));
  }
  ld.commentCount = options.commentCount ?? approved.length;
  if (approved.length) ld.comment = buildThread(approved).map(commentLd);
  return ld;
}
