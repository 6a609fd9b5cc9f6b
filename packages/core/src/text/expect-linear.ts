import { expect } from 'vitest';
import { countWork } from './work.js';

/** A hostile input of about `n` characters. */
export type Shape = (n: number) => string;

/**
 * Asserts, for tests, that `run` reads input of each shape in linear time: the steps it
 * reports on input of size 2n are at most 2.5 times those on size n (a quadratic scan
 * gives 4), it reads every character it is given at most `perChar` times, and it does
 * read the input (a helper that reports nothing proves nothing).
 */
export function expectLinear(
  shape: Shape,
  run: (text: string) => unknown,
  { n = 20_000, perChar = 8 }: { n?: number; perChar?: number } = {},
): void {
  const small = shape(n);
  const large = shape(2 * n);
  const a = countWork(() => run(small)).steps;
  const b = countWork(() => run(large)).steps;
  expect(a, 'steps on size n').toBeGreaterThan(0);
  expect(b / a, 'work on 2n over work on n').toBeLessThanOrEqual(2.5);
  expect(b, 'steps per character').toBeLessThanOrEqual(perChar * large.length);
}

/**
 * Keys every plain object answers through its prototype: a table indexed by user text must
 * treat each as an ordinary word.
 */
export const PROTOTYPE_KEYS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
] as const;
