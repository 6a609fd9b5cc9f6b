/**
 * Placeholders for the values of a translated sentence that markup wraps (a figure in bold, a
 * link, a name in its own language). Private-use characters, which no translation, site
 * wording or report holds, so a slot is never mistaken for text.
 */
export const SLOTS = ['\uE000', '\uE001', '\uE002'] as const;

const SLOT = /([\uE000-\uE002])/;

/**
 * A translated sentence with markup around some of its values. `msg` writes the whole sentence,
 * in the translation's word order, with `SLOTS` standing for those values; each slot is then
 * replaced by what its function in `values` gives, told whether it opens the sentence (so a
 * figure there can take a capital). Markup never goes through `msg`, and no sentence is built
 * from pieces in English word order.
 *
 * @example
 * const [figure] = SLOTS;
 * withMarkup(msg(str`${figure} arrested`, { id: 'operation.lead' }), [
 *   (first) => html`<strong>${first ? capitalize(total) : total}</strong>`,
 * ]);
 */
export function withMarkup(
  sentence: string,
  values: ReadonlyArray<(first: boolean) => unknown>,
): unknown[] {
  const out: unknown[] = [];
  /** Whether anything a reader sees came before. */
  let started = false;
  for (const piece of sentence.split(SLOT)) {
    const index = piece.length === 1 ? SLOTS.indexOf(piece as never) : -1;
    if (index === -1) {
      if (piece) out.push(piece);
      started ||= piece.trim() !== '';
    } else if (index < values.length) {
      out.push(values[index]!(!started));
      started = true;
    }
    // A slot with no value (a site's wording that names one too many) is left out.
  }
  return out;
}

/** `text` with a capital first letter in `locale` (a no-op for scripts without case). */
export function capitalize(text: string, locale: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase(locale) + text.slice(head.length);
}

/**
 * A list in a language's own words and punctuation ("A, B and C", "A、B和C") whose items are
 * markup (links, names in their own language): the items stay in order, between the
 * language's separators.
 *
 * @example
 * markupList(names.map((n) => html`<a href=${n.url}>${n.name}</a>`), new Intl.ListFormat(locale))
 */
export function markupList(
  items: readonly unknown[],
  format: Intl.ListFormat,
): unknown[] {
  let next = 0;
  return format
    .formatToParts(items.map((_, i) => String(i)))
    .map((part) => (part.type === 'element' ? items[next++] : part.value));
}
