import { describe, expect, it } from 'vitest';
import { PROTOTYPE_KEYS } from '../text/expect-linear.js';
import { countWork } from '../text/work.js';
import {
  countryFromDemonym,
  countryName,
  demonym,
  KH_UNITS,
  resolvePlace,
  subdivisionName,
} from './index.js';

describe('resolvePlace', () => {
  it('knows all 25 first-level units of Cambodia, KH-1 to KH-25', () => {
    expect(KH_UNITS.map((u) => u.code)).toEqual(
      Array.from({ length: 25 }, (_, i) => `KH-${i + 1}`),
    );
  });

  it.each(
    KH_UNITS.flatMap((u) =>
      [u.name, ...u.aliases].map((name) => [name, u.code, u.kind] as const),
    ),
  )('resolves %s to %s', (name, code, kind) => {
    expect(resolvePlace(name, { country: 'KH' })).toMatchObject({
      country: 'KH',
      subdivision: code,
      kind,
    });
  });

  it.each([
    ['Sihanoukville', 'Preah Sihanouk', 'province', 'KH-18'],
    ['Kratie', 'Kratie', 'province', 'KH-10'],
    ['Pursat', 'Pursat', 'province', 'KH-15'],
    ['Phnom Penh', 'Phnom Penh', 'municipality', 'KH-12'],
    ['Poipet', 'Poipet', 'city', 'KH-1'],
  ])('resolves the seed’s %s', (input, name, kind, subdivision) => {
    expect(resolvePlace(input, { country: 'KH' })).toEqual({
      name,
      kind,
      country: 'KH',
      subdivision,
    });
  });

  it('ignores case, diacritics and a trailing "province"', () => {
    expect(resolvePlace('KRATIÉ', { country: 'KH' })?.subdivision).toBe(
      'KH-10',
    );
    expect(
      resolvePlace('kratie province', { country: 'KH' })?.subdivision,
    ).toBe('KH-10');
    expect(
      resolvePlace('  phnom   penh ', { country: 'KH' })?.subdivision,
    ).toBe('KH-12');
  });

  it('names countries from the platform', () => {
    expect(resolvePlace('Thailand')).toEqual({
      name: 'Thailand',
      kind: 'country',
      country: 'TH',
    });
    expect(resolvePlace('Myanmar')?.country).toBe('MM');
    expect(resolvePlace('Burma')?.country).toBe('MM');
    expect(resolvePlace('Bangladesh')?.country).toBe('BD');
    expect(resolvePlace('Cambodia', { country: 'KH' })?.kind).toBe('country');
  });

  it('returns undefined for what it does not know, and for hostile input', () => {
    expect(resolvePlace('Atlantis', { country: 'KH' })).toBeUndefined();
    expect(resolvePlace('Thailand', { country: 'KH' })).toBeUndefined();
    expect(resolvePlace('x'.repeat(1_000_000))).toBeUndefined();
    expect(resolvePlace('')).toBeUndefined();
    expect(resolvePlace('\u0000\u202e')).toBeUndefined();
  });

  it('names first-level units', () => {
    expect(subdivisionName('KH-1')).toBe('Banteay Meanchey');
  });
});

describe('demonyms', () => {
  it.each([
    ['VN', 'Vietnamese', 'Vietnamese'],
    ['ID', 'Indonesian', 'Indonesians'],
    ['CN', 'Chinese', 'Chinese'],
    ['TW', 'Taiwanese', 'Taiwanese'],
    ['KH', 'Cambodian', 'Cambodians'],
    ['TH', 'Thai', 'Thais'],
    ['BD', 'Bangladeshi', 'Bangladeshis'],
  ])('%s: %s, %s', (code, singular, plural) => {
    expect(demonym(code)).toBe(singular);
    expect(demonym(code, { plural: true })).toBe(plural);
    expect(countryFromDemonym(singular)).toBe(code);
    expect(countryFromDemonym(plural)).toBe(code);
  });

  it('reads "nationals" after a demonym and old names', () => {
    expect(countryFromDemonym('Vietnamese nationals')).toBe('VN');
    expect(countryFromDemonym('Burmese')).toBe('MM');
    expect(countryFromDemonym('Martians')).toBeUndefined();
  });
});

describe('the KH name table', () => {
  it('agrees with the gazetteer', () => {
    for (const unit of KH_UNITS)
      expect(subdivisionName(unit.code)).toBe(unit.name);
  });
});

describe('words that name properties of every object', () => {
  it.each([...PROTOTYPE_KEYS, 'CONSTRUCTOR', '__PROTO__'])(
    'are no place, country, unit or nationality: %s',
    (word) => {
      expect(resolvePlace(word)).toBeUndefined();
      expect(resolvePlace(word, { country: 'KH' })).toBeUndefined();
      expect(resolvePlace('Kratie', { country: word })).toBeUndefined();
      expect(subdivisionName(word)).toBeUndefined();
      expect(demonym(word)).toBeUndefined();
      expect(countryFromDemonym(word)).toBeUndefined();
      expect(countryFromDemonym(`${word} nationals`)).toBeUndefined();
      expect(countryName(word)).toBeUndefined();
    },
  );

  it('answers undefined for what is not a string', () => {
    const odd = 42 as unknown as string;
    expect(subdivisionName(odd)).toBeUndefined();
    expect(demonym(odd)).toBeUndefined();
    expect(resolvePlace('Kratie', { country: odd })).toBeUndefined();
  });
});

describe('reading hostile names', () => {
  // The first call reads the platform's country names; count what comes after.
  resolvePlace('Thailand');
  countryFromDemonym('Thai');

  it('reads none of a name longer than any place’s', () => {
    for (const name of ['x'.repeat(100_000), '.'.repeat(201), 'é'.repeat(201)])
      expect(countWork(() => resolvePlace(name)).steps).toBe(0);
    expect(countWork(() => countryFromDemonym('x'.repeat(101))).steps).toBe(0);
  });

  it.each([
    ['dots', '.'.repeat(200)],
    ['dashes', '-'.repeat(200)],
    ['spaces', `${' '.repeat(198)}x`],
    ['combining marks', `e${'\u0301'.repeat(199)}`],
    ['brackets', '('.repeat(200)],
    ['a suffix after many spaces', `${'a '.repeat(90)}province`],
    ['decomposing letters', 'ǅ'.repeat(200)],
  ])('reads %s once per character', (_, name) => {
    const { steps, result } = countWork(() => resolvePlace(name));
    expect(result).toBeUndefined();
    expect(steps).toBeGreaterThan(0);
    // NFD may spell one character as three; each is read once.
    expect(steps).toBeLessThanOrEqual(3 * name.length);
  });
});
