import type { Operation } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DatelineOperation, type DataEvent } from '../index.js';
import {
  expectAccessible,
  mount,
  seedOperation,
  shadow,
} from '../test/helpers.js';

afterEach(() => document.body.replaceChildren());

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
});
