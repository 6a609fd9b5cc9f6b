/**
 * The service's own words in each language it ships, for the pages it writes itself. The
 * comment section's words are the elements'; a refusal's are core's (`messageFor`).
 */
import type { SupportedLocale } from '@dateline/core';
import { words as ar } from './ar.js';
import { englishReaderWords, type ReaderWords } from './en.js';
import { words as id } from './id.js';
import { words as km } from './km.js';
import { words as th } from './th.js';
import { words as vi } from './vi.js';
import { words as zhHans } from './zh-Hans.js';
import { words as zhHant } from './zh-Hant.js';

export type { ReaderWordCode, ReaderWords } from './en.js';

/** What the service writes to a reader (mails, and the pages their links open), by language. */
export const READER_WORDS: Readonly<Record<SupportedLocale, ReaderWords>> = {
  en: englishReaderWords,
  km,
  vi,
  id,
  th,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ar,
};
