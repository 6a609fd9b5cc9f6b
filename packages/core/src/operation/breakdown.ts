import { demonym } from '../place/demonym.js';
import { countryName } from '../place/resolve.js';
import {
  addQuantities,
  quantityBounds,
  quantityFromBounds,
} from '../quantity/bounds.js';
import type { Quantity, QuantityBounds } from '../quantity/schema.js';
import type { Operation } from './schema.js';

export interface BreakdownRow {
  country: string;
  /** The country's English name. */
  name: string;
  /** "Vietnamese", "Indonesians"… */
  demonym: string;
  /** Absent for nationalities named without a count. */
  count?: Quantity;
  bounds?: QuantityBounds;
}

export interface ArrestBreakdown {
  total?: Quantity;
  /** Nationalities with a count, then those named without one. */
  rows: BreakdownRow[];
  /** The sum of the counted rows. */
  named: Quantity;
  /** What the named breakdown leaves unaccounted of the total; absent without a total. */
  unaccounted?: Quantity;
  /**
   * Arrests left unaccounted if the total and every named count were at their lowest bound:
   * the figure an editor quotes ("at least 342 of the first 1,001 are not broken down").
   */
  unaccountedAtMinimum?: number;
}

/**
 * The arrests by nationality, and what the named counts leave of the total.
 *
 * @example
 * const { named, unaccountedAtMinimum } = arrestBreakdown(seedOperation);
 * // named: { kind: 'at-least', value: 659 }, unaccountedAtMinimum: 342
 */
export function arrestBreakdown(op: Operation): ArrestBreakdown {
  const rows: BreakdownRow[] = [];
  let named: Quantity = { kind: 'exact', value: 0 };
  for (const { country, count } of op.arrests.byNationality) {
    rows.push({
      country,
      name: countryName(country) ?? country,
      demonym: demonym(country, { plural: true }) ?? country,
      count,
      bounds: quantityBounds(count),
    });
    named = addQuantities(named, count);
  }
  for (const country of op.arrests.namedWithoutCount) {
    rows.push({
      country,
      name: countryName(country) ?? country,
      demonym: demonym(country, { plural: true }) ?? country,
    });
  }
  const total = op.arrests.total;
  if (!total) return { rows, named };
  const t = quantityBounds(total);
  const n = quantityBounds(named);
  // The rest is at least what the total's floor exceeds the named ceiling by, and at most
  // what the total's ceiling exceeds the named floor by.
  const unaccounted = quantityFromBounds({
    min: Math.max(0, t.min - n.max),
    max: t.max === Infinity ? Infinity : Math.max(0, t.max - n.min),
  });
  return {
    total,
    rows,
    named,
    unaccounted,
    unaccountedAtMinimum: Math.max(0, t.min - n.min),
  };
}
