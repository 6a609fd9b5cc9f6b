/**
 * Atom 1.0 documents (RFC 4287), written as text: every value a reader or an editor supplied
 * goes through `xmlText` or `xmlAttribute`, so whatever it holds, the document stays
 * well-formed and nothing in it becomes markup.
 */

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
/** Atom's threading extension (RFC 4685): which entry a reply answers. */
export const THREAD_NAMESPACE = 'http://purl.org/syndication/thread/1.0';

/** A person: the name, and their web site when they gave one. Atom's email is never written. */
export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomEntry {
  /** A permanent, universally unique IRI, such as a `urn:uuid:`. */
  id: string;
  /** Plain text. */
  title: string;
  author: AtomPerson;
  published: Date;
  updated: Date;
  /** Plain text, written as `type="text"`: readers show it as text, never as HTML. */
  content: string;
  /** Where the entry is shown on the web, absolute. */
  link?: string;
  /** The id of the entry this one answers. */
  inReplyTo?: string;
}

export interface AtomFeed {
  id: string;
  /** Plain text. */
  title: string;
  updated: Date;
  /** The feed's own absolute address (`rel="self"`). */
  self: string;
  /** The page the feed is about, absolute (`rel="alternate"`). */
  link?: string;
  generator?: { name: string; uri?: string };
  entries: readonly AtomEntry[];
}

/**
 * What must be escaped, and what XML 1.0 cannot carry at all: its `Char` production allows
 * tab, newline, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF, nothing else. With
 * the `u` flag a lone surrogate is one code point outside those ranges, so it is dropped too.
 * One character at a time, so linear in the text.
 */
const SPECIAL =
  /[&<>"'\t\n\r]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * How each special character is written. In text, tab and newline stay as they are; a CR is
 * written as a reference, as a parser would turn a literal one into a newline. In attributes
 * all three are references, as a parser would turn literal ones into spaces.
 */
const IN_TEXT: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['\t', '\t'],
  ['\n', '\n'],
  ['\r', '&#xD;'],
]);
const IN_ATTRIBUTE: ReadonlyMap<string, string> = new Map([
  ...IN_TEXT,
  ['\t', '&#x9;'],
  ['\n', '&#xA;'],
]);

/**
 * Text as XML character data: `& < > " '` escaped, a CR kept as `&#xD;`, and characters XML
 * 1.0 forbids (C0 controls other than tab, newline and CR; U+FFFE, U+FFFF; lone surrogates)
 * left out.
 *
 * @example
 * xmlText('<b>Tom & "Jerry"</b>\u0000') // '&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;'
 */
export function xmlText(text: string): string {
  return text.replace(SPECIAL, (ch) => IN_TEXT.get(ch) ?? '');
}

/**
 * Text as the value of a double-quoted attribute: as `xmlText`, and tab and newline written as
 * references, so a parser gives them back rather than spaces.
 *
 * @example
 * xmlAttribute('https://a.example/?q="x"&y') // 'https://a.example/?q=&quot;x&quot;&amp;y'
 */
export function xmlAttribute(text: string): string {
  return text.replace(SPECIAL, (ch) => IN_ATTRIBUTE.get(ch) ?? '');
}

/** An RFC 3339 date-time, in UTC. Throws a RangeError on an invalid date. */
const timestamp = (date: Date) => date.toISOString();

function person(tag: string, p: AtomPerson, indent: string): string[] {
  return [
    `${indent}<${tag}>`,
    `${indent}  <name>${xmlText(p.name)}</name>`,
    ...(p.uri ? [`${indent}  <uri>${xmlText(p.uri)}</uri>`] : []),
    `${indent}</${tag}>`,
  ];
}

function entry(e: AtomEntry): string[] {
  return [
    '  <entry>',
    `    <id>${xmlText(e.id)}</id>`,
    `    <title type="text">${xmlText(e.title)}</title>`,
    ...person('author', e.author, '    '),
    `    <published>${timestamp(e.published)}</published>`,
    `    <updated>${timestamp(e.updated)}</updated>`,
    ...(e.link
      ? [
          `    <link rel="alternate" type="text/html" href="${xmlAttribute(e.link)}"/>`,
        ]
      : []),
    ...(e.inReplyTo
      ? [`    <thr:in-reply-to ref="${xmlAttribute(e.inReplyTo)}"/>`]
      : []),
    `    <content type="text">${xmlText(e.content)}</content>`,
    '  </entry>',
  ];
}

/**
 * An Atom 1.0 feed document, UTF-8, entries in the order given. Every entry has an author, so
 * the feed needs none of its own (RFC 4287, 4.1.1).
 *
 * @example
 * renderAtom({
 *   id: 'urn:uuid:…', title: 'Comments', updated: new Date(), self: 'https://news.example/feed.atom',
 *   entries: [],
 * }) // '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" …'
 */
export function renderAtom(feed: AtomFeed): string {
  const { generator } = feed;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NAMESPACE}" xmlns:thr="${THREAD_NAMESPACE}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <updated>${timestamp(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttribute(feed.self)}"/>`,
    ...(feed.link
      ? [
          `  <link rel="alternate" type="text/html" href="${xmlAttribute(feed.link)}"/>`,
        ]
      : []),
    ...(generator
      ? [
          `  <generator${generator.uri ? ` uri="${xmlAttribute(generator.uri)}"` : ''}>${xmlText(generator.name)}</generator>`,
        ]
      : []),
    ...feed.entries.flatMap(entry),
    '</feed>',
    '',
  ].join('\n');
}
