import { messages as thai } from '@dateline/core/locales/th';
import {
  formatDate,
  formatList,
  setMessages,
  type Article,
} from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { DatelineArticle, type DataEvent } from '../index.js';
import type { Locale } from '../shared/localize.js';
import {
  deepQueryAll,
  expectAccessible,
  mount,
  seedArticle,
  shadow,
  until,
} from '../test/helpers.js';
import { reword, unreword } from '../test/helpers.js';

afterEach(async () => {
  document.body.replaceChildren();
  unreword();
  await page.viewport(414, 896);
});

/** An article inside a container with `lang`, as a page in that language holds it. */
async function articleIn(
  lang: string,
  set: (el: DatelineArticle) => void,
): Promise<{ holder: HTMLElement; el: DatelineArticle }> {
  const holder = document.createElement('div');
  holder.lang = lang;
  const el = new DatelineArticle();
  set(el);
  holder.append(el);
  document.body.append(holder);
  await el.updateComplete;
  return { holder, el };
}

const rootLang = (el: Element) =>
  shadow(el).querySelector('article')?.getAttribute('lang');

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

  describe('in the reader’s language', () => {
    const signed: Article = {
      ...seedArticle,
      byline: [
        { name: 'Sophal Chea' },
        { name: 'Lan Nguyen', url: 'https://news.example/lan' },
      ],
      datePublished: '2025-07-20T08:00:00Z',
      dateModified: '2025-07-21T09:30:00Z',
    };

    it('writes its byline, dates and fact box in its ancestor’s language, and follows a change of it', async () => {
      reword('km', {
        'article.byline': 'ដោយ {0}',
        'article.updated': 'កែប្រែ {0}',
        'operation.title': 'ប្រតិបត្តិការជាតួលេខ',
      });
      const { holder, el } = await articleIn('en', (a) => {
        a.article = signed;
      });
      expect(rootLang(el)).toBe('en');
      const box = shadow(el).querySelector('dateline-operation')!;
      await box.updateComplete;

      holder.lang = 'km';
      await until(() => rootLang(el) === 'km', 'the article in Khmer');
      // In Khmer words where the browser has no Khmer data (Chromium has none).
      const day = (iso: string) => formatDate(iso, { locale: 'km' });
      const names = formatList(['Sophal Chea', 'Lan Nguyen'], { locale: 'km' });
      expect(day('2025-07-20T08:00:00Z')).toMatch(/កក្កដា/);
      expect(names).toBe('Sophal Chea និង Lan Nguyen');
      expect(
        shadow(el)
          .querySelector('.byline')!
          .textContent!.replace(/\s+/g, ' ')
          .trim(),
      ).toBe(
        `ដោយ ${names} · ${day('2025-07-20T08:00:00Z')} · កែប្រែ ${day('2025-07-21T09:30:00Z')}`,
      );
      // The link to the author stays a link inside the translated sentence.
      expect(
        shadow(el).querySelector('.byline a[rel="author"]')?.textContent,
      ).toBe('Lan Nguyen');
      // The fact box, inside the article's shadow root, follows too.
      await until(
        () => shadow(box).querySelector('aside')?.getAttribute('lang') === 'km',
        'the fact box in Khmer',
      );
      expect(shadow(box).querySelector('h2')?.textContent).toBe(
        'ប្រតិបត្តិការជាតួលេខ',
      );
      // The article itself is still English.
      expect(shadow(el).querySelector('h1')?.getAttribute('lang')).toBe('en');
    });

    it('keeps its text in the article’s language, apart from the reader’s', async () => {
      const { el } = await articleIn('vi', (a) => {
        a.article = { ...signed, dateline: { name: 'Phnom Penh' } };
      });
      const root = shadow(el);
      expect(rootLang(el)).toBe('vi');
      expect(root.querySelector('h1')?.getAttribute('lang')).toBe('en');
      const text = [...root.querySelectorAll('article > :is(p, h2, h3)')]
        .filter((node) => !node.matches('.note'))
        .map((node) => node.getAttribute('lang'));
      expect(text.length).toBeGreaterThan(5);
      expect(new Set(text)).toEqual(new Set(['en']));
      expect(root.querySelector('.byline')?.hasAttribute('lang')).toBe(false);
      const box = root.querySelector('dateline-operation')!;
      await box.updateComplete;
      expect(shadow(box).querySelector('aside')?.getAttribute('lang')).toBe(
        'vi',
      );
      // The operation's own words (its places) keep the article's language.
      expect(
        shadow(box)
          .querySelector('li[data-subdivision] span')
          ?.getAttribute('lang'),
      ).toBe('en');
    });

    it('says why it could not load in the reader’s language, though the answer came after its render', async () => {
      reword('vi', {
        'article.error.status':
          'Không tải được bài viết này (máy chủ trả lời {0}).',
      });
      const errors: string[] = [];
      const { holder, el } = await articleIn('vi', (a) => {
        a.src = '/no-such-article.json';
        a.addEventListener('dateline-error', (e) => errors.push(e.message!));
      });
      const alert = await until(
        () => shadow(el).querySelector('[role="alert"]'),
        'the error',
      );
      expect(alert.textContent).toMatch(
        /^Không tải được bài viết này \(máy chủ trả lời 404/,
      );
      expect(errors).toEqual([alert.textContent]);
      expect(alert.getAttribute('lang')).toBe('vi');

      holder.lang = 'en';
      await until(
        () =>
          shadow(el).querySelector('[role="alert"]')?.getAttribute('lang') ===
          'en',
        'the error in English',
      );
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).toMatch(
        /^This article could not be loaded \(the server answered 404/,
      );
    });

    it('explains invalid data with core’s messages in the reader’s language', async () => {
      setMessages('th', { 'text-empty': 'ข้อความว่างเปล่า' });
      try {
        const { el } = await articleIn('th', (a) => {
          a.article = { ...seedArticle, headline: '' };
        });
        const alert = shadow(el).querySelector('[role="alert"]')?.textContent;
        expect(alert).toContain('headline: ข้อความว่างเปล่า');
        expect(alert).not.toMatch(/could not be shown|cannot be empty/);
      } finally {
        setMessages('th', { 'text-empty': thai['text-empty'] });
      }
    });

    it('counts what it leaves unsaid by the language’s plural rules', async () => {
      reword('ar', {
        'article.error.more.two': '{0} (واثنتان أخريان)',
        'article.error.more.few': '{0} (و{1} أخرى)',
      });
      const invalid = (extra: number) =>
        ({
          ...seedArticle,
          headline: '',
          standfirst: 5,
          language: '',
          body: [],
          ...(extra > 1 ? { datePublished: 'yesterday' } : {}),
          ...(extra > 2 ? { dateModified: 'today' } : {}),
        }) as never;
      const two = await articleIn('ar', (a) => {
        a.article = invalid(2);
      });
      expect(
        shadow(two.el).querySelector('[role="alert"]')?.textContent,
      ).toMatch(/\(واثنتان أخريان\)\.$/);
      const three = await articleIn('ar', (a) => {
        a.article = invalid(3);
      });
      expect(
        shadow(three.el).querySelector('[role="alert"]')?.textContent,
      ).toMatch(
        new RegExp(`\\(و${new Intl.NumberFormat('ar').format(3)} أخرى\\)\\.$`),
      );
    });

    it('mirrors in Arabic: quotes ruled at the start of the line', async () => {
      const holder = document.createElement('div');
      holder.lang = 'ar';
      holder.dir = 'rtl';
      const el = new DatelineArticle();
      el.article = {
        ...seedArticle,
        language: 'ar',
        body: [{ type: 'quote', text: 'نص مقتبس', attribution: 'مصدر' }],
      } as never;
      holder.append(el);
      document.body.append(holder);
      await el.updateComplete;
      const quote = getComputedStyle(shadow(el).querySelector('blockquote')!);
      expect(quote.borderRightWidth).toBe('4px');
      expect(quote.borderLeftWidth).toBe('0px');
      expect(quote.paddingLeft).toBe('0px');
    });

    it('fits a 320 px column in Khmer, Thai and Chinese, with its fact box', async () => {
      await page.viewport(320, 640);
      const texts: Record<'km' | 'th' | 'zh-Hans', string> = {
        km: 'ប្រទេសកម្ពុជាបង្ក្រាបបទល្មើសបច្ចេកវិទ្យាព័ត៌មាន',
        th: 'กัมพูชาปราบปรามอาชญากรรมไซเบอร์ครั้งใหญ่',
        'zh-Hans': '柬埔寨大规模打击网络犯罪和人口贩卖活动',
      };
      for (const [locale, words] of Object.entries(texts) as Array<
        [Locale, string]
      >) {
        const long = words.repeat(4);
        reword(locale, {
          'article.byline': `${long} {0}`,
          'article.updated': `${long} {0}`,
          'operation.title': long,
        });
        const { el } = await articleIn(locale, (a) => {
          a.article = {
            ...signed,
            language: locale,
            headline: long,
            standfirst: long,
            dateline: { name: long },
            body: [
              { type: 'heading', level: 2, text: long },
              { type: 'paragraph', text: `${long} ${long}` },
              // An address quoted in the text: one word as long as three screens.
              {
                type: 'paragraph',
                text: `https://example.org/${'Unbreakable'.repeat(12)}`,
              },
              ...seedArticle.body,
            ],
          };
        });
        const box = shadow(el).querySelector('dateline-operation')!;
        await box.updateComplete;
        const width = document.documentElement.clientWidth;
        expect(document.documentElement.scrollWidth).toBe(width);
        const past = deepQueryAll<HTMLElement>(el, '*')
          .filter(
            (node) =>
              node.getClientRects().length > 0 &&
              node.getBoundingClientRect().right > width + 0.5,
          )
          .map((node) => `${node.localName}.${node.className}`);
        expect(past, locale).toEqual([]);
        document.body.replaceChildren();
      }
    });
  });
});
