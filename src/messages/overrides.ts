/**
 * A site's own words for the service's pages and mails (DATELINE_WORDS): a JSON file such as
 * `{ "en": { "held-mail-subject": "To moderate: a comment by {name}" }, "km": { … } }`. Each
 * language is one the service ships, each code one of `englishServiceWords`, and each text
 * keeps the English's placeholders, so no mail loses its link or its name. Read once, at
 * start; anything else stops the start, saying what is wrong and where.
 */
import { readFileSync } from 'node:fs';
import { SUPPORTED_LOCALES, type SupportedLocale } from '@dateline/core';
import * as z from 'zod/mini';
import { englishServiceWords, type ServiceWordCode } from './en.js';
import { SERVICE_WORDS, type ServiceCatalogue } from './index.js';

/** The longest text a site may give one code: longer than any the service ships. */
export const MAX_SITE_WORDS = 2000;

/** The file's shape: languages, each with codes and their words. */
export const SiteWordsSchema = z.record(
  z.string(),
  z.record(z.string(), z.string()),
);

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const isLocale = (tag: string): tag is SupportedLocale =>
  (SUPPORTED_LOCALES as readonly string[]).includes(tag);
const isCode = (code: string): code is ServiceWordCode =>
  Object.hasOwn(englishServiceWords, code);

/**
 * The service's words with a site's in place of the shipped ones, or every problem with what
 * the site gave, one sentence each.
 *
 * @example
 * withSiteWords({ en: { 'held-mail-intro': 'A comment is waiting for you.' } })
 * // { ok: true, words: { en: { …, 'held-mail-intro': 'A comment is waiting for you.' }, km: … } }
 */
export function withSiteWords(
  json: unknown,
): { ok: true; words: ServiceCatalogue } | { ok: false; problems: string[] } {
  const parsed = SiteWordsSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: [
        'it must be a JSON object of languages, each an object of codes and their words as text, such as { "en": { "held-mail-intro": "A comment is waiting for you." } }.',
      ],
    };
  const problems: string[] = [];
  const words = { ...SERVICE_WORDS };
  // The file's own entries, as checked: a parsed record drops a "__proto__" key unseen, and a
  // site must be told about every key it wrote.
  const file = json as Record<string, Record<string, string>>;
  for (const [locale, given] of Object.entries(file)) {
    if (!isLocale(locale)) {
      problems.push(
        `"${shown(locale)}" is not one of the service's languages (${SUPPORTED_LOCALES.join(', ')}).`,
      );
      continue;
    }
    const table: Record<string, string> = { ...SERVICE_WORDS[locale] };
    for (const [code, text] of Object.entries(given)) {
      const where = `${locale} "${shown(code)}"`;
      if (!isCode(code)) {
        problems.push(
          `${where} is not one of the service's words (src/messages/en.ts lists them).`,
        );
        continue;
      }
      const problem = textProblem(text, englishServiceWords[code]);
      if (problem) problems.push(`${where} ${problem}`);
      else table[code] = text;
    }
    words[locale] = table as ServiceCatalogue[SupportedLocale];
  }
  return problems.length ? { ok: false, problems } : { ok: true, words };
}

/** The file's bytes a site's words may take: far more than every code in every language. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads DATELINE_WORDS's file: the service's words with the site's, or why they cannot be
 * used, each problem one sentence that names the file.
 */
export function readSiteWords(
  path: string,
): { ok: true; words: ServiceCatalogue } | { ok: false; problems: string[] } {
  const named = `DATELINE_WORDS (${path})`;
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_FILE_BYTES)
      return {
        ok: false,
        problems: [
          `${named} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        ],
      };
    text = bytes.toString('utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      problems: [
        code === 'ENOENT'
          ? `${named} does not exist.`
          : code === 'EISDIR'
            ? `${named} is a folder, not a file.`
            : `${named} cannot be read (${String(code ?? error)}).`,
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`${named} is not JSON: ${(error as Error).message}`],
    };
  }
  const result = withSiteWords(json);
  return result.ok
    ? result
    : {
        ok: false,
        problems: result.problems.map((problem) => `${named}: ${problem}`),
      };
}

/** What is wrong with a site's text for a code whose English is `english`, if anything. */
function textProblem(text: string, english: string): string | undefined {
  if (text.trim() === '') return 'is empty.';
  if (text.length > MAX_SITE_WORDS)
    return `is longer than ${MAX_SITE_WORDS} characters.`;
  const wanted = placeholders(english);
  const found = placeholders(text);
  if (wanted.join() !== found.join())
    return wanted.length
      ? `must hold ${wanted.map((p) => `{${p}}`).join(', ')}, each once, and no other placeholder.`
      : 'must hold no placeholder: its English has none.';
  // A mail program ends a link at a space: an address followed by anything else breaks it.
  if (/\{(?:site|url)\}(?![\s.]|$)/.test(text))
    return 'must follow {site} and {url} with a space, a full stop or nothing, so the link ends there.';
  return undefined;
}

/** A name from the file as a message may quote it: short, and printable. */
function shown(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return cut.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
}
