import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle, summarize, writeExports } from './summary.js';

const seedFile = new URL(
  '../data/cambodia-crackdown-2025.json',
  import.meta.url,
).pathname;

describe('the core-node example', () => {
  it('summarizes the seed operation for an editor', async () => {
    const text = summarize(await loadArticle(seedFile)).join('\n');
    expect(text).toContain(
      'Period: July 10\u2009–\u200919, 2025 (2025-07-1X; reported as “over several days in mid-July 2025”)',
    );
    expect(text).toContain(
      'bounds: 2025-07-10T00:00:00.000Z – 2025-07-19T23:59:59.999Z',
    );
    expect(text).toContain('Arrests: more than 1,000');
    expect(text).toMatch(/Vietnam\s+more than 200/);
    expect(text).toMatch(/Thailand\s+named, no count/);
    expect(text).toContain('named counts add up to at least 659');
    expect(text).toContain('342 of the total are not broken down');
    expect(text).toMatch(/Poipet\s+city\s+KH-1\s+Poipet/);
    expect(text).toMatch(/Sihanoukville\s+province\s+KH-18\s+Preah Sihanouk/);
    expect(text).toContain(
      '[place-kind-mismatch] Poipet is a city in Banteay Meanchey (KH-1), not a province.',
    );
    expect(text).toContain('Editor’s checks (1):');
  });

  it('writes the JSON-LD and ninjs exports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-'));
    const [jsonld, ninjs] = await writeExports(
      await loadArticle(seedFile),
      dir,
    );
    expect(JSON.parse(await readFile(jsonld!, 'utf8'))['@type']).toBe(
      'NewsArticle',
    );
    expect(JSON.parse(await readFile(ninjs!, 'utf8')).standard.name).toBe(
      'ninjs',
    );
  });

  it('says which fields are wrong in a broken article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-'));
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({ id: 'x', headline: '', language: 'en', body: [] }),
    );
    await expect(loadArticle(file)).rejects.toThrow(
      /headline: The headline cannot be empty\.[\s\S]*body: An article needs a body\./,
    );
  });
});
