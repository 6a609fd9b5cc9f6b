import { describe, expect, it } from 'vitest';
import { isReturningCommenter, sameEmail } from './commenter.js';

const sokha = { name: 'Sokha', email: 'sokha@example.com' };

describe('isReturningCommenter', () => {
  it('needs the same name and the same email, as WordPress', () => {
    expect(isReturningCommenter(sokha, [sokha])).toBe(true);
    expect(
      isReturningCommenter({ name: 'Dara', email: 'sokha@example.com' }, [
        sokha,
      ]),
    ).toBe(false);
    expect(
      isReturningCommenter({ name: 'Sokha', email: 'other@example.com' }, [
        sokha,
      ]),
    ).toBe(false);
    expect(isReturningCommenter(sokha, [])).toBe(false);
  });

  it('ignores the case of the email but not of the name', () => {
    expect(
      isReturningCommenter({ name: 'Sokha', email: 'SOKHA@Example.COM' }, [
        sokha,
      ]),
    ).toBe(true);
    expect(
      isReturningCommenter({ name: 'sokha', email: 'sokha@example.com' }, [
        sokha,
      ]),
    ).toBe(false);
  });

  it('finds the match among several identities', () => {
    expect(
      isReturningCommenter(sokha, [
        { name: 'Dara', email: 'sokha@example.com' },
        { name: 'Sokha', email: 'sokha@example.com' },
      ]),
    ).toBe(true);
  });
});

describe('sameEmail', () => {
  it('folds ASCII case only', () => {
    expect(sameEmail('A@B.example', 'a@b.example')).toBe(true);
    // Non-ASCII letters are compared as written, as SQLite's NOCASE does.
    expect(sameEmail('É@b.example', 'é@b.example')).toBe(false);
  });
});
