/**
 * Seconds an address must still wait before it may post again, 0 when it may post now.
 * `lastPostAt` is when the address last posted (ISO 8601), if ever; `floodSeconds` 0 turns
 * the limit off.
 *
 * @example
 * floodWait('2025-07-20T08:00:00.000Z', new Date('2025-07-20T08:00:05.000Z'), 15) // → 10
 */
export function floodWait(
  lastPostAt: string | undefined,
  at: Date,
  floodSeconds: number,
): number {
  if (!lastPostAt || !(floodSeconds > 0)) return 0;
  const last = Date.parse(lastPostAt);
  if (Number.isNaN(last)) return 0;
  const waited = (at.getTime() - last) / 1000;
  return Math.max(0, Math.ceil(floodSeconds - waited));
}

/**
 * The earliest moment a previous post from the address lets a new one through: a post made
 * after it means the new one comes too fast. The repository checks this again under its
 * write lock, so concurrent posts from one address cannot all slip past the check above.
 */
export function quietSince(at: Date, floodSeconds: number): string | undefined {
  return floodSeconds > 0
    ? new Date(at.getTime() - floodSeconds * 1000).toISOString()
    : undefined;
}
