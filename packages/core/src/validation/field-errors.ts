import type * as z from 'zod/mini';
import { fill, reworded } from '../messages/lookup.js';
import type { MessageOptions, MessageParams } from '../messages/types.js';

/** Field path → message, the shape every refusal takes: `{ "author.email": "…" }`. */
export type FieldErrors = Record<string, string>;

/**
 * Turns a Zod error into one message per field (the first issue of each), keyed by its dotted
 * path; issues on the whole object use the key "". Issues from core's schemas carry a code, and
 * are worded by it in the locale asked for (falling back to the message the schema reported);
 * other issues keep the message Zod gave them.
 *
 * @example
 * fieldErrors(NewCommentSchema.safeParse(input).error) // { body: 'Please type a comment.' }
 * fieldErrors(error, { locale: 'km' }) // the same fields, in Khmer where a catalogue has it
 */
export function fieldErrors(
  error: z.core.$ZodError,
  options?: MessageOptions,
): FieldErrors {
  // A Map, then fromEntries: a path such as "constructor" or "__proto__" is a field like any other.
  const out = new Map<string, string>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (out.has(key)) continue;
    const params: MessageParams | undefined =
      issue.code === 'custom' ? issue.params : undefined;
    const code = params?.code;
    const text = typeof code === 'string' ? reworded(code, options) : undefined;
    out.set(
      key,
      text === undefined ? issue.message : fill(text, params, options),
    );
  }
  return Object.fromEntries(out);
}

/** The result of validating with a schema: the parsed value, or a field → message map. */
export type Validated<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldErrors };

/**
 * Validates with a schema and returns either the value or the field errors.
 *
 * @example
 * validate(NewCommentSchema, form) // { ok: false, errors: { 'author.name': 'Please enter your name.' } }
 * validate(NewCommentSchema, form, { locale: 'km' })
 */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  options?: MessageOptions,
): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrors(result.error, options) };
}
