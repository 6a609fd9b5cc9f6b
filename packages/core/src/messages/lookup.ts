import type {
  MessageCatalogue,
  MessageCode,
  MessageOptions,
  MessageParams,
} from './types.js';

/** What sites and locale modules added, by lower-case locale tag. English is the fallback. */
const catalogues = new Map<string, Partial<MessageCatalogue>>();
let currentLocale = 'en';

/** A catalogue may come from JSON: only its own string entries count, never `Object.prototype`'s. */
function own(
  messages: Partial<MessageCatalogue> | undefined,
  code: string,
): string | undefined {
  if (!messages || !Object.hasOwn(messages, code)) return undefined;
  const text = (messages as Record<string, unknown>)[code];
  return typeof text === 'string' ? text : undefined;
}

/** "km-KH" is looked up as "km-kh", then "km", then as the site's English. */
function tags(locale: string): string[] {
  const tag = locale.toLowerCase();
  const dash = tag.indexOf('-');
  return dash > 0 ? [tag, tag.slice(0, dash), 'en'] : [tag, 'en'];
}

/**
 * Rewords messages, or adds a locale's. Without a locale, the current one's (see `setLocale`).
 * What it sets wins over the built-in English and over earlier calls; codes it leaves out keep
 * their message. Schemas look messages up when they report an issue, so this works after import.
 *
 * @example
 * setMessages({ 'name-required': 'Who is writing?' });
 * setMessages('km', km); // a locale module
 */
export function setMessages(messages: Partial<MessageCatalogue>): void;
export function setMessages(
  locale: string,
  messages: Partial<MessageCatalogue>,
): void;
export function setMessages(
  localeOrMessages: string | Partial<MessageCatalogue>,
  messages?: Partial<MessageCatalogue>,
): void {
  const [locale, added] =
    typeof localeOrMessages === 'string'
      ? [localeOrMessages, messages]
      : [currentLocale, localeOrMessages];
  const tag = locale.toLowerCase();
  // Spread defines own properties, so a "__proto__" key from JSON stays a harmless entry.
  catalogues.set(tag, { ...catalogues.get(tag), ...added });
}

/**
 * Chooses the locale schemas report in when a call names none (English until then).
 *
 * @example
 * setMessages('km', km);
 * setLocale('km');
 */
export function setLocale(locale: string): void {
  currentLocale = locale;
}

/**
 * The message a site or locale module set for a code, with the locale it is written for, or
 * undefined when none did and the built-in English applies.
 */
export function reworded(
  code: string,
  options: MessageOptions = {},
): string | undefined {
  const text = own(options.messages, code);
  if (text !== undefined) return text;
  for (const tag of tags(options.locale ?? currentLocale)) {
    const found = own(catalogues.get(tag), code);
    if (found !== undefined) return found;
  }
  return undefined;
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
