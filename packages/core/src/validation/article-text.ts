import * as z from 'zod/mini';
import { articleIssue } from '../messages/article-issue.js';
import { nfc, notStacked, string, wellFormed } from './text.js';

/**
 * Required text in an article or operation: well-formed, trimmed, NFC, not empty.
 * `what` names the field in the message ("The headline cannot be empty.").
 */
export const text = (what: string) =>
  string(articleIssue('text-type', { what })).check(
    wellFormed,
    notStacked,
    z.trim(),
    nfc,
    z.refine((s) => s.length > 0, articleIssue('text-empty', { what })),
  );
