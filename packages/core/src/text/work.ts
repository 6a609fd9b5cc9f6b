/**
 * A meter for the work the helpers that read user text do. Each scanner reports the
 * characters it examines with `tick`; tests read the total with `countWork` and prove a
 * helper linear by comparing its work on hostile input of size n and 2n, never by timing it.
 * Nothing counts unless a test is measuring, so a tick costs one comparison.
 */
let steps = -1;

/** Reports `n` characters examined (or `n` steps taken) by the scanner running now. */
export function tick(n = 1): void {
  if (steps >= 0) steps += n;
}

/**
 * Runs `work` and returns its result with the steps it reported.
 *
 * @example
 * countWork(() => linkify(text)).steps // about text.length
 */
export function countWork<T>(work: () => T): { result: T; steps: number } {
  const outer = steps;
  steps = 0;
  try {
    const result = work();
    return { result, steps };
  } finally {
    // A count taken inside another count adds to it.
    steps = outer < 0 ? -1 : outer + steps;
  }
}
