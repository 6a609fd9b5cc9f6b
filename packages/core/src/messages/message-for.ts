import { wordedFrom } from './comment-message.js';
import { englishMessages, englishTemplates } from './en.js';
import { fill } from './lookup.js';
import type { MessageCode, MessageOptions, MessageParams } from './types.js';

/** Whether a string is one of core's issue codes. */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(englishMessages, code);
}

/**
 * The message for an issue code, in the locale asked for (else the current one, else English),
 * with `{name}` placeholders filled from `params` (a comment field's limit needs none: it is
 * filled in when not given).
 *
 * @example
 * messageFor('name-required') // 'Please enter your name.'
 * messageFor('text-empty', { what: 'The headline' }) // 'The headline cannot be empty.'
 * messageFor('name-required', undefined, { locale: 'km' }) // Khmer once `addLocale(km)` ran, else English
 */
export function messageFor(
  code: MessageCode,
  params?: MessageParams,
  options?: MessageOptions,
): string {
  if (!isMessageCode(code)) return fill(String(code), params, options);
  return wordedFrom(englishTemplates, code, params, options);
}

/**
 * The code core's schemas put on an issue they report, or undefined for issues of other schemas.
 *
 * @example
 * issueCode(NewCommentSchema.safeParse(form).error!.issues[0]!) // 'name-required'
 */
export function issueCode(issue: {
  code?: string;
  params?: unknown;
}): MessageCode | undefined {
  const params = issue.params as { code?: unknown } | undefined;
  return issue.code === 'custom' && isMessageCode(params?.code)
    ? params.code
    : undefined;
}
