/**
 * Stands for markup (a name in `<bdi>`, a link) inside a translated sentence. The sentence is
 * looked up with `SLOT` as a value and cut where it landed, so each language puts the markup
 * where its word order wants it, while the markup itself never passes through a translation.
 * A private-use character: no translation, and no English, holds one.
 *
 * @example
 * const name = SLOT; // the translator sees "${name}"
 * const [before, after] = aroundSlot(msg(str`in reply to ${name}`, { id: 'comments.in-reply-to' }));
 * html`${before}<a href=…><bdi>${comment.author.name}</bdi></a>${after}`
 */
export const SLOT = '\uE000';

/**
 * A translated sentence cut where `SLOT` stands. A site's wording that leaves the slot out
 * still shows the markup, after its words; one that repeats it shows the markup once.
 */
export function aroundSlot(text: string): [before: string, after: string] {
  const at = text.indexOf(SLOT);
  if (at < 0) return [text, ''];
  return [text.slice(0, at), text.slice(at + 1).replaceAll(SLOT, '')];
}
