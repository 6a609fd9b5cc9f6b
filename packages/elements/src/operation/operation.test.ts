import {
  countryName,
  formatEdtf,
  formatQuantity,
  type Operation,
} from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { DatelineOperation, type DataEvent } from '../index.js';
import type { Locale } from '../shared/localize.js';
import {
  deepQueryAll,
  expectAccessible,
  mount,
  seedOperation,
  shadow,
  until,
} from '../test/helpers.js';
import { reword, unreword } from '../test/helpers.js';

afterEach(async () => {
  document.body.replaceChildren();
  unreword();
  await page.viewport(414, 896);
});

/** A box inside a container with `lang`, as a page in that language holds it. */
async function boxIn(
  lang: string,
  operation: unknown = seedOperation,
  width?: string,
): Promise<{ holder: HTMLElement; el: DatelineOperation }> {
  const holder = document.createElement('div');
  holder.lang = lang;
  if (width) holder.style.width = width;
  const el = new DatelineOperation();
  el.operation = operation as Operation;
  holder.append(el);
  document.body.append(holder);
  await el.updateComplete;
  return { holder, el };
}

const boxLang = (el: Element) =>
  shadow(el).querySelector('aside')?.getAttribute('lang');

async function seedBox() {
  const el = new DatelineOperation();
  el.operation = seedOperation;
  return mount(el);
}

describe('<dateline-operation>', () => {
  it('leads with the total arrests in words', async () => {
    const el = await seedBox();
    expect(
      shadow(el)
        .querySelector('.lead')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('More than 1,000 arrested');
  });

  it('charts arrests by nationality with a table screen readers can read', async () => {
    const el = await seedBox();
    const rows = [...shadow(el).querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('th')!.textContent!.trim(),
      tr.querySelector('.figure')!.textContent!.trim(),
    ]);
    expect(rows).toEqual([
      ['Vietnamese', 'more than 200'],
      ['Indonesians', '271'],
      ['Chinese', '27'],
      ['Taiwanese', '75'],
      ['Cambodians', '85'],
    ]);
    expect(shadow(el).querySelector('caption')?.textContent).toBe(
      'Arrests by nationality',
    );
    for (const svg of shadow(el).querySelectorAll('td.bar svg'))
      expect(svg.getAttribute('aria-hidden')).toBe('true');
  });

  it('draws an open figure differently from an exact count', async () => {
    const el = await seedBox();
    const [vietnamese, indonesians] = shadow(el).querySelectorAll('td.bar svg');
    expect(vietnamese!.querySelector('rect.open')).not.toBeNull();
    expect(indonesians!.querySelector('rect.open')).toBeNull();
    expect(indonesians!.querySelectorAll('rect')).toHaveLength(1);
    // Indonesians (271) is the longest exact bar; Vietnamese's solid part is at its floor, 201
    const width = (svg: Element) =>
      Number(svg.querySelector('rect.solid')!.getAttribute('width'));
    expect(width(indonesians!)).toBeGreaterThan(width(vietnamese!));
  });

  it('lists nationalities named without a count, and what the figures leave out', async () => {
    const text = shadow(await seedBox()).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain(
      'Also arrested, number not given: Thais, Bangladeshis, Myanmar nationals, people of other nationalities.',
    );
    expect(text).toContain(
      'The figures by nationality account for at least 659 of the more than 1,000 arrested; at least 342 are not broken down.',
    );
  });

  it('shows the places with their provinces, the period, seizures and estimates with their sources', async () => {
    const text = shadow(await seedBox()).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Poipet — city in Banteay Meanchey province');
    expect(text).toContain('Sihanoukville — Preah Sihanouk province');
    expect(text).toContain('Phnom Penh — municipality');
    expect(text).toContain('“over several days in mid-July 2025”');
    expect(text).toContain('Hundreds of computers');
    expect(text).toContain(
      'More than 100,000 people who may be trapped in modern-day slavery',
    );
    expect(text).toContain(
      'Investigations, citing United Nations and Human rights organizations',
    );
    expect(text).toContain('Billions of dollars yearly revenue');
    expect(text).toContain('Amnesty International (concerned)');
  });

  it('says clearly when its data is invalid', async () => {
    const el = new DatelineOperation();
    el.operation = { ...seedOperation, country: 'Cambodia' } as never;
    await mount(el);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain(
      'country: A country is an ISO 3166-1 alpha-2 code such as KH.',
    );
  });

  it('reads its data from a child JSON script', async () => {
    const el = document.createElement('dateline-operation');
    el.innerHTML = `<script type="application/json">${JSON.stringify(seedOperation)}</script>`;
    await mount(el);
    expect(shadow(el).querySelector('.lead')).not.toBeNull();
  });

  it('shows places by name only: their ISO codes stay in the data', async () => {
    const el = await seedBox();
    const text = shadow(el).textContent!;
    expect(text).not.toMatch(/KH-\d/);
    const places = [...shadow(el).querySelectorAll('li[data-subdivision]')];
    expect(places.map((li) => li.getAttribute('data-subdivision'))).toEqual([
      'KH-12',
      'KH-18',
      'KH-1',
      'KH-10',
      'KH-15',
    ]);
  });

  it('gives "Where" the whole width of the box', async () => {
    const el = new DatelineOperation();
    el.operation = seedOperation;
    el.style.display = 'block';
    el.style.width = '800px';
    await mount(el);
    const facts = shadow(el).querySelector('.facts')!.getBoundingClientRect();
    const where = [...shadow(el).querySelectorAll('.facts > div')].find((d) =>
      d.querySelector('dt')?.textContent?.startsWith('Where'),
    )!;
    const when = shadow(el).querySelector('.facts > div')!;
    // "When" and "Ordered by" share a row at this width; "Where" does not
    expect(when.getBoundingClientRect().width).toBeLessThan(
      facts.width / 2 + 1,
    );
    expect(where.getBoundingClientRect().width).toBeCloseTo(facts.width, 0);
  });

  it('shows the rest when one arrests row is invalid, and says that part could not be shown', async () => {
    const loads: DataEvent[] = [];
    const el = new DatelineOperation();
    el.addEventListener('dateline-load', (e) => loads.push(e));
    const byNationality = seedOperation.arrests.byNationality.map((row, i) =>
      i === 1 ? { ...row, count: 'two hundred and seventy-one' } : row,
    );
    el.operation = {
      ...seedOperation,
      arrests: { ...seedOperation.arrests, byNationality },
    } as unknown as Operation;
    await mount(el);
    expect(
      [...shadow(el).querySelectorAll('tbody th')].map((th) => th.textContent),
    ).toEqual(['Vietnamese', 'Chinese', 'Taiwanese', 'Cambodians']);
    const text = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('More than 1,000');
    expect(text).toContain('Hundreds of computers');
    // the sum of the rows no longer stands for the total: it is not claimed
    expect(text).not.toContain('account for');
    expect(shadow(el).querySelector('.note')?.textContent).toBe(
      'Part of this fact box could not be shown because its data is invalid (Arrests by nationality).',
    );
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull();
    expect(loads).toHaveLength(1);
    expect(loads[0]!.omitted.map((o) => o.path)).toEqual([
      'arrests.byNationality.1',
    ]);
    await expectAccessible(el);
  });

  it('shows the other seizures when one has a bad quantity', async () => {
    const el = new DatelineOperation();
    const seizures = [
      { item: 'computers', quantity: { kind: 'exact', value: -3 } },
      ...seedOperation.seizures.slice(1),
      { item: '' },
    ];
    el.operation = { ...seedOperation, seizures } as unknown as Operation;
    await mount(el);
    const seized = [...shadow(el).querySelectorAll('section')].find(
      (section) => section.querySelector('h3')?.textContent === 'Seized',
    )!;
    const items = [...seized.querySelectorAll('li')].map(
      (li) => li.textContent,
    );
    expect(items).toEqual(['Computers', 'Mobile phones', 'Other devices']);
    expect(shadow(el).querySelector('.note')?.textContent).toContain(
      '(Seized)',
    );
  });

  it('fires dateline-error when its inline JSON is not JSON', async () => {
    const errors: DataEvent[] = [];
    const el = document.createElement('dateline-operation');
    el.addEventListener('dateline-error', (e) => errors.push(e));
    el.innerHTML = '<script type="application/json">{"country": "KH",</script>';
    await mount(el);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(
      'The operation’s inline data is not valid JSON.',
    );
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toBe(
      errors[0]!.message,
    );
  });

  it('fires dateline-error when its data cannot be shown at all', async () => {
    const errors: DataEvent[] = [];
    const el = new DatelineOperation();
    el.addEventListener('dateline-error', (e) => errors.push(e));
    el.operation = { ...seedOperation, period: { edtf: 'soon' } } as never;
    await mount(el);
    expect(errors.map((e) => e.message)).toEqual([
      shadow(el).querySelector('[role="alert"]')?.textContent,
    ]);
    expect(errors[0]!.message).toContain('period.edtf');
  });

  it('clears the box when its operation is set to undefined', async () => {
    const el = await seedBox();
    expect(shadow(el).querySelector('aside')).not.toBeNull();
    el.operation = undefined;
    await el.updateComplete;
    expect(shadow(el).querySelector('aside')).toBeNull();
    expect(shadow(el).textContent!.trim()).toBe('');
  });

  it('passes axe', async () => {
    await expectAccessible(await seedBox());
  });

  describe('in the reader’s language', () => {
    it('writes in its ancestor’s language, and follows a change of it', async () => {
      reword('th', {
        'operation.title': 'ปฏิบัติการในตัวเลข',
        'operation.heading.when': 'เมื่อใด',
      });
      const { holder, el } = await boxIn('en');
      expect(boxLang(el)).toBe('en');
      expect(shadow(el).querySelector('h2')?.textContent).toBe(
        'The operation in figures',
      );

      holder.lang = 'th';
      await until(() => boxLang(el) === 'th', 'the box in Thai');
      expect(shadow(el).querySelector('h2')?.textContent).toBe(
        'ปฏิบัติการในตัวเลข',
      );
      expect(shadow(el).querySelector('dt')?.textContent).toBe('เมื่อใด');
      // Dates from the platform in the reader's calendar: Thai counts Buddhist years.
      expect(shadow(el).querySelector('time')?.textContent).toBe(
        formatEdtf(seedOperation.period.edtf, { locale: 'th' }),
      );
      expect(shadow(el).querySelector('time')?.textContent).toContain('2568');

      holder.lang = 'en-GB';
      await until(() => boxLang(el) === 'en', 'the box in English again');
      expect(shadow(el).querySelector('h2')?.textContent).toBe(
        'The operation in figures',
      );
    });

    it('puts the lead figure where the translation’s word order puts it, still in bold', async () => {
      reword('vi', {
        'operation.lead': 'Số người bị bắt: {0}',
      });
      const { el } = await boxIn('vi');
      const lead = shadow(el).querySelector('.lead')!;
      const figure = formatQuantity(seedOperation.arrests.total!, 'vi', {
        noun: false,
      });
      // Not at the start of the sentence, so no capital.
      expect(lead.textContent!.replace(/\s+/g, ' ').trim()).toBe(
        `Số người bị bắt: ${figure}`,
      );
      expect(lead.querySelector('strong')?.textContent).toBe(figure);
    });

    it('names countries it has no nationality word for in the reader’s language, and lists with its separators', async () => {
      const operation = {
        ...seedOperation,
        arrests: {
          ...seedOperation.arrests,
          byNationality: [
            ...seedOperation.arrests.byNationality,
            { country: 'CF', count: { kind: 'exact', value: 12 } },
          ],
          namedWithoutCount: ['TH', 'BD', 'CD'],
        },
      };
      const { el } = await boxIn('zh-Hans', operation);
      const names = [...shadow(el).querySelectorAll('tbody th')].map(
        (th) => th.textContent,
      );
      expect(names.at(-1)).toBe(countryName('CF', 'zh-Hans'));
      expect(names.at(-1)).not.toBe(countryName('CF', 'en'));
      const also = [...shadow(el).querySelectorAll('.arrests p')][0]!
        .textContent!;
      // One sentence with the list inside, the list in Chinese punctuation.
      const list = also.slice(also.indexOf(': ') + 2);
      expect(list).toContain(`、${countryName('CD', 'zh-Hans')}、`);
      expect(list).not.toContain(',');
    });

    it('writes numbers as the reader’s language does', async () => {
      // Indonesian groups thousands with a dot.
      const { el } = await boxIn('id');
      const lead = shadow(el).querySelector('.lead strong')!.textContent!;
      expect(lead).toContain('1.000');
      expect(lead).not.toContain('1,000');
      const sum = shadow(el).querySelector('.arrests p.muted')!.textContent!;
      expect(sum).toContain(
        formatQuantity(seedOperation.arrests.total!, 'id', { noun: false }),
      );
      expect(sum).not.toContain('1,000');
    });

    it('keeps the operation’s own words in their language, and its chrome in the reader’s', async () => {
      const { el } = await boxIn('km');
      el.contentLang = 'en';
      await el.updateComplete;
      const root = shadow(el);
      expect(boxLang(el)).toBe('km');
      const place = root.querySelector('li[data-subdivision="KH-1"] span')!;
      expect(place.textContent).toBe('Poipet');
      expect(place.getAttribute('lang')).toBe('en');
      const wording = [...root.querySelectorAll('dd span[lang]')].find(
        (span) => span.textContent === seedOperation.period.wording,
      );
      expect(wording?.getAttribute('lang')).toBe('en');
      expect(
        root.querySelector('blockquote strong')?.getAttribute('lang'),
      ).toBe('en');
      // The chrome has no lang of its own: it is the box's.
      expect(root.querySelector('h2')?.hasAttribute('lang')).toBe(false);
      expect(root.querySelector('caption')?.closest('[lang]')).toBe(
        root.querySelector('aside'),
      );
    });

    it('says why its data cannot be shown in its language, and follows a change of it', async () => {
      reword('km', {
        'operation.error.inline-json':
          'ទិន្នន័យរបស់ប្រតិបត្តិការមិនមែនជា JSON ត្រឹមត្រូវទេ។',
      });
      const holder = document.createElement('div');
      holder.lang = 'km';
      const el = document.createElement('dateline-operation');
      const errors: DataEvent[] = [];
      el.addEventListener('dateline-error', (e) => errors.push(e));
      el.innerHTML = '<script type="application/json">{"country": </script>';
      holder.append(el);
      document.body.append(holder);
      await until(
        () => shadow(el).querySelector('[role="alert"]'),
        'the error',
      );
      const alert = () => shadow(el).querySelector('[role="alert"]')!;
      // Written when the JSON failed, outside any render, yet in the box's language.
      expect(errors.map((e) => e.message)).toEqual([
        'ទិន្នន័យរបស់ប្រតិបត្តិការមិនមែនជា JSON ត្រឹមត្រូវទេ។',
      ]);
      expect(alert().textContent).toBe(errors[0]!.message);
      expect(alert().getAttribute('lang')).toBe('km');

      holder.lang = 'en';
      await until(() => alert().getAttribute('lang') === 'en', 'English');
      expect(alert().textContent).toBe(
        'The operation’s inline data is not valid JSON.',
      );
    });

    it('mirrors in Arabic: headings and rules at the start, bars growing from the right', async () => {
      const holder = document.createElement('div');
      holder.dir = 'rtl';
      holder.style.width = '600px';
      const el = new DatelineOperation();
      el.operation = seedOperation;
      holder.lang = 'ar';
      holder.append(el);
      document.body.append(holder);
      await el.updateComplete;
      const root = shadow(el);
      const quote = root.querySelector('blockquote')!;
      expect(getComputedStyle(quote).borderRightWidth).toBe('3px');
      expect(getComputedStyle(quote).borderLeftWidth).toBe('0px');
      const caption = root.querySelector('caption')!;
      expect(getComputedStyle(caption).textAlign).toBe('start');
      const cell = root.querySelector('td.bar')!.getBoundingClientRect();
      const solid = root
        .querySelector('td.bar rect.solid')!
        .getBoundingClientRect();
      // The bar starts at the cell's right edge and grows leftwards.
      expect(Math.abs(solid.right - cell.right)).toBeLessThan(
        Math.abs(solid.left - cell.left),
      );
      expect(solid.right).toBeGreaterThan(cell.right - 10);
      await expectAccessible(el);
    });

    /** Every element in the box that reaches past the right edge of the page. */
    function pastTheEdge(el: Element): string[] {
      const width = document.documentElement.clientWidth;
      return deepQueryAll<HTMLElement>(el, '*')
        .filter(
          (node) =>
            node.getClientRects().length > 0 &&
            node.getBoundingClientRect().right > width + 0.5,
        )
        .map((node) => `${node.localName}.${node.className}`);
    }

    it('fits a 320 px column in Khmer, Thai and Chinese, whatever the length of the names', async () => {
      await page.viewport(320, 640);
      const words: Record<'km' | 'th' | 'zh-Hans', string> = {
        km: 'ការចាប់ខ្លួនតាមសញ្ជាតិនៃប្រតិបត្តិការ',
        th: 'การจับกุมตามสัญชาติของปฏิบัติการ',
        'zh-Hans': '按国籍划分的逮捕人数与行动',
      };
      for (const [locale, word] of Object.entries(words) as Array<
        [Locale, string]
      >) {
        const long = word.repeat(3);
        reword(locale, {
          'operation.title': long,
          'operation.heading.by-nationality': long,
          'operation.also-arrested': `${long}: {0}.`,
          'operation.legend.open': long,
        });
        const operation = {
          ...seedOperation,
          locations: {
            ...seedOperation.locations,
            named: [...seedOperation.locations.named, { name: long }],
          },
          arrests: {
            ...seedOperation.arrests,
            byNationality: [
              ...seedOperation.arrests.byNationality,
              // Names the platform gives, long in every language.
              { country: 'CF', count: { kind: 'more-than', value: 1_250_000 } },
              { country: 'VC', count: { kind: 'exact', value: 3 } },
            ],
          },
        };
        const { el } = await boxIn(locale, operation);
        expect(boxLang(el)).toBe(locale);
        expect(shadow(el).querySelector('h2')?.textContent).toBe(long);
        expect(document.documentElement.scrollWidth).toBe(
          document.documentElement.clientWidth,
        );
        expect(pastTheEdge(el), locale).toEqual([]);
        // The bars keep room to be read beside the names.
        for (const bar of shadow(el).querySelectorAll('td.bar'))
          expect(bar.getBoundingClientRect().width).toBeGreaterThan(40);
        document.body.replaceChildren();
      }
    });
  });
});
