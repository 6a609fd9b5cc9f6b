/**
 * Comment ids, apart from the memory store, so that a page which posts to a service never
 * loads the store it does not use.
 */

/** A random id that sorts nowhere in particular; works where crypto.randomUUID does not (plain http). */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
