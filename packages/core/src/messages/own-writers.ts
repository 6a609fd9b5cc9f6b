/**
 * Core's own writers, for languages the platform lacks: what `addLocale` and `setMessages`
 * provide along with a catalogue, so that only a page with such a catalogue carries them.
 */
import { ownDateTime, ownDateWriter, ownRelative } from '../date/own.js';
import { englishCountryNames } from './en-country.js';
import { intlLocale } from './locale.js';
import { reworded, wordsFor } from './lookup.js';
import { ownList } from './own-list.js';
import type { IntlService, OwnWriters } from './platform.js';

/**
 * The platform's answers, per service function: they do not change while a page lives, and a
 * polyfill that replaces a service later (FormatJS's, say) is asked afresh.
 */
const answers = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether the platform's Intl has `service`'s data for `tag`. A browser may ship without a
 * language's data (Chromium has no Khmer), and Intl then writes in its own default language
 * without a word of warning: only `supportedLocalesOf` tells.
 */
function platformSpeaks(service: IntlService, tag: string): boolean {
  const made = (Intl as unknown as Record<string, unknown>)[service] as
    | { supportedLocalesOf?: (tags: string[]) => string[] }
    | undefined;
  const ask = made?.supportedLocalesOf;
  if (typeof ask !== 'function') return false;
  let known = answers.get(ask);
  if (!known) {
    known = new Map();
    answers.set(ask, known);
  }
  let speaks = known.get(tag);
  if (speaks === undefined) {
    try {
      speaks = ask.call(made, [tag]).length > 0;
    } catch {
      speaks = false;
    }
    // A page may set any lang; what is kept stays small whatever it sets.
    if (known.size >= 64) known.clear();
    known.set(tag, speaks);
  }
  return speaks;
}

export const OWN_WRITERS: OwnWriters = {
  wanted: (service, locale, code) =>
    !platformSpeaks(service, intlLocale(locale)) &&
    reworded(code, { locale }) !== undefined,
  date: ownDateWriter,
  dateTime: ownDateTime,
  relative: ownRelative,
  list: ownList,
  country: (code, locale) =>
    wordsFor(englishCountryNames, code, undefined, locale),
};
