export { edtfBounds, isEdtf, edtfQualifiers, EdtfError } from './edtf.js';
export type { EdtfBounds } from './edtf.js';
export { formatEdtf } from './format-edtf.js';
export type { FormatEdtfOptions } from './format-edtf.js';
export { formatRelativeTime, formatDateTime, formatDate } from './format.js';
export type { FormatRelativeOptions, FormatDateOptions } from './format.js';
