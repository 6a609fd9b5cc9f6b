/**
 * Registers `<dateline-moderation>`, the moderation page: `import '@dateline/elements/moderation'`
 * or `<script type="module" src=".../cdn/moderation.js">`. Apart from the readers' elements,
 * so no reader's page ever loads it. Safe to run twice.
 */
import { defineElement } from '../shared/define.js';
import { DatelineModeration } from './moderation.js';

defineElement('dateline-moderation', DatelineModeration);

export { DatelineModeration };
