import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailApp } from '../outbox/test-kit.js';
import { englishServiceWords } from './en.js';
import { SERVICE_WORDS } from './index.js';
import { readSiteWords, withSiteWords } from './overrides.js';

const problemsOf = (json: unknown) => {
  const result = withSiteWords(json);
  return result.ok ? [] : result.problems;
};

describe('a site’s own words for the service', () => {
  it('puts the site’s words in place of the shipped ones, and keeps the rest', () => {
    const result = withSiteWords({
      en: { 'held-mail-intro': 'A comment is waiting for you.' },
      km: { 'held-mail-subject': 'មតិថ្មីពី {name}' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.words.en['held-mail-intro']).toBe(
      'A comment is waiting for you.',
    );
    expect(result.words.en['held-mail-subject']).toBe(
      englishServiceWords['held-mail-subject'],
    );
    expect(result.words.km['held-mail-subject']).toBe('មតិថ្មីពី {name}');
    expect(result.words.vi).toBe(SERVICE_WORDS.vi);
    // The shipped words are untouched, for every other service in the process.
    expect(SERVICE_WORDS.en['held-mail-intro']).toBe(
      englishServiceWords['held-mail-intro'],
    );
  });

  it('takes an empty file, or a language with nothing in it', () => {
    expect(withSiteWords({})).toEqual({ ok: true, words: SERVICE_WORDS });
    expect(withSiteWords({ th: {} }).ok).toBe(true);
  });

  it('says what is wrong with each word it cannot use, all at once', () => {
    expect(
      problemsOf({
        fr: { 'held-mail-intro': 'Un commentaire vous attend.' },
        // As a file holds it: a key of its own, not the object's prototype.
        ...JSON.parse('{"__proto__": { "held-mail-intro": "x" }}'),
        en: {
          'held-mail-introduction': 'A comment is waiting.',
          constructor: 'x',
          'held-mail-intro': '   ',
          'held-mail-subject': 'A comment awaits moderation',
          'held-mail-once': 'Use one, once, until {time} or {when}.',
          'mail-stop': 'To stop, open {url}។',
          'sign-in-title': 'x'.repeat(2001),
        },
      }),
    ).toEqual([
      '"fr" is not one of the service\'s languages (en, km, vi, id, th, zh-Hans, zh-Hant, ar).',
      '"__proto__" is not one of the service\'s languages (en, km, vi, id, th, zh-Hans, zh-Hant, ar).',
      'en "held-mail-introduction" is not one of the service\'s words (src/messages/en.ts lists them).',
      'en "constructor" is not one of the service\'s words (src/messages/en.ts lists them).',
      'en "held-mail-intro" is empty.',
      'en "held-mail-subject" must hold {name}, each once, and no other placeholder.',
      'en "held-mail-once" must hold {time}, each once, and no other placeholder.',
      'en "mail-stop" must follow {site} and {url} with a space, a full stop or nothing, so the link ends there.',
      'en "sign-in-title" is longer than 2000 characters.',
    ]);
  });

  it('refuses what is not languages of codes and texts', () => {
    for (const json of [
      null,
      [],
      'words',
      { en: 'Sign in' },
      { en: { 'sign-in-title': 42 } },
      { en: ['Sign in'] },
    ])
      expect(problemsOf(json)).toEqual([
        'it must be a JSON object of languages, each an object of codes and their words as text, such as { "en": { "held-mail-intro": "A comment is waiting for you." } }.',
      ]);
  });

  it('reads the file, naming it in every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-words-'));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const good = file(
      'good.json',
      JSON.stringify({ en: { 'sign-in-title': 'Log in' } }),
    );
    const read = readSiteWords(good);
    expect(read.ok && read.words.en['sign-in-title']).toBe('Log in');

    const missing = join(dir, 'missing.json');
    expect(readSiteWords(missing)).toEqual({
      ok: false,
      problems: [`DATELINE_WORDS (${missing}) does not exist.`],
    });
    expect(readSiteWords(dir)).toEqual({
      ok: false,
      problems: [`DATELINE_WORDS (${dir}) is a folder, not a file.`],
    });
    const broken = file('broken.json', '{ "en": ');
    const notJson = readSiteWords(broken);
    expect(notJson.ok).toBe(false);
    if (!notJson.ok)
      expect(notJson.problems[0]).toMatch(
        new RegExp(`^DATELINE_WORDS \\(${broken}\\) is not JSON: `),
      );
    const huge = file('huge.json', ' '.repeat(4 * 1024 * 1024 + 1));
    expect(readSiteWords(huge)).toEqual({
      ok: false,
      problems: [`DATELINE_WORDS (${huge}) is larger than 4 MB.`],
    });
    const wrong = file(
      'wrong.json',
      JSON.stringify({ en: { 'sign-in-title': '' } }),
    );
    expect(readSiteWords(wrong)).toEqual({
      ok: false,
      problems: [`DATELINE_WORDS (${wrong}): en "sign-in-title" is empty.`],
    });
  });
});

describe('a service with a site’s own words', () => {
  it('writes them in its pages, its answers and its mails, and the shipped words elsewhere', async () => {
    const site = withSiteWords({
      en: {
        'sign-in-title': 'Log in to the newsroom',
        'held-mail-subject': 'To moderate: a comment by {name}',
        'api-not-json': 'That was not JSON.',
      },
      km: { 'confirm-mail-subject': 'សូមបញ្ជាក់អ៊ីមែលរបស់អ្នក' },
    });
    if (!site.ok) throw new Error(site.problems.join(' '));
    const kit = mailApp({ words: site.words });

    const page = await (await kit.request('/admin/sign-in')).text();
    expect(page).toContain('<h1>Log in to the newsroom</h1>');
    const refused = await kit.request('/api/threads/kh-2025/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect((await refused.json()).error.message).toBe('That was not JSON.');

    await kit.comment('A comment to moderate.', { notify: true }, 'kh-2025', {
      'accept-language': 'km',
    });
    await kit.worker.runOnce();
    expect(kit.mailsTo('editor@news.example')[0]!.subject).toBe(
      'To moderate: a comment by Sokha',
    );
    expect(kit.mailsTo('sokha@example.com')[0]!.subject).toBe(
      'សូមបញ្ជាក់អ៊ីមែលរបស់អ្នក',
    );
    // Another service in the same process keeps the shipped words.
    const other = mailApp();
    expect(await (await other.request('/admin/sign-in')).text()).toContain(
      `<h1>${englishServiceWords['sign-in-title']}</h1>`,
    );
  });
});
