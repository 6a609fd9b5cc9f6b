import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation/field-errors.js';
import { PostCommentRequestSchema } from './requests.js';

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
