import { isSpace } from '../text/chars.js';
import { tick } from '../text/work.js';

/**
 * The entities WordPress writes: esc_html's five, and the punctuation wptexturize makes.
 * A Map: the names come from the page, and `&constructor;` must not find Object's.
 */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00A0'],
  ['hellip', '…'],
  ['ndash', '–'],
  ['mdash', '—'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['times', '×'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
]);

function isHexDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x46) ||
    (code >= 0x61 && code <= 0x66)
  );
}

function isDecimalDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The end of a run of at most `max + 1` characters of a class from `i`. */
function runEnd(
  text: string,
  i: number,
  max: number,
  inClass: (code: number) => boolean,
): number {
  let j = i;
  while (j - i <= max && inClass(text.charCodeAt(j))) j += 1;
  return j;
}

/**
 * The character reference at the `&` at `i` (`&amp;`, `&#8217;`, `&#x1F600;`) and where it
 * ends, or undefined when there is none or it names nothing. Looks at most ten characters
 * ahead, so an unclosed `&#` or `&amp` costs a constant.
 */
function referenceAt(
  text: string,
  i: number,
): { value: string; end: number } | undefined {
  let code: number;
  let end: number;
  if (text[i + 1] === '#') {
    const hex = text[i + 2] === 'x' || text[i + 2] === 'X';
    const from = hex ? i + 3 : i + 2;
    end = runEnd(text, from, 7, hex ? isHexDigit : isDecimalDigit);
    const digits = end - from;
    if (digits < 1 || digits > (hex ? 6 : 7) || text[end] !== ';')
      return undefined;
    code = Number.parseInt(text.slice(from, end), hex ? 16 : 10);
  } else {
    end = runEnd(text, i + 1, 8, isAsciiLetter);
    const letters = end - i - 1;
    if (letters < 2 || letters > 8 || text[end] !== ';') return undefined;
    const value = NAMED.get(text.slice(i + 1, end).toLowerCase());
    return value === undefined ? undefined : { value, end: end + 1 };
  }
  if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return undefined;
  return { value: String.fromCodePoint(code), end: end + 1 };
}

/**
 * Decodes character references; unknown names and invalid code points stay as written.
 * One pass: each `&` looks a bounded distance ahead.
 *
 * @example
 * decodeEntities('it&#8217;s &lt;b&gt;') // 'it’s <b>'
 */
export function decodeEntities(text: string): string {
  tick(text.length);
  let out = '';
  let last = 0;
  let i = text.indexOf('&');
  while (i >= 0) {
    tick();
    const ref = referenceAt(text, i);
    if (ref) {
      out += text.slice(last, i) + ref.value;
      last = ref.end;
    }
    i = text.indexOf('&', ref ? ref.end : i + 1);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** wpautop's own line breaks are formatting; the tags say where lines break. */
function withoutNewlines(text: string): string {
  tick(text.length);
  return text.replace(/\r?\n/g, '');
}

/** Escapes what decoding would turn back into `&`, `<` or `>`. */
function escapeText(text: string): string {
  tick(text.length);
  return text.replace(/[&<>]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;',
  );
}

interface Tag {
  /** Lower-cased name ("a", "br", "p"). */
  name: string;
  closing: boolean;
  /** Index of `<`. */
  start: number;
  /** Index just past `>`. */
  end: number;
}

/** The tag whose `<` is at `lt` and whose `>` is at `gt`. */
function tagAt(html: string, lt: number, gt: number): Tag {
  const closing = html[lt + 1] === '/';
  let j = closing ? lt + 2 : lt + 1;
  const from = j;
  // A tag's name runs to white space, "/" or ">" (the HTML tokenizer's rule).
  while (j < gt && html[j] !== '/' && !isSpace(html.charCodeAt(j))) j += 1;
  return {
    name: html.slice(from, j).toLowerCase(),
    closing,
    start: lt,
    end: gt + 1,
  };
}

/**
 * The value of the `href` attribute of the tag between `from` and `to`, or undefined. One
 * pass over the attributes: name, optional `=` and a quoted or bare value.
 */
function hrefOf(html: string, from: number, to: number): string | undefined {
  let k = from;
  const skipSpace = () => {
    while (k < to && isSpace(html.charCodeAt(k))) k += 1;
  };
  while (k < to) {
    skipSpace();
    if (k >= to) break;
    if (html[k] === '/') {
      k += 1;
      continue;
    }
    const nameStart = k;
    while (
      k < to &&
      html[k] !== '=' &&
      html[k] !== '/' &&
      !isSpace(html.charCodeAt(k))
    )
      k += 1;
    if (k === nameStart) k += 1; // a stray "=": step over it
    const name = html.slice(nameStart, k).toLowerCase();
    skipSpace();
    let value: string | undefined;
    if (html[k] === '=') {
      k += 1;
      skipSpace();
      const quote = html[k];
      if (quote === '"' || quote === "'") {
        // Within the tag only: an unclosed quote ends with it.
        let valueEnd = k + 1;
        while (valueEnd < to && html[valueEnd] !== quote) valueEnd += 1;
        value = html.slice(k + 1, valueEnd);
        k = valueEnd + 1;
      } else {
        const valueStart = k;
        while (k < to && !isSpace(html.charCodeAt(k))) k += 1;
        value = html.slice(valueStart, k);
      }
    }
    // The first href counts, as in a browser.
    if (name === 'href') return value ?? '';
  }
  tick(to - from);
  return undefined;
}

/**
 * Finds end tags `</name>` at or after a position. It remembers its last answer, so that
 * asking again from a later position (as every unclosed `<a href>` in a row does) costs
 * nothing until the answer is passed: the scans move forward only.
 */
function endTagFinder(html: string, name: string) {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found: { start: number; end: number } | undefined;
  const search = (from: number): { start: number; end: number } | undefined => {
    let k = from;
    for (;;) {
      const lt = html.indexOf('</', k);
      if (lt < 0) {
        tick(html.length - k);
        return undefined;
      }
      tick(lt - k + 2);
      const after = lt + 2 + name.length;
      const c = html.charCodeAt(after);
      if (
        html.slice(lt + 2, after).toLowerCase() === name &&
        (c === 0x3e || c === 0x2f || isSpace(c)) // > / or white space
      ) {
        const gt = html.indexOf('>', after);
        tick((gt < 0 ? html.length : gt) - after);
        return { start: lt, end: gt < 0 ? html.length : gt + 1 };
      }
      k = lt + 2;
    }
  };
  return (from: number) => {
    if (from < searchedFrom || (found && found.start < from)) {
      searchedFrom = from;
      found = search(from);
    }
    return found;
  };
}

/** Whether a `<` before this character opens a tag: a letter, `/`, `!` or `?`, as in a browser. */
function opensTag(code: number): boolean {
  return isAsciiLetter(code) || code === 0x2f || code === 0x21 || code === 0x3f;
}

/**
 * Walks the tags of `html` forward: each call gives the next tag at or after `from`, as the
 * indexes of its `<` and `>`. A `<` that opens no tag is text. The `>` last found is
 * remembered, so a run of `<` shares one search and no text is searched twice.
 */
function tagWalker(html: string) {
  // -2: not searched yet; -1: no ">" after the last search.
  let gt = -2;
  return (from: number): { lt: number; gt: number } | undefined => {
    let lt = html.indexOf('<', from);
    while (lt >= 0) {
      if (gt === -1) return undefined;
      if (gt <= lt) {
        gt = html.indexOf('>', lt + 1);
        tick((gt < 0 ? html.length : gt) - lt);
        if (gt < 0) return undefined;
      }
      if (opensTag(html.charCodeAt(lt + 1))) return { lt, gt };
      lt = html.indexOf('<', lt + 1);
    }
    return undefined;
  };
}

const BLOCK_ENDS = new Set(['p', 'blockquote', 'li', 'div']);

/**
 * Turns the HTML WordPress renders for a comment (wpautop paragraphs, `<br />`, make_clickable
 * links, the few tags comments may use) back into plain text: paragraphs become blank lines,
 * a link whose text is not its address keeps the address in brackets, every other tag goes,
 * and script and style go with their content (to the end when they are never closed). The
 * result is text to be rendered as text, never HTML.
 *
 * One forward scan: a `>` is searched for once per run of `<`, a search for an end tag never
 * scans the same text twice, and a `<` no `>` follows makes the rest text. Linear in the
 * length of `html`.
 *
 * @example
 * htmlToText('<p>One<br />\ntwo</p>\n<p>Three</p>') // 'One\ntwo\n\nThree'
 */
export function htmlToText(html: string): string {
  // Text with its entities still encoded; decoded once at the end.
  let out = '';
  const nextTag = tagWalker(html);
  const endOfLink = endTagFinder(html, 'a');
  let i = 0;
  while (i < html.length) {
    const found = nextTag(i);
    if (!found) {
      out += withoutNewlines(html.slice(i));
      break;
    }
    const { lt, gt } = found;
    out += withoutNewlines(html.slice(i, lt));
    const tag = tagAt(html, lt, gt);
    i = tag.end;
    if (tag.closing) {
      if (BLOCK_ENDS.has(tag.name)) out += '\n\n';
    } else if (tag.name === 'br') {
      out += '\n';
    } else if (tag.name === 'script' || tag.name === 'style') {
      i = endTagFinder(html, tag.name)(i)?.end ?? html.length;
    } else if (tag.name === 'a') {
      const href = hrefOf(html, lt + 2, gt);
      const close = href === undefined ? undefined : endOfLink(i);
      if (href !== undefined && close) {
        out += link(href, html.slice(i, close.start));
        i = close.end;
      }
    }
  }
  return tidy(decodeEntities(out));
}

/** A link as text: its label, and its address in brackets when the label is something else. */
function link(rawHref: string, inner: string): string {
  const href = decodeEntities(withoutNewlines(rawHref));
  const label = withoutNewlines(stripTags(inner));
  const shown = decodeEntities(label).trim();
  return /^https?:\/\//i.test(href) &&
    shown !== href &&
    shown !== href.replace(/\/$/, '')
    ? `${label} (${escapeText(href)})`
    : label;
}

/** Text with every tag taken out; a `<` that opens no tag stays. */
function stripTags(html: string): string {
  const nextTag = tagWalker(html);
  let out = '';
  let i = 0;
  for (let tag = nextTag(0); tag; tag = nextTag(i)) {
    out += html.slice(i, tag.lt);
    i = tag.gt + 1;
  }
  tick(html.length);
  return out + html.slice(i);
}

/**
 * Drops spaces and tabs that end a line, keeps at most one blank line in a row, and trims.
 * One pass over the lines, where `/[ \t]+\n/` would rescan a long run of spaces from each
 * of its spaces.
 */
function tidy(text: string): string {
  tick(text.length);
  const kept: string[] = [];
  let blank = 0;
  for (const line of text.split('\n')) {
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t'))
      end -= 1;
    blank = end === 0 ? blank + 1 : 0;
    if (blank < 2) kept.push(line.slice(0, end));
  }
  return kept.join('\n').trim();
}
