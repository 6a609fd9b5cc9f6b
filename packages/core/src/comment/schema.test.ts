import { describe, expect, it, vi } from 'vitest';
import { englishMessages as say } from '../messages/index.js';
import { fieldErrors } from '../validation/field-errors.js';
import {
  CommentSchema,
  NEW_COMMENT_LIMITS,
  NewCommentSchema,
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
    // one issue per field, the one that matters: a name too long is not also told it holds
    // an invisible character, nor a body too long that it holds a control character
    const tooLong = NewCommentSchema.safeParse({
      ...valid,
      author: { ...valid.author, name: '\u200B'.repeat(300) },
      body: '\u0000'.repeat(65_526),
    });
    expect(
      tooLong.error?.issues.map((i) => [i.path.join('.'), i.message]),
    ).toEqual([
      ['author.name', say['name-too-long']],
      ['body', say['body-too-long']],
    ]);
    expect(
      errorsOf({ ...valid, author: { name: 5, email: null }, body: 7 }),
    ).toEqual({
      'author.name': say['name-required'],
      'author.email': say['email-required'],
      body: say['body-required'],
    });
  });
});

describe('NewCommentSchema and Unicode', () => {
  const malformed = [
    '\uD800'.repeat(100), // the name that came back as 300 U+FFFD
    'Sokha \uD83D', // half an emoji at the end
    '\uDE00 Sokha', // the other half at the start
    'So\uDC00\uD800kha', // a low surrogate before a high one
  ];

  it('refuses text that is not well-formed Unicode, in every field, with one message', () => {
    for (const bad of malformed) {
      expect(errorsOf(withAuthor({ name: bad }))).toEqual({
        'author.name': say['text-malformed'],
      });
      expect(errorsOf(withAuthor({ email: `a${bad}@example.com` }))).toEqual({
        'author.email': say['text-malformed'],
      });
      expect(
        errorsOf(withAuthor({ url: `https://example.com/${bad}` })),
      ).toEqual({ 'author.url': say['text-malformed'] });
      expect(errorsOf({ ...valid, body: `Thanks ${bad}` })).toEqual({
        body: say['text-malformed'],
      });
    }
  });

  it('gives 100 KB of lone surrogates one message per field', () => {
    const huge = '\uDC00\uD800'.repeat(51_200);
    expect(
      errorsOf({
        ...valid,
        author: { name: huge, email: huge, url: huge },
        body: huge,
      }),
    ).toEqual({
      'author.name': say['name-too-long'],
      'author.email': say['email-too-long'],
      'author.url': say['url-too-long'],
      body: say['text-malformed'],
    });
  });

  it('keeps whole emoji and letters with their marks', () => {
    for (const name of [
      'Dara 😀',
      '❤️ Dara', // with its variation selector
      'ស៊ុន សុខា',
      'محمد',
      'Nguyễn',
    ]) {
      expect(errorsOf(withAuthor({ name }))).toEqual({});
    }
  });

  it('stores names and bodies in NFC', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // e + circumflex + tilde
    const parsed = NewCommentSchema.parse({
      ...valid,
      author: { ...valid.author, name: decomposed },
      body: `Cafe\u0301 ${decomposed}`,
    });
    expect(parsed.author.name).toBe('Nguyễn');
    expect(parsed.author.name).toBe(decomposed.normalize('NFC'));
    expect(parsed.body).toBe('Café Nguyễn');
  });

  it('counts the limits after NFC, whether NFC shortens the text or lengthens it', () => {
    // 400 code units as typed, 200 once composed: within the limit.
    expect(errorsOf(withAuthor({ name: 'e\u0301'.repeat(200) }))).toEqual({});
    // U+0958 has no composed form: NFC writes it as two code units, 245 become 490.
    expect(errorsOf(withAuthor({ name: '\u0958'.repeat(245) }))).toEqual({
      'author.name': say['name-too-long'],
    });
    expect(errorsOf(withAuthor({ name: '\u0958'.repeat(122) }))).toEqual({});
    expect(
      errorsOf({ ...valid, body: 'e\u0301'.repeat(NEW_COMMENT_LIMITS.body) }),
    ).toEqual({});
    expect(
      errorsOf({ ...valid, body: '\u0958'.repeat(NEW_COMMENT_LIMITS.body) }),
    ).toEqual({ body: say['body-too-long'] });
  });

  it('accepts back, as a stored comment, everything it let in', () => {
    const names = [
      '  Sokha  ',
      'e\u0301'.repeat(245),
      '\u0958'.repeat(122),
      'ᄀ\u1161\u11A8'.repeat(81), // Hangul jamo that compose
      'Dara 😀'.repeat(35),
    ];
    for (const name of names) {
      const input = { ...valid, author: { ...valid.author, name } };
      const accepted = NewCommentSchema.safeParse(input);
      expect(accepted.success, name).toBe(true);
      if (!accepted.success) continue;
      const stored = {
        id: 'c1',
        threadId: accepted.data.threadId,
        parentId: null,
        author: { name: accepted.data.author.name },
        body: accepted.data.body,
        createdAt: '2025-07-20T10:00:00.000Z',
        status: 'approved',
      };
      expect(CommentSchema.parse(stored)).toEqual(stored);
      expect(NewCommentSchema.parse(accepted.data)).toEqual(accepted.data);
    }
  });

  it('refuses control, direction and invisible characters in names, each with its own message', () => {
    const cases: Array<[string, keyof typeof say]> = [
      ['\u0000', 'name-control-character'],
      ['\n', 'name-control-character'],
      ['\t', 'name-control-character'],
      ['\u001b', 'name-control-character'],
      ['\u007f', 'name-control-character'],
      ['\u0085', 'name-control-character'],
      ['\u2028', 'name-control-character'],
      ['\u202E', 'name-direction-control'], // right-to-left override
      ['\u202A', 'name-direction-control'],
      ['\u2066', 'name-direction-control'], // isolates
      ['\u2069', 'name-direction-control'],
      ['\u200E', 'name-direction-control'], // marks
      ['\u200F', 'name-direction-control'],
      ['\u061C', 'name-direction-control'],
      ['\u200B', 'name-invisible-character'], // zero-width space
      ['\u200C', 'name-invisible-character'],
      ['\u200D', 'name-invisible-character'],
      ['\u2060', 'name-invisible-character'], // word joiner
      ['\uFEFF', 'name-invisible-character'],
      ['\u00AD', 'name-invisible-character'], // soft hyphen
      ['\u3164', 'name-invisible-character'], // Hangul filler
      ['\u{E0041}', 'name-invisible-character'], // a tag character
    ];
    for (const [ch, code] of cases) {
      expect(errorsOf(withAuthor({ name: `So${ch}kha` })), ch).toEqual({
        'author.name': say[code],
      });
    }
    // a name that is nothing but invisible characters
    expect(errorsOf(withAuthor({ name: '\u200B\u200B' }))).toEqual({
      'author.name': say['name-invisible-character'],
    });
  });

  it('refuses more than 30 marks stacked on one letter, before normalising', () => {
    const stacked = (n: number) => `Dara a${'\u0301\u0316'.repeat(n / 2)}`;
    expect(errorsOf(withAuthor({ name: stacked(30) }))).toEqual({});
    expect(errorsOf(withAuthor({ name: stacked(32) }))).toEqual({
      'author.name': say['text-stacked-marks'],
    });
    expect(errorsOf({ ...valid, body: stacked(30) })).toEqual({});
    expect(errorsOf({ ...valid, body: stacked(32) })).toEqual({
      body: say['text-stacked-marks'],
    });
  });

  it('reads no field past four times its limit, and normalises no long run of marks', () => {
    const seen = new Map<string, number>();
    const note = (what: string, s: string) =>
      seen.set(what, Math.max(seen.get(what) ?? 0, s.length));
    const exec = RegExp.prototype.exec;
    const normalize = String.prototype.normalize;
    const longestRun = (s: string) =>
      Math.max(0, ...(s.match(/\p{M}+/gu) ?? []).map((m) => m.length));
    const spies = [
      vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (
        this: RegExp,
        s: string,
      ) {
        note('pattern', s);
        return exec.call(this, s);
      }),
      vi.spyOn(String.prototype, 'normalize').mockImplementation(function (
        this: string,
        form?: string,
      ) {
        note('normalised', this);
        seen.set('run', Math.max(seen.get('run') ?? 0, longestRun(this)));
        return normalize.call(this, form);
      }),
    ];
    // What makes a scan or NFC blow up: brackets, dots, dashes, schemes, a local part that
    // never ends, invisible characters, and a "Zalgo" run of marks NFC must sort.
    const shapes = (n: number) => [
      'a.'.repeat(n / 2),
      'a-'.repeat(n / 2),
      `${'a'.repeat(n - 1)}@`,
      `https://${'('.repeat(n / 2)}${')'.repeat(n / 2)}`,
      'http://'.repeat(n / 7),
      '\u200B'.repeat(n),
      `a${'\u0301\u0316'.repeat(n / 2)}`,
    ];
    const fields = {
      name: NEW_COMMENT_LIMITS.name,
      email: NEW_COMMENT_LIMITS.email,
      url: NEW_COMMENT_LIMITS.url,
      body: NEW_COMMENT_LIMITS.body,
    };
    try {
      for (const [field, max] of Object.entries(fields)) {
        seen.clear();
        // far past the limit, and just short of four times it
        for (const shape of [...shapes(300_000), ...shapes(4 * max - 8)]) {
          const input =
            field === 'body'
              ? { ...valid, body: shape }
              : withAuthor({ [field]: shape });
          expect(NewCommentSchema.safeParse(input).success).toBe(false);
        }
        // the thread id is the only other text a pattern reads
        expect(seen.get('pattern') ?? 0, field).toBeLessThanOrEqual(
          Math.max(4 * max, valid.threadId.length),
        );
        expect(seen.get('normalised') ?? 0, field).toBeLessThanOrEqual(4 * max);
        expect(seen.get('run') ?? 0, field).toBeLessThanOrEqual(30);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
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
