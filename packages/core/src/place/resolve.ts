import * as z from 'zod/mini';
import type { DemonymCountry } from '../messages/en-demonym.js';
import { intlLocale } from '../messages/locale.js';
import { ownWriters } from '../messages/platform.js';
import {
  CountryCodeSchema,
  SubdivisionCodeSchema,
} from '../validation/country.js';
import { KH_CITIES, KH_UNIT_NAMES, KH_UNITS } from './gazetteer-kh.js';
import { normalizeName } from './normalize.js';

export const PLACE_KINDS = [
  'country',
  'province',
  'municipality',
  'city',
] as const;

/** A place resolved against the gazetteer and the platform's country names. */
export const PlaceSchema = z.object({
  /** The place's common English name. */
  name: z.string().check(z.minLength(1, { error: 'A place needs a name.' })),
  kind: z.enum(PLACE_KINDS),
  /** ISO 3166-1 alpha-2 code of the country. */
  country: CountryCodeSchema,
  /** ISO 3166-2 code of the first-level unit that is or contains the place. */
  subdivision: z.optional(SubdivisionCodeSchema),
});

export type Place = z.infer<typeof PlaceSchema>;

export interface ResolvePlaceOptions {
  /** ISO 3166-1 alpha-2 code of the country to look in. Without it, every gazetteer is searched. */
  country?: string;
}

/** Name → place, per country; built on first use. */
const GAZETTEERS = new Map<string, Map<string, Place>>();

function gazetteer(country: string): Map<string, Place> | undefined {
  if (country !== 'KH') return undefined;
  let map = GAZETTEERS.get(country);
  if (map) return map;
  map = new Map();
  // Cities first so that a unit sharing a name overwrites them: reports mean the unit.
  for (const city of KH_CITIES) {
    const place: Place = {
      name: city.name,
      kind: 'city',
      country,
      subdivision: city.subdivision,
    };
    for (const n of [city.name, ...city.aliases])
      map.set(normalizeName(n), place);
  }
  for (const unit of KH_UNITS) {
    const place: Place = {
      name: unit.name,
      kind: unit.kind,
      country,
      subdivision: unit.code,
    };
    for (const n of [unit.name, ...unit.aliases])
      map.set(normalizeName(n), place);
  }
  GAZETTEERS.set(country, map);
  return map;
}

let countries: Map<string, string> | undefined;

/** Country names from the platform's Intl, read once: every two-letter code it can name. */
function countryIndex(): Map<string, string> {
  if (countries) return countries;
  countries = new Map();
  const names = new Intl.DisplayNames(['en'], {
    type: 'region',
    fallback: 'none',
  });
  const A = 65;
  for (let i = 0; i < 26; i += 1) {
    for (let j = 0; j < 26; j += 1) {
      const code = String.fromCharCode(A + i, A + j);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name) continue;
      countries.set(normalizeName(name), code);
      // "Myanmar (Burma)" is also "Myanmar" and "Burma"
      const paren = /^(.*?)\s*\((.*)\)$/.exec(name);
      if (paren) {
        countries.set(normalizeName(paren[1]!), code);
        countries.set(normalizeName(paren[2]!), code);
      }
    }
  }
  return countries;
}

/**
 * A country's name in a language (English by default): the platform's (`Intl.DisplayNames`),
 * or, where the platform has no data for the language (Chromium has no Khmer), the name in
 * the language's catalogue for the region's countries (those `demonym` knows). Undefined for
 * a code that names no country.
 *
 * @example
 * countryName('KH') // 'Cambodia'
 * countryName('VN', 'km') // 'វៀតណាម', by Intl or by the Khmer catalogue where Intl has no Khmer
 */
export function countryName(code: string, locale = 'en'): string | undefined {
  if (typeof code !== 'string') return undefined;
  const upper = code.toUpperCase();
  const key = `country-${upper as DemonymCountry}` as const;
  const own = ownWriters('DisplayNames', locale, key);
  if (own) return own.country(key, locale);
  try {
    return (
      new Intl.DisplayNames([intlLocale(locale)], {
        type: 'region',
        fallback: 'none',
      }).of(upper) ?? undefined
    );
  } catch {
    return undefined;
  }
}

const SUFFIX = / (?:province|municipality|city|town|capital|krong|khaet)$/;

/**
 * Resolves a place name to a country, province, municipality or city. Matching ignores case
 * and diacritics, and a trailing "province" or "city".
 *
 * @example
 * resolvePlace('Sihanoukville', { country: 'KH' })
 * // { name: 'Preah Sihanouk', kind: 'province', country: 'KH', subdivision: 'KH-18' }
 * resolvePlace('Poipet', { country: 'KH' })
 * // { name: 'Poipet', kind: 'city', country: 'KH', subdivision: 'KH-1' }
 */
export function resolvePlace(
  name: string,
  options: ResolvePlaceOptions = {},
): Place | undefined {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200)
    return undefined;
  const key = normalizeName(name);
  if (!key) return undefined;
  if (options.country !== undefined && typeof options.country !== 'string')
    return undefined;
  const country = options.country?.toUpperCase();
  // Cambodia's is the gazetteer we ship; without a country, it is the one searched.
  const list = gazetteer(country ?? 'KH');
  const hit = list?.get(key) ?? list?.get(key.replace(SUFFIX, ''));
  if (hit) return { ...hit };
  const code = countryIndex().get(key);
  if (code && (!country || code === country)) {
    return { name: countryName(code) ?? name, kind: 'country', country: code };
  }
  return undefined;
}

/** Whether a place is a first-level unit (a province or a municipality with provincial status). */
export function isFirstLevel(place: Place): boolean {
  return place.kind === 'province' || place.kind === 'municipality';
}

/**
 * The common English name of a first-level unit.
 *
 * @example
 * subdivisionName('KH-1') // 'Banteay Meanchey'
 */
export function subdivisionName(code: string): string | undefined {
  return typeof code === 'string'
    ? KH_UNIT_NAMES.get(code.toUpperCase())
    : undefined;
}
