/**
 * Registers every element a reader sees: `import '@dateline/elements/define'`. A page that
 * shows only some imports their own entries instead (`@dateline/elements/comments` …).
 * Safe to run twice; an element already registered is left alone.
 */
import { DatelineArticle } from './article/article.js';
import { DatelineCommentForm } from './comment-form/comment-form.js';
import { DatelineComments } from './comments/comments.js';
import { DatelineCount } from './count/count.js';
import { DatelineOperation } from './operation/operation.js';
import { defineElement } from './shared/define.js';

/**
 * Registers `<dateline-article>`, `<dateline-operation>`, `<dateline-comments>`,
 * `<dateline-comment-form>` and `<dateline-count>`.
 */
export function defineElements(): void {
  defineElement('dateline-operation', DatelineOperation);
  defineElement('dateline-article', DatelineArticle);
  defineElement('dateline-comment-form', DatelineCommentForm);
  defineElement('dateline-comments', DatelineComments);
  defineElement('dateline-count', DatelineCount);
}

defineElements();
