/**
 * The service's own words in each language it ships, for the pages it writes itself. The
 * comment section's words are the elements'; a refusal's are core's (`messageFor`).
 */
import type { SupportedLocale } from '@dateline/core';
import { words as ar } from './ar.js';
import { englishServiceWords, type ServiceWords } from './en.js';
import { words as id } from './id.js';
import { words as km } from './km.js';
import { words as th } from './th.js';
import { words as vi } from './vi.js';
import { words as zhHans } from './zh-Hans.js';
import { words as zhHant } from './zh-Hant.js';

export type { ServiceWordCode, ServiceWords } from './en.js';

/** The service's words in every language it ships: the shipped ones, or a site's (`withSiteWords`). */
export type ServiceCatalogue = Readonly<Record<SupportedLocale, ServiceWords>>;

/** What the service writes to readers and moderators (mails, and the pages it shows), by language. */
export const SERVICE_WORDS: ServiceCatalogue = {
  en: englishServiceWords,
  km,
  vi,
  id,
  th,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ar,
};

/**
 * Words with their `{name}` placeholders filled with plain text; a placeholder without a
 * value stays as written, and a value's own braces are never read as placeholders.
 *
 * @example
 * fillText('New reply on {thread}', { thread: '“Arrests in Sihanoukville”' })
 */
export function fillText(
  words: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return words.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}
