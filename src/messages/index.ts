/**
 * The service's own words in each language it ships, for the pages it writes itself. The
 * comment section's words are the elements'; a refusal's are core's (`messageFor`).
 */
import type { SupportedLocale } from '@dateline/core';
import { words as ar } from './ar.js';
import { englishPageWords, type PageWords } from './en.js';
import { words as id } from './id.js';
import { words as km } from './km.js';
import { words as th } from './th.js';
import { words as vi } from './vi.js';
import { words as zhHans } from './zh-Hans.js';
import { words as zhHant } from './zh-Hant.js';

export type { PageWordCode, PageWords } from './en.js';

/** The words of the pages a reader opens from a mail, by language. */
export const PAGE_WORDS: Readonly<Record<SupportedLocale, PageWords>> = {
  en: englishPageWords,
  km,
  vi,
  id,
  th,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ar,
};
