import { bench, describe } from 'vitest';
import {
  buildThread,
  NewCommentSchema,
  parseQuantity,
  type Comment,
} from './index.js';

/** A thread shaped like a busy comment section: most comments top-level, replies a few deep. */
function thread(n: number): Comment[] {
  const out: Comment[] = [];
  const start = Date.UTC(2025, 6, 20);
  for (let i = 0; i < n; i += 1) {
    const parent =
      i > 0 && i % 3 !== 0 ? out[i - 1 - (i % 7 === 0 ? 1 : 0)]!.id : null;
    out.push({
      id: `c${i}`,
      threadId: 't',
      parentId: parent,
      author: { name: `Reader ${i}` },
      body: 'A comment.',
      createdAt: new Date(start + i * 1000).toISOString(),
      status: 'approved',
    });
  }
  return out;
}

const t10k = thread(10_000);
const t100k = thread(100_000);

describe('buildThread', () => {
  bench('10,000 comments', () => {
    buildThread(t10k);
  });
  bench(
    '100,000 comments',
    () => {
      buildThread(t100k);
    },
    { iterations: 60, time: 3000 },
  );
});

const phrases = [
  'more than 1,000 individuals',
  'two hundred seventy-one',
  'hundreds of computers',
  'between 5 and 10',
  'billions of dollars',
];
describe('parseQuantity', () => {
  bench('5 phrases', () => {
    for (const p of phrases) parseQuantity(p);
  });
});

const input = {
  threadId: 'cambodia-2025',
  author: {
    name: 'Sokha',
    email: 'sokha@example.com',
    url: 'https://sokha.example',
  },
  body: 'Thank you for this report. https://example.com',
};
describe('NewCommentSchema', () => {
  bench('safeParse a valid comment', () => {
    NewCommentSchema.safeParse(input);
  });
});
