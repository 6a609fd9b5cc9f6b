import { describe, expect, it } from 'vitest';
import type { SourceThread } from './source.js';
import {
  addressKey,
  chooseThreads,
  readThreadMap,
  ThreadMapError,
  threadIdFromAddress,
} from './threads.js';

const thread = (
  key: string,
  url: string,
  over: Partial<SourceThread> = {},
): SourceThread => ({ key, url, title: `Post ${key}`, line: 1, ...over });

describe('threadIdFromAddress', () => {
  it('makes a thread id of the address’s path and query', () => {
    expect(
      threadIdFromAddress('https://news.example/2025/07/Crackdown-on-Scams/'),
    ).toBe('2025-07-crackdown-on-scams');
    expect(threadIdFromAddress('https://news.example/?p=123')).toBe('p-123');
    expect(threadIdFromAddress('https://news.example/')).toBe('home');
    expect(
      threadIdFromAddress('https://news.example/caf%C3%A9/Phnom%20Penh'),
    ).toBe('cafe-phnom-penh');
    expect(threadIdFromAddress('https://news.example/%E0%A4%A')).toBe(
      'e0-a4-a',
    );
    expect(threadIdFromAddress('not an address')).toBeUndefined();
  });

  it('keeps a long path’s id within the id’s length', () => {
    const id = threadIdFromAddress(
      `https://news.example/${'ab-'.repeat(200)}`,
    )!;
    expect(id.length).toBeLessThanOrEqual(96);
    expect(id).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
  });
});

describe('addressKey', () => {
  it('compares addresses without scheme, fragment or trailing slash', () => {
    expect(addressKey('http://News.example/a/#comments')).toBe(
      addressKey('https://news.example/a'),
    );
    expect(addressKey('https://news.example/?p=1')).not.toBe(
      addressKey('https://news.example/?p=2'),
    );
    expect(addressKey('javascript:alert(1)')).toBeUndefined();
  });
});

describe('readThreadMap', () => {
  it('reads addresses and paths to thread ids, prototype names included', () => {
    const map = readThreadMap(
      '{"https://news.example/2025/07/crackdown/": "cambodia-cybercrime-crackdown-2025-07", "/about/": "constructor", "/__proto__": "hasOwnProperty"}',
      'map.json',
    );
    expect([...map]).toEqual([
      [
        'news.example/2025/07/crackdown',
        'cambodia-cybercrime-crackdown-2025-07',
      ],
      ['/about', 'constructor'],
      ['/__proto__', 'hasOwnProperty'],
    ]);
    expect(() => readThreadMap('{"__proto__": "x"}', 'map.json')).toThrow(
      'map.json: "__proto__" is not an http(s) address or a path starting with "/".',
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('says what is wrong with a mapping file', () => {
    expect(() => readThreadMap('{', 'map.json')).toThrow(
      /map\.json is not JSON/,
    );
    expect(() => readThreadMap('["a"]', 'map.json')).toThrow(
      /should be a JSON object from page addresses to thread ids/,
    );
    expect(() =>
      readThreadMap(
        '{"ftp://x/": "a", "https://x/": "no spaces", "https://y/": 5}',
        'map.json',
      ),
    ).toThrow(
      new ThreadMapError(
        'map.json: "ftp://x/" is not an http(s) address or a path starting with "/"; the thread id for "https://x/" is not one (letters, digits and _ . : -, up to 128); the thread id for "https://y/" is not one (letters, digits and _ . : -, up to 128).',
      ),
    );
  });
});

describe('chooseThreads', () => {
  const known = new Map([
    [
      'cambodia-cybercrime-crackdown-2025-07',
      { title: 'Cambodia cracks down', url: '/' },
    ],
    ['kh-2', { title: 'Second', url: 'https://news.example/kh-2/' }],
  ]);

  it('applies the rules in order: map, Dateline’s own id, known address, post id, address', () => {
    const choices = chooseThreads(
      [
        thread('0', 'https://news.example/mapped/', { postId: '10' }),
        thread('1', 'https://news.example/anything/', {
          postId: '11',
          datelineThreadId: 'from-dateline',
        }),
        thread('2', 'http://news.example/kh-2', { postId: '12' }),
        thread('3', 'https://news.example/', { postId: '13' }),
        thread('4', 'https://news.example/no-post-id/'),
        thread('5', ''),
      ],
      {
        format: 'wxr',
        known,
        publicUrl: 'https://news.example',
        map: readThreadMap('{"/mapped": "chosen"}', 'map.json'),
      },
    );
    expect([...choices]).toEqual([
      ['0', { threadId: 'chosen', rule: 'map' }],
      ['1', { threadId: 'from-dateline', rule: 'dateline' }],
      ['2', { threadId: 'kh-2', rule: 'known-address' }],
      [
        '3',
        {
          threadId: 'cambodia-cybercrime-crackdown-2025-07',
          rule: 'known-address',
        },
      ],
      ['4', { threadId: 'no-post-id', rule: 'address' }],
      ['5', { threadId: 'wxr-item-5', rule: 'position' }],
    ]);
  });

  it('compares a relative headline address only when the service’s address is known', () => {
    const choices = chooseThreads([thread('d1', 'https://news.example/')], {
      format: 'disqus',
      known,
    });
    expect(choices.get('d1')).toEqual({ threadId: 'home', rule: 'address' });
  });

  it('gives one page one thread, and two paths that read alike two', () => {
    const choices = chooseThreads(
      [
        thread('d1', 'http://news.example/a-b/'),
        thread('d2', 'https://www.news.example/a-b'),
        thread('d3', 'https://news.example/a/b'),
        thread('__proto__', ''),
      ],
      { format: 'disqus', known: new Map() },
    );
    expect(choices.get('d1')).toEqual({ threadId: 'a-b', rule: 'address' });
    expect(choices.get('d2')).toEqual({ threadId: 'a-b', rule: 'address' });
    expect(choices.get('d3')!.threadId).toMatch(/^a-b-[0-9a-f]{8}$/);
    expect(choices.get('__proto__')!.threadId).toBe('disqus-__proto__');
  });

  it('never takes a known thread’s id for another path', () => {
    const choices = chooseThreads(
      [thread('d1', 'https://elsewhere.example/kh-2/other')],
      {
        format: 'disqus',
        known: new Map([
          [
            'kh-2-other',
            { title: 'T', url: 'https://news.example/kh-2-other' },
          ],
        ]),
      },
    );
    expect(choices.get('d1')!.threadId).toMatch(/^kh-2-other-[0-9a-f]{8}$/);
  });
});
