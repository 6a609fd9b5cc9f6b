export {
  OperationSchema,
  NamedPlaceSchema,
  SourceSchema,
  OFFENCES,
  STANCES,
} from './schema.js';
export type { Operation, NamedPlace, Source, Offence } from './schema.js';
export { arrestBreakdown } from './breakdown.js';
export type { ArrestBreakdown, BreakdownRow } from './breakdown.js';
export { checkOperation } from './check.js';
export type { OperationIssue, OperationIssueCode } from './check.js';
