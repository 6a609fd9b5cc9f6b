import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ATOM_NAMESPACE,
  type AtomEntry,
  type AtomFeed,
  renderAtom,
  THREAD_NAMESPACE,
  xmlAttribute,
  xmlText,
} from './atom.js';
import {
  type AtomReader,
  openAtomReader,
  type ReadFeed,
  xmlCharsOf,
  xssPayloads,
} from './atom-reader.js';

let reader: AtomReader;
beforeAll(async () => {
  reader = await openAtomReader();
}, 60_000);
afterAll(async () => {
  await reader?.close();
});

async function parsed(xml: string): Promise<ReadFeed> {
  const result = await reader.read(xml);
  if ('error' in result)
    throw new Error(`Not well-formed XML: ${result.error}`);
  return result.feed;
}

const AT = new Date(Date.UTC(2025, 6, 20, 8, 30, 5, 120));

function feedOf(entries: AtomEntry[], over: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: 'urn:uuid:2f0c5a1e-0d8b-5a4e-9b1c-3f2e1d0c9b8a',
    title: 'Comments on Cambodia lets loose the cannons',
    updated: AT,
    self: 'https://news.example/feeds/threads/t/comments.atom',
    entries,
    ...over,
  };
}

function entryOf(over: Partial<AtomEntry> = {}): AtomEntry {
  return {
    id: 'urn:uuid:0f4b7c1a-9e2d-5b3c-8a1f-6d5e4c3b2a19',
    title: 'Sokha on Cambodia lets loose the cannons',
    author: { name: 'Sokha' },
    published: AT,
    updated: AT,
    content: 'Thank you for the numbers.',
    ...over,
  };
}

const payloads = xssPayloads();

describe('xmlText and xmlAttribute', () => {
  it('escape the five characters XML gives a meaning to', () => {
    expect(xmlText(`a & b < c > d " e ' f`)).toBe(
      'a &amp; b &lt; c &gt; d &quot; e &apos; f',
    );
    expect(xmlAttribute(`a & b < c > d " e ' f`)).toBe(
      'a &amp; b &lt; c &gt; d &quot; e &apos; f',
    );
  });

  it('keep a CR, and in attributes tab and newline, as references a parser gives back', () => {
    expect(xmlText('one\r\ntwo\tthree\n')).toBe('one&#xD;\ntwo\tthree\n');
    expect(xmlAttribute('one\r\ntwo\tthree')).toBe(
      'one&#xD;&#xA;two&#x9;three',
    );
  });

  it('leave out C0 controls, U+FFFE, U+FFFF and lone surrogates, and keep astral characters', () => {
    expect(xmlText('a\u0000b\u0001c\u001fd\ufffee\uffff')).toBe('abcde');
    expect(xmlText('x\ud800y\udfffz')).toBe('xyz');
    expect(xmlText('🇰🇭 \u{10ffff} \u{1f600}')).toBe('🇰🇭 \u{10ffff} \u{1f600}');
    // Allowed, though XML discourages them: C1 controls and noncharacters below U+FFFE.
    expect(xmlText('\u0085\u009f\ufdd0')).toBe('\u0085\u009f\ufdd0');
  });

  it('leave prototype keys alone', () => {
    expect(xmlText('constructor __proto__ toString')).toBe(
      'constructor __proto__ toString',
    );
  });
});

describe('renderAtom', () => {
  it('writes an Atom 1.0 feed a real XML parser reads back, every value as given', async () => {
    const reply = entryOf({
      id: 'urn:uuid:1a2b3c4d-0000-5000-8000-000000000002',
      title: 'Dara on Cambodia lets loose the cannons',
      author: { name: 'Dara', uri: 'https://dara.example/about' },
      published: new Date(Date.UTC(2025, 6, 21)),
      updated: new Date(Date.UTC(2025, 6, 21)),
      content: 'Which provinces?\nAnd when?',
      link: 'https://news.example/cambodia#comment-c2',
      inReplyTo: 'urn:uuid:0f4b7c1a-9e2d-5b3c-8a1f-6d5e4c3b2a19',
    });
    const xml = renderAtom(
      feedOf([reply, entryOf()], {
        link: 'https://news.example/cambodia',
        generator: { name: 'Dateline' },
      }),
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(
      true,
    );
    const feed = await parsed(xml);
    expect(feed.root).toBe(`{${ATOM_NAMESPACE}}feed`);
    expect(feed.id).toBe('urn:uuid:2f0c5a1e-0d8b-5a4e-9b1c-3f2e1d0c9b8a');
    expect(feed.title).toBe('Comments on Cambodia lets loose the cannons');
    expect(feed.updated).toBe('2025-07-20T08:30:05.120Z');
    expect(feed.links).toEqual([
      {
        rel: 'self',
        type: 'application/atom+xml',
        href: 'https://news.example/feeds/threads/t/comments.atom',
      },
      {
        rel: 'alternate',
        type: 'text/html',
        href: 'https://news.example/cambodia',
      },
    ]);
    expect(feed.entries).toEqual([
      {
        id: 'urn:uuid:1a2b3c4d-0000-5000-8000-000000000002',
        title: 'Dara on Cambodia lets loose the cannons',
        titleType: 'text',
        authors: [
          { name: 'Dara', uri: 'https://dara.example/about', email: null },
        ],
        published: '2025-07-21T00:00:00.000Z',
        updated: '2025-07-21T00:00:00.000Z',
        content: 'Which provinces?\nAnd when?',
        contentType: 'text',
        links: [
          {
            rel: 'alternate',
            type: 'text/html',
            href: 'https://news.example/cambodia#comment-c2',
          },
        ],
        inReplyTo: 'urn:uuid:0f4b7c1a-9e2d-5b3c-8a1f-6d5e4c3b2a19',
      },
      {
        id: 'urn:uuid:0f4b7c1a-9e2d-5b3c-8a1f-6d5e4c3b2a19',
        title: 'Sokha on Cambodia lets loose the cannons',
        titleType: 'text',
        authors: [{ name: 'Sokha', uri: null, email: null }],
        published: '2025-07-20T08:30:05.120Z',
        updated: '2025-07-20T08:30:05.120Z',
        content: 'Thank you for the numbers.',
        contentType: 'text',
        links: [],
        inReplyTo: null,
      },
    ]);
    expect(feed.elements).toContain(`{${THREAD_NAMESPACE}}in-reply-to`);
  });

  it('writes a feed without entries that is still well-formed Atom', async () => {
    const feed = await parsed(renderAtom(feedOf([])));
    expect(feed.entries).toEqual([]);
    expect(feed.id).not.toBeNull();
    expect(feed.updated).toBe('2025-07-20T08:30:05.120Z');
  });

  it('keeps every XSS payload as text: read back exactly, and no element or attribute made of one', async () => {
    expect(payloads.length).toBeGreaterThan(300);
    const entries = payloads.map((payload, i) =>
      entryOf({
        id: `urn:uuid:00000000-0000-5000-8000-${String(i).padStart(12, '0')}`,
        title: `${payload} on ${payload}`,
        author: {
          name: payload,
          uri: `https://example.com/?q=${payload}`,
        },
        content: payload,
        link: `https://news.example/a?${payload}#comment-${i}`,
        inReplyTo: payload,
      }),
    );
    const feed = await parsed(
      renderAtom(feedOf(entries, { title: payloads.join(' ') })),
    );
    // One payload holds a form feed, which XML cannot carry: it is the one character left out.
    expect(payloads.some((p) => p.includes('\f'))).toBe(true);
    expect(feed.title).toBe(xmlCharsOf(payloads.join(' ')));
    expect(feed.entries).toHaveLength(payloads.length);
    feed.entries.forEach((entry, i) => {
      const payload = xmlCharsOf(payloads[i]!);
      expect(entry.title).toBe(`${payload} on ${payload}`);
      expect(entry.authors).toEqual([
        {
          name: payload,
          uri: `https://example.com/?q=${payload}`,
          email: null,
        },
      ]);
      expect(entry.content).toBe(payload);
      expect(entry.links[0]!.href).toBe(
        `https://news.example/a?${payload}#comment-${i}`,
      );
      expect(entry.inReplyTo).toBe(payload);
    });
    // Markup in a payload stayed text: the document holds Atom's elements and nothing else.
    expect(feed.elements.sort()).toEqual(
      [
        'feed',
        'id',
        'title',
        'updated',
        'link',
        'entry',
        'author',
        'name',
        'uri',
        'published',
        'content',
      ]
        .map((name) => `{${ATOM_NAMESPACE}}${name}`)
        .concat(`{${THREAD_NAMESPACE}}in-reply-to`)
        .sort(),
    );
    expect(feed.attributes.sort()).toEqual(
      ['xmlns', 'xmlns:thr', 'rel', 'type', 'href', 'ref'].sort(),
    );
  });

  it('leaves out exactly the characters XML 1.0 forbids, in text and in attributes, and keeps the rest', async () => {
    // Every code point of the Basic Multilingual Plane, surrogates included (each one lone),
    // and astral characters, in text, a title and an attribute.
    let every = '';
    for (let cp = 0; cp <= 0xffff; cp += 1) {
      // A space keeps U+DBFF and U+DC00 apart: together they would be a pair, not lone.
      if (cp === 0xdc00) every += ' ';
      every += String.fromCharCode(cp);
    }
    every += '\u{10000}\u{1f600}\u{10ffff}\r\n\r';
    const kept = xmlCharsOf(every);
    // 29 C0 controls, 2048 surrogates, U+FFFE and U+FFFF go; a space, 3 astral, CR LF CR stay.
    expect(kept.length).toBe(0x10000 - 29 - 2048 - 2 + 1 + 3 * 2 + 3);
    const feed = await parsed(
      renderAtom(
        feedOf([
          entryOf({
            title: every,
            author: { name: every },
            content: every,
            link: `https://news.example/?${every}`,
          }),
        ]),
      ),
    );
    const [entry] = feed.entries;
    expect(entry!.content).toBe(kept);
    expect(entry!.title).toBe(kept);
    expect(entry!.authors[0]!.name).toBe(kept);
    expect(entry!.links[0]!.href).toBe(`https://news.example/?${kept}`);
  });

  it('is read by a parser that refuses what the writer leaves out or escapes', async () => {
    // The reader must tell: each of these, unescaped, makes a document it refuses.
    const plain = renderAtom(feedOf([entryOf({ content: 'MARK' })]));
    for (const raw of ['\u0001', '\u0000', '\uffff', '\ufffe', '<', '&', '<b>'])
      expect(await reader.read(plain.replace('MARK', raw))).toHaveProperty(
        'error',
      );
    expect(await reader.read(plain)).toHaveProperty('feed');
  });

  it('refuses an invalid date rather than writing one', () => {
    expect(() =>
      renderAtom(feedOf([entryOf({ published: new Date(Number.NaN) })])),
    ).toThrow(RangeError);
  });
});
