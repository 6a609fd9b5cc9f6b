import * as z from 'zod/mini';
import { ThreadIdSchema } from '../comment/id-schema.js';
import { articleIssue as issue } from '../messages/article-issue.js';
import {
  NamedPlaceSchema,
  OperationSchema,
  SourceSchema,
} from '../operation/schema.js';
import { isHttpUrl, isIsoDateTime } from '../validation/formats.js';
import { text } from '../validation/article-text.js';
import { stringThat } from '../validation/text.js';

const httpUrl = (what: string) =>
  stringThat(isHttpUrl, issue('http-url-invalid', { what }));
const dateTime = (what: string) =>
  stringThat(isIsoDateTime, issue('date-time-invalid', { what }));
const nonEmpty = (a: unknown[]) => a.length > 0;

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The blocks an article body is made of. Text is plain; nothing here is ever HTML. */
export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: text('A paragraph') }),
  z.object({
    type: z.literal('heading'),
    text: text('A heading'),
    level: z.optional(z.literal([2, 3])),
  }),
  z.object({
    type: z.literal('quote'),
    text: text('A quote'),
    attribution: z.optional(z.string()),
  }),
  z.object({
    type: z.literal('list'),
    ordered: z.optional(z.boolean()),
    items: z
      .array(text('A list item'))
      .check(z.refine(nonEmpty, issue('list-empty'))),
  }),
  /** The operation the article reports, shown as a fact box. */
  z.object({ type: z.literal('operation'), operation: OperationSchema }),
]);
export type Block = z.infer<typeof BlockSchema>;

const PersonSchema = z.object({
  name: text('A name'),
  url: z.optional(httpUrl('A profile address')),
});

/** A news article. Dates, authors and the publisher are optional: never invent what the source does not give. */
export const ArticleSchema = z.object({
  id: text('An article’s id'),
  /** The article's canonical address, when it has one. */
  url: z.optional(httpUrl('The article’s address')),
  headline: text('The headline'),
  /** The summary under the headline. */
  standfirst: z.optional(z.string()),
  /** BCP 47 language tag ("en", "km", "en-GB"). */
  language: stringThat(isLanguageTag, issue('language-invalid')),
  byline: z.optional(z.array(PersonSchema)),
  publisher: z.optional(
    z.object({
      name: text('The publisher’s name'),
      url: z.optional(httpUrl('The publisher’s address')),
      logo: z.optional(httpUrl('The logo’s address')),
    }),
  ),
  datePublished: z.optional(dateTime('The publication date')),
  dateModified: z.optional(dateTime('The modification date')),
  /** Where the report was filed from. */
  dateline: z.optional(NamedPlaceSchema),
  image: z.optional(
    z.object({
      url: httpUrl('The image’s address'),
      alt: z.string(),
      caption: z.optional(z.string()),
      credit: z.optional(z.string()),
    }),
  ),
  body: z
    .array(BlockSchema)
    .check(z.refine(nonEmpty, issue('article-body-empty'))),
  subjects: z.array(z.string()),
  places: z.array(NamedPlaceSchema),
  sources: z.array(SourceSchema),
  comments: z.object({
    threadId: ThreadIdSchema,
    /** "closed" shows the thread without the reply form. */
    status: z.enum(['open', 'closed']),
  }),
});

export type Article = z.infer<typeof ArticleSchema>;
export type Person = z.infer<typeof PersonSchema>;
