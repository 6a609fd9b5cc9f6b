/**
 * Core's own writers, for languages the platform lacks: what `addLocale` and `setMessages`
 * provide along with a catalogue, so that only a page with such a catalogue carries them.
 */
import { ownDateTime, ownDateWriter, ownRelative } from '../date/own.js';
import { englishCountryNames } from './en-country.js';
import { wordsFor } from './lookup.js';
import { ownList } from './own-list.js';
import type { OwnWriters } from './platform.js';

export const OWN_WRITERS: OwnWriters = {
  date: ownDateWriter,
  dateTime: ownDateTime,
  relative: ownRelative,
  list: ownList,
  country: (code, locale) =>
    wordsFor(englishCountryNames, code, undefined, locale),
};
