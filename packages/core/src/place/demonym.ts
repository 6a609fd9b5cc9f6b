import { normalizeName } from './normalize.js';

/**
 * English demonyms by ISO 3166-1 alpha-2 code. The platform's Intl names countries but has no
 * demonyms, so this list is ours; it covers the seed's nationalities and the region's. Maps,
 * not objects: codes and words come from user text.
 */
const DEMONYMS: ReadonlyMap<string, { singular: string; plural?: string }> =
  new Map([
    ['KH', { singular: 'Cambodian' }],
    ['VN', { singular: 'Vietnamese', plural: 'Vietnamese' }],
    ['ID', { singular: 'Indonesian' }],
    ['CN', { singular: 'Chinese', plural: 'Chinese' }],
    ['TW', { singular: 'Taiwanese', plural: 'Taiwanese' }],
    ['TH', { singular: 'Thai' }],
    ['BD', { singular: 'Bangladeshi' }],
    ['MM', { singular: 'Myanmar', plural: 'Myanmar nationals' }],
    ['LA', { singular: 'Lao', plural: 'Lao' }],
    ['MY', { singular: 'Malaysian' }],
    ['PH', { singular: 'Filipino' }],
    ['SG', { singular: 'Singaporean' }],
    ['KR', { singular: 'South Korean' }],
    ['JP', { singular: 'Japanese', plural: 'Japanese' }],
    ['IN', { singular: 'Indian' }],
    ['PK', { singular: 'Pakistani' }],
    ['NP', { singular: 'Nepali' }],
    ['LK', { singular: 'Sri Lankan' }],
    ['HK', { singular: 'Hong Konger' }],
    ['US', { singular: 'American' }],
    ['GB', { singular: 'British', plural: 'British' }],
    ['AU', { singular: 'Australian' }],
    ['NG', { singular: 'Nigerian' }],
    ['KE', { singular: 'Kenyan' }],
    ['UG', { singular: 'Ugandan' }],
    ['ET', { singular: 'Ethiopian' }],
    ['RU', { singular: 'Russian' }],
    ['TR', { singular: 'Turkish', plural: 'Turkish' }],
    ['BR', { singular: 'Brazilian' }],
  ]);

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
  for (const [code, d] of DEMONYMS) {
    byWord.set(normalizeName(d.singular), code);
    byWord.set(normalizeName(d.plural ?? `${d.singular}s`), code);
  }
  for (const [word, code] of EXTRA_WORDS) byWord.set(word, code);
  return byWord;
}

/**
 * The English demonym of a country, singular or plural.
 *
 * @example
 * demonym('VN') // 'Vietnamese'
 * demonym('ID', { plural: true }) // 'Indonesians'
 */
export function demonym(
  code: string,
  options: { plural?: boolean } = {},
): string | undefined {
  if (typeof code !== 'string') return undefined;
  const d = DEMONYMS.get(code.toUpperCase());
  if (!d) return undefined;
  return options.plural ? (d.plural ?? `${d.singular}s`) : d.singular;
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
