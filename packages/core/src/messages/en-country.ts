import type { DemonymCountry } from './en-demonym.js';

/** A country's name, for the countries `demonym` knows (`DEMONYM_COUNTRIES`). */
export type CountryNameCode = `country-${DemonymCountry}`;

/**
 * English names of the region's countries: the source of each locale's table, which names
 * them where the platform's Intl has no data for the reader's language. English itself, and
 * every language the platform has, takes its names from `Intl.DisplayNames`.
 */
export const englishCountryNames: Readonly<Record<CountryNameCode, string>> = {
  'country-KH': 'Cambodia',
  'country-VN': 'Vietnam',
  'country-ID': 'Indonesia',
  'country-CN': 'China',
  'country-TW': 'Taiwan',
  'country-TH': 'Thailand',
  'country-BD': 'Bangladesh',
  'country-MM': 'Myanmar',
  'country-LA': 'Laos',
  'country-MY': 'Malaysia',
  'country-PH': 'Philippines',
  'country-SG': 'Singapore',
  'country-KR': 'South Korea',
  'country-JP': 'Japan',
  'country-IN': 'India',
  'country-PK': 'Pakistan',
  'country-NP': 'Nepal',
  'country-LK': 'Sri Lanka',
  'country-HK': 'Hong Kong',
  'country-US': 'United States',
  'country-GB': 'United Kingdom',
  'country-AU': 'Australia',
  'country-NG': 'Nigeria',
  'country-KE': 'Kenya',
  'country-UG': 'Uganda',
  'country-ET': 'Ethiopia',
  'country-RU': 'Russia',
  'country-TR': 'Türkiye',
  'country-BR': 'Brazil',
};
