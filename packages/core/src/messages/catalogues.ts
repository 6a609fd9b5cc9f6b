/**
 * What adds catalogues: a site's wording and the locale modules core ships. Adding one
 * provides the lookup through catalogues (`layers.ts`) and, since a catalogue may word a
 * language the platform's Intl lacks, core's own writers for dates, lists and country names
 * (`OwnWriters`): a page that adds none, in English, never loads them.
 */
import { addMessages, LAYERS } from './layers.js';
import { localeOf, type Messages, provideCatalogues } from './lookup.js';
import { OWN_WRITERS } from './own-writers.js';
import { provideOwnWriters } from './own-registry.js';
import type { LocaleModule } from './types.js';

/** What a catalogue brings with it: the lookup through catalogues, and core's own writers. */
function provide(): void {
  provideCatalogues(LAYERS);
  provideOwnWriters(OWN_WRITERS);
}

/**
 * Rewords messages, or adds a locale's. Without a locale, the current one's (see `setLocale`).
 * What it sets wins over the locales core ships (`addLocale`), over the built-in English and
 * over earlier calls; codes it leaves out keep their message. A site's English wins over
 * core's English, and applies to another language only where no catalogue words a code in
 * it. Schemas look messages up when they report an issue, so this works after import.
 *
 * @example
 * setMessages({ 'name-required': 'Who is writing?' });
 * setMessages('km', { 'name-required': 'សូមសរសេរឈ្មោះ។' }); // a site's own Khmer wording
 */
export function setMessages(messages: Messages): void;
export function setMessages(locale: string, messages: Messages): void;
export function setMessages(
  localeOrMessages: string | Messages,
  messages?: Messages,
): void {
  provide();
  if (typeof localeOrMessages === 'string')
    addMessages('site', localeOrMessages, messages);
  else addMessages('site', localeOf({}), localeOrMessages);
}

/**
 * Adds a locale module's catalogue, below what a site sets: a message a site chose with
 * `setMessages` stays, whether it was set before or after. Adding the same locale again adds
 * its codes to those already there.
 *
 * @example
 * import * as km from '@dateline/core/locales/km';
 * addLocale(km);
 * messageFor('name-required', undefined, { locale: 'km-KH' }) // 'សូមបញ្ចូលឈ្មោះរបស់អ្នក។'
 */
export function addLocale(module: LocaleModule): void {
  if (
    module === null ||
    typeof module !== 'object' ||
    typeof module.locale !== 'string' ||
    module.locale === '' ||
    module.messages === null ||
    typeof module.messages !== 'object'
  ) {
    throw new TypeError(
      'addLocale takes a locale module, { locale, messages }, such as the one @dateline/core/locales/km exports.',
    );
  }
  provide();
  addMessages('shipped', module.locale, module.messages);
}
