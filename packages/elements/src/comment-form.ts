/**
 * Registers `<dateline-comment-form>`, the "Leave a Reply" form on its own:
 * `import '@dateline/elements/comment-form'`. Safe to run twice.
 */
import { DatelineCommentForm } from './comment-form/comment-form.js';
import { defineElement } from './shared/define.js';

defineElement('dateline-comment-form', DatelineCommentForm);

export { DatelineCommentForm };
