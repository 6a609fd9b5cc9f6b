import * as z from 'zod/mini';

/** A field path → message map, as every refusal carries. */
function isFieldMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

export const ERROR_CODES = [
  'invalid',
  'duplicate',
  'too-fast',
  'closed',
  'not-found',
  'too-large',
  'unauthorized',
  /** A state change from a page whose origin the service does not accept. */
  'forbidden',
  /** An Idempotency-Key reused for a different request. */
  'conflict',
  /** The service cannot store anything right now (a full or read-only database). */
  'unavailable',
  'server',
] as const;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Field path → message, for `invalid`. */
    fields: z.optional(
      z.custom<Record<string, string>>(isFieldMap, {
        error: 'fields must map field paths to messages.',
      }),
    ),
    /** Seconds, for `too-fast`. */
    retryAfter: z.optional(z.number()),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
