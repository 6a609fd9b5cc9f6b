/**
 * `@dateline/elements/moderation`: registers `<dateline-moderation>`, the moderation page.
 * Never part of `define` or the readers' loader.
 */
export * from './moderation/index.js';
