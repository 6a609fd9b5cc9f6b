import type { OwnWriters } from './platform.js';

/**
 * Core's own writers once a catalogue has come (see `OwnWriters`): kept apart from what uses
 * them, so that what adds a catalogue carries only this.
 */
let writers: OwnWriters | undefined;

/** Makes core's own writers available: what adds a catalogue calls it. */
export function provideOwnWriters(own: OwnWriters): void {
  writers = own;
}

/** Core's own writers, once provided. */
export function providedWriters(): OwnWriters | undefined {
  return writers;
}
