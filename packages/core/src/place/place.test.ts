import { describe, expect, it } from 'vitest';
import {
  countryFromDemonym,
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
