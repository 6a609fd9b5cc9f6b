import { intlLocale } from './locale.js';
import type {
  MessageCatalogue,
  MessageCode,
  MessageOptions,
  MessageParams,
  PluralCode,
  PluralMessage,
  TextCode,
} from './types.js';

/** Catalogues' words by code, as a site's `setMessages` and a locale module leave them. */
export type Messages = Partial<MessageCatalogue>;

/**
 * What finds a code's words in the catalogues a page added, for a locale: `catalogues.ts`
 * provides it with the first catalogue, so a page that adds none (in English) never loads it.
 */
export interface CatalogueLookup {
  text(code: string, locale: string): string | undefined;
  plural(code: string, locale: string): PluralMessage | undefined;
}

let catalogues: CatalogueLookup | undefined;
let currentLocale = 'en';

/** Makes the catalogues' lookup answer: what adds a catalogue calls it. */
export function provideCatalogues(lookup: CatalogueLookup): void {
  catalogues = lookup;
}

/** A catalogue may come from JSON: only its own string entries count, never `Object.prototype`'s. */
export function own(
  messages: Messages | undefined,
  code: string,
): string | undefined {
  if (!messages || !Object.hasOwn(messages, code)) return undefined;
  const text = (messages as Record<string, unknown>)[code];
  return typeof text === 'string' ? text : undefined;
}

/** The locale a lookup is for: the one asked for, else the current one (see `setLocale`). */
export function localeOf(options: MessageOptions): string {
  return typeof options.locale === 'string' ? options.locale : currentLocale;
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
  return (
    own(options.messages, code) ?? catalogues?.text(code, localeOf(options))
  );
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
  const forms = catalogues?.plural(code, locale) ?? english[code];
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
