import { afterEach, describe, expect, it } from 'vitest';
import { DatelineArticle, type DataEvent } from '../index.js';
import {
  expectAccessible,
  mount,
  seedArticle,
  shadow,
  until,
} from '../test/helpers.js';

afterEach(() => document.body.replaceChildren());

const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');

describe('<dateline-article>', () => {
  it('renders the seed article: headline, sections, and the operation as a fact box', async () => {
    const el = new DatelineArticle();
    el.article = seedArticle;
    await mount(el);
    const root = shadow(el);
    expect(root.querySelector('h1')?.textContent).toBe(seedArticle.headline);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Scope of the Operation',
      'Cybercrime and Human Trafficking',
      'Human Rights Concerns Raised',
      'Regional Response and Political Implications',
    ]);
    expect(root.querySelectorAll('p')).toHaveLength(7);
    const box = root.querySelector('dateline-operation')!;
    await box.updateComplete;
    expect(shadow(box).querySelector('.lead')?.textContent).toContain(
      'More than 1,000',
    );
    expect(root.querySelector('article')?.getAttribute('lang')).toBe('en');
  });

  it('shows no byline and no dates when the source gives none', async () => {
    const el = new DatelineArticle();
    el.article = seedArticle;
    await mount(el);
    expect(shadow(el).querySelector('.byline')).toBeNull();
    expect(shadow(el).querySelector('time')).toBeNull();
  });

  it('shows byline, dates and dateline when known', async () => {
    const el = new DatelineArticle();
    el.article = {
      ...seedArticle,
      byline: [
        { name: 'Sophal Chea' },
        { name: 'Lan Nguyen', url: 'https://news.example/lan' },
      ],
      datePublished: '2025-07-20T08:00:00Z',
      dateModified: '2025-07-21T09:30:00Z',
      dateline: { name: 'Phnom Penh' },
    };
    await mount(el);
    // Dates read in the reader's own zone: 08:00 UTC is still July 19 in Honolulu.
    const day = (iso: string) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(
        new Date(iso),
      );
    expect(text(el)).toContain(
      `By Sophal Chea and Lan Nguyen · ${day('2025-07-20T08:00:00Z')} · Updated ${day('2025-07-21T09:30:00Z')}`,
    );
    expect(
      [...shadow(el).querySelectorAll('time')].map((t) =>
        t.getAttribute('datetime'),
      ),
    ).toEqual(['2025-07-20T08:00:00Z', '2025-07-21T09:30:00Z']);
    expect(shadow(el).querySelector('.dateline')?.textContent).toBe(
      'Phnom Penh',
    );
  });

  it('writes its JSON-LD into the page, and not with no-json-ld', async () => {
    const el = new DatelineArticle();
    el.article = seedArticle;
    await mount(el);
    const script = el.querySelector('script[type="application/ld+json"]');
    expect(JSON.parse(script!.textContent!)).toMatchObject({
      '@type': 'NewsArticle',
      headline: seedArticle.headline,
    });
    el.noJsonLd = true;
    await el.updateComplete;
    expect(el.querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  it('reads a child JSON script', async () => {
    const el = document.createElement('dateline-article');
    el.innerHTML = `<script type="application/json">${JSON.stringify(seedArticle)}</script>`;
    await mount(el);
    expect(shadow(el).querySelector('h1')?.textContent).toBe(
      seedArticle.headline,
    );
  });

  it('fetches src and validates what comes back', async () => {
    const el = new DatelineArticle();
    el.src = URL.createObjectURL(
      new Blob([JSON.stringify(seedArticle)], { type: 'application/json' }),
    );
    await mount(el);
    await until(() => shadow(el).querySelector('h1'), 'the headline');
  });

  it('keeps a viewport’s height of room and says it is busy while its data is on its way', async () => {
    let answer!: (response: Response) => void;
    const real = globalThis.fetch;
    globalThis.fetch = () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      });
    try {
      const el = new DatelineArticle();
      el.src = '/article.json';
      el.style.setProperty('--dateline-article-reserve', '1234px');
      await mount(el);
      expect(el.getAttribute('aria-busy')).toBe('true');
      expect(el.getBoundingClientRect().height).toBe(1234);

      answer(
        Response.json({ ...seedArticle, body: seedArticle.body.slice(0, 1) }),
      );
      await until(() => shadow(el).querySelector('h1'), 'the headline');
      expect(el.hasAttribute('aria-busy')).toBe(false);
      // The room was kept for loading only: a short article takes its own height.
      expect(el.getBoundingClientRect().height).toBeLessThan(1234);
    } finally {
      globalThis.fetch = real;
    }
  });

  it('stops saying it is busy when its data cannot be loaded', async () => {
    const el = new DatelineArticle();
    el.src = '/no-such-article.json';
    await mount(el);
    expect(el.getAttribute('aria-busy')).toBe('true');
    await until(() => shadow(el).querySelector('[role="alert"]'), 'the error');
    expect(el.hasAttribute('aria-busy')).toBe(false);
  });

  it('shows a clear, accessible error for invalid data, never a blank box', async () => {
    const el = new DatelineArticle();
    const errors: string[] = [];
    el.addEventListener('dateline-error', (e) => errors.push(e.message!));
    el.article = { ...seedArticle, headline: '', body: [] };
    await mount(el);
    const alert = shadow(el).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(
      'The article could not be shown because its data is invalid: headline: The headline cannot be empty.; body: An article needs a body.',
    );
    expect(errors).toHaveLength(1);
    expect(el.querySelector('script[type="application/ld+json"]')).toBeNull();
    await expectAccessible(el);
  });

  it('says so when src cannot be reached or is not JSON', async () => {
    const missing = new DatelineArticle();
    missing.src = '/no-such-article.json';
    await mount(missing);
    const alert = await until(
      () => shadow(missing).querySelector('[role="alert"]'),
      'the error',
    );
    expect(alert.textContent).toMatch(
      /This article could not be loaded \(the server answered 404/,
    );

    const broken = document.createElement('dateline-article');
    broken.innerHTML = '<script type="application/json">{ not json</script>';
    await mount(broken);
    expect(
      shadow(broken).querySelector('[role="alert"]')?.textContent,
    ).toContain('The article’s inline data is not valid JSON.');
  });

  it('fires dateline-error when its inline JSON is not JSON', async () => {
    const errors: string[] = [];
    const el = document.createElement('dateline-article');
    el.addEventListener('dateline-error', (e) => errors.push(e.message!));
    el.innerHTML = '<script type="application/json">{ not json</script>';
    await mount(el);
    expect(errors).toEqual(['The article’s inline data is not valid JSON.']);
  });

  it('shows the rest of the article when one block is invalid, and says part is missing', async () => {
    const loads: DataEvent[] = [];
    const el = new DatelineArticle();
    // the fact box inside announces its own load too
    el.addEventListener('dateline-load', (e) => {
      if (e.composedPath()[0] === el) loads.push(e);
    });
    const body = [...seedArticle.body];
    body.splice(1, 0, { type: 'paragraph', text: '   ' });
    el.article = { ...seedArticle, body } as never;
    await mount(el);
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull();
    expect(shadow(el).querySelectorAll('article > p:not(.note)')).toHaveLength(
      7,
    );
    expect(shadow(el).querySelector('.note')?.textContent).toBe(
      'Part of this article could not be shown because its data is invalid.',
    );
    expect(loads.map((e) => e.omitted.map((o) => o.path))).toEqual([
      ['body.1'],
    ]);
    await expectAccessible(el);
  });

  it('lets its fact box say what it left out, and claim no sum a left-out row would falsify', async () => {
    const el = new DatelineArticle();
    el.article = {
      ...seedArticle,
      body: seedArticle.body.map((block) =>
        block.type === 'operation'
          ? {
              ...block,
              operation: {
                ...block.operation,
                arrests: {
                  ...block.operation.arrests,
                  byNationality: block.operation.arrests.byNationality.map(
                    (row, i) =>
                      i === 0 ? { ...row, country: 'Vietnam' } : row,
                  ),
                },
              },
            }
          : block,
      ),
    } as never;
    await mount(el);
    const box = shadow(el).querySelector('dateline-operation')!;
    await box.updateComplete;
    const boxText = shadow(box).textContent!.replace(/\s+/g, ' ');
    expect(boxText).toContain('More than 1,000');
    expect(boxText).not.toContain('account for');
    expect(shadow(box).querySelector('.note')?.textContent).toContain(
      '(Arrests by nationality)',
    );
    expect(shadow(box).querySelectorAll('tbody tr')).toHaveLength(4);
    // said once, in the box, not again for the article
    expect(shadow(el).querySelector('.note')).toBeNull();
  });

  it('clears what it showed when its article is set to undefined', async () => {
    const el = new DatelineArticle();
    el.article = seedArticle;
    await mount(el);
    expect(
      el.querySelector('script[type="application/ld+json"]'),
    ).not.toBeNull();
    el.article = undefined;
    await el.updateComplete;
    expect(shadow(el).querySelector('article')).toBeNull();
    expect(el.querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  it('passes axe', async () => {
    const el = new DatelineArticle();
    el.article = seedArticle;
    await mount(el);
    await expectAccessible(el);
  });
});
