import { unknownKind, vagueTerm } from './bounds.js';
import type { Quantity } from './schema.js';

export interface FormatQuantityOptions {
  /** Append what is counted ("more than 200 Vietnamese nationals"). Default true. */
  noun?: boolean;
}

const WORDS = {
  exact: '',
  'more-than': 'more than ',
  'at-least': 'at least ',
  'fewer-than': 'fewer than ',
  'up-to': 'up to ',
  about: 'about ',
  nearly: 'nearly ',
} as const;

const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['USD', 'dollars'],
  ['EUR', 'euros'],
  ['KHR', 'riels'],
]);

function formatNumber(n: number, locale: string): string {
  // "1.5 million" reads better than "1,500,000", but only where the words are exact.
  if (n >= 1e6 && locale.toLowerCase().startsWith('en')) {
    for (const [scale, word] of [
      [1e9, 'billion'],
      [1e6, 'million'],
    ] as const) {
      const x = n / scale;
      if (
        x >= 1 &&
        Number.isInteger(Math.round(x * 1000)) &&
        Math.round(x * 1000) * (scale / 1000) === n
      ) {
        return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(x)} ${word}`;
      }
    }
  }
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * Writes a quantity back in words; `parseQuantity(formatQuantity(q))` has the same bounds.
 *
 * @example
 * formatQuantity({ kind: 'more-than', value: 1000 }) // 'more than 1,000'
 * formatQuantity({ kind: 'vague', term: 'billions', unit: 'USD' }) // 'billions of dollars'
 */
export function formatQuantity(
  q: Quantity,
  locale = 'en',
  options: FormatQuantityOptions = {},
): string {
  let figure: string;
  if (q.kind === 'vague') figure = vagueTerm(q.term).words;
  else if (q.kind === 'between')
    figure = `between ${formatNumber(q.min, locale)} and ${formatNumber(q.max, locale)}`;
  else if (Object.hasOwn(WORDS, q.kind))
    figure = WORDS[q.kind] + formatNumber(q.value, locale);
  else throw unknownKind(q);

  const tail = [
    q.unit ? (UNIT_WORDS.get(q.unit) ?? q.unit) : undefined,
    options.noun === false ? undefined : q.noun,
  ]
    .filter(Boolean)
    .join(' ');
  if (q.kind === 'vague' && !tail && q.term !== 'scores') {
    // "hundreds of" needs something after it; the bare plural reads the same.
    return figure.replace(/ of$/, '');
  }
  return tail ? `${figure} ${tail}` : figure;
}
