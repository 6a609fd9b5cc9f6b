export * from './quantity/index.js';
export * from './date/index.js';
export * from './place/index.js';
export * from './operation/index.js';
export * from './article/index.js';
export * from './comment/index.js';
export * from './store/index.js';
export * from './validation/index.js';
