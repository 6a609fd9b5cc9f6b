/** The entities WordPress writes: esc_html's five, and the punctuation wptexturize makes. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  times: '×',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** Decodes character references; unknown names and invalid code points stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi,
    (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
      const code =
        ref[1] === 'x' || ref[1] === 'X'
          ? parseInt(ref.slice(2), 16)
          : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    },
  );
}

/**
 * Turns the HTML WordPress renders for a comment (wpautop paragraphs, `<br />`, make_clickable
 * links, the few tags comments may use) back into plain text: paragraphs become blank lines,
 * a link whose text is not its address keeps the address in brackets, every other tag goes.
 * The result is text to be rendered as text, never HTML.
 */
export function htmlToText(html: string): string {
  const text = html
    // wpautop's own line breaks are formatting; the tags say where lines break.
    .replace(/\r?\n/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi,
      (_, dq?: string, sq?: string, inner = '') => {
        const href = decodeEntities(dq ?? sq ?? '');
        const label = inner.replace(/<[^>]*>/g, '');
        const shown = decodeEntities(label).trim();
        // The address goes back in escaped, as the text around it still is.
        const escaped = href
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;');
        return /^https?:\/\//i.test(href) &&
          shown !== href &&
          shown !== href.replace(/\/$/, '')
          ? `${label} (${escaped})`
          : label;
      },
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|blockquote|li|div)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
