// The elements' catalogue: every string the code writes is in every language, once, with the
// same placeholders and every plural form, the generated modules match the translations, and
// each language says its recurring terms the way its glossary does.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  placeholdersOf,
  readXliff,
  type TransUnit,
  textOf,
} from '../scripts/xliff.js';
import { stringIdsModule } from '../scripts/string-ids.js';
import { root } from './service-process.js';

const run = promisify(execFile);
const elements = join(root, 'packages/elements');
const config = JSON.parse(
  readFileSync(join(elements, 'lit-localize.json'), 'utf8'),
) as { targetLocales: string[] };
const LOCALES = config.targetLocales;
const cli = join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js');

/** Runs lit-localize with the project's configuration but writing into `scratch`. */
async function litLocalize(
  command: 'extract' | 'build',
  scratch: string,
  paths: { xliffDir: string; outputDir: string },
) {
  const file = join(scratch, `${command}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      tsConfig: join(elements, 'tsconfig.localize.json'),
      output: { mode: 'runtime', outputDir: paths.outputDir },
      interchange: { format: 'xliff', xliffDir: paths.xliffDir },
    }),
  );
  await run(process.execPath, [cli, command, `--config=${file}`], {
    cwd: elements,
  });
}

const committed = (locale: string) =>
  readXliff(readFileSync(join(elements, 'xliff', `${locale}.xlf`), 'utf8'));

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

interface Glossary {
  term: string;
  translations: string[];
}

function glossary(locale: string): Glossary[] {
  const file = join(
    root,
    'packages/core/src/messages/glossary',
    `${locale}.json`,
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Glossary[];
}

describe('the elements’ catalogue', () => {
  let source: TransUnit[];
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'dateline-catalogue-'));
    await litLocalize('extract', scratch, {
      xliffDir: join(scratch, 'xliff'),
      outputDir: join(scratch, 'unused'),
    });
    source = readXliff(
      readFileSync(join(scratch, 'xliff', `${LOCALES[0]}.xlf`), 'utf8'),
    );
  }, 120_000);

  it('finds the strings in the elements’ code', () => {
    expect(source.length).toBeGreaterThan(100);
  });

  it.each(LOCALES)(
    'has in %s exactly the strings the code writes, with their English as written',
    (locale) => {
      const units = committed(locale);
      const ids = units.map((u) => u.id);
      expect(new Set(ids).size, 'an id appears twice').toBe(ids.length);
      const written = new Map(units.map((u) => [u.id, textOf(u.source)]));
      expect(written).toEqual(
        new Map(source.map((u) => [u.id, textOf(u.source)])),
      );
    },
  );

  it.each(LOCALES)(
    'translates every string into %s, keeping each placeholder',
    (locale) => {
      const problems: string[] = [];
      for (const unit of committed(locale)) {
        // A message that is only its values ("${figure} ${what}") has no words to translate.
        if (!unit.target || (!textOf(unit.target) && textOf(unit.source))) {
          problems.push(`${unit.id}: no translation`);
          continue;
        }
        const want = placeholdersOf(unit.source);
        const have = placeholdersOf(unit.target);
        if (want.join('\u0000') !== have.join('\u0000'))
          problems.push(
            `${unit.id}: placeholders ${have.join(', ') || 'none'}, the English has ${want.join(', ') || 'none'}`,
          );
      }
      expect(problems).toEqual([]);
    },
  );

  it('gives every count the plural forms of every language we ship (zero may fall back to other)', () => {
    const bases = new Map<string, Set<string>>();
    for (const { id } of source) {
      const dot = id.lastIndexOf('.');
      const form = id.slice(dot + 1);
      if (!PLURAL_FORMS.includes(form)) continue;
      const base = id.slice(0, dot);
      bases.set(base, (bases.get(base) ?? new Set()).add(form));
    }
    expect(bases.size).toBeGreaterThan(0);
    // Arabic uses all six; "zero" falls back to "other" where a count is never 0.
    const required = PLURAL_FORMS.filter((form) => form !== 'zero');
    for (const [base, forms] of bases)
      expect(
        required.filter((form) => !forms.has(form)),
        `${base} lacks forms`,
      ).toEqual([]);
  });

  it.each(LOCALES)(
    'says the glossary’s terms in %s as its glossary does',
    (locale) => {
      const terms = glossary(locale);
      expect(terms.length).toBeGreaterThanOrEqual(10);
      const problems: string[] = [];
      for (const unit of committed(locale)) {
        // Example addresses ("name@example.com") are not words of the sentence.
        const english = textOf(unit.source)
          .replace(/\S+@\S+/g, ' ')
          .toLowerCase();
        const translated = textOf(unit.target ?? []).toLowerCase();
        for (const { term, translations } of terms) {
          const word = new RegExp(
            `(?<![\\p{L}\\p{N}])${term.toLowerCase()}(?![\\p{L}\\p{N}])`,
            'u',
          );
          if (
            word.test(english) &&
            !translations.some((t) => translated.includes(t.toLowerCase()))
          )
            problems.push(`${unit.id}: “${term}” is not “${translations[0]}”`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('types every string id for setStrings, each with its English', () => {
    expect(
      readFileSync(join(elements, 'src/locales/ids.ts'), 'utf8'),
      'src/locales/ids.ts is stale: run `npm run locales`',
    ).toBe(stringIdsModule(source));
  });

  it('has generated modules that match the translations', async () => {
    const outputDir = join(scratch, 'generated');
    await litLocalize('build', scratch, {
      xliffDir: join(elements, 'xliff'),
      outputDir,
    });
    const generated = join(elements, 'src/locales/generated');
    for (const file of await readdir(outputDir)) {
      expect(existsSync(join(generated, file)), file).toBe(true);
      expect(
        readFileSync(join(generated, file), 'utf8'),
        `${file} is stale: run \`npm run locales\``,
      ).toBe(readFileSync(join(outputDir, file), 'utf8'));
    }
  }, 120_000);
});
