import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMONYM_COUNTRIES } from '../messages/en-demonym.js';
import * as km from '../messages/locales/km.js';
import * as th from '../messages/locales/th.js';
import { withoutLanguage } from '../messages/without-language.test-support.js';
import { addLocale } from '../messages/catalogues.js';
import { countryName } from './resolve.js';

beforeAll(() => {
  addLocale(km);
  addLocale(th);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('country names where the platform has no data for the language', () => {
  it('come from the Khmer catalogue for the region’s countries', () => {
    withoutLanguage('km');
    expect(countryName('VN', 'km')).toBe('វៀតណាម');
    expect(countryName('kh', 'km-KH')).toBe('កម្ពុជា');
    for (const code of DEMONYM_COUNTRIES)
      expect(countryName(code, 'km'), code).toBe(
        km.messages[`country-${code}`],
      );
  });

  it('agree with the platform’s where it has the language', () => {
    // The catalogue drops the platform's qualifiers ("(พม่า)", "SAR"): a reader's short name.
    const same = DEMONYM_COUNTRIES.filter((c) => c !== 'MM' && c !== 'HK');
    const thai = new Intl.DisplayNames(['th'], { type: 'region' });
    const byIntl = same.map((code) => thai.of(code));
    withoutLanguage('*');
    expect(same.map((code) => countryName(code, 'th'))).toEqual(byIntl);
  });

  it('are Intl’s where the platform has the language', () => {
    expect(countryName('MM', 'km')).toBe(
      new Intl.DisplayNames(['km'], { type: 'region' }).of('MM'),
    );
  });

  it('are the platform’s for a country the table leaves out, and undefined for no country', () => {
    withoutLanguage('km');
    // What a browser without Khmer data says: its English.
    expect(countryName('FR', 'km')).toBe('France');
    for (const code of [
      '__proto__',
      'constructor',
      'toString',
      '',
      'X'.repeat(1e5),
    ])
      expect(countryName(code, 'km'), code.slice(0, 20)).toBeUndefined();
    expect(countryName(42 as unknown as string, 'km')).toBeUndefined();
  });

  it('are English for a tag that is not one', () => {
    expect(countryName('KH', 'not a tag!')).toBe('Cambodia');
  });
});
