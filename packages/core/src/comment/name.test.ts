import { describe, expect, it } from 'vitest';
import { cleanName } from './name.js';
import { NewCommentSchema } from './schema.js';

/** Whether "Leave a Reply" would accept `name` as it is. */
const accepted = (name: string) =>
  NewCommentSchema.safeParse({
    threadId: 't',
    author: { name, email: 'sokha@example.com' },
    body: 'Hello.',
  }).success;

describe('cleanName', () => {
  it('removes the direction and invisible characters a name refuses', () => {
    expect(cleanName('\u202ESokha\u200B Lim\u2066\u2069\u00AD\uFEFF')).toBe(
      'Sokha Lim',
    );
    // A tag character is a surrogate pair; both halves go.
    expect(cleanName('Sokha\uDB40\uDC41')).toBe('Sokha');
  });

  it('turns control characters into spaces, so words stay apart', () => {
    expect(cleanName('Sokha\nLim\u0085Chan\u2028Dara')).toBe(
      'Sokha Lim Chan Dara',
    );
  });

  it('marks half a character as broken instead of refusing the name', () => {
    expect(cleanName('\uDC00Sokha\uD83D')).toBe('\uFFFDSokha\uFFFD');
    expect(cleanName('Sokha 😀')).toBe('Sokha 😀');
  });

  it('trims what is left, and leaves nothing of a name that shows nothing', () => {
    expect(cleanName(' \u200B Sokha \u200E ')).toBe('Sokha');
    expect(cleanName('\u200B\u200C\u200D\u2060')).toBe('');
  });

  it('cuts on a whole code point, never between the halves of an emoji', () => {
    expect(cleanName(`${'x'.repeat(244)}😀y`)).toBe('x'.repeat(244));
    expect(cleanName(`${'x'.repeat(243)}😀y`)).toBe(`${'x'.repeat(243)}😀`);
    expect(cleanName('😀😀', { max: 3 })).toBe('😀');
  });

  it('composes before it counts, and counts what is left after removing', () => {
    expect(cleanName('e\u0301'.repeat(300))).toBe('\u00E9'.repeat(245));
    expect(cleanName(`${'\u200B'.repeat(1000)}${'x'.repeat(300)}`)).toBe(
      'x'.repeat(245),
    );
  });

  it('keeps 30 marks of a stacked run, as many as a name may hold', () => {
    expect(cleanName(`a${'\u0301'.repeat(100_000)}b`)).toBe(
      `a${'\u0301'.repeat(30)}b`.normalize('NFC'),
    );
    // U+0958 comes apart under NFC, adding a mark to the run after it.
    const expanding = `\u0958${'\u093C'.repeat(30)}`;
    expect(accepted(cleanName(expanding))).toBe(true);
  });

  it('says what is wrong with a limit that is not a positive whole number', () => {
    for (const max of [0, -1, 2.5, Number.NaN])
      expect(() => cleanName('Sokha', { max })).toThrow(
        `cleanName: max must be a positive whole number, not ${max}.`,
      );
  });

  it('gives a name the form accepts, or nothing, from the worst shapes', () => {
    const shapes = [
      `${'\u202E'.repeat(50_000)}x`,
      `${'\u0301'.repeat(50_000)}x`,
      '\uD800'.repeat(300),
      `${'a\u200B'.repeat(50_000)}`,
      `${'\u0000'.repeat(1000)}Sokha`,
      '😀'.repeat(200),
      `\u0958${'\u093C'.repeat(29)}`.repeat(100),
      'constructor',
      '__proto__',
    ];
    for (const shape of shapes) {
      const name = cleanName(shape);
      if (name === '') continue;
      expect(accepted(name), JSON.stringify(name.slice(0, 20))).toBe(true);
    }
  });
});
