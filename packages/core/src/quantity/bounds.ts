import {
  VAGUE_TERMS,
  type Quantity,
  type QuantityBounds,
  type VagueTerm,
} from './schema.js';

function shown(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * The bounds and words of a vague term. Quantities that did not pass `QuantitySchema` may
 * carry any term, and "constructor" must not find Object's: an unknown one is an error.
 */
export function vagueTerm(term: string): (typeof VAGUE_TERMS)[VagueTerm] {
  if (!Object.hasOwn(VAGUE_TERMS, term)) {
    throw new TypeError(
      `${shown(term)} is not a vague quantity: expected one of ${Object.keys(VAGUE_TERMS).join(', ')}.`,
    );
  }
  return VAGUE_TERMS[term as VagueTerm];
}

/** The error for a quantity whose kind is none of Dateline's. */
export function unknownKind(q: { kind: unknown }): TypeError {
  return new TypeError(
    `${shown(q.kind)} is not a kind of quantity: expected exact, more-than, at-least, fewer-than, up-to, about, nearly, between or vague.`,
  );
}

/**
 * Inclusive integer bounds of a quantity, by Dateline's conventions (see the README).
 *
 * @example
 * quantityBounds({ kind: 'more-than', value: 1000 }) // { min: 1001, max: Infinity }
 * quantityBounds({ kind: 'vague', term: 'hundreds' }) // { min: 200, max: 999 }
 */
export function quantityBounds(q: Quantity): QuantityBounds {
  switch (q.kind) {
    case 'exact':
      return { min: q.value, max: q.value };
    case 'more-than':
      return { min: q.value + 1, max: Infinity };
    case 'at-least':
      return { min: q.value, max: Infinity };
    case 'fewer-than':
      return { min: 0, max: Math.max(0, q.value - 1) };
    case 'up-to':
      return { min: 0, max: q.value };
    case 'about':
      return { min: Math.round(0.9 * q.value), max: Math.round(1.1 * q.value) };
    case 'nearly': {
      // "nearly 1" has no room below N; keep the bounds ordered.
      const max = Math.max(0, q.value - 1);
      return { min: Math.min(Math.round(0.9 * q.value), max), max };
    }
    case 'between':
      return { min: q.min, max: q.max };
    case 'vague': {
      const { min, max } = vagueTerm(q.term);
      return { min, max };
    }
    default:
      throw unknownKind(q);
  }
}

/** Whether a quantity is an estimate rather than a stated bound ("about", "nearly", vague words). */
export function isApproximate(q: Quantity): boolean {
  return q.kind === 'about' || q.kind === 'nearly' || q.kind === 'vague';
}

/**
 * The plainest quantity with the given bounds: exact, "at least", or "between".
 *
 * @example
 * quantityFromBounds({ min: 659, max: Infinity }) // { kind: 'at-least', value: 659 }
 */
export function quantityFromBounds(bounds: QuantityBounds): Quantity {
  const min = Math.max(0, bounds.min);
  if (bounds.max === Infinity) return { kind: 'at-least', value: min };
  const max = Math.max(min, bounds.max);
  if (min === max) return { kind: 'exact', value: min };
  return { kind: 'between', min, max };
}

/**
 * Adds two quantities by their bounds. The result is approximate-free: it states the bounds.
 *
 * @example
 * addQuantities({ kind: 'more-than', value: 200 }, { kind: 'exact', value: 271 })
 * // { kind: 'at-least', value: 472 }
 */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const x = quantityBounds(a);
  const y = quantityBounds(b);
  const result = quantityFromBounds({ min: x.min + y.min, max: x.max + y.max });
  const unit = a.unit ?? b.unit;
  return unit ? { ...result, unit } : result;
}
