import type { ErrorResponse } from '@dateline/core';
import type { Context } from 'hono';

export type ErrorBody = ErrorResponse['error'];

/** Every status the API refuses or fails with. */
export type ErrorStatus =
  | 400
  | 401
  | 403
  | 404
  | 409
  | 413
  | 415
  | 422
  | 429
  | 500
  | 503
  | 507;

/** Answers a refusal or failure as the protocol's `ErrorResponse`. */
export function fail(
  c: Context,
  status: ErrorStatus,
  error: ErrorBody,
  headers: Record<string, string> = {},
): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json({ error }, status);
}

/** Where the service writes what an operator should know. */
export interface Logger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}
