import { articleText } from './jsonld.js';
import type { Article } from './schema.js';

export const NINJS_SCHEMA =
  'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

export interface ToNinjsOptions {
  /** The news object's URI when the article has no `url`. Default `urn:dateline:article:ID`. */
  uri?: string;
}

/**
 * The article as an IPTC ninjs 3.1 news item, valid against the official schema.
 *
 * @example
 * toNinjs(article).headlines // [{ role: 'main', value: 'Cambodia lets loose…' }]
 */
export function toNinjs(
  article: Article,
  options: ToNinjsOptions = {},
): Record<string, unknown> {
  const text = articleText(article);
  const item: Record<string, unknown> = {
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
    uri:
      article.url ??
      options.uri ??
      `urn:dateline:article:${encodeURIComponent(article.id)}`,
    type: 'text',
    representationType: 'full',
    language: article.language,
    headlines: [{ role: 'main', value: article.headline }],
  };
  if (article.standfirst)
    item.descriptions = [
      { role: 'summary', contentType: 'text/plain', value: article.standfirst },
    ];
  item.bodies = [
    {
      role: 'main',
      contentType: 'text/plain',
      value: text,
      charCount: text.length,
      wordCount: text.split(/\s+/u).filter(Boolean).length,
    },
  ];
  if (article.datePublished) {
    item.firstCreated = article.datePublished;
    item.contentCreated = article.datePublished;
  }
  if (article.dateModified ?? article.datePublished)
    item.versionCreated = article.dateModified ?? article.datePublished;
  if (article.byline?.length)
    item.by = article.byline.map((p) => p.name).join(' and ');
  if (article.publisher) item.copyrightHolder = article.publisher.name;
  if (article.dateline)
    item.located = article.dateline.place?.name ?? article.dateline.name;
  if (article.subjects.length)
    item.subjects = article.subjects.map((name) => ({ name, rel: 'about' }));
  if (article.places.length) {
    item.places = article.places.map(({ name, place }) => ({
      name: place?.name ?? name,
      rel: 'mentioned',
      ...(place?.subdivision
        ? { literal: place.subdivision }
        : place
          ? { literal: place.country }
          : {}),
    }));
  }
  if (article.sources.length) {
    item.infoSources = article.sources.map((s) => ({
      name: s.name,
      role: 'source',
      ...(s.url ? { uri: s.url } : {}),
    }));
  }
  return item;
}
