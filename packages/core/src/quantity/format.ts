import {
  englishQuantityWords,
  englishUnitCounts,
  WORDED_UNITS,
  type WordedUnit,
} from '../messages/en-quantity.js';
import { intlLocale, matchLocale } from '../messages/locale.js';
import { pluralFor, reworded, wordsFor } from '../messages/lookup.js';
import type { QuantityWordCode } from '../messages/types.js';
import { unknownKind, vagueTerm } from './bounds.js';
import type { Quantity } from './schema.js';

export interface FormatQuantityOptions {
  /** Append what is counted ("more than 200 Vietnamese nationals"). Default true. */
  noun?: boolean;
}

/** The kinds whose words are a qualifier around one figure ("more than {n}"). */
const QUALIFIED = new Set([
  'more-than',
  'at-least',
  'fewer-than',
  'up-to',
  'about',
  'nearly',
] as const);
type Qualified = typeof QUALIFIED extends Set<infer K> ? K : never;

const isWorded = (unit: string): unit is WordedUnit =>
  (WORDED_UNITS as readonly string[]).includes(unit);

/** Number formatters are slow to make and cheap to use: a fact box reuses a handful. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(
  locale: string,
  compact: boolean,
  fraction: number,
): Intl.NumberFormat {
  const key = `${locale} ${compact} ${fraction}`;
  let made = formatters.get(key);
  if (!made) {
    if (formatters.size >= 64) formatters.clear();
    made = new Intl.NumberFormat(
      locale,
      compact
        ? {
            notation: 'compact',
            compactDisplay: 'long',
            maximumFractionDigits: fraction,
          }
        : { maximumFractionDigits: fraction },
    );
    formatters.set(key, made);
  }
  return made;
}

/**
 * English words for a large round figure: "1.5 million", "2.25 billion", as `parseQuantity`
 * reads them, but only where the words are exact.
 */
function englishScale(n: number, locale: string): string | undefined {
  for (const [scale, word] of [
    [1e9, 'billion'],
    [1e6, 'million'],
  ] as const) {
    const thousandths = Math.round((n / scale) * 1000);
    if (n >= scale && thousandths * (scale / 1000) === n)
      return `${formatter(locale, false, 3).format(n / scale)} ${word}`;
  }
  return undefined;
}

/**
 * A figure, with the digits and grouping of `locale` (the tag as given, so "km-u-nu-khmr"
 * writes Khmer digits). A large round figure is written in words, as a news report writes it:
 * in English "1.5 million"; in another language Intl's long compact form ("1,5 triệu",
 * "150万"), but only when it says the figure exactly; else every digit.
 */
function formatNumber(n: number, locale: string, words: string): string {
  if (n >= 1e6) {
    if (words === 'en') {
      // "1,5 Millionen" inside English words would read as neither language.
      if (/^en\b/i.test(locale)) {
        const scaled = englishScale(n, locale);
        if (scaled) return scaled;
      }
    } else {
      const compact = formatter(locale, true, 3).format(n);
      if (compact === formatter(locale, true, 20).format(n)) return compact;
    }
  }
  return formatter(locale, false, 3).format(n);
}

/**
 * Writes a quantity in words, in a locale: the qualifier, vague term and currency words of
 * the locale's catalogue (English until `addLocale` or `loadLocale` added it; a site can
 * reword them with `setMessages`), figures with the digits and grouping of the locale by Intl.
 * In English, `parseQuantity(formatQuantity(q))` has the same bounds. What is counted (`noun`)
 * is the report's own words, and stays in the language of the report.
 *
 * @example
 * formatQuantity({ kind: 'more-than', value: 1000 }) // 'more than 1,000'
 * formatQuantity({ kind: 'vague', term: 'billions', unit: 'USD' }) // 'billions of dollars'
 * formatQuantity({ kind: 'more-than', value: 1000 }, 'vi') // 'hơn 1.000', once Vietnamese is added
 * formatQuantity({ kind: 'exact', value: 1_500_000 }, 'zh-Hans') // '150万'
 */
export function formatQuantity(
  q: Quantity,
  locale = 'en',
  options: FormatQuantityOptions = {},
): string {
  const tag = intlLocale(locale);
  // Intl's words for a large figure ("1,5 triệu") go only with the language's own quantity
  // words: until its catalogue is added, the words around the figure are English.
  const words =
    reworded('quantity-more-than', { locale }) === undefined
      ? 'en'
      : matchLocale(locale);
  const say = (code: QuantityWordCode, params?: Record<string, string>) =>
    wordsFor(englishQuantityWords, code, params, locale);
  const figure = (n: number) => formatNumber(n, tag, words);
  const unit = q.unit;
  const noun = options.noun === false ? undefined : q.noun || undefined;

  if (q.kind === 'vague') {
    // An unknown term, "constructor" among them, is an error, not Object's.
    vagueTerm(q.term);
    // The currency after a vague term ("billions of dollars") is its own word, then the noun.
    const what = unit ? (isWorded(unit) ? say(`unit-${unit}`) : unit) : noun;
    if (what === undefined) return say(`quantity-${q.term}`);
    const text = say(`quantity-${q.term}-of`, { what });
    return unit && noun
      ? say('quantity-counted', { quantity: text, what: noun })
      : text;
  }

  let text: string;
  let count: number;
  if (q.kind === 'exact') {
    text = figure(q.value);
    count = q.value;
  } else if (q.kind === 'between') {
    text = say('quantity-between', { min: figure(q.min), max: figure(q.max) });
    // The counted word agrees with the figure next to it: "between 5 and 10 dollars".
    count = q.max;
  } else if (QUALIFIED.has(q.kind as Qualified)) {
    text = say(`quantity-${q.kind as Qualified}`, { n: figure(q.value) });
    count = q.value;
  } else throw unknownKind(q);

  if (unit) {
    const named = isWorded(unit)
      ? pluralFor(englishUnitCounts, `unit-${unit}-counted`, count, locale)
      : unit;
    text = say('quantity-amount', { quantity: text, unit: named });
  }
  return noun ? say('quantity-counted', { quantity: text, what: noun }) : text;
}
