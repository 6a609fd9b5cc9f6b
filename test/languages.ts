/**
 * What the language tests look for on a page in Chromium: the words on it (through shadow roots)
 * compared with the English of the elements' and core's catalogues, the `lang` and direction of
 * each text, what axe finds, and anything that sticks out past the edge of a narrow screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { englishAdminMessages } from '../packages/core/src/store/admin.js';
import { englishTemplates } from '../packages/core/src/messages/en.js';
import { englishDateWords } from '../packages/core/src/messages/en-date.js';
import { englishDemonyms } from '../packages/core/src/messages/en-demonym.js';
import {
  englishQuantityWords,
  englishUnitCounts,
} from '../packages/core/src/messages/en-quantity.js';
import * as ar from '../packages/core/src/messages/locales/ar.js';
import * as id from '../packages/core/src/messages/locales/id.js';
import * as km from '../packages/core/src/messages/locales/km.js';
import * as th from '../packages/core/src/messages/locales/th.js';
import * as vi from '../packages/core/src/messages/locales/vi.js';
import * as zhHans from '../packages/core/src/messages/locales/zh-Hans.js';
import * as zhHant from '../packages/core/src/messages/locales/zh-Hant.js';
import type { PluralMessage } from '../packages/core/src/messages/types.js';
import type { Locale } from '../packages/elements/src/shared/localize.js';
import { directionOf } from '../src/routes/pages.js';
import { type Part, readXliff, textOf } from '../scripts/xliff.js';
import { root } from './service-process.js';

/** A message as the catalogues hold it: its English and, where written, its translation. */
export interface Message {
  /** `form.submit` for the elements' strings, `core:name-required` for core's. */
  id: string;
  english: Part[];
  /** Undefined while nobody has translated it. */
  translation?: Part[];
  /**
   * For an element's string: whether its translation is in the module `lit-localize build`
   * writes (src/locales/generated), which the elements import.
   */
  built?: boolean;
}

const coreLocales: Record<
  Exclude<Locale, 'en'>,
  { messages: Record<string, unknown> }
> = {
  km,
  vi,
  id,
  th,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ar,
};

/** Core's `{name}` placeholders as the parts of a message. */
function partsOf(text: string): Part[] {
  return text
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => (/^\{\w+\}$/.test(piece) ? { placeholder: piece } : piece));
}

/**
 * Every English message a page in `locale` may show, with its translation into `locale`: the
 * elements' strings from packages/elements/xliff, and core's (validation, moderation, the
 * words of quantities, dates and nationalities).
 */
export function catalogue(locale: Exclude<Locale, 'en'>): Message[] {
  const file = join(root, 'packages/elements/xliff', `${locale}.xlf`);
  const messages: Message[] = readXliff(readFileSync(file, 'utf8')).map(
    (unit) => ({
      id: unit.id,
      english: unit.source,
      ...(unit.target && textOf(unit.target)
        ? { translation: unit.target }
        : {}),
    }),
  );
  const english: Record<string, string | PluralMessage> = {
    ...englishTemplates,
    ...englishAdminMessages,
    ...englishQuantityWords,
    ...englishUnitCounts,
    ...englishDateWords,
    ...englishDemonyms,
  };
  const translated = coreLocales[locale].messages;
  for (const [code, message] of Object.entries(english)) {
    const theirs = Object.hasOwn(translated, code)
      ? translated[code]
      : undefined;
    const forms =
      typeof message === 'string'
        ? [['', message] as const]
        : Object.entries(message);
    for (const [form, text] of forms) {
      const translation =
        typeof theirs === 'string'
          ? theirs
          : theirs && typeof theirs === 'object'
            ? ((theirs as PluralMessage)[form as Intl.LDMLPluralRule] ??
              (theirs as PluralMessage).other)
            : undefined;
      messages.push({
        id: `core:${code}${form ? `.${form}` : ''}`,
        english: partsOf(text),
        ...(translation ? { translation: partsOf(translation) } : {}),
      });
    }
  }
  return messages;
}

/** Whether a message has words (letters) of its own, apart from its values. */
const hasWords = (parts: readonly Part[]) =>
  parts.some((part) => typeof part === 'string' && /\p{L}/u.test(part));

/** How many letters a message has of its own: the more, the surer a match. */
const lettersOf = (parts: readonly Part[]) =>
  parts
    .map((part) => (typeof part === 'string' ? part : ''))
    .join('')
    .replace(/[^\p{L}]/gu, '').length;

/** Values that are figures (`${count}`, `{max}`): digits as the language writes them. */
const FIGURE = /^(?:\$\{|\{)(?:count|n|number|seconds|min|max)\}$/;

/**
 * A message as a pattern that a whole text, or a piece of it around an element (a name in
 * `<bdi>`, a link), matches: a figure is digits in any script, any other value may be
 * anything, spaces may differ, case does not count.
 */
function patternOf(parts: readonly Part[]): RegExp {
  let source = '';
  for (const part of parts)
    source +=
      typeof part === 'string'
        ? part
            .normalize('NFC')
            .trim()
            .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
            .replace(/\s+/g, '\\s*')
        : FIGURE.test(part.placeholder)
          ? '\\s*[\\p{N}\\p{P}\\p{S}\\s]*?\\p{N}[\\p{N}\\p{P}\\p{S}\\s]*?\\s*'
          : '\\s*(?:.*?)\\s*';
  return new RegExp(`^\\s*${source}\\s*$`, 'isu');
}

interface Pattern {
  message: Message;
  pattern: RegExp;
}

export interface Matcher {
  /**
   * The English messages a text is, of those that should have been translated: the ones that
   * match it most closely (several where plural forms share their English).
   */
  english(text: string): Message[];
  /** The translation (one that differs from its English) a text is, if any. */
  translated(text: string): Message | undefined;
  /**
   * English messages (whole words, without values) inside a text that is no translation:
   * a word such as a stance, put into a sentence as one of its values, left in English.
   */
  inside(text: string): Message[];
}

export interface MatcherOptions {
  /**
   * Look for English words inside texts too: for a language not written in Latin letters,
   * where an English word is never a word of the language.
   */
  inside?: boolean;
}

export function matcher(
  messages: readonly Message[],
  options: MatcherOptions = {},
): Matcher {
  const english: Pattern[] = [];
  /** English with no values and a word of three letters or more, to find inside texts. */
  const words: Pattern[] = [];
  const translations: Pattern[] = [];
  /** Texts the language writes as English does (a name, a code): never English left. */
  const same: Pattern[] = [];
  for (const message of messages) {
    if (!hasWords(message.english)) continue;
    if (
      message.translation &&
      textOf(message.translation) === textOf(message.english)
    ) {
      same.push({ message, pattern: patternOf(message.english) });
      continue;
    }
    english.push({ message, pattern: patternOf(message.english) });
    const plain = textOf(message.english);
    if (
      options.inside &&
      message.english.every((part) => typeof part === 'string') &&
      /[A-Za-z]{3}/.test(plain)
    )
      words.push({
        message,
        pattern: new RegExp(
          `(?<![A-Za-z])${plain.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![A-Za-z])`,
          'iu',
        ),
      });
    if (message.translation && hasWords(message.translation))
      translations.push({ message, pattern: patternOf(message.translation) });
  }
  const explained = (text: string) =>
    [...same, ...translations].some(({ pattern }) => pattern.test(text));
  return {
    english(text) {
      if (explained(text)) return [];
      const found = english
        .filter(({ pattern }) => pattern.test(text))
        .map(({ message }) => message);
      const best = Math.max(0, ...found.map((m) => lettersOf(m.english)));
      return found.filter((m) => lettersOf(m.english) === best);
    },
    translated(text) {
      return translations.find(({ pattern }) => pattern.test(text))?.message;
    },
    inside(text) {
      if (explained(text)) return [];
      // The longest found: "Post Comment" rather than "Comment" within it.
      const found = words
        .filter(({ pattern }) => pattern.test(text))
        .map(({ message }) => message);
      return found.filter(
        (m) =>
          !found.some(
            (other) =>
              other !== m &&
              textOf(other.english).length > textOf(m.english).length &&
              textOf(other.english)
                .toLowerCase()
                .includes(textOf(m.english).toLowerCase()),
          ),
      );
    },
  };
}

/** A text on the page, or the value of an attribute a person hears or reads. */
export interface SeenText {
  text: string;
  /** The nearest `lang`, through shadow roots to their hosts ('' when none). */
  lang: string;
  /** The computed direction of the text's element. */
  dir: string;
  /** `aria-label`, `title`… for an attribute; undefined for a text node. */
  attribute?: string;
  /**
   * The whole text of an element that holds text and elements both: a sentence whose name
   * or link is an element of its own is read whole, as well as piece by piece.
   */
  sentence?: boolean;
  /** A reader's words (a name, a comment) or the report's, which any language may be. */
  reader: boolean;
  where: string;
  /** Its element and that element's ancestors, by their order on the page, nearest first. */
  at: number[];
}

export interface Snapshot {
  lang: string;
  dir: string;
  viewport: number;
  scrollWidth: number;
  texts: SeenText[];
  /** Each element's shadow root's first element, where it states its language. */
  roots: Array<{ where: string; lang: string | null }>;
  /** Elements and texts past the left or right edge, each the outermost of its kind. */
  outside: Array<{ where: string; left: number; right: number }>;
}

/**
 * Reads the page as Chromium composed it: every text node and every text attribute, through
 * shadow roots and slots (a shadow host's children only where a slot shows them), and every
 * box that sticks out of the viewport. Runs in the page: it refers to nothing outside itself.
 */
function readPage(): Snapshot {
  /** A reader's or the report's words, inside an element's shadow root. */
  const READERS = 'bdi, .body, .contact, .where a, .where cite, .where code';
  const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
  const ATTRIBUTES = [
    'aria-label',
    'aria-description',
    'aria-roledescription',
    'aria-placeholder',
    'aria-valuetext',
    'title',
    'placeholder',
    'alt',
  ];
  const viewport = document.documentElement.clientWidth;

  const parentOf = (node: Node): Element | null => {
    const slot = (node as Element | Text).assignedSlot;
    if (slot) return slot;
    const parent = node.parentNode;
    if (parent instanceof ShadowRoot) return parent.host;
    return parent instanceof Element ? parent : null;
  };
  const label = (el: Element) =>
    `${el.localName}${el.id ? `#${el.id}` : ''}${
      typeof el.className === 'string' && el.className.trim()
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : ''
    }`;
  /** "dateline-comments › dateline-comment-form › div.field > label", for the report. */
  const where = (el: Element) => {
    const inner: string[] = [];
    const hosts: string[] = [];
    let node: Node | null = el;
    while (node && node !== document) {
      if (node instanceof ShadowRoot) {
        hosts.unshift(node.host.localName);
        node = node.host.parentNode;
        continue;
      }
      if (node instanceof Element && hosts.length === 0 && inner.length < 4)
        inner.unshift(label(node));
      node = node.parentNode;
    }
    return [...hosts, inner.join(' > ')].join(' › ');
  };
  const langOf = (el: Element) => {
    for (let node: Node | null = el; node; ) {
      if (node instanceof Element && node.hasAttribute('lang'))
        return node.getAttribute('lang') ?? '';
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return '';
  };
  const isReaders = (el: Element) => el.closest(READERS) !== null;
  const normalise = (text: string) =>
    text.normalize('NFC').replace(/\s+/g, ' ').trim();

  const order = new Map<Element, number>();
  const ancestry = (el: Element) => {
    const at: number[] = [];
    for (let node: Element | null = el; node; node = parentOf(node)) {
      const index = order.get(node);
      if (index !== undefined) at.push(index);
    }
    return at;
  };
  const texts: SeenText[] = [];
  const roots: Snapshot['roots'] = [];
  const candidates: Array<{ node: Element | Text; where: string }> = [];

  const visit = (node: Node): void => {
    if (node instanceof Text) {
      const parent = parentOf(node);
      const text = normalise(node.data);
      if (!parent || !/\p{L}/u.test(text)) return;
      texts.push({
        text,
        lang: langOf(parent),
        dir: getComputedStyle(parent).direction,
        reader: isReaders(parent),
        where: where(parent),
        at: ancestry(parent),
      });
      candidates.push({ node, where: where(parent) });
      return;
    }
    if (!(node instanceof Element) || SKIPPED.has(node.localName)) return;
    const el = node;
    order.set(el, order.size);
    for (const name of ATTRIBUTES) {
      const value = normalise(el.getAttribute(name) ?? '');
      if (/\p{L}/u.test(value))
        texts.push({
          text: value,
          lang: langOf(el),
          dir: getComputedStyle(el).direction,
          attribute: name,
          reader: isReaders(el),
          where: where(el),
          at: ancestry(el),
        });
    }
    if (
      el instanceof HTMLInputElement &&
      ['submit', 'button', 'reset'].includes(el.type) &&
      /\p{L}/u.test(el.value)
    )
      texts.push({
        text: normalise(el.value),
        lang: langOf(el),
        dir: getComputedStyle(el).direction,
        attribute: 'value',
        reader: false,
        where: where(el),
        at: ancestry(el),
      });
    candidates.push({ node: el, where: where(el) });
    const mixed =
      !el.shadowRoot &&
      [...el.childNodes].some(
        (child) => child instanceof Text && /\p{L}/u.test(child.data),
      ) &&
      el.children.length > 0;
    const whole = normalise(el.textContent ?? '');
    if (mixed && whole.length <= 500)
      texts.push({
        text: whole,
        lang: langOf(el),
        dir: getComputedStyle(el).direction,
        sentence: true,
        reader: isReaders(el),
        where: where(el),
        at: ancestry(el),
      });
    if (el.shadowRoot) {
      const first = [...el.shadowRoot.children].find(
        (child) => !['style', 'link', 'slot'].includes(child.localName),
      );
      if (first)
        roots.push({ where: where(first), lang: first.getAttribute('lang') });
      for (const child of el.shadowRoot.childNodes) visit(child);
      return;
    }
    if (el instanceof HTMLSlotElement) {
      const assigned = el.assignedNodes();
      for (const child of assigned.length ? assigned : el.childNodes)
        visit(child);
      return;
    }
    for (const child of el.childNodes) visit(child);
  };
  visit(document.documentElement);

  // Boxes in page coordinates, so a page scrolled sideways is measured the same.
  const boxOf = (node: Element | Text) => {
    let rect: DOMRect;
    if (node instanceof Text) {
      const range = document.createRange();
      range.selectNodeContents(node);
      rect = range.getBoundingClientRect();
    } else rect = node.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return undefined;
    return { left: rect.left + scrollX, right: rect.right + scrollX };
  };
  const isOut = (box: { left: number; right: number }) =>
    box.right > viewport + 1 || box.left < -1;
  /** Cut off by an ancestor that clips what overflows it and is itself on screen. */
  const clipped = (node: Element | Text) => {
    for (let el = parentOf(node); el; el = parentOf(el)) {
      if (getComputedStyle(el).overflowX === 'visible') continue;
      const box = boxOf(el);
      if (box && !isOut(box)) return true;
    }
    return false;
  };
  const out = new Set<Node>();
  const outside: Snapshot['outside'] = [];
  for (const { node, where: at } of candidates) {
    const box = boxOf(node);
    if (!box || !isOut(box) || clipped(node)) continue;
    out.add(node);
    const parent = parentOf(node);
    if (parent && out.has(parent)) continue;
    outside.push({
      where:
        node instanceof Text
          ? `text “${normalise(node.data).slice(0, 40)}” in ${at}`
          : at,
      left: Math.round(box.left),
      right: Math.round(box.right),
    });
  }

  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    viewport,
    scrollWidth: document.documentElement.scrollWidth,
    texts,
    roots,
    outside,
  };
}

export async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(readPage);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** What axe finds on the whole page, shadow roots included: one line per rule and element. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugger protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{
          violations: Array<{
            id: string;
            help: string;
            nodes: Array<{
              target: unknown[];
              html: string;
              failureSummary?: string;
            }>;
          }>;
        }>;
      };
    };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    // The element's own markup and what axe says of it, in a line each.
    const short = (text = '') => text.replace(/\s+/g, ' ').trim().slice(0, 240);
    return results.violations.flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id}: ${v.help} at ${JSON.stringify(n.target)}: ${short(n.html)} — ${short(n.failureSummary)}`,
      ),
    );
  });
  return violations;
}

const quote = (text: string) =>
  `“${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`;

/**
 * Why an English text is there: not translated yet (expected until the translators finish);
 * translated but not yet built into the module the elements import; or translated and built,
 * and still shown in English, which is the element's fault (it does not look the string up in
 * the page's language) unless the served bundle predates the build.
 */
function why(messages: readonly Message[], locale: string): string {
  const missing = messages.filter((m) => !m.translation).map((m) => m.id);
  const unbuilt = messages
    .filter((m) => m.translation && m.built === false)
    .map((m) => m.id);
  const ignored = messages
    .filter((m) => m.translation && m.built !== false)
    .map((m) => `${m.id} = ${quote(textOf(m.translation!))}`);
  return [
    missing.length ? `no ${locale} translation yet: ${missing.join(', ')}` : '',
    unbuilt.length
      ? `translated, not yet built into src/locales/generated (npm run locales): ${unbuilt.join(', ')}`
      : '',
    ignored.length
      ? `translated and built, yet shown in English (is dist/ older than the build?): ${ignored.join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The problems of a page in `locale`: (a) English left, (b) nothing here (axe is apart),
 * (c) chrome whose nearest `lang` is not the locale, a root without it, text running the wrong
 * way, (d) anything past the edge of the viewport.
 */
export function problemsIn(
  seen: Snapshot,
  locale: Exclude<Locale, 'en'>,
  words: Matcher,
): string[] {
  const problems: string[] = [];
  if (seen.lang !== locale)
    problems.push(
      `lang: the page’s <html lang> is “${seen.lang}”, not “${locale}”`,
    );
  const pageDir = directionOf(locale);
  if ((seen.dir || 'ltr') !== pageDir)
    problems.push(
      `dir: the page’s <html dir> is “${seen.dir}”, not “${pageDir}”`,
    );
  /** What was found in each piece, so that a sentence read whole does not say it again. */
  const found: Array<{ at: number[]; ids: Set<string> }> = [];
  const english = (item: SeenText) => {
    const what = item.attribute ? `${item.attribute} ` : '';
    if (item.sentence) {
      // Read whole for a sentence split by its elements: only what no piece of it showed.
      const self = item.at[0];
      const said = new Set(
        found.filter((f) => f.at.includes(self!)).flatMap((f) => [...f.ids]),
      );
      const whole = words.english(item.text).filter((m) => !said.has(m.id));
      if (whole.length)
        problems.push(
          `English: ${quote(item.text)} at ${item.where} (${why(whole, locale)})`,
        );
      return;
    }
    const whole = words.english(item.text);
    const inside = whole.length ? [] : words.inside(item.text);
    found.push({
      at: item.at,
      ids: new Set([...whole, ...inside].map((m) => m.id)),
    });
    if (whole.length)
      problems.push(
        `English: ${what}${quote(item.text)} at ${item.where} (${why(whole, locale)})`,
      );
    if (inside.length)
      problems.push(
        `English inside: ${what}${quote(item.text)} holds ${[...new Set(inside.map((m) => quote(textOf(m.english))))].join(', ')}, the English of ${inside.map((m) => m.id).join(', ')}, at ${item.where}`,
      );
  };
  // Pieces first, then sentences read whole.
  const ordered = [
    ...seen.texts.filter((item) => !item.sentence),
    ...seen.texts.filter((item) => item.sentence),
  ];
  for (const item of ordered) {
    // A reader's words, or the report's (whose nearest `lang` is its own), may be any language.
    if (item.reader) continue;
    if (item.lang === locale) english(item);
    if (item.sentence) continue;
    const what = item.attribute ? `${item.attribute} ` : '';
    const translated = words.translated(item.text);
    if (translated && item.lang !== locale)
      problems.push(
        `lang: ${what}${quote(item.text)} (${translated.id}) has lang “${item.lang}”, not “${locale}”, at ${item.where}`,
      );
    const dir = directionOf(item.lang || 'en');
    if (!item.attribute && item.dir !== dir)
      problems.push(
        `dir: ${quote(item.text)} in lang “${item.lang}” runs ${item.dir}, not ${dir}, at ${item.where}`,
      );
  }
  for (const root of seen.roots)
    if (root.lang !== locale)
      problems.push(
        `lang: the shadow root’s first element ${root.where} has lang “${root.lang ?? ''}”, not “${locale}”`,
      );
  if (seen.scrollWidth > seen.viewport)
    problems.push(
      `width: the page is ${seen.scrollWidth} px wide in a ${seen.viewport} px viewport`,
    );
  for (const box of seen.outside)
    problems.push(
      `width: ${box.where} spans ${box.left}…${box.right} px, past the ${seen.viewport} px viewport`,
    );
  return problems;
}

/**
 * Waits until the page's comment section and its form have taken their markup over: the
 * section's code comes as the reader nears it, and a press before then is only kept.
 */
export async function sectionTakenOver(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const section = document.querySelector('dateline-comments') as
      | (Element & { hasUpdated?: boolean })
      | null;
    const form = section?.shadowRoot?.querySelector('dateline-comment-form') as
      | (Element & { hasUpdated?: boolean })
      | null;
    return Boolean(section?.hasUpdated && form?.hasUpdated);
  });
}
