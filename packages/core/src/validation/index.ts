export { fieldErrors, validate } from './field-errors.js';
export { isHttpUrl, isIsoDateTime } from './formats.js';
export { CountryCodeSchema, SubdivisionCodeSchema } from './country.js';
export type { FieldErrors, Validated } from './field-errors.js';
