import { expectTypeOf, test } from 'vitest';
import type {
  Article,
  Comment,
  CommentStore,
  NewComment,
  NewCommentInput,
  Operation,
  Quantity,
  ThreadNode,
} from './index.js';
import {
  buildThread,
  createMemoryStore,
  linkify,
  parseQuantity,
  quantityBounds,
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
