/**
 * Registers `<dateline-operation>`, an enforcement operation's fact box on its own:
 * `import '@dateline/elements/operation'`. Safe to run twice.
 */
import { DatelineOperation } from './operation/operation.js';
import { defineElement } from './shared/define.js';

defineElement('dateline-operation', DatelineOperation);

export { DatelineOperation };
