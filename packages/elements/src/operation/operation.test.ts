import { afterEach, describe, expect, it } from 'vitest';
import { DatelineOperation } from '../index.js';
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
    expect(text).toContain('Poipet — city in Banteay Meanchey province (KH-1)');
    expect(text).toContain('Sihanoukville — Preah Sihanouk province (KH-18)');
    expect(text).toContain('Phnom Penh — municipality (KH-12)');
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

  it('passes axe', async () => {
    await expectAccessible(await seedBox());
  });
});
