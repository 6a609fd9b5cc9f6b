export { fieldErrors, validate } from './field-errors.js';
export { isHttpUrl, isIsoDateTime } from './formats.js';
export { CountryCodeSchema, SubdivisionCodeSchema } from './country.js';
export { NFC_MAX_RATIO } from './text.js';
export type { FieldErrors, Validated } from './field-errors.js';
