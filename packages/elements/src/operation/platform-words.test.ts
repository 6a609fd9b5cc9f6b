import { formatDate, type Article, type Operation } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DatelineArticle, DatelineOperation } from '../index.js';
import { seedArticle, seedOperation, shadow, until } from '../test/helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** A box on a page in `lang`, showing an operation reported in English. */
async function boxIn(
  lang: string,
  operation: Operation = seedOperation,
): Promise<DatelineOperation> {
  const holder = document.createElement('div');
  holder.lang = lang;
  const el = new DatelineOperation();
  el.operation = operation;
  el.contentLang = 'en';
  holder.append(el);
  document.body.append(holder);
  await until(
    () => shadow(el).querySelector('aside')?.getAttribute('lang') !== null,
    'the box',
  );
  await el.updateComplete;
  return el;
}

const text = (node: Node | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim();

describe('a Khmer page in a browser without Khmer data', () => {
  it('dates the operation in Khmer, not in the platform’s English', async () => {
    const el = await boxIn('km');
    await until(
      () => shadow(el).querySelector('time')?.textContent?.includes('កក្កដា'),
      'the period in Khmer',
    );
    expect(shadow(el).querySelector('time')?.textContent).toBe(
      '10 – 19 កក្កដា 2025',
    );
  });

  it('joins a list of sources with Khmer’s “and”', async () => {
    const estimate = seedOperation.estimates[0]!;
    const el = await boxIn('km', {
      ...seedOperation,
      estimates: [
        {
          ...estimate,
          basis: [
            { name: 'United Nations', kind: 'un' },
            { name: 'Amnesty International', kind: 'ngo' },
            { name: 'Human rights organizations', kind: 'ngo' },
          ],
        } as Operation['estimates'][number],
      ],
    });
    const attribution = () =>
      text(shadow(el).querySelector('section li .muted'));
    await until(() => attribution()?.includes('និង'), 'the list in Khmer');
    expect(attribution()).toContain(
      'United Nations, Amnesty International និង Human rights organizations',
    );
    expect(attribution()).not.toMatch(/\band\b/);
  });

  it('dates an article’s byline in Khmer', async () => {
    const holder = document.createElement('div');
    holder.lang = 'km';
    const el = new DatelineArticle();
    el.article = {
      ...seedArticle,
      datePublished: '2025-07-20T08:00:00Z',
    } as Article;
    holder.append(el);
    document.body.append(holder);
    const time = () => shadow(el).querySelector('.byline time')?.textContent;
    await until(() => time()?.includes('កក្កដា'), 'the date in Khmer');
    expect(time()).toBe(formatDate('2025-07-20T08:00:00Z', { locale: 'km' }));
    expect(time()).toMatch(/^(19|20) កក្កដា 2025$/);
  });
});

describe('the report’s own words inside a translated sentence', () => {
  it('marks the noun a count of places is in, and keeps it apart', async () => {
    const el = await boxIn('km');
    const count = () => shadow(el).querySelector('dt .muted');
    await until(() => text(count())?.includes('យ៉ាងតិច'), 'Khmer words');
    const noun = count()!.querySelector('span[lang]')!;
    expect(noun.textContent).toBe('provinces');
    expect(noun.getAttribute('lang')).toBe('en');
    expect(noun.getAttribute('dir')).toBe('auto');
    expect(text(count())).toBe('(provinces យ៉ាងតិច 5)');
  });

  it('sets an English noun apart from Thai and Chinese words written together', async () => {
    for (const [lang, words] of [
      ['th', 'หลายร้อย computers'],
      ['zh-Hans', '数百 computers'],
    ] as const) {
      const el = await boxIn(lang);
      const seized = () =>
        shadow(el).querySelector('section ul.plain li')?.textContent;
      await until(
        () =>
          seized()?.includes('computers') &&
          seized() !== 'Hundreds of computers',
        `${lang} words`,
      );
      expect(seized(), lang).toBe(words);
      const noun = shadow(el).querySelector('section ul.plain li span[lang]');
      expect(noun?.getAttribute('lang'), lang).toBe('en');
      expect(noun?.textContent, lang).toBe('computers');
      document.body.replaceChildren();
    }
  });

  it('leaves a Thai noun joined to Thai words, as Thai writes it', async () => {
    const el = await boxIn('th', {
      ...seedOperation,
      seizures: [
        {
          ...seedOperation.seizures[0]!,
          item: 'คอมพิวเตอร์',
          quantity: { kind: 'vague', term: 'hundreds', noun: 'คอมพิวเตอร์' },
        } as Operation['seizures'][number],
      ],
    });
    el.contentLang = 'th';
    await el.updateComplete;
    const seized = () =>
      shadow(el).querySelector('section ul.plain li')?.textContent;
    await until(() => seized()?.startsWith('หลาย'), 'Thai words');
    expect(seized()).toBe('หลายร้อยคอมพิวเตอร์');
  });

  it('marks a province’s English name from the gazetteer as English', async () => {
    const el = await boxIn('km');
    el.contentLang = 'km';
    await el.updateComplete;
    const detail = () =>
      shadow(el).querySelector('li[data-subdivision="KH-18"] .muted');
    const name = detail()?.querySelector('span[lang="en"]');
    expect(name?.textContent).toBe('Preah Sihanouk');
    expect(name?.getAttribute('dir')).toBe('auto');
  });
});
