import { expectTypeOf, test } from 'vitest';
import type {
  Article,
  Comment,
  CommentStore,
  FieldErrors,
  MessageCatalogue,
  MessageCode,
  NewComment,
  NewCommentInput,
  NewCommentIssueCode,
  Operation,
  Place,
  Quantity,
  ThreadNode,
} from './index.js';
import {
  buildThread,
  createMemoryStore,
  fieldErrors,
  issueCode,
  linkify,
  messageFor,
  NEW_COMMENT_LIMITS,
  parseQuantity,
  quantityBounds,
  setMessages,
} from './index.js';

test('types are inferred from the schemas', () => {
  expectTypeOf<Quantity['kind']>().toEqualTypeOf<
    | 'exact'
    | 'more-than'
    | 'at-least'
    | 'fewer-than'
    | 'up-to'
    | 'about'
    | 'nearly'
    | 'between'
    | 'vague'
  >();
  expectTypeOf<Comment['status']>().toEqualTypeOf<
    'approved' | 'pending' | 'spam' | 'deleted'
  >();
  expectTypeOf<Comment['author']>().toEqualTypeOf<{
    name: string;
    url?: string | undefined;
  }>();
  expectTypeOf<NewComment['author']>()
    .toHaveProperty('email')
    .toEqualTypeOf<string>();
  expectTypeOf<Article['body'][number]['type']>().toEqualTypeOf<
    'paragraph' | 'heading' | 'quote' | 'list' | 'operation'
  >();
  expectTypeOf<Operation['arrests']['namedWithoutCount']>().toEqualTypeOf<
    string[]
  >();
});

test('helpers have the contract signatures', () => {
  expectTypeOf(parseQuantity).returns.toEqualTypeOf<Quantity | undefined>();
  expectTypeOf(quantityBounds).returns.toEqualTypeOf<{
    min: number;
    max: number;
  }>();
  expectTypeOf(buildThread).returns.toEqualTypeOf<ThreadNode[]>();
  expectTypeOf(linkify).returns.toEqualTypeOf<
    Array<string | { href: string; text: string }>
  >();
  expectTypeOf(createMemoryStore()).toEqualTypeOf<CommentStore>();
  expectTypeOf<CommentStore['create']>()
    .parameter(0)
    .toEqualTypeOf<NewCommentInput>();
});

test('messages are typed by issue code', () => {
  expectTypeOf<NewCommentIssueCode>().toExtend<MessageCode>();
  expectTypeOf<'name-invisible-character'>().toExtend<NewCommentIssueCode>();
  expectTypeOf<'text-malformed'>().toExtend<NewCommentIssueCode>();
  expectTypeOf(messageFor).parameter(0).toEqualTypeOf<MessageCode>();
  expectTypeOf(issueCode).returns.toEqualTypeOf<MessageCode | undefined>();
  expectTypeOf(fieldErrors).returns.toEqualTypeOf<FieldErrors>();
  expectTypeOf<FieldErrors>().toEqualTypeOf<Record<string, string>>();
  // @ts-expect-error a code core does not have
  messageFor('name-missing');
  // @ts-expect-error a message must be text
  setMessages({ 'name-required': 1 });
  // A locale module must word every code.
  // @ts-expect-error 'name-required' and the rest are missing
  const partial: MessageCatalogue = { 'name-too-long': '…' };
  void partial;
});

test('limits are exported as literal numbers for a form’s maxlength', () => {
  expectTypeOf(NEW_COMMENT_LIMITS).toEqualTypeOf<{
    readonly name: 245;
    readonly email: 100;
    readonly url: 200;
    readonly body: 65_525;
  }>();
  expectTypeOf<Place['country']>().toEqualTypeOf<string>();
  expectTypeOf<Operation['offences'][number]>().toEqualTypeOf<
    | 'online-fraud'
    | 'human-trafficking'
    | 'forced-labour'
    | 'child-labour'
    | 'torture'
    | 'money-laundering'
    | 'illegal-gambling'
    | 'kidnapping'
    | 'corruption'
  >();
});
