/**
 * Registers `<dateline-article>` and the fact box it renders, `<dateline-operation>`:
 * `import '@dateline/elements/article'`. Nothing else is loaded: no comment section, no store.
 * Safe to run twice; an element already registered is left alone.
 */
import { DatelineArticle } from './article/article.js';
import { DatelineOperation } from './operation/operation.js';
import { defineElement } from './shared/define.js';

defineElement('dateline-operation', DatelineOperation);
defineElement('dateline-article', DatelineArticle);

export { DatelineArticle, DatelineOperation };
