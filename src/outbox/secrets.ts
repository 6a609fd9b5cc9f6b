import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a link or a cookie: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A link's secret as the repository records it: only its hash, for whom, until when. */
export interface SecretRecord {
  tokenHash: string;
  email: string;
  now: number;
  expiresAt: number;
}

/**
 * Makes the secret for a mailed link that works for `lifetimeMs`, has `record` store only its
 * hash, and returns the secret (for the mail, never stored) and when it expires.
 */
export async function issueSecret(
  record: (secret: SecretRecord) => Promise<void>,
  email: string,
  now: number,
  lifetimeMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newSecret();
  const expiresAt = now + lifetimeMs;
  await record({ tokenHash: hashSecret(token), email, now, expiresAt });
  return { token, expiresAt };
}

/**
 * What is stored of a secret: its SHA-256. A copy of the database then holds nothing that
 * signs anyone in or moderates anything; the secrets are long and random, so no salt is
 * needed against guessing.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Whether text can be a secret this service made, before anything is looked up: 43
 * URL-safe characters. Anything else is refused without touching the database.
 */
export function looksLikeSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/**
 * Whether text could be an unsubscribe key, as the repository makes them: URL-safe, 24 to 64
 * characters. Anything else is refused without touching the database.
 */
export function looksLikeKey(text: string): boolean {
  return /^[A-Za-z0-9_-]{24,64}$/.test(text);
}
