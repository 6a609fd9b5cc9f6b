/**
 * For tests: reads Atom documents with a real XML parser, Chromium's (libxml2, through
 * DOMParser), as a feed reader would. A document that is not well-formed XML comes back as
 * `{ error }`; one that is, as what each element says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../vitest.config.js';

export interface ReadLink {
  rel: string | null;
  type: string | null;
  href: string | null;
}

export interface ReadPerson {
  name: string | null;
  uri: string | null;
  /** Atom's `<email>`, which a feed of ours must never hold. */
  email: string | null;
}

export interface ReadEntry {
  id: string | null;
  title: string | null;
  titleType: string | null;
  authors: ReadPerson[];
  published: string | null;
  updated: string | null;
  content: string | null;
  contentType: string | null;
  links: ReadLink[];
  inReplyTo: string | null;
}

export interface ReadFeed {
  /** `{namespace}localName` of the root element. */
  root: string;
  /** `{namespace}localName` of every element, each once, in document order. */
  elements: string[];
  /** Every attribute's name, each once. */
  attributes: string[];
  id: string | null;
  title: string | null;
  updated: string | null;
  links: ReadLink[];
  authors: ReadPerson[];
  entries: ReadEntry[];
}

export type ReadResult = { feed: ReadFeed } | { error: string };

export interface AtomReader {
  read(xml: string): Promise<ReadResult>;
  /** The page the reader parses in, for tests that load a document there first. */
  page: Page;
  close(): Promise<void>;
}

/** Starts Chromium, once per test file: parsing is then one round trip per document. */
export async function openAtomReader(browser?: Browser): Promise<AtomReader> {
  const own = browser
    ? undefined
    : await chromium.launch({
        executablePath: chromiumPath,
        args: chromiumArgs,
      });
  const page = await (browser ?? own)!.newPage();
  return {
    page,
    read: (xml) => readIn(page, xml),
    close: async () => {
      await page.close();
      await own?.close();
    },
  };
}

/** Parses `xml` in `page` (any page: the parser needs no document of its own). */
export function readIn(page: Page, xml: string): Promise<ReadResult> {
  return page.evaluate((text: string): ReadResult => {
    const ATOM = 'http://www.w3.org/2005/Atom';
    const THR = 'http://purl.org/syndication/thread/1.0';
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const failed = doc.getElementsByTagName('parsererror')[0];
    if (failed) return { error: failed.textContent ?? 'parsererror' };
    const root = doc.documentElement;
    const all = [root, ...Array.from(root.getElementsByTagName('*'))];
    const children = (parent: Element, name: string, ns = ATOM) =>
      Array.from(parent.children).filter(
        (e) => e.namespaceURI === ns && e.localName === name,
      );
    const child = (parent: Element, name: string, ns = ATOM) =>
      children(parent, name, ns)[0];
    const textOf = (parent: Element, name: string) =>
      child(parent, name)?.textContent ?? null;
    const links = (parent: Element) =>
      children(parent, 'link').map((l) => ({
        rel: l.getAttribute('rel'),
        type: l.getAttribute('type'),
        href: l.getAttribute('href'),
      }));
    const people = (parent: Element) =>
      children(parent, 'author').map((a) => ({
        name: textOf(a, 'name'),
        uri: textOf(a, 'uri'),
        email: textOf(a, 'email'),
      }));
    return {
      feed: {
        root: `{${root.namespaceURI}}${root.localName}`,
        elements: [
          ...new Set(all.map((e) => `{${e.namespaceURI}}${e.localName}`)),
        ],
        attributes: [
          ...new Set(
            all.flatMap((e) => Array.from(e.attributes, (a) => a.name)),
          ),
        ],
        id: textOf(root, 'id'),
        title: textOf(root, 'title'),
        updated: textOf(root, 'updated'),
        links: links(root),
        authors: people(root),
        entries: children(root, 'entry').map((e) => ({
          id: textOf(e, 'id'),
          title: textOf(e, 'title'),
          titleType: child(e, 'title')?.getAttribute('type') ?? null,
          authors: people(e),
          published: textOf(e, 'published'),
          updated: textOf(e, 'updated'),
          content: textOf(e, 'content'),
          contentType: child(e, 'content')?.getAttribute('type') ?? null,
          links: links(e),
          inReplyTo: child(e, 'in-reply-to', THR)?.getAttribute('ref') ?? null,
        })),
      },
    };
  }, xml);
}

/** The XML 1.0 `Char` production, code point by code point. */
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * `text` as an XML document can carry it: what XML 1.0 forbids left out, found by walking
 * code points (a second way to the answer, apart from the writer's pattern).
 */
export function xmlCharsOf(text: string): string {
  let kept = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isXmlChar(cp)) kept += text.slice(i, i + width);
    i += width;
  }
  return kept;
}

/** The public XSS payload lists the element tests use, every payload, one a line. */
export function xssPayloads(): string[] {
  const folder = fileURLToPath(
    new URL('../../packages/elements/src/test/xss', import.meta.url),
  );
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '');
}
