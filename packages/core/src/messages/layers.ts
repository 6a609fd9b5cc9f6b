import { MAX_TAG, shippedLocaleOf } from './locale.js';
import { type CatalogueLookup, type Messages, own } from './lookup.js';
import type { PluralMessage } from './types.js';

/**
 * Two layers of catalogues, by lower-case locale tag. What a site sets (`setMessages`) is
 * always looked at before what core ships (`addLocale`), whatever the order of the calls, so
 * a locale module loaded late never undoes a site's wording. English is the fallback.
 */
const site = new Map<string, Messages>();
const shipped = new Map<string, Messages>();

/** The key a catalogue is kept under: "zh_TW" and "ZH-tw" are "zh-tw". */
const keyOf = (locale: string) => locale.toLowerCase().replaceAll('_', '-');

/** A plural message with at least its `other` form, read as carefully as `own` reads text. */
function ownPlural(
  messages: Messages | undefined,
  code: string,
): PluralMessage | undefined {
  if (!messages || !Object.hasOwn(messages, code)) return undefined;
  const forms = (messages as Record<string, unknown>)[code];
  return forms !== null &&
    typeof forms === 'object' &&
    Object.hasOwn(forms, 'other') &&
    typeof (forms as { other: unknown }).other === 'string'
    ? (forms as PluralMessage)
    : undefined;
}

/**
 * The keys a tag's messages are looked up by, most specific first, in lower case: the tag,
 * each shorter form of it, and the shipped locale it matches before its bare language, so
 * that "zh-TW" finds "zh-hant" before "zh". English, the last resort, is not among them.
 */
function lookupKeys(locale: string): string[] {
  const tag = locale.slice(0, MAX_TAG).toLowerCase().replaceAll('_', '-');
  const keys: string[] = [];
  let cut = tag;
  for (;;) {
    const dash = cut.lastIndexOf('-');
    if (dash <= 0) break;
    keys.push(cut);
    cut = cut.slice(0, dash);
  }
  const matched = shippedLocaleOf(tag)?.toLowerCase();
  if (matched && matched !== 'en' && !keys.includes(matched))
    keys.push(matched);
  if (cut !== 'en') keys.push(cut);
  return keys;
}

/** Each lookup with the same tag walks the same keys; a page or a service uses few tags. */
const keyCache = new Map<string, string[]>();
function keysFor(locale: string): string[] {
  let keys = keyCache.get(locale);
  if (!keys) {
    if (keyCache.size >= 64) keyCache.clear();
    keys = lookupKeys(locale);
    keyCache.set(locale, keys);
  }
  return keys;
}

function lookUp<T>(
  code: string,
  locale: string,
  pick: (messages: Messages | undefined, code: string) => T | undefined,
): T | undefined {
  const keys = keysFor(locale);
  for (const key of keys) {
    const found = pick(site.get(key), code);
    if (found !== undefined) return found;
  }
  for (const key of keys) {
    const found = pick(shipped.get(key), code);
    if (found !== undefined) return found;
  }
  return pick(site.get('en'), code) ?? pick(shipped.get('en'), code);
}

/** The catalogues' lookup that `catalogues.ts` provides with the first catalogue. */
export const LAYERS: CatalogueLookup = {
  text: (code, locale) => lookUp(code, locale, own),
  plural: (code, locale) => lookUp(code, locale, ownPlural),
};

/**
 * Adds `messages` to a layer of catalogues, for `locale`, above what that layer held for it.
 * See `setMessages` and `addLocale`.
 */
export function addMessages(
  layer: 'site' | 'shipped',
  locale: string,
  messages: Messages | undefined,
): void {
  const catalogues = layer === 'site' ? site : shipped;
  const tag = keyOf(locale);
  // Spread defines own properties, so a "__proto__" key from JSON stays a harmless entry.
  catalogues.set(tag, { ...catalogues.get(tag), ...messages });
}
