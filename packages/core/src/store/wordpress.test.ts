import { afterEach, describe, expect, it } from 'vitest';
import { CommentSchema } from '../comment/schema.js';
import { englishMessages, setMessages } from '../messages/index.js';
import { CommentStoreError } from './types.js';
import {
  createWordPressStore,
  fromWordPressComment,
  type WordPressComment,
} from './wordpress.js';
import { decodeEntities, htmlToText } from './wordpress-text.js';

const wp = (over: Partial<WordPressComment> = {}): WordPressComment => ({
  id: 7,
  post: 42,
  parent: 0,
  author_name: 'Sokha',
  author_url: '',
  date_gmt: '2025-07-20T08:30:00',
  content: { rendered: '<p>Hello.</p>\n' },
  status: 'approved',
  ...over,
});

describe('htmlToText', () => {
  it('turns wpautop paragraphs and line breaks back into text', () => {
    expect(htmlToText('<p>One<br />\ntwo</p>\n<p>Three</p>\n')).toBe(
      'One\ntwo\n\nThree',
    );
  });

  it('decodes what esc_html and wptexturize write', () => {
    expect(
      htmlToText(
        '<p>&#8220;More than 1,000&#8221; &#8212; it&#8217;s &lt;b&gt; &amp; &hellip;</p>',
      ),
    ).toBe('“More than 1,000” — it’s <b> & …');
  });

  it('keeps a link’s address when its text differs, and drops it when it is the address', () => {
    expect(
      htmlToText(
        '<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc">https://example.com/a?b=1&amp;c=2</a></p>',
      ),
    ).toBe('https://example.com/a?b=1&c=2');
    expect(
      htmlToText(
        '<p>See <a href="https://example.org/r?x=1&amp;y=&lt;2&gt;">the <b>report</b></a>.</p>',
      ),
    ).toBe('See the report (https://example.org/r?x=1&y=<2>).');
    expect(htmlToText('<a href="javascript:alert(1)">click</a>')).toBe('click');
  });

  it('drops tags and never keeps script or style content', () => {
    expect(
      htmlToText(
        '<p>a <script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>b</p>',
      ),
    ).toBe('a b');
  });

  it('leaves unknown or impossible references as written', () => {
    expect(decodeEntities('&bogus; &#xD800; &#0; &#1114112; &#x1F600;')).toBe(
      '&bogus; &#xD800; &#0; &#1114112; 😀',
    );
  });
});

describe('fromWordPressComment', () => {
  it('maps ids, parent, date, status and the thread name the caller uses', () => {
    expect(
      fromWordPressComment(
        wp({ parent: 3, status: 'hold', author_url: 'https://sokha.example' }),
        'cambodia',
      ),
    ).toEqual({
      id: '7',
      threadId: 'cambodia',
      parentId: '3',
      author: { name: 'Sokha', url: 'https://sokha.example' },
      body: 'Hello.',
      createdAt: '2025-07-20T08:30:00Z',
      status: 'pending',
    });
  });

  it('shows a nameless comment as WordPress does, and drops a website that is not http(s)', () => {
    expect(
      fromWordPressComment(
        wp({ author_name: '', author_url: 'ftp://files.example' }),
        't',
      )?.author,
    ).toEqual({ name: 'Anonymous' });
  });

  it('shows a name holding direction and zero-width characters, cut whole to 245 after cleaning', () => {
    // 300 characters; once U+202E and the zero-width space are gone, the emoji starts at 244.
    const name = `\u202ESokha\u200B${'x'.repeat(239)}😀${'y'.repeat(52)}`;
    expect(name).toHaveLength(300);
    const comment = fromWordPressComment(wp({ author_name: name }), 't');
    expect(comment?.author.name).toBe(`Sokha${'x'.repeat(239)}`);
    expect(CommentSchema.safeParse(comment).success).toBe(true);
  });

  it('never cuts an emoji in half at the 245th character', () => {
    const name = `${'x'.repeat(244)}😀${'y'.repeat(54)}`;
    expect(
      fromWordPressComment(wp({ author_name: name }), 't')?.author.name,
    ).toBe('x'.repeat(244));
  });

  it('counts the limit on the composed name, as it is stored', () => {
    // 245 é written as e and a combining accent: 490 code units that NFC makes 245.
    const name = 'e\u0301'.repeat(245);
    expect(
      fromWordPressComment(wp({ author_name: name }), 't')?.author.name,
    ).toBe('\u00E9'.repeat(245));
  });

  it('cleans what an escaped name decodes to, and shows an invisible one as Anonymous', () => {
    expect(
      fromWordPressComment(
        wp({ author_name: '&#x202E;Sok&#x200B;ha\u2066' }),
        't',
      )?.author.name,
    ).toBe('Sokha');
    expect(
      fromWordPressComment(wp({ author_name: '\u200B\u200E\uFEFF' }), 't')
        ?.author.name,
    ).toBe('Anonymous');
  });

  it('keeps a comment whose name holds half a character, marked as broken', () => {
    expect(
      fromWordPressComment(wp({ author_name: 'Sokha \uD83D' }), 't')?.author
        .name,
    ).toBe('Sokha \uFFFD');
  });

  it('reads a status it does not know, even one named like a property of every object, as pending', () => {
    for (const status of ['constructor', '__proto__', 'toString', 'unheard'])
      expect(fromWordPressComment(wp({ status }), 't')?.status).toBe('pending');
  });

  it('leaves out a comment with nothing to show', () => {
    expect(
      fromWordPressComment(wp({ content: { rendered: '<p></p>' } }), 't'),
    ).toBeUndefined();
  });
});

describe('createWordPressStore: list', () => {
  /** A WordPress site whose comments are `rows` (any shape), answering as wp/v2/comments does. */
  function site(rows: unknown[]) {
    const requests: URL[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      requests.push(url);
      const parents = url.searchParams.get('parent')?.split(',');
      const answer = parents
        ? rows.filter((r) =>
            parents.includes(String((r as { parent?: unknown }).parent)),
          )
        : rows.slice(0, 1);
      return new Response(JSON.stringify(answer), {
        headers: {
          'content-type': 'application/json',
          'x-wp-total': String(rows.length),
          'x-wp-totalpages': '1',
        },
      });
    };
    return createWordPressStore({
      site: 'https://news.example',
      postId: 42,
      fetch: fetch as typeof globalThis.fetch,
      storage: { getItem: () => null, setItem: () => {} },
    });
  }

  it('lists the comments it can read and counts those it left out', async () => {
    const page = await site([
      wp({ id: 1 }),
      { ...wp({ id: 2 }), date_gmt: undefined },
      wp({ id: 3, content: { rendered: '<p></p>' } }),
      wp({ id: 4 }),
    ]).list('t');
    expect(page.comments.map((c) => c.id)).toEqual(['1', '4']);
    expect(page.omitted).toBe(2);
    expect(page.total).toBe(4);
  });

  it('still fetches the replies of a comment it could not read', async () => {
    const page = await site([
      { ...wp({ id: 1 }), author_name: 42 },
      wp({ id: 2, parent: 1 }),
      wp({ id: 3, parent: 2 }),
    ]).list('t');
    expect(page.comments.map((c) => [c.id, c.parentId])).toEqual([
      ['2', '1'],
      ['3', '2'],
    ]);
    expect(page.omitted).toBe(1);
  });

  it('says nothing was left out when every comment reads', async () => {
    const page = await site([wp({ id: 1 }), wp({ id: 2, parent: 1 })]).list(
      't',
    );
    expect(page.comments).toHaveLength(2);
    expect(page).not.toHaveProperty('omitted');
  });
});

describe('createWordPressStore: create', () => {
  afterEach(() => setMessages('en', englishMessages));

  const input = {
    threadId: 't',
    author: { name: 'Sokha', email: 'sokha@example.com' },
    body: 'Thank you for this report.',
  };

  /** A site that answers every request with `status` and `body`, recording what was sent. */
  function refusingSite(status: number, body: unknown) {
    const sent: string[] = [];
    const store = createWordPressStore({
      site: 'https://news.example',
      postId: 42,
      fetch: (async (url: RequestInfo | URL) => {
        sent.push(String(url));
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      }) as typeof fetch,
      storage: { getItem: () => null, setItem: () => {} },
    });
    return { store, sent };
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the comment was refused'),
      (error: unknown) => {
        expect(error).toBeInstanceOf(CommentStoreError);
        return error as CommentStoreError;
      },
    );

  it('refuses a reply to a comment id WordPress cannot have, in words reworded after import', async () => {
    setMessages({ 'parent-invalid': 'That comment is gone.' });
    const { store, sent } = refusingSite(500, {});
    const error = await refusal(
      store.create({ ...input, parentId: 'abc' }, { idempotencyKey: 'k' }),
    );
    expect(error.message).toBe('That comment is gone.');
    expect(error.fields).toEqual({ parentId: 'That comment is gone.' });
    expect(sent).toEqual([]);
  });

  it('tells the reader which field WordPress refused, in the messages set when it refused', async () => {
    const { store } = refusingSite(400, {
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): author_email',
      data: {
        status: 400,
        params: { author_email: 'Invalid email address.' },
      },
    });
    expect(
      (await refusal(store.create(input, { idempotencyKey: 'k' }))).fields,
    ).toEqual({ 'author.email': englishMessages['email-invalid'] });
    setMessages({ 'email-invalid': 'Check your email address.' });
    expect(
      (await refusal(store.create(input, { idempotencyKey: 'k' }))).fields,
    ).toEqual({ 'author.email': 'Check your email address.' });
  });

  it('says which field is too long, with the limit, when WordPress names a column', async () => {
    setMessages({ 'name-too-long': 'At most {max} characters.' });
    const { store } = refusingSite(400, {
      code: 'comment_author_column_length',
      message: 'Comment field exceeds maximum length allowed.',
      data: { status: 400 },
    });
    expect(
      (await refusal(store.create(input, { idempotencyKey: 'k' }))).fields,
    ).toEqual({ 'author.name': 'At most 245 characters.' });
  });

  it('refuses cleanly when WordPress answers with a code or parameter named like a property of every object', async () => {
    for (const code of ['constructor', '__proto__', 'toString']) {
      const { store } = refusingSite(400, {
        code,
        message: 'Refused.',
        data: { status: 400, params: { hasOwnProperty: 'Bad.' } },
      });
      const error = await refusal(store.create(input, { idempotencyKey: 'k' }));
      expect(error.code).toBe('invalid');
      expect(error.message).toBe('Refused.');
      expect(error.fields).toEqual({ hasOwnProperty: 'Bad.' });
    }
  });
});
