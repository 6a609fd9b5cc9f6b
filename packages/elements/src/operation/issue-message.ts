import { issueCode, messageFor, type MessageParams } from '@dateline/core';
import type { Issue } from '../shared/salvage.js';

/**
 * What is wrong with a part of the data, in `locale`: core's message for the issue's code
 * (schemas word theirs when they parse, in the page's locale, not the element's), else the
 * message the issue came with.
 */
export function issueMessage(issue: Issue, locale: string): string {
  const code = issueCode(issue);
  return code
    ? messageFor(code, issue.params as MessageParams, { locale })
    : issue.message;
}
