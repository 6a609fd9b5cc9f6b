import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMessages } from './catalogues.js';
import { withoutLanguage } from './without-language.test-support.js';
import { formatList } from './list.js';
import { countryName } from '../place/resolve.js';
import { formatDate, formatRelativeTime } from '../date/index.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

// Core's own writers come with the first catalogue added: this file adds none until it must.
describe('a language the platform lacks', () => {
  it('is written by Intl while no catalogue words it', () => {
    withoutLanguage('km');
    // What such a browser's Intl writes: its own default language.
    expect(
      formatDate('2025-07-15T12:00:00Z', { locale: 'km', timeZone: 'UTC' }),
    ).toBe('July 15, 2025');
    expect(formatList(['A', 'B'], { locale: 'km' })).toBe('A and B');
    expect(countryName('VN', 'km')).toBe('Vietnam');
  });

  it('is written in a site’s own words once it sets them, without a shipped catalogue', () => {
    withoutLanguage('km');
    setMessages('km', {
      'month-1': 'មករា',
      'month-7': 'កក្កដា',
      'date-day': '{day} {month} {year}',
      'relative-now': 'ឥឡូវនេះ',
      'relative-yesterday': 'ម្សិលមិញ',
      'list-and': '{first} និង {last}',
      'country-VN': 'វៀតណាម',
    });
    expect(
      formatDate('2025-07-15T12:00:00Z', { locale: 'km', timeZone: 'UTC' }),
    ).toBe('15 កក្កដា 2025');
    const now = new Date(2025, 6, 15, 12);
    expect(
      formatRelativeTime(new Date(2025, 6, 14, 12), { now, locale: 'km' }),
    ).toBe('ម្សិលមិញ');
    expect(formatList(['A', 'B'], { locale: 'km' })).toBe('A និង B');
    expect(countryName('VN', 'km')).toBe('វៀតណាម');
  });
});
