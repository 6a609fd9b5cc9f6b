/** A link found in plain text. `href` is always http or https. */
export interface TextLink {
  href: string;
  text: string;
}

export type LinkifiedPart = string | TextLink;

// Only schemes we allow can start a link; nothing like javascript: or data: ever matches.
const URL_START = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?'"’”)\]}>*]+$/u;

function trimTrailing(candidate: string): string {
  let url = candidate;
  // Keep a closing bracket that closes one inside the URL (Wikipedia-style links).
  for (;;) {
    const m = TRAILING.exec(url);
    if (!m) return url;
    let cut = m[0];
    while (cut.length) {
      const ch = cut[0]!;
      const open =
        ch === ')' ? '(' : ch === ']' ? '[' : ch === '}' ? '{' : undefined;
      const head = url.slice(0, url.length - cut.length);
      if (open && count(head, open) > count(head, ch)) {
        cut = cut.slice(1);
        continue;
      }
      break;
    }
    if (cut.length === 0) return url;
    const shorter = url.slice(0, url.length - cut.length);
    if (shorter === url) return url;
    url = shorter;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n += 1;
  return n;
}

/**
 * Splits plain text into strings and links. Only http(s) URLs become links, and trailing
 * punctuation stays text. The parts are data for a renderer; none of them is HTML.
 *
 * @example
 * linkify('See https://example.com/report.') // ['See ', { href: 'https://example.com/report', text: 'https://example.com/report' }, '.']
 */
export function linkify(text: string): LinkifiedPart[] {
  const parts: LinkifiedPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_START)) {
    const raw = trimTrailing(m[0]);
    let href: string;
    try {
      const u = new URL(raw);
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname)
        continue;
      href = u.href;
    } catch {
      continue;
    }
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ href, text: raw });
    last = m.index + raw.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
