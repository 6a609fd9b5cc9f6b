export { QuantitySchema, VAGUE_TERMS, SINGLE_QUALIFIERS } from './schema.js';
export type {
  Quantity,
  QuantityBounds,
  VagueTerm,
  SingleQualifier,
} from './schema.js';
export { parseQuantity } from './parse.js';
export { extractQuantities } from './extract.js';
export type { QuantityMatch } from './extract.js';
export {
  quantityBounds,
  addQuantities,
  quantityFromBounds,
  isApproximate,
} from './bounds.js';
export { formatQuantity } from './format.js';
export type { FormatQuantityOptions } from './format.js';
