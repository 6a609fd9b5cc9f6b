import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../comment/schema.js';
import { ArticleSchema, toJsonLd, toNinjs, type Article } from './index.js';

const standards = new URL('./ninjs-3.1/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));
const seed: Article = ArticleSchema.parse(
  readJson(
    new URL(
      '../../../../examples/data/cambodia-crackdown-2025.json',
      import.meta.url,
    ),
  ),
);

function ninjsValidator() {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(readJson(new URL('GeoJSON-schema.json', standards)));
  return ajv.compile(readJson(new URL('ninjs-schema_3.1.json', standards)));
}

describe('toNinjs', () => {
  const validate = ninjsValidator();

  it('accepts IPTC’s own examples, so the validator is real', () => {
    expect(
      validate(readJson(new URL('005_complex_text_article.json', standards))),
    ).toBe(true);
    expect(validate({ uri: 'x', headlines: 'not an array' })).toBe(false);
  });

  it('gives a ninjs 3.1 document for the seed article', () => {
    const item = toNinjs(seed);
    expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    expect(item).toMatchObject({
      uri: 'urn:dateline:article:cambodia-cybercrime-crackdown-2025-07',
      type: 'text',
      language: 'en',
      headlines: [{ role: 'main', value: seed.headline }],
    });
  });

  it('invents no author and no date', () => {
    const item = toNinjs(seed);
    for (const key of [
      'by',
      'firstCreated',
      'versionCreated',
      'contentCreated',
    ])
      expect(item).not.toHaveProperty(key);
  });

  it('carries the places with their ISO codes', () => {
    expect(toNinjs(seed).places).toContainEqual({
      name: 'Poipet',
      rel: 'mentioned',
      literal: 'KH-1',
    });
  });

  it('stays valid with every optional field set', () => {
    const full: Article = {
      ...seed,
      url: 'https://news.example/cambodia',
      standfirst: 'Raids in five provinces',
      byline: [{ name: 'A Reporter' }],
      publisher: { name: 'Example News', url: 'https://news.example' },
      datePublished: '2025-07-20T08:00:00Z',
      dateModified: '2025-07-21T08:00:00Z',
      dateline: {
        name: 'Phnom Penh',
        place: {
          name: 'Phnom Penh',
          kind: 'municipality',
          country: 'KH',
          subdivision: 'KH-12',
        },
      },
    };
    expect(validate(toNinjs(full)), JSON.stringify(validate.errors)).toBe(true);
    expect(toNinjs(full)).toMatchObject({
      by: 'A Reporter',
      firstCreated: '2025-07-20T08:00:00Z',
      versionCreated: '2025-07-21T08:00:00Z',
      located: 'Phnom Penh',
    });
  });
});

describe('toJsonLd', () => {
  const comment = (
    id: string,
    parentId: string | null,
    status: Comment['status'] = 'approved',
  ): Comment => ({
    id,
    threadId: seed.comments.threadId,
    parentId,
    author: { name: `Reader ${id}` },
    body: `Comment ${id}`,
    createdAt: `2025-07-2${id.length}T10:00:00.000Z`,
    status,
  });

  it('gives a NewsArticle with what the data has and nothing it lacks', () => {
    const ld = toJsonLd(seed);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: seed.headline,
      inLanguage: 'en',
      commentCount: 0,
    });
    for (const key of [
      'author',
      'datePublished',
      'dateModified',
      'image',
      'publisher',
    ])
      expect(ld).not.toHaveProperty(key);
    expect(ld.articleBody).toContain(
      'Cambodian authorities have arrested more than 1,000 individuals',
    );
  });

  it('includes author, dates and image when known', () => {
    const ld = toJsonLd({
      ...seed,
      byline: [{ name: 'A Reporter', url: 'https://news.example/a' }],
      datePublished: '2025-07-20T08:00:00Z',
      image: {
        url: 'https://news.example/raid.jpg',
        alt: 'Police at a compound',
      },
    });
    expect(ld).toMatchObject({
      author: [
        {
          '@type': 'Person',
          name: 'A Reporter',
          url: 'https://news.example/a',
        },
      ],
      datePublished: '2025-07-20T08:00:00Z',
      image: ['https://news.example/raid.jpg'],
    });
  });

  it('nests approved comments as a tree and counts them', () => {
    const ld = toJsonLd(seed, {
      comments: [
        comment('a', null),
        comment('bb', 'a'),
        comment('ccc', null, 'pending'),
      ],
    });
    expect(ld.commentCount).toBe(2);
    expect(ld.comment).toEqual([
      {
        '@type': 'Comment',
        '@id': '#comment-a',
        text: 'Comment a',
        dateCreated: '2025-07-21T10:00:00.000Z',
        author: { '@type': 'Person', name: 'Reader a' },
        comment: [
          {
            '@type': 'Comment',
            '@id': '#comment-bb',
            text: 'Comment bb',
            dateCreated: '2025-07-22T10:00:00.000Z',
            author: { '@type': 'Person', name: 'Reader bb' },
          },
        ],
      },
    ]);
  });
});

describe('ArticleSchema', () => {
  it('says what is wrong, with the path', () => {
    const r = ArticleSchema.safeParse({
      ...seed,
      language: 'not a language!',
      body: [
        { type: 'paragraph', text: '' },
        { type: 'html', html: '<b>x</b>' },
      ],
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(
      r.error!.issues.map((i) => [i.path.join('.'), i.message]),
    );
    expect(messages).toMatchObject({
      language: 'The language must be a BCP 47 tag such as "en" or "km".',
      'body.0.text': 'A paragraph cannot be empty.',
    });
    // an HTML block is not a block the schema knows
    expect(Object.keys(messages).some((k) => k.startsWith('body.1'))).toBe(
      true,
    );
  });
});
