import { afterEach, describe, expect, it } from 'vitest';
import { commentMessage } from './comment-message.js';
import { englishTemplates } from './en.js';
import { englishCommentMessages } from './en-comment.js';
import { addLocale, setMessages } from './catalogues.js';
import { setLocale } from './lookup.js';
import { messageFor } from './message-for.js';
import type { CommentIssueCode } from './types.js';

const CODES = Object.keys(englishCommentMessages) as CommentIssueCode[];

afterEach(() => {
  setLocale('en');
  setMessages('en', englishTemplates);
});

describe('commentMessage', () => {
  it('words every comment issue as messageFor does, limits filled in', () => {
    for (const code of CODES)
      expect(commentMessage(code)).toBe(messageFor(code));
    expect(commentMessage('name-too-long')).toBe(
      'Your name is too long: please keep it to 245 characters.',
    );
  });

  it('takes the parameters a store passes over the limits, as messageFor does', () => {
    expect(commentMessage('body-too-long', { max: 12 })).toBe(
      messageFor('body-too-long', { max: 12 }),
    );
    expect(commentMessage('body-too-long', { max: 12 })).toContain('12');
  });

  it('says what a site and a shipped language say instead', () => {
    setMessages({ 'parent-invalid': 'That reply has gone.' });
    expect(commentMessage('parent-invalid')).toBe('That reply has gone.');
    addLocale({
      locale: 'xx',
      messages: { 'name-too-long': 'Nom trop long ({max}).' },
    });
    expect(commentMessage('name-too-long', undefined, { locale: 'xx' })).toBe(
      messageFor('name-too-long', undefined, { locale: 'xx' }),
    );
    expect(commentMessage('name-too-long', undefined, { locale: 'xx' })).toBe(
      'Nom trop long (245).',
    );
  });
});
