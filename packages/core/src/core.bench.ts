import { bench, describe } from 'vitest';
import {
  buildThread,
  type Comment,
  edtfBounds,
  extractQuantities,
  isEdtf,
  linkify,
  NewCommentSchema,
  parseQuantity,
  resolvePlace,
} from './index.js';
import { htmlToText } from './store/wordpress-text.js';

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

/** Ids shaped as the service makes them (24 hex digits, unique), oldest first, parents by `parentOf`. */
function shaped(
  n: number,
  parentOf: (i: number, ids: readonly string[]) => string | null,
): Comment[] {
  const ids = Array.from(
    { length: n },
    (_, i) =>
      (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, '0') +
      i.toString(16).padStart(16, '0'),
  );
  const start = Date.UTC(2025, 6, 20);
  return ids.map((id, i) => ({
    id,
    threadId: 't',
    parentId: parentOf(i, ids),
    author: { name: `Reader ${i}` },
    body: 'A comment.',
    createdAt: new Date(start + i * 1000).toISOString(),
    status: 'approved' as const,
  }));
}

const t10k = thread(10_000);

/** Any comment may answer any other, later ones included; a tenth answer one that is gone. */
function randomParents(): Comment[] {
  let pick = 11;
  return shaped(100_000, (i, ids) => {
    pick = (Math.imul(pick, 48271) + 1) >>> 0;
    if (pick % 10 === 0) return null;
    if (pick % 10 === 1) return `gone-${i}`;
    return ids[pick % ids.length]!;
  });
}

/**
 * Each thread of 100,000 comments is made just before its row and dropped after it, so the
 * collector walks that thread alone, as in a process that builds one; with all five in memory
 * at once, the same code measured 10 to 50 ms more.
 */
let large: Comment[] = [];
function oneAtATime(make: () => Comment[]) {
  return {
    iterations: 60,
    time: 3000,
    setup: () => {
      large = make();
    },
    teardown: () => {
      large = [];
    },
  };
}

describe('buildThread', () => {
  bench('10,000 comments', () => {
    buildThread(t10k);
  });
  for (const [name, make] of [
    ['100,000 comments', () => thread(100_000)],
    ['100,000 comments, random parents and orphans', randomParents],
    [
      '100,000 comments, random parents and orphans, parsed from JSON',
      // Ids and parent ids are then equal strings, not one string.
      () => JSON.parse(JSON.stringify(randomParents())),
    ],
    [
      '100,000 comments, one chain of replies',
      () => shaped(100_000, (i, ids) => (i === 0 ? null : ids[i - 1]!)),
    ],
    [
      '100,000 comments, every parent gone',
      () => shaped(100_000, (i) => `gone-${i}`),
    ],
  ] as const)
    bench(
      name,
      () => {
        buildThread(large);
      },
      oneAtATime(make),
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

/**
 * Every helper that reads user text, on 100 KB of the shapes that make backtracking regexes
 * and nested scans blow up. The goal is under 10 ms a row; tests prove the work linear.
 */
const KB100 = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(KB100 / unit.length));
/** Many calls whose inputs add up to 100 KB, for helpers that refuse longer input. */
const batch = (unit: string) =>
  Array.from({ length: Math.ceil(KB100 / unit.length) }, () => unit);
/** Host names of 63 different non-ASCII letters each, the costliest a URL parser accepts. */
const idnHosts = Array.from({ length: KB100 / 80 }, (_, i) => {
  let label = '';
  for (let k = 0; k < 63; k += 1)
    label += String.fromCodePoint(0x4e00 + ((i * 63 + k) % 20_000));
  return `http://${label}/`;
}).join(' ');

const hostile = {
  linkify: {
    'brackets (the 40 s comment)': `http://a/${'('.repeat(KB100 / 2)}${')'.repeat(KB100 / 2)}`,
    schemes: fill('http://'),
    'short links': fill('http://a '),
    'dots and closers': `http://a/${fill('.)')}`,
    'non-ASCII hosts': idnHosts,
  },
  extractQuantities: {
    'broken grouping commas': fill('1,0'),
    'zeros before a scale': `1.${'0'.repeat(KB100)}1 million`,
    'tens joined by hyphens': fill('seventy-'),
    'ranges without ends': fill('between 1 and '),
    'the seed sentence': fill(
      'more than 200 Vietnamese nationals, 271 Indonesians; ',
    ),
  },
  htmlToText: {
    'unclosed <a href="': fill('<a href="'),
    'unclosed links': fill('<a href="https://example.org/">x'),
    'unclosed scripts': fill('<script>'),
    '<': fill('<'),
    'spaces without a line break': `${' '.repeat(KB100)}x`,
    'unclosed entities': fill('&amp'),
  },
};

for (const [helper, shapes] of Object.entries(hostile)) {
  const run =
    helper === 'linkify'
      ? linkify
      : helper === 'extractQuantities'
        ? extractQuantities
        : htmlToText;
  describe(`${helper}, 100 KB`, () => {
    for (const [shape, text] of Object.entries(shapes)) {
      bench(shape, () => {
        run(text);
      });
    }
  });
}

describe('parseQuantity, 100 KB', () => {
  bench('one string of qualifiers', () => {
    parseQuantity(fill('more than '));
  });
  const phrase = `two hundred and ${'seventy-'.repeat(35)}one`;
  const phrases = batch(phrase);
  bench('300-character phrases of number words', () => {
    for (const p of phrases) parseQuantity(p);
  });
});

describe('edtfBounds, 100 KB', () => {
  const long = fill('XX-');
  bench('one string of X digits and dashes', () => {
    isEdtf(long);
  });
  const padded = `${' '.repeat(KB100)}2025-07-1X`;
  bench('one date padded with spaces', () => {
    edtfBounds(padded);
  });
  // Past 64 characters a string is refused, so 100 KB of the costliest strings is many calls.
  for (const unit of [
    '1X00-02-29/1X00-02-29',
    'XXX1-02-29/XXX1-02-29',
    'XXXX-02-3X/XXXX-02-3X',
    'XXXX-XX-XX/XXXX-XX-XX',
  ]) {
    const strings = batch(unit);
    bench(`${strings.length} × ${unit}`, () => {
      for (const s of strings) isEdtf(s);
    });
  }
});

describe('resolvePlace, 100 KB', () => {
  bench('one long name', () => {
    resolvePlace(fill('Kratie '));
  });
  for (const [shape, unit] of Object.entries({
    'names of dots': '.'.repeat(200),
    'names of combining marks': `e${'\u0301'.repeat(199)}`,
    'names of words': fill('phnom penh ').slice(0, 200),
  })) {
    const names = batch(unit);
    bench(`${names.length} ${shape}`, () => {
      for (const n of names) resolvePlace(n, { country: 'KH' });
    });
  }
});
