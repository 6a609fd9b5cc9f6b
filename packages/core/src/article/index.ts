export { ArticleSchema, BlockSchema } from './schema.js';
export type { Article, Block, Person } from './schema.js';
export { toJsonLd, articleText } from './jsonld.js';
export type { ToJsonLdOptions } from './jsonld.js';
export { toNinjs, NINJS_SCHEMA } from './ninjs.js';
export type { ToNinjsOptions } from './ninjs.js';
