import { intlLocale, lookupKeys } from './locale.js';
import type {
  MessageCatalogue,
  MessageCode,
  MessageOptions,
  MessageParams,
  PluralCode,
  PluralMessage,
  TextCode,
} from './types.js';

type Messages = Partial<MessageCatalogue>;

/**
 * Two layers of catalogues, by lower-case locale tag. What a site sets (`setMessages`) is
 * always looked at before what core ships (`addLocale`), whatever the order of the calls, so
 * a locale module loaded late never undoes a site's wording. English is the fallback.
 */
const site = new Map<string, Messages>();
const shipped = new Map<string, Messages>();
let currentLocale = 'en';

/** The key a catalogue is kept under: "zh_TW" and "ZH-tw" are "zh-tw". */
const keyOf = (locale: string) => locale.toLowerCase().replaceAll('_', '-');

/** A catalogue may come from JSON: only its own string entries count, never `Object.prototype`'s. */
function own(messages: Messages | undefined, code: string): string | undefined {
  if (!messages || !Object.hasOwn(messages, code)) return undefined;
  const text = (messages as Record<string, unknown>)[code];
  return typeof text === 'string' ? text : undefined;
}

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
  options: MessageOptions,
  pick: (messages: Messages | undefined, code: string) => T | undefined,
): T | undefined {
  const given = pick(options.messages, code);
  if (given !== undefined) return given;
  const keys = keysFor(
    typeof options.locale === 'string' ? options.locale : currentLocale,
  );
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

/**
 * Adds `messages` to a layer of catalogues, for `locale` (the current one when undefined),
 * above what that layer held for it. See `setMessages` and `addLocale`.
 */
export function addMessages(
  layer: 'site' | 'shipped',
  locale: string | undefined,
  messages: Messages | undefined,
): void {
  const catalogues = layer === 'site' ? site : shipped;
  const tag = keyOf(locale ?? currentLocale);
  // Spread defines own properties, so a "__proto__" key from JSON stays a harmless entry.
  catalogues.set(tag, { ...catalogues.get(tag), ...messages });
}

/**
 * Chooses the locale schemas report in when a call names none (English until then).
 *
 * @example
 * addLocale(km);
 * setLocale('km');
 */
export function setLocale(locale: string): void {
  currentLocale = locale;
}

/**
 * The message a site or locale module set for a code, in the locale asked for (else the
 * current one), or undefined when none did and the built-in English applies.
 */
export function reworded(
  code: string,
  options: MessageOptions = {},
): string | undefined {
  return lookUp(code, options, own);
}

function format(value: unknown, locale: string): string {
  if (typeof value !== 'number') return String(value);
  try {
    return value.toLocaleString(locale);
  } catch {
    // An unknown tag (from a request header, say) must not turn a refusal into a crash.
    return String(value);
  }
}

/** Fills `{name}` placeholders from an issue's parameters; unknown names stay as written. */
export function fill(
  text: string,
  params: MessageParams | undefined,
  options: MessageOptions = {},
): string {
  if (!params) return text;
  const locale = options.locale ?? currentLocale;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? format(params[name], locale) : placeholder,
  );
}

/**
 * A message of core's own words (quantities, dates, nationalities) in a locale, filled: the
 * site's or a locale module's, else `english`, the table of the concept that asks.
 */
export function wordsFor<C extends TextCode>(
  english: Readonly<Record<C, string>>,
  code: C,
  params: MessageParams | undefined,
  locale: string,
): string {
  const options = { locale };
  return fill(reworded(code, options) ?? english[code], params, options);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of a plural message that `count` takes in `locale` ("1 dollar", "5 dollars"). */
export function pluralFor<C extends PluralCode>(
  english: Readonly<Record<C, PluralMessage>>,
  code: C,
  count: number,
  locale: string,
): string {
  const forms = lookUp(code, { locale }, ownPlural) ?? english[code];
  const tag = intlLocale(locale);
  let rules = pluralRules.get(tag);
  if (!rules) {
    if (pluralRules.size >= 64) pluralRules.clear();
    rules = new Intl.PluralRules(tag);
    pluralRules.set(tag, rules);
  }
  const category = rules.select(count);
  const form = Object.hasOwn(forms, category) ? forms[category] : undefined;
  return typeof form === 'string' ? form : forms.other;
}

/** Zod parameters that make an issue carry one of core's codes. */
export interface IssueParams {
  params: MessageParams & { code: MessageCode };
  error: () => string;
}

/**
 * Zod parameters for a check or schema of core's: the issue carries `{ code, ...params }`, and
 * its message is looked up when the issue is reported, never copied at import. `english` is the
 * table the code falls back to; each concept passes its own, so a page loads only the English
 * of the schemas it uses.
 */
export function issueWith<C extends MessageCode>(
  english: Readonly<Record<C, string>>,
  code: C,
  params?: MessageParams,
): IssueParams {
  const all = { ...params, code };
  return {
    params: all,
    error: () => fill(reworded(code) ?? english[code], all),
  };
}
