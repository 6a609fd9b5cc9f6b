export { edtfBounds, isEdtf, edtfQualifiers, EdtfError } from './edtf.js';
export type { EdtfBounds } from './edtf.js';
export { formatEdtf, formatRelativeTime, formatDateTime } from './format.js';
export type { FormatEdtfOptions, FormatRelativeOptions } from './format.js';
