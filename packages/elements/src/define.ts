/**
 * Registers every Dateline element. Import this once: `import '@dateline/elements/define'`.
 * Safe to run twice; an element already registered is left alone.
 */
import { DatelineArticle } from './article/article.js';
import { DatelineCommentForm } from './comment-form/comment-form.js';
import { DatelineComments } from './comments/comments.js';
import { DatelineOperation } from './operation/operation.js';
import { defineElement } from './shared/define.js';

/** Registers `<dateline-article>`, `<dateline-operation>`, `<dateline-comments>` and `<dateline-comment-form>`. */
export function defineElements(): void {
  defineElement('dateline-operation', DatelineOperation);
  defineElement('dateline-article', DatelineArticle);
  defineElement('dateline-comment-form', DatelineCommentForm);
  defineElement('dateline-comments', DatelineComments);
}

defineElements();
