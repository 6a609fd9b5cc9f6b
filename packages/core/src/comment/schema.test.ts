import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation/field-errors.js';
import {
  CommentSchema,
  NewCommentSchema,
  newCommentMessages as say,
  type NewCommentInput,
} from './index.js';

const valid: NewCommentInput = {
  threadId: 'cambodia-2025',
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body: 'Thank you for this report.',
};
const errorsOf = (input: unknown) => {
  const r = NewCommentSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};
const withAuthor = (author: Partial<NewCommentInput['author']>) => ({
  ...valid,
  author: { ...valid.author, ...author },
});

describe('NewCommentSchema', () => {
  it('accepts a comment and trims it', () => {
    expect(
      NewCommentSchema.parse({
        ...valid,
        body: '  hi  ',
        author: { name: ' Sokha ', email: ' sokha@example.com ' },
      }),
    ).toEqual({
      threadId: 'cambodia-2025',
      author: { name: 'Sokha', email: 'sokha@example.com' },
      body: 'hi',
    });
  });

  it('accepts Khmer and Vietnamese names', () => {
    expect(errorsOf(withAuthor({ name: 'សុខា ចាន់' }))).toEqual({});
    expect(errorsOf(withAuthor({ name: 'Nguyễn Thị Minh Khai' }))).toEqual({});
  });

  it('limits the name to 245 characters after trimming', () => {
    expect(errorsOf(withAuthor({ name: `  ${'a'.repeat(245)}  ` }))).toEqual(
      {},
    );
    expect(errorsOf(withAuthor({ name: 'a'.repeat(246) }))).toEqual({
      'author.name': say['name-too-long'],
    });
    expect(errorsOf(withAuthor({ name: '   ' }))).toEqual({
      'author.name': say['name-required'],
    });
  });

  it('limits the email to 100 characters and requires a valid one', () => {
    const at = (n: number) =>
      `${'a'.repeat(n - '@example.com'.length)}@example.com`;
    expect(errorsOf(withAuthor({ email: at(100) }))).toEqual({});
    expect(errorsOf(withAuthor({ email: at(101) }))).toEqual({
      'author.email': say['email-too-long'],
    });
    expect(errorsOf(withAuthor({ email: 'not an email' }))).toEqual({
      'author.email': say['email-invalid'],
    });
    expect(errorsOf(withAuthor({ email: '' }))).toEqual({
      'author.email': say['email-required'],
    });
  });

  it('accepts only http(s) websites up to 200 characters', () => {
    const url = (n: number) =>
      `https://example.com/${'a'.repeat(n - 'https://example.com/'.length)}`;
    expect(errorsOf(withAuthor({ url: url(200) }))).toEqual({});
    expect(errorsOf(withAuthor({ url: url(201) }))).toEqual({
      'author.url': say['url-too-long'],
    });
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.com',
      'example.com',
      'https://',
    ]) {
      expect(errorsOf(withAuthor({ url: bad }))).toEqual({
        'author.url': say['url-invalid'],
      });
    }
  });

  it('limits the body to 65,525 characters after trimming', () => {
    expect(errorsOf({ ...valid, body: ` ${'a'.repeat(65_525)} ` })).toEqual({});
    expect(errorsOf({ ...valid, body: 'a'.repeat(65_526) })).toEqual({
      body: say['body-too-long'],
    });
    expect(errorsOf({ ...valid, body: ' \n\t ' })).toEqual({
      body: say['body-required'],
    });
  });

  it('refuses control characters but newline and tab', () => {
    expect(
      errorsOf({
        ...valid,
        body: 'line one\nline two\twith a tab\r\nand CRLF',
      }),
    ).toEqual({});
    for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f', '\r']) {
      expect(errorsOf({ ...valid, body: `a${ch}b` })).toEqual({
        body: say['body-control-character'],
      });
    }
  });

  it('says every problem at once, with a path to each field', () => {
    expect(errorsOf({})).toEqual({
      threadId: say['thread-required'],
      author: say['name-required'],
      body: say['body-required'],
    });
    expect(
      errorsOf({ ...valid, author: { name: 5, email: null }, body: 7 }),
    ).toEqual({
      'author.name': say['name-required'],
      'author.email': say['email-required'],
      body: say['body-required'],
    });
  });
});

describe('CommentSchema', () => {
  it('has no place for an email', () => {
    const parsed = CommentSchema.parse({
      id: 'c1',
      threadId: 't',
      parentId: null,
      author: { name: 'A', email: 'a@example.com' },
      body: 'x',
      createdAt: '2025-07-20T10:00:00.000Z',
      status: 'approved',
    });
    expect(parsed.author).toEqual({ name: 'A' });
  });
});
