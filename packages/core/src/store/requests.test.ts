import { afterEach, describe, expect, it } from 'vitest';
import { setMessages } from '../messages/catalogues.js';
import { loadLocale } from '../messages/load.js';
import { fieldErrors } from '../validation/field-errors.js';
import {
  ListQuerySchema,
  ModerationRequestSchema,
  PostCommentRequestSchema,
} from './requests.js';

const post = {
  threadId: 'kh-2025',
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body: 'Thank you for this report.',
};

describe('PostCommentRequestSchema: asking to hear about replies', () => {
  it('leaves notify out when the reader did not ask, so it means no', () => {
    const parsed = PostCommentRequestSchema.parse(post);
    expect(parsed.notify).toBeUndefined();
  });

  it('keeps notify when the reader ticked the box', () => {
    expect(
      PostCommentRequestSchema.parse({ ...post, notify: true }).notify,
    ).toBe(true);
    expect(
      PostCommentRequestSchema.parse({ ...post, notify: false }).notify,
    ).toBe(false);
  });

  it('refuses a notify that is not true or false, saying so beside the field', () => {
    for (const notify of ['true', 1, 'yes', null, {}]) {
      const parsed = PostCommentRequestSchema.safeParse({ ...post, notify });
      expect(parsed.success).toBe(false);
      if (!parsed.success)
        expect(fieldErrors(parsed.error)).toEqual({
          notify:
            'Whether to mail you about follow-up comments must be true or false.',
        });
    }
  });
});

describe('the comment service’s other requests, worded by code', () => {
  afterEach(() => setMessages('en', {}));

  const errorsOf = (
    result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] },
    locale?: string,
  ) =>
    result.success ? {} : fieldErrors(result.error!, locale ? { locale } : {});

  it('says what is wrong with a thread’s list query, in English by default', () => {
    expect(
      errorsOf(
        ListQuerySchema.safeParse({
          cursor: 'c'.repeat(201),
          limit: '201',
          order: 'random',
        }),
      ),
    ).toEqual({
      cursor: 'The cursor is not one this service gave out.',
      limit: 'The limit must be a whole number from 1 to 200.',
      order: 'The order must be "oldest" or "newest".',
    });
    expect(
      errorsOf(ModerationRequestSchema.safeParse({ status: 'trash' })),
    ).toEqual({
      status: 'The status must be one of: approved, pending, spam, deleted.',
    });
  });

  it('says it in a shipped language, and as a site rewords it', async () => {
    await loadLocale('km');
    await loadLocale('vi');
    const km = errorsOf(
      ListQuerySchema.safeParse({ limit: '0', order: 'random' }),
      'km',
    );
    expect(km).toEqual({
      limit: 'ចំនួនកំណត់ត្រូវតែជាចំនួនគត់ពី 1 ដល់ 200។',
      order: 'លំដាប់ត្រូវតែជា "oldest" (ចាស់ជាងគេមុន) ឬ "newest" (ថ្មីជាងគេមុន)។',
    });
    expect(
      errorsOf(
        PostCommentRequestSchema.safeParse({ ...post, notify: 'yes' }),
        'vi',
      ).notify,
    ).not.toBe(
      'Whether to mail you about follow-up comments must be true or false.',
    );
    setMessages('en', { 'order-invalid': 'Oldest or newest, please.' });
    expect(errorsOf(ListQuerySchema.safeParse({ order: 'x' })).order).toBe(
      'Oldest or newest, please.',
    );
  });
});
