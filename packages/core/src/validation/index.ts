export { fieldErrors, validate } from './field-errors.js';
export type { FieldErrors, Validated } from './field-errors.js';
