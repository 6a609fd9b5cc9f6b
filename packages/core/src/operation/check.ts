import { formatQuantity } from '../quantity/format.js';
import { quantityBounds } from '../quantity/bounds.js';
import {
  isFirstLevel,
  resolvePlace,
  subdivisionName,
} from '../place/resolve.js';
import { arrestBreakdown } from './breakdown.js';
import type { Operation } from './schema.js';

export type OperationIssueCode =
  | 'arrests-exceed-total'
  | 'duplicate-nationality'
  | 'unknown-place'
  | 'place-kind-mismatch'
  | 'place-mismatch'
  | 'too-few-locations'
  | 'locations-exceed-count';

/** Something a careful editor would flag in an operation's facts. */
export interface OperationIssue {
  code: OperationIssueCode;
  message: string;
  /** Where in the operation, as keys and indexes. */
  path: (string | number)[];
}

/**
 * Checks an operation's facts against each other and the gazetteer.
 *
 * @example
 * checkOperation(seed) // [{ code: 'place-kind-mismatch', message: 'Poipet is a city in Banteay Meanchey (KH-1), not a province.', path: ['locations', 'named', 2] }]
 */
export function checkOperation(op: Operation): OperationIssue[] {
  const issues: OperationIssue[] = [];

  const { total } = op.arrests;
  if (total) {
    const named = arrestBreakdown(op).named;
    const n = quantityBounds(named);
    const t = quantityBounds(total);
    if (n.min > t.max) {
      issues.push({
        code: 'arrests-exceed-total',
        message: `The arrests by nationality add up to ${formatQuantity(named)}, more than the total of ${formatQuantity(total)}.`,
        path: ['arrests', 'byNationality'],
      });
    }
  }

  const seen = new Map<string, string>();
  op.arrests.byNationality.forEach(({ country }, i) => {
    if (seen.has(country)) {
      issues.push({
        code: 'duplicate-nationality',
        message: `${country} is counted twice in the arrests by nationality.`,
        path: ['arrests', 'byNationality', i, 'country'],
      });
    } else seen.set(country, 'counted');
  });
  op.arrests.namedWithoutCount.forEach((country, i) => {
    const before = seen.get(country);
    if (before) {
      issues.push({
        code: 'duplicate-nationality',
        message:
          before === 'counted'
            ? `${country} is both counted and named without a count.`
            : `${country} is named twice.`,
        path: ['arrests', 'namedWithoutCount', i],
      });
    } else seen.set(country, 'named');
  });

  const units = new Set<string>();
  op.locations.named.forEach((named, i) => {
    const path = ['locations', 'named', i];
    const resolved = resolvePlace(named.name, { country: op.country });
    if (!resolved) {
      issues.push({
        code: 'unknown-place',
        message: `“${named.name}” is not a place the gazetteer knows in ${op.country}.`,
        path,
      });
      return;
    }
    if (resolved.subdivision) units.add(resolved.subdivision);
    if (
      named.place &&
      (named.place.subdivision !== resolved.subdivision ||
        named.place.kind !== resolved.kind)
    ) {
      issues.push({
        code: 'place-mismatch',
        message: `“${named.name}” is recorded as ${named.place.name} (${named.place.subdivision ?? named.place.country}) but resolves to ${resolved.name} (${resolved.subdivision ?? resolved.country}).`,
        path: [...path, 'place'],
      });
    }
    const want = op.locations.countKind;
    const fits =
      want === 'province'
        ? isFirstLevel(resolved)
        : want === undefined || resolved.kind === want;
    if (!fits) {
      const within =
        resolved.kind === 'city' && resolved.subdivision
          ? ` in ${subdivisionName(resolved.subdivision)}`
          : '';
      issues.push({
        code: 'place-kind-mismatch',
        message: `${named.name} is a ${resolved.kind}${within} (${resolved.subdivision ?? resolved.country}), not a ${want}.`,
        path,
      });
    }
  });

  const { count } = op.locations;
  if (count) {
    const b = quantityBounds(count);
    const n =
      op.locations.countKind === 'province'
        ? units.size
        : op.locations.named.length;
    if (op.locations.complete && n < b.min) {
      issues.push({
        code: 'too-few-locations',
        message: `The report says ${formatQuantity(count)} but its full list names only ${n}.`,
        path: ['locations', 'named'],
      });
    }
    if (n > b.max) {
      issues.push({
        code: 'locations-exceed-count',
        message: `The report says ${formatQuantity(count)} but names ${n}.`,
        path: ['locations', 'count'],
      });
    }
  }
  return issues;
}
