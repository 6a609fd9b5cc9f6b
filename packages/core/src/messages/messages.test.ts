import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { NewCommentSchema } from '../comment/schema.js';
import { OperationSchema } from '../operation/schema.js';
import { fieldErrors, validate } from '../validation/field-errors.js';
import { englishTemplates } from './en.js';
import {
  englishMessages as en,
  issueCode,
  messageFor,
  setLocale,
  setMessages,
  type MessageCode,
} from './index.js';

const valid = {
  threadId: 'cambodia-2025',
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body: 'Thank you for this report.',
};
const nameless = { ...valid, author: { ...valid.author, name: ' ' } };

afterEach(() => {
  // Each test rewords what it needs; put English and the default locale back.
  setLocale('en');
  setMessages('en', englishTemplates);
});

describe('messages by issue code', () => {
  it('rewords what validate reports after the schemas were imported', () => {
    expect(validate(NewCommentSchema, nameless)).toEqual({
      ok: false,
      errors: { 'author.name': en['name-required'] },
    });
    setMessages({ 'name-required': 'Who is writing?' });
    expect(validate(NewCommentSchema, nameless)).toEqual({
      ok: false,
      errors: { 'author.name': 'Who is writing?' },
    });
    // Zod's own issue says the same, for code that reads the error directly.
    expect(NewCommentSchema.safeParse(nameless).error?.issues[0]?.message).toBe(
      'Who is writing?',
    );
  });

  it('puts the code on every issue the comment schema reports', () => {
    const result = NewCommentSchema.safeParse({
      threadId: '',
      parentId: '-',
      author: {
        name: 'x'.repeat(246),
        email: 'nope',
        url: 'javascript:alert(1)',
      },
      body: 'a\u0000b',
    });
    expect(result.error?.issues.map(issueCode)).toEqual([
      'thread-required',
      'parent-invalid',
      'name-too-long',
      'email-invalid',
      'url-invalid',
      'body-control-character',
    ] satisfies MessageCode[]);
    expect(result.error?.issues[2]).toMatchObject({
      params: { code: 'name-too-long', max: 245 },
    });
  });

  it('answers in the locale asked for, and in English where it has no message', () => {
    setMessages('fr', { 'name-required': 'Veuillez indiquer votre nom.' });
    const form = { ...nameless, author: { name: ' ', email: 'nope' } };
    expect(validate(NewCommentSchema, form, { locale: 'fr-CA' })).toEqual({
      ok: false,
      errors: {
        'author.name': 'Veuillez indiquer votre nom.',
        'author.email': en['email-invalid'],
      },
    });
    // The default stays English until a site chooses another.
    expect(validate(NewCommentSchema, form)).toMatchObject({
      errors: { 'author.name': en['name-required'] },
    });
    setLocale('fr');
    expect(validate(NewCommentSchema, form)).toMatchObject({
      errors: { 'author.name': 'Veuillez indiquer votre nom.' },
    });
  });

  it('translates an error already made, field by field', () => {
    const error = NewCommentSchema.safeParse({
      author: { name: '', email: '' },
    }).error!;
    setMessages('fr', {
      'thread-required': 'Le commentaire n’est rattaché à aucune discussion.',
      'name-required': 'Veuillez indiquer votre nom.',
      'body-required': 'Veuillez écrire un commentaire.',
    });
    expect(fieldErrors(error, { locale: 'fr' })).toEqual({
      threadId: 'Le commentaire n’est rattaché à aucune discussion.',
      'author.name': 'Veuillez indiquer votre nom.',
      'author.email': en['email-required'],
      body: 'Veuillez écrire un commentaire.',
    });
  });

  it('words a missing author in the locale schemas report in', () => {
    setMessages('fr', { 'name-required': 'Veuillez indiquer votre nom.' });
    setLocale('fr');
    expect(validate(NewCommentSchema, { ...valid, author: undefined })).toEqual(
      {
        ok: false,
        errors: { author: 'Veuillez indiquer votre nom.' },
      },
    );
  });

  it('lets one call bring its own messages ahead of every catalogue', () => {
    setMessages({ 'name-required': 'Who is writing?' });
    expect(
      validate(NewCommentSchema, nameless, {
        messages: { 'name-required': 'Your name, please.' },
      }),
    ).toMatchObject({ errors: { 'author.name': 'Your name, please.' } });
  });

  it('fills placeholders, with numbers written the locale’s way', () => {
    setMessages('de', {
      'body-too-long': 'Ihr Kommentar ist zu lang: höchstens {max} Zeichen.',
    });
    expect(
      validate(
        NewCommentSchema,
        { ...valid, body: 'a'.repeat(65_526) },
        { locale: 'de' },
      ),
    ).toMatchObject({
      errors: { body: 'Ihr Kommentar ist zu lang: höchstens 65.525 Zeichen.' },
    });
    expect(messageFor('text-empty', { what: 'The headline' })).toBe(
      'The headline cannot be empty.',
    );
    // a placeholder the issue has no value for stays as written
    expect(messageFor('text-empty')).toBe('{what} cannot be empty.');
    expect(
      messageFor(
        'text-empty',
        {},
        { messages: { 'text-empty': '{constructor}' } },
      ),
    ).toBe('{constructor}');
  });

  it('words the article and operation schemas’ issues by code too', () => {
    setMessages({ 'country-invalid': 'Use a two-letter country code.' });
    const result = OperationSchema.safeParse({ country: 'Cambodia' });
    expect(result.error && fieldErrors(result.error).country).toBe(
      'Use a two-letter country code.',
    );
  });

  it('never takes a message from Object.prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"name-required": "polluted", "constructor": "x"}}',
    );
    setMessages(hostile);
    expect(messageFor('name-required')).toBe(en['name-required']);
    expect(({} as Record<string, unknown>)['name-required']).toBeUndefined();
    expect(
      messageFor('name-required', undefined, { locale: '__proto__' }),
    ).toBe(en['name-required']);
    expect(
      messageFor('name-required', undefined, { locale: 'constructor' }),
    ).toBe(en['name-required']);
    // A code of another schema's that happens to be a prototype key is not one of ours.
    const theirs = z.string().check(
      z.refine(() => false, {
        params: { code: 'constructor' },
        error: 'Theirs.',
      }),
    );
    expect(issueCode(theirs.safeParse('x').error!.issues[0]!)).toBeUndefined();
    expect(fieldErrors(theirs.safeParse('x').error!)).toEqual({
      '': 'Theirs.',
    });
  });

  it('does not fail on a locale tag no platform knows', () => {
    setMessages('zz-not-a-real-tag!', { 'body-too-long': 'max {max}' });
    expect(
      messageFor(
        'body-too-long',
        { max: 65_525 },
        { locale: 'zz-not-a-real-tag!' },
      ),
    ).toBe('max 65525');
  });

  it('fills a comment field’s limit when the call brings none', () => {
    expect(messageFor('name-too-long')).toBe(
      'Your name is too long: please keep it to 245 characters.',
    );
    expect(en['body-too-long']).toBe(
      'Your comment is too long: please keep it to 65,525 characters.',
    );
    setMessages('de', { 'body-too-long': 'Höchstens {max} Zeichen.' });
    expect(messageFor('body-too-long', undefined, { locale: 'de' })).toBe(
      'Höchstens 65.525 Zeichen.',
    );
    // A limit the call brings wins over the form's own.
    expect(messageFor('name-too-long', { max: 100 })).toBe(
      'Your name is too long: please keep it to 100 characters.',
    );
  });

  it('words the comment service’s refusals by code too', () => {
    expect(messageFor('comment-duplicate')).toBe(
      'Duplicate comment detected; it looks as though you’ve already said that!',
    );
    setMessages('fr', { 'comment-too-fast': 'Pas si vite.' });
    expect(messageFor('comment-too-fast', undefined, { locale: 'fr-BE' })).toBe(
      'Pas si vite.',
    );
  });
});
