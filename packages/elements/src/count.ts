/**
 * Registers `<dateline-count>`, a thread's comment count for index pages:
 * `import '@dateline/elements/count'`. Safe to run twice.
 */
import { DatelineCount } from './count/count.js';
import { defineElement } from './shared/define.js';

defineElement('dateline-count', DatelineCount);

export { DatelineCount };
