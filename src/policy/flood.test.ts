import { describe, expect, it } from 'vitest';
import { floodWait, quietSince } from './flood.js';

const at = new Date('2025-07-20T08:00:05.000Z');

describe('floodWait', () => {
  it('says how many whole seconds remain', () => {
    expect(floodWait('2025-07-20T08:00:00.000Z', at, 15)).toBe(10);
    expect(floodWait('2025-07-20T07:59:50.500Z', at, 15)).toBe(1);
  });

  it('lets a post through once the time has passed, or with no earlier post', () => {
    expect(floodWait('2025-07-20T07:59:50.000Z', at, 15)).toBe(0);
    expect(floodWait('2025-07-20T07:59:00.000Z', at, 15)).toBe(0);
    expect(floodWait(undefined, at, 15)).toBe(0);
  });

  it('is off with 0 seconds', () => {
    expect(floodWait('2025-07-20T08:00:05.000Z', at, 0)).toBe(0);
  });

  it('ignores a date it cannot read rather than blocking for ever', () => {
    expect(floodWait('not a date', at, 15)).toBe(0);
  });

  it('agrees with quietSince on the boundary', () => {
    const since = quietSince(at, 15)!;
    expect(since).toBe('2025-07-20T07:59:50.000Z');
    // A post exactly at `since` lets the next through; one a millisecond later does not.
    expect(floodWait(since, at, 15)).toBe(0);
    expect(floodWait('2025-07-20T07:59:50.001Z', at, 15)).toBe(1);
  });
});

describe('quietSince', () => {
  it('is undefined when the limit is off', () => {
    expect(quietSince(at, 0)).toBeUndefined();
  });
});
