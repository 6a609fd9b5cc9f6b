import { describe, expect, it } from 'vitest';
import {
  countLinks,
  decideStatus,
  needsCommenterHistory,
  statusAfter,
} from './moderation.js';

const firstTime = { moderation: 'first-time', maxLinks: 2 } as const;
const none = { moderation: 'none', maxLinks: 2 } as const;
const all = { moderation: 'all', maxLinks: 2 } as const;
const stranger = { returningCommenter: false };
const regular = { returningCommenter: true };

describe('decideStatus', () => {
  it('marks a filled honeypot as spam, whatever else is true', () => {
    for (const config of [firstTime, none, all])
      expect(
        decideStatus(
          { body: 'Hi', honeypot: 'http://spam.example' },
          regular,
          config,
        ),
      ).toEqual({ status: 'spam', reason: 'honeypot' });
  });

  it('holds every comment under "all", a returning commenter’s too', () => {
    expect(decideStatus({ body: 'Hi' }, regular, all)).toEqual({
      status: 'pending',
      reason: 'moderate-all',
    });
  });

  it('holds a comment with more links than allowed, even from a returning commenter', () => {
    const body = 'https://a.example https://b.example https://c.example';
    expect(decideStatus({ body }, regular, firstTime)).toEqual({
      status: 'pending',
      reason: 'too-many-links',
    });
    expect(decideStatus({ body }, stranger, none).status).toBe('pending');
    expect(
      decideStatus(
        { body: 'https://a.example https://b.example' },
        stranger,
        none,
      ).status,
    ).toBe('approved');
  });

  it('holds a first comment under "first-time" and publishes a returning commenter’s', () => {
    expect(decideStatus({ body: 'Hi' }, stranger, firstTime)).toEqual({
      status: 'pending',
      reason: 'first-time',
    });
    expect(decideStatus({ body: 'Hi' }, regular, firstTime)).toEqual({
      status: 'approved',
      reason: 'returning-commenter',
    });
  });

  it('publishes at once under "none"', () => {
    expect(decideStatus({ body: 'Hi' }, stranger, none)).toEqual({
      status: 'approved',
      reason: 'no-moderation',
    });
  });

  it('treats an empty honeypot as no honeypot', () => {
    expect(
      decideStatus({ body: 'Hi', honeypot: '' }, stranger, none).status,
    ).toBe('approved');
  });
});

describe('decideStatus with the block lists', () => {
  const refused = { held: false, refused: true };
  const held = { held: true, refused: false };

  it('marks a comment on the refuse list as spam, a returning commenter’s too, under any policy', () => {
    for (const config of [firstTime, none, all])
      expect(
        decideStatus(
          { body: 'Hi' },
          { ...regular, blocklist: refused },
          config,
        ),
      ).toEqual({ status: 'spam', reason: 'disallowed' });
    // the honeypot still says why first
    expect(
      decideStatus(
        { body: 'Hi', honeypot: 'x' },
        { ...regular, blocklist: refused },
        none,
      ).reason,
    ).toBe('honeypot');
  });

  it('holds a comment on the hold list, even from a returning commenter, even under "none"', () => {
    expect(
      decideStatus({ body: 'Hi' }, { ...regular, blocklist: held }, none),
    ).toEqual({ status: 'pending', reason: 'held-key' });
    expect(
      decideStatus({ body: 'Hi' }, { ...regular, blocklist: held }, firstTime),
    ).toEqual({ status: 'pending', reason: 'held-key' });
    // refused wins over held
    expect(
      decideStatus(
        { body: 'Hi' },
        { ...regular, blocklist: { held: true, refused: true } },
        none,
      ).status,
    ).toBe('spam');
  });

  it('decides as before when the lists say nothing', () => {
    expect(
      decideStatus(
        { body: 'Hi' },
        { ...regular, blocklist: { held: false, refused: false } },
        firstTime,
      ),
    ).toEqual({ status: 'approved', reason: 'returning-commenter' });
  });
});

describe('statusAfter', () => {
  it('gives each action its status', () => {
    expect(statusAfter('approve', 'pending')).toBe('approved');
    expect(statusAfter('spam', 'approved')).toBe('spam');
    expect(statusAfter('delete', 'spam')).toBe('deleted');
    expect(statusAfter('unapprove', 'approved')).toBe('pending');
  });

  it('restores a spammed or deleted comment to what it was, if that was approved or pending', () => {
    expect(statusAfter('restore', 'spam', 'approved')).toBe('approved');
    expect(statusAfter('restore', 'deleted', 'pending')).toBe('pending');
    expect(statusAfter('restore', 'deleted', 'spam')).toBe('pending');
    expect(statusAfter('restore', 'spam')).toBe('pending');
    expect(statusAfter('restore', 'approved', 'spam')).toBeUndefined();
    expect(statusAfter('restore', 'pending')).toBeUndefined();
  });
});

describe('countLinks', () => {
  it('counts the links in the text', () => {
    expect(countLinks('see https://a.example and http://b.example.')).toBe(2);
    expect(countLinks('no links, javascript:alert(1) is not one')).toBe(0);
  });
});

describe('needsCommenterHistory', () => {
  it('asks for the commenter’s history only when the decision reads it', () => {
    expect(needsCommenterHistory({ body: 'x' }, firstTime)).toBe(true);
    expect(needsCommenterHistory({ body: 'x' }, none)).toBe(false);
    expect(needsCommenterHistory({ body: 'x' }, all)).toBe(false);
    expect(needsCommenterHistory({ body: 'x', honeypot: 'y' }, firstTime)).toBe(
      false,
    );
  });
});
