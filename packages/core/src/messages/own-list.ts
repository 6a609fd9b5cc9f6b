/**
 * Lists in a catalogue's words, for a language the platform's Intl lacks. A page gets this
 * code only with such a catalogue (see `OwnWriters`).
 */
import { englishListWords, type ListWordCode } from './en-list.js';
import { intlLocale } from './locale.js';
import { reworded } from './lookup.js';

type Part = { type: 'element' | 'literal'; value: string };

/**
 * A join's words before, between and after its two sides:
 * "{first} and {last}" is ['', ' and ', ''].
 */
type Join = readonly [before: string, between: string, after: string];

/**
 * A join's words in the catalogue, or English's when its template does not hold both sides
 * once each, in order.
 */
function joinOf(code: ListWordCode, locale: string): Join {
  const split = (text: string) => {
    const [before, rest, ...more] = text.split('{first}');
    if (rest === undefined || more.length) return undefined;
    const [between, after, ...extra] = rest.split('{last}');
    if (after === undefined || extra.length || before!.includes('{last}'))
      return undefined;
    return [before!, between!, after] as const;
  };
  return (
    split(reworded(code, { locale }) ?? '') ?? split(englishListWords[code])!
  );
}

/** A list in the catalogue's words, in the shape of `Intl.ListFormat`. */
export function ownList(
  locale: string,
  style: 'long' | 'narrow',
): Intl.ListFormat {
  const formatToParts = (list: Iterable<string>): Part[] => {
    // Read at each use, so a site's later wording (`setMessages`) applies.
    const separator = joinOf('list-separator', locale);
    const pair = style === 'narrow' ? separator : joinOf('list-and', locale);
    const end =
      style === 'narrow' ? separator : joinOf('list-and-last', locale);
    const items = [...list].map(String);
    const out: Part[] = [];
    const literal = (value: string) => {
      const prev = out.at(-1);
      if (prev?.type === 'literal') prev.value += value;
      else if (value) out.push({ type: 'literal', value });
    };
    const element = (value: string) => out.push({ type: 'element', value });
    if (items.length <= 1) {
      items.forEach(element);
      return out;
    }
    // "A, B, C and D" is A, then (B, then (C and D)): each join wraps all that follows, so
    // every separator's opening words come first and their closing words last, in one pass.
    const last = items.length === 2 ? pair : end;
    for (let i = 0; i < items.length - 2; i += 1) {
      literal(separator[0]);
      element(items[i]!);
      literal(separator[1]);
    }
    literal(last[0]);
    element(items.at(-2)!);
    literal(last[1]);
    element(items.at(-1)!);
    literal(last[2]);
    for (let i = 0; i < items.length - 2; i += 1) literal(separator[2]);
    return out;
  };
  return {
    format: (list) =>
      formatToParts(list)
        .map((p) => p.value)
        .join(''),
    formatToParts,
    resolvedOptions: () => ({
      locale: intlLocale(locale),
      type: 'conjunction',
      style,
    }),
  };
}
