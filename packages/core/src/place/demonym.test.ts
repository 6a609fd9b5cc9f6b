import { beforeAll, describe, expect, it } from 'vitest';
import * as ar from '../messages/locales/ar.js';
import * as km from '../messages/locales/km.js';
import * as vi from '../messages/locales/vi.js';
import * as zhHans from '../messages/locales/zh-Hans.js';
import * as zhHant from '../messages/locales/zh-Hant.js';
import { addLocale, setMessages } from '../messages/catalogues.js';
import { PROTOTYPE_KEYS } from '../text/expect-linear.js';
import { countryFromDemonym, demonym } from './demonym.js';

describe('demonyms in a reader’s language', () => {
  it('are English until the language’s catalogue is added', () => {
    expect(demonym('VN', { plural: true, locale: 'km' })).toBe('Vietnamese');
  });

  describe('once added', () => {
    beforeAll(() => {
      for (const module of [km, vi, zhHans, zhHant, ar]) addLocale(module);
    });

    it.each([
      ['km', 'VN', 'ជនជាតិវៀតណាម', 'ជនជាតិវៀតណាម'],
      ['vi', 'CN', 'người Trung Quốc', 'người Trung Quốc'],
      ['zh-Hans', 'TW', '台湾人', '台湾人'],
      ['zh-TW', 'TW', '臺灣人', '臺灣人'],
      ['ar', 'ID', 'إندونيسي', 'إندونيسيون'],
      ['ar-EG', 'RU', 'روسي', 'روس'],
    ])('%s: %s is %s, %s', (locale, code, singular, plural) => {
      expect(demonym(code, { locale })).toBe(singular);
      expect(demonym(code.toLowerCase(), { plural: true, locale })).toBe(
        plural,
      );
    });

    it('stay English by default, and read English words back', () => {
      expect(demonym('VN', { plural: true })).toBe('Vietnamese');
      expect(countryFromDemonym('Indonesians')).toBe('ID');
      // A language's own words are not read back: countryFromDemonym reads reports in English.
      expect(countryFromDemonym('người Việt Nam')).toBeUndefined();
    });

    it('follow a site’s wording over the shipped one', () => {
      setMessages('vi-x-site', { 'demonym-VN-plural': 'công dân Việt Nam' });
      expect(demonym('VN', { plural: true, locale: 'vi-x-site' })).toBe(
        'công dân Việt Nam',
      );
      expect(demonym('VN', { locale: 'vi-x-site' })).toBe('người Việt Nam');
    });

    it.each([...PROTOTYPE_KEYS, 'VN-plural', 'XX', ''])(
      'know no nationality of %s, in any language',
      (code) => {
        expect(demonym(code, { locale: 'km' })).toBeUndefined();
        expect(demonym(code, { plural: true, locale: 'ar' })).toBeUndefined();
      },
    );

    it('answer in English for a tag that is not one', () => {
      expect(demonym('TH', { plural: true, locale: 'not a tag!' })).toBe(
        'Thais',
      );
    });
  });
});
