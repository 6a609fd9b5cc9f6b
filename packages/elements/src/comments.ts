/**
 * Registers `<dateline-comments>` and the "Leave a Reply" form it renders,
 * `<dateline-comment-form>`: `import '@dateline/elements/comments'`. Nothing of the article is
 * loaded, and a store's module only when the section first needs it. Safe to run twice.
 */
import { DatelineCommentForm } from './comment-form/comment-form.js';
import { DatelineComments } from './comments/comments.js';
import { defineElement } from './shared/define.js';

defineElement('dateline-comment-form', DatelineCommentForm);
defineElement('dateline-comments', DatelineComments);

export { DatelineComments, DatelineCommentForm };
