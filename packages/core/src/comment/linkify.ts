import { isAsciiLetter, isDigit, isSpace } from '../text/chars.js';
import { tick } from '../text/work.js';

/** A link found in plain text. `href` is always http or https. */
export interface TextLink {
  href: string;
  text: string;
}

export type LinkifiedPart = string | TextLink;

/**
 * DNS limits (RFC 1035): a host name is at most 253 characters, a label at most 63. A longer
 * address cannot be visited, and leaving it text keeps the URL parser's punycode step, which
 * grows with the square of a label's length, small.
 */
const MAX_HOST = 253;
const MAX_LABEL = 63;
/** Room for `user:password@` and `:port` around the host. */
const MAX_AUTHORITY = 320;

/** Characters that end a URL in running text, as the `\s` class, `<>"'` and backtick. */
function endsUrl(code: number): boolean {
  return (
    code === 0x3c || // <
    code === 0x3e || // >
    code === 0x22 || // "
    code === 0x27 || // '
    code === 0x60 || // `
    isSpace(code)
  );
}

/** Punctuation that ends a sentence or a quote rather than the URL before it. */
function isTrailing(code: number): boolean {
  return (
    code === 0x2e || // .
    code === 0x2c || // ,
    code === 0x3b || // ;
    code === 0x3a || // :
    code === 0x21 || // !
    code === 0x3f || // ?
    code === 0x2a || // *
    code === 0x2019 || // ’
    code === 0x201d // ”
  );
}

const CLOSERS = ')]}';
const OPENERS = '([{';

/** Word characters of a regex `\b` with the `iu` flags: ASCII letters, digits, `_`, ſ and K. */
function isWordChar(code: number): boolean {
  return (
    isAsciiLetter(code) ||
    isDigit(code) ||
    code === 0x5f ||
    code === 0x17f ||
    code === 0x212a
  );
}

/** Length of `http://` or `https://` (any case) at `i`, or 0. */
function schemeAt(text: string, i: number): number {
  if ((text.charCodeAt(i) | 0x20) !== 0x68) return 0; // h
  if (i > 0 && isWordChar(text.charCodeAt(i - 1))) return 0;
  if (
    (text.charCodeAt(i + 1) | 0x20) !== 0x74 || // t
    (text.charCodeAt(i + 2) | 0x20) !== 0x74 ||
    (text.charCodeAt(i + 3) | 0x20) !== 0x70 // p
  )
    return 0;
  let j = i + 4;
  if ((text.charCodeAt(j) | 0x20) === 0x73) j += 1; // s
  return text.startsWith('://', j) ? j + 3 - i : 0;
}

/**
 * Whether the authority (`user@host:port`) between `from` and `to` fits the DNS limits.
 * One pass over the characters up to the first `/`, `?`, `#` or `\`.
 */
function authorityFits(text: string, from: number, to: number): boolean {
  let hostStart = from;
  let label = 0;
  let i = from;
  for (; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) break;
    if (i - from >= MAX_AUTHORITY) return false;
    if (c === 0x40) {
      hostStart = i + 1; // what came before was user:password
      label = 0;
    } else if (c === 0x2e) label = 0;
    else {
      label += 1;
      if (label > MAX_LABEL) return false;
    }
  }
  tick(i - from);
  return i - hostStart <= MAX_HOST + 6; // ":65535"
}

/**
 * Splits plain text into strings and links. Only http(s) URLs become links, and trailing
 * punctuation stays text; a closing bracket stays in the link when it closes one the link
 * opened (Wikipedia-style addresses such as `…/Phnom_Penh_(city)`). The parts are data for a
 * renderer; none of them is HTML.
 *
 * Runs in time linear in the text: one pass finds each candidate and counts its brackets,
 * one backwards pass over its end trims punctuation, and the URL parser reads each candidate
 * once.
 *
 * @example
 * linkify('See https://example.com/report.') // ['See ', { href: 'https://example.com/report', text: 'https://example.com/report' }, '.']
 */
export function linkify(text: string): LinkifiedPart[] {
  const parts: LinkifiedPart[] = [];
  // A comment that repeats one address is parsed once.
  const parsed = new Map<string, string | undefined>();
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const scheme = schemeAt(text, i);
    if (scheme === 0) {
      tick();
      i += 1;
      continue;
    }
    const bodyStart = i + scheme;
    // Bracket counts of the whole candidate, [opened, closed] by kind: ( [ {.
    const opened = [0, 0, 0];
    const closed = [0, 0, 0];
    let end = bodyStart;
    for (; end < text.length; end += 1) {
      const c = text.charCodeAt(end);
      if (endsUrl(c)) break;
      const open = OPENERS.indexOf(text[end]!);
      if (open >= 0) opened[open]! += 1;
      const close = CLOSERS.indexOf(text[end]!);
      if (close >= 0) closed[close]! += 1;
    }
    tick(end - i);
    if (end === bodyStart) {
      i += 1;
      continue;
    }
    const next = end;
    // Trim from the end: punctuation goes, and so does a closing bracket that closes
    // nothing, judged by the counts of the URL that remains.
    while (end > bodyStart) {
      const c = text.charCodeAt(end - 1);
      const close = CLOSERS.indexOf(text[end - 1]!);
      if (close >= 0 && closed[close]! > opened[close]!) closed[close]! -= 1;
      else if (!isTrailing(c)) break;
      tick();
      end -= 1;
    }
    const href =
      end > bodyStart ? httpHref(text, i, bodyStart, end, parsed) : undefined;
    if (href !== undefined) {
      if (i > last) parts.push(text.slice(last, i));
      parts.push({ href, text: text.slice(i, end) });
      last = end;
    }
    i = next;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The normalised address of an http(s) URL written at [start, end), or undefined. */
function httpHref(
  text: string,
  start: number,
  bodyStart: number,
  end: number,
  parsed: Map<string, string | undefined>,
): string | undefined {
  if (!authorityFits(text, bodyStart, end)) return undefined;
  const raw = text.slice(start, end);
  if (parsed.has(raw)) return parsed.get(raw);
  let href: string | undefined;
  tick(raw.length);
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname)
      href = u.href;
  } catch {
    href = undefined;
  }
  parsed.set(raw, href);
  return href;
}
