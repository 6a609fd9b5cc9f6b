import { describe, expect, it } from 'vitest';
import { fromWordPressComment, type WordPressComment } from './wordpress.js';
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

  it('leaves out a comment with nothing to show', () => {
    expect(
      fromWordPressComment(wp({ content: { rendered: '<p></p>' } }), 't'),
    ).toBeUndefined();
  });
});
