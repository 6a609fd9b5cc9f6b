import type * as z from 'zod/mini';

/** Field path → message, the shape every refusal takes: `{ "author.email": "…" }`. */
export type FieldErrors = Record<string, string>;

/**
 * Turns a Zod error into one message per field (the first issue of each), keyed by its dotted
 * path; issues on the whole object use the key "".
 *
 * @example
 * fieldErrors(NewCommentSchema.safeParse(input).error) // { body: 'Please type a comment.' }
 */
export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
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
 */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrors(result.error) };
}
