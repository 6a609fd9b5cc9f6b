import { intlLocale } from './locale.js';
import { ownWriters } from './platform.js';

export interface ListOptions {
  /**
   * BCP 47 locale: Intl's words, or its catalogue's where the platform has no data for it
   * (Chromium has no Khmer). Default "en".
   */
  locale?: string;
  /**
   * `long` joins the last item with the language's "and" ("A, B and C"); `narrow` only
   * separates the items ("A, B, C"), for a list whose context already says what it is.
   * Default `long`.
   */
  style?: 'long' | 'narrow';
}

const formats = new Map<string, Intl.ListFormat>();

/**
 * A list formatter for a language: Intl's where the platform has the language, else one in
 * the words of its catalogue (`list-and`, `list-and-last`, `list-separator`). Give it to
 * whatever takes an `Intl.ListFormat`, such as a list whose items are markup.
 *
 * @example
 * listFormat({ locale: 'km' }).format(['ក', 'ខ', 'គ']) // 'ក, ខ និង គ'
 */
export function listFormat(options: ListOptions = {}): Intl.ListFormat {
  const locale = options.locale ?? 'en';
  const style = options.style === 'narrow' ? 'narrow' : 'long';
  const own = ownWriters('ListFormat', locale, 'list-and');
  const tag = intlLocale(locale);
  // A tag is read from its first 128 characters (see `MAX_TAG`): so is the key.
  const key = `${!own} ${tag} ${String(locale).slice(0, 128)} ${style}`;
  let format = formats.get(key);
  if (!format) {
    format = own
      ? own.list(locale, style)
      : new Intl.ListFormat(tag, { type: 'conjunction', style });
    // A page may set any lang; the cache stays small whatever it sets.
    if (formats.size >= 64) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/**
 * Items as a list in a reader's language: "A, B and C", "A、B和C", "ក, ខ និង គ".
 *
 * @example
 * formatList(['Vietnamese', 'Indonesians', 'Chinese']) // 'Vietnamese, Indonesians, and Chinese'
 * formatList(['A', 'B'], { style: 'narrow' }) // 'A, B'
 */
export function formatList(
  items: Iterable<string>,
  options: ListOptions = {},
): string {
  return listFormat(options).format(items);
}
