import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { readConfig } from '../config.js';
import { addressForLimits, parseAddress } from '../node/client-address.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import {
  addressHasher,
  convertComment,
  disqusDate,
  wordpressDate,
} from './convert.js';
import type { SourceComment } from './source.js';

const source = (over: Partial<SourceComment> = {}): SourceComment => ({
  key: '7',
  thread: '0',
  type: 'comment',
  name: 'Sokha',
  email: 'sokha@example.com',
  url: '',
  ip: '',
  body: 'A comment.',
  bodyCut: false,
  date: '2025-07-20 08:00:00',
  status: '1',
  line: 10,
  ...over,
});

const wxr = { format: 'wxr' } as const;
const disqus = { format: 'disqus' } as const;

describe('convertComment', () => {
  it('reads WordPress’s statuses as Dateline’s, and holds one it does not know', () => {
    const statuses = [
      '1',
      '0',
      'spam',
      'trash',
      'post-trashed',
      'approve',
      'weird',
    ];
    expect(
      statuses.map((status) => {
        const c = convertComment(source({ status }), wxr);
        return c.ok ? [c.comment.status, c.notes] : c.skip;
      }),
    ).toEqual([
      ['approved', []],
      ['pending', []],
      ['spam', []],
      ['deleted', []],
      ['deleted', []],
      ['approved', []],
      ['pending', ['status-unknown']],
    ]);
  });

  it('keeps WordPress’s line breaks and paragraphs, and turns its HTML into text', () => {
    const c = convertComment(
      source({
        body: 'One <b>bold</b> &amp; ]]> line\r\nnext\n\n<p>Para</p>\n<a href="https://x.example/">site</a> &lt;3',
      }),
      wxr,
    );
    expect(c.ok && c.comment.body).toBe(
      'One bold & ]]> line\nnext\n\nPara\n\nsite (https://x.example/) <3',
    );
  });

  it('reads Disqus’s HTML messages as text', () => {
    const c = convertComment(
      source({
        body: '<p>First paragraph<br>line two</p><p>Second &amp; <script>alert(1)</script>last</p>',
        date: '2025-07-20T08:00:00Z',
        status: 'approved',
      }),
      disqus,
    );
    expect(c.ok && c.comment.body).toBe(
      'First paragraph\nline two\n\nSecond & last',
    );
  });

  it('skips pingbacks, trackbacks and comments of other kinds, saying which', () => {
    expect(convertComment(source({ type: 'pingback' }), wxr)).toEqual({
      ok: false,
      skip: { reason: 'pingback' },
    });
    expect(convertComment(source({ type: 'Trackback' }), wxr)).toEqual({
      ok: false,
      skip: { reason: 'trackback' },
    });
    expect(convertComment(source({ type: 'note' }), wxr)).toMatchObject({
      ok: false,
      skip: { reason: 'not-a-comment', code: 'note' },
    });
  });

  it('reports a comment the schema refuses, with the field, the message and its code', () => {
    expect(convertComment(source({ body: '<p> </p>' }), wxr)).toEqual({
      ok: false,
      skip: {
        reason: 'invalid',
        code: 'body-required',
        detail: expect.stringMatching(/^body: \S/),
      },
    });
    expect(
      convertComment(source({ body: 'x'.repeat(70_000) }), wxr),
    ).toMatchObject({ ok: false, skip: { code: 'body-too-long' } });
    expect(convertComment(source({ bodyCut: true }), wxr)).toMatchObject({
      ok: false,
      skip: { code: 'body-too-long' },
    });
    expect(convertComment(source({ key: '' }), wxr)).toEqual({
      ok: false,
      skip: { reason: 'no-id' },
    });
  });

  it('leaves out an email or link that is not one, and names the nameless “Anonymous”', () => {
    const c = convertComment(
      source({
        name: ' <b></b>\u200B ',
        email: 'not an address',
        url: 'javascript:alert(1)',
      }),
      wxr,
    );
    expect(c).toMatchObject({
      ok: true,
      comment: { author: { name: 'Anonymous' }, email: '' },
      notes: ['name-empty', 'email-left-out', 'url-left-out'],
    });
    const kept = convertComment(
      source({ name: 'Tom &amp; Jerry', url: 'https://a.example/?a=1&b=2' }),
      wxr,
    );
    expect(kept).toMatchObject({
      ok: true,
      comment: {
        author: { name: 'Tom & Jerry', url: 'https://a.example/?a=1&b=2' },
      },
      notes: [],
    });
  });

  it('makes control characters spaces, as WordPress’s importer does', () => {
    const c = convertComment(
      source({ body: 'bell\u0007 and\u000B tab\tend' }),
      wxr,
    );
    expect(c).toMatchObject({
      ok: true,
      comment: { body: 'bell  and  tab\tend' },
      notes: ['characters-replaced'],
    });
  });

  it('dates by WordPress’s GMT time, else its site time, else refuses', () => {
    const local = convertComment(
      source({ date: '0000-00-00 00:00:00', localDate: '2025-07-20 15:00:00' }),
      wxr,
    );
    expect(local).toMatchObject({
      ok: true,
      comment: { createdAt: '2025-07-20T15:00:00.000Z' },
      notes: ['date-local'],
    });
    expect(
      convertComment(source({ date: 'yesterday', localDate: '' }), wxr),
    ).toMatchObject({ ok: false, skip: { code: 'comment-date-invalid' } });
  });

  it('keeps a Dateline export’s milliseconds only while they agree with WordPress’s date', () => {
    const agreeing = convertComment(
      source({ datelineCreatedAt: '2025-07-20T08:00:00.123Z' }),
      wxr,
    );
    expect(agreeing.ok && agreeing.comment.createdAt).toBe(
      '2025-07-20T08:00:00.123Z',
    );
    const edited = convertComment(
      source({ datelineCreatedAt: '2025-07-19T08:00:00.123Z' }),
      wxr,
    );
    expect(edited.ok && edited.comment.createdAt).toBe(
      '2025-07-20T08:00:00.000Z',
    );
  });
});

describe('dates', () => {
  it('reads WordPress’s dates, and only real ones', () => {
    expect(wordpressDate('2024-02-29 23:59:59')).toBe(
      '2024-02-29T23:59:59.000Z',
    );
    expect(wordpressDate('2025-02-29 00:00:00')).toBeUndefined();
    expect(wordpressDate('0000-00-00 00:00:00')).toBeUndefined();
    expect(wordpressDate('2025-07-20 24:00:00')).toBeUndefined();
  });

  it('reads Disqus’s times with or without a zone', () => {
    expect(disqusDate('2025-07-20T08:00:00Z')).toBe('2025-07-20T08:00:00.000Z');
    expect(disqusDate('2025-07-20T08:00:00')).toBe('2025-07-20T08:00:00.000Z');
    expect(disqusDate('2025-07-20T15:00:00+07:00')).toBe(
      '2025-07-20T08:00:00.000Z',
    );
    expect(disqusDate('2025-07-20T08:00:00.5Z')).toBe(
      '2025-07-20T08:00:00.000Z',
    );
    expect(disqusDate('20 July 2025')).toBeUndefined();
  });
});

describe('addressHasher', () => {
  it('hashes an imported address as the service hashes a poster’s', async () => {
    const repository = openSqliteRepository(':memory:');
    const ip = '2001:DB8:1:2::7';
    const app = createApp({
      repository,
      config: readConfig({ DATELINE_MODERATION: 'none' }),
      // As src/server.ts hands the address to the routes.
      address: () => addressForLimits(parseAddress(ip)!),
    });
    const response = await app.request('/api/threads/t/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        author: { name: 'Sokha', email: 'sokha@example.com' },
        body: 'Posted.',
      }),
    });
    expect(response.status).toBe(201);
    const [stored] = await repository.listByStatus('approved', 1);
    const hash = addressHasher(repository.salt());
    expect(hash(ip)).toBe(stored!.addressHash);
    // Another address of the same /64 is the same poster; an address of another is not.
    expect(hash('2001:db8:1:2::99')).toBe(stored!.addressHash);
    expect(hash('2001:db8:1:3::7')).not.toBe(stored!.addressHash);
    expect(hash('unknown')).toBeNull();
    await repository.close();
  });
});
