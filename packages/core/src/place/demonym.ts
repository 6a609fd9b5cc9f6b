import {
  DEMONYM_COUNTRIES,
  type DemonymCountry,
  englishDemonyms,
} from '../messages/en-demonym.js';
import { wordsFor } from '../messages/lookup.js';
import { normalizeName } from './normalize.js';

/** Other words that name a nationality (old names, adjectives used as nouns). */
const EXTRA_WORDS: ReadonlyArray<readonly [word: string, code: string]> = [
  ['burmese', 'MM'],
  ['myanmarese', 'MM'],
  ['khmer', 'KH'],
  ['filipina', 'PH'],
  ['filipinos', 'PH'],
  ['laotian', 'LA'],
  ['laotians', 'LA'],
  ['korean', 'KR'],
  ['koreans', 'KR'],
  ['briton', 'GB'],
  ['britons', 'GB'],
  ['thais', 'TH'],
  ['chinese', 'CN'],
];

let byWord: Map<string, string> | undefined;

function index(): Map<string, string> {
  if (byWord) return byWord;
  byWord = new Map();
  for (const code of DEMONYM_COUNTRIES) {
    byWord.set(normalizeName(englishDemonyms[`demonym-${code}`]), code);
    byWord.set(normalizeName(englishDemonyms[`demonym-${code}-plural`]), code);
  }
  for (const [word, code] of EXTRA_WORDS) byWord.set(word, code);
  return byWord;
}

export interface DemonymOptions {
  /** The plural, as a heading over people of that nationality: "Indonesians". Default false. */
  plural?: boolean;
  /**
   * BCP 47 locale; its catalogue must have been added (`addLocale`, `loadLocale`), else
   * the demonym is English. Default "en".
   */
  locale?: string;
}

/**
 * The demonym of a country, singular or plural, in a locale (English by default).
 *
 * @example
 * demonym('VN') // 'Vietnamese'
 * demonym('ID', { plural: true }) // 'Indonesians'
 * demonym('VN', { plural: true, locale: 'km' }) // 'ជនជាតិវៀតណាម', once the Khmer catalogue is added
 */
export function demonym(
  code: string,
  options: DemonymOptions = {},
): string | undefined {
  if (typeof code !== 'string') return undefined;
  const key = `demonym-${code.toUpperCase() as DemonymCountry}` as const;
  if (!Object.hasOwn(englishDemonyms, key)) return undefined;
  return wordsFor(
    englishDemonyms,
    options.plural ? `${key}-plural` : key,
    undefined,
    options.locale ?? 'en',
  );
}

/**
 * The ISO 3166-1 alpha-2 code a nationality word names; "nationals", "citizens" may follow.
 *
 * @example
 * countryFromDemonym('Indonesians') // 'ID'
 * countryFromDemonym('Vietnamese nationals') // 'VN'
 */
export function countryFromDemonym(word: string): string | undefined {
  if (typeof word !== 'string' || word.length > 100) return undefined;
  const key = normalizeName(word).replace(
    / (?:nationals?|citizens?|people|workers?)$/,
    '',
  );
  return index().get(key);
}
