import { expectTypeOf, test } from 'vitest';
import {
  addLocale,
  demonym,
  formatQuantity,
  type LocaleModule,
  type MessageCatalogue,
  matchLocale,
  setMessages,
  type SupportedLocale,
} from '../index.js';
import { loadLocale } from './load.js';
import * as km from './locales/km.js';

test('a locale module words every code, plural codes in plural forms', () => {
  expectTypeOf(km).toExtend<LocaleModule>();
  expectTypeOf(km.messages).toEqualTypeOf<MessageCatalogue>();
  const { 'quantity-more-than': _dropped, ...rest } = km.messages;
  // @ts-expect-error a catalogue without one of the quantity words
  const missing: MessageCatalogue = rest;
  void missing;
  // @ts-expect-error a plural message is its forms, not one text
  setMessages('km', { 'unit-USD-counted': 'ដុល្លារ' });
  setMessages('ar', { 'unit-USD-counted': { few: 'دولارات', other: 'دولار' } });
  // @ts-expect-error every plural message has its `other` form
  setMessages('ar', { 'unit-USD-counted': { few: 'دولارات' } });
  addLocale({ locale: 'fr', messages: { 'name-required': 'Votre nom ?' } });
});

test('locales are chosen, loaded and used by tag', () => {
  expectTypeOf(matchLocale).returns.toEqualTypeOf<SupportedLocale>();
  expectTypeOf(matchLocale)
    .parameter(0)
    .toEqualTypeOf<string | readonly string[]>();
  expectTypeOf(loadLocale).returns.resolves.toEqualTypeOf<SupportedLocale>();
  expectTypeOf(demonym('VN', { plural: true, locale: 'km' })).toEqualTypeOf<
    string | undefined
  >();
  expectTypeOf(formatQuantity).parameter(1).toEqualTypeOf<string | undefined>();
});
