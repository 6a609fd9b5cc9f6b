import { describe, expect, it } from 'vitest';
import { bodyDigest, isRepeat } from './duplicate.js';

const sender = { email: 'sokha@example.com', addressHash: 'here' };
const copy = (over: Partial<Parameters<typeof isRepeat>[1][number]> = {}) => ({
  email: 'sokha@example.com',
  addressHash: 'here',
  status: 'approved' as const,
  ...over,
});

describe('isRepeat', () => {
  it('is a repeat from the same address and the same email', () => {
    expect(isRepeat(sender, [copy()])).toBe(true);
    expect(isRepeat(sender, [copy({ email: 'SOKHA@example.com' })])).toBe(true);
  });

  it('counts a copy in any status but deleted', () => {
    expect(isRepeat(sender, [copy({ status: 'pending' })])).toBe(true);
    expect(isRepeat(sender, [copy({ status: 'spam' })])).toBe(true);
    expect(isRepeat(sender, [copy({ status: 'deleted' })])).toBe(false);
  });

  it('is no repeat when someone else wrote the same words', () => {
    // the commenter's email from another address: a guess, or a borrowed identity
    expect(isRepeat(sender, [copy({ addressHash: 'elsewhere' })])).toBe(false);
    // the same address (a shared connection), another email
    expect(isRepeat(sender, [copy({ email: 'dara@example.com' })])).toBe(false);
    expect(isRepeat(sender, [])).toBe(false);
  });

  it('recognises no one whose address is unknown', () => {
    expect(
      isRepeat({ ...sender, addressHash: null }, [copy({ addressHash: null })]),
    ).toBe(false);
  });
});

describe('bodyDigest', () => {
  it('is SHA-256 of the UTF-8 bytes, 128 bits in base64url', () => {
    expect(bodyDigest('Hello')).toBe('GF-NsyJx_iX1Yab8k4suJg');
    expect(bodyDigest('Hello')).toMatch(/^[\w-]{22}$/);
  });

  it('tells apart texts that differ in case, spacing, composition or a lone character', () => {
    const digests = [
      'Same words',
      'same words',
      'Same  words',
      'Same words ',
      'Café',
      'Cafe\u0301',
      'x'.repeat(65_525),
      `${'x'.repeat(65_524)}y`,
      '__proto__',
      'constructor',
    ].map(bodyDigest);
    expect(new Set(digests).size).toBe(digests.length);
  });
});
