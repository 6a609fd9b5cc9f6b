/**
 * Every language we ship, proven in Chromium against the running service: the seed page and
 * each state of its comment section and form, and the moderation page with a queue, show no
 * English a translation exists for (or should), axe finds nothing, the interface's text says
 * its language with `lang`, Arabic runs right to left, and nothing sticks out of a 320 px
 * screen. A failure names the language, the state, the text or element and why: a string not
 * translated yet, translated but not built, or translated and built yet not shown (the element's
 * fault). The pages load the built script-tag bundle, as a reader's browser does: run it after
 * `npm run build` (and `npm run locales` once the translations change).
 */
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCALES,
  type Locale,
} from '../packages/elements/src/shared/localize.js';
import { directionOf } from '../src/routes/pages.js';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import {
  axeViolations,
  catalogue,
  type Matcher,
  matcher,
  problemsIn,
  sectionTakenOver,
  snapshot,
} from './languages.js';
import { type RunningService, startService } from './service-process.js';

const TOKEN = 'e2e-languages-token-0123456789abcdef';
const THREAD = 'cambodia-cybercrime-crackdown-2025-07';
const WIDTH = 320;
const TIMEOUT = 240_000;

type Shipped = Exclude<Locale, 'en'>;
const SHIPPED = LOCALES.filter((l): l is Shipped => l !== 'en');

let service: RunningService;
let browser: Browser;
const words = new Map<Shipped, Matcher>();

beforeAll(async () => {
  service = await startService(
    {
      DATELINE_ADMIN_TOKEN: TOKEN,
      // A first comment waits for a moderator, so the form's "held" notice can be seen.
      DATELINE_MODERATION: 'first-time',
      DATELINE_FLOOD_SECONDS: '0',
    },
    [],
  );
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  for (const locale of SHIPPED)
    words.set(
      locale,
      matcher(catalogue(locale), {
        // An English word inside a Khmer, Thai, Chinese or Arabic text is English left.
        inside: new Intl.Locale(locale).maximize().script !== 'Latn',
      }),
    );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

type Watched = Page & { problems: string[] };

/** A 320 px page that records what went wrong on it: errors, and requests that failed. */
async function open(headers: Record<string, string> = {}): Promise<Watched> {
  const page = (await browser.newPage({
    viewport: { width: WIDTH, height: 800 },
  })) as Watched;
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A failed request is recorded below, with its address, which this message lacks.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      page.problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) page.problems.push(`${r.status()} ${r.url()}`);
  });
  if (Object.keys(headers).length) await page.setExtraHTTPHeaders(headers);
  return page;
}

/**
 * Waits for `selector` (through shadow roots); if it never shows, fails saying what went
 * wrong on the page and what the elements show instead.
 */
async function appears(page: Watched, selector: string): Promise<void> {
  try {
    await page.locator(selector).first().waitFor({ timeout: 20_000 });
  } catch (error) {
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('dateline-'))
        .map(
          (el) =>
            `<${el.localName}>: ${(el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 400)}`,
        )
        .join('\n'),
    );
    throw new Error(
      `${selector} did not appear.\nProblems on the page: ${page.problems.join('; ') || 'none'}\nThe elements show:\n${shown}`,
      { cause: error },
    );
  }
}

/** Which side of its box a text starts on: "start" is left in ltr, right in rtl. */
async function sideOf(page: Page, selector: string, box: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el, box) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // A control has no text of its own: its box is where it sits.
      const text = el.textContent?.trim()
        ? range.getBoundingClientRect()
        : el.getBoundingClientRect();
      // The box may be in a shadow root above: walk up through hosts.
      let around: Element | null = null;
      for (let node: Node | null = el; node && !around; ) {
        if (node instanceof Element && node.matches(box)) around = node;
        node = node instanceof ShadowRoot ? node.host : node.parentNode;
      }
      const outer = (around ?? el).getBoundingClientRect();
      return outer.right - text.right < text.left - outer.left
        ? 'right'
        : 'left';
    }, box);
}

/**
 * Everything a state of a page is checked for, each problem labelled with the state: English
 * left, axe, `lang`, direction and width, and, where given, the sides its labels sit on.
 */
async function check(
  page: Watched,
  locale: Shipped,
  state: string,
  sides: Array<[selector: string, box: string]> = [],
): Promise<string[]> {
  const found = problemsIn(await snapshot(page), locale, words.get(locale)!);
  for (const violation of await axeViolations(page))
    found.push(`axe: ${violation}`);
  const start = directionOf(locale) === 'rtl' ? 'right' : 'left';
  for (const [selector, box] of sides) {
    const side = await sideOf(page, selector, box);
    if (side !== start)
      found.push(
        `mirror: ${selector} sits at the ${side} of ${box}, not at the ${start}, where ${locale} starts`,
      );
  }
  found.push(...page.problems.splice(0));
  return found.map((problem) => `[${state}] ${problem}`);
}

/** The problems of every state, each once, with the states it was found in. */
function report(problems: string[]): string[] {
  const states = new Map<string, string[]>();
  for (const problem of problems) {
    const [, state = '', rest = problem] =
      /^\[([^\]]*)\] (.*)$/s.exec(problem) ?? [];
    states.set(rest, [...(states.get(rest) ?? []), state]);
  }
  return [...states].map(([rest, where]) => `${rest} [${where.join('; ')}]`);
}

const FORM_SIDES: Array<[string, string]> = [
  ['dateline-comment-form label[for="comment"]', 'form'],
  ['dateline-comments h2#comments-title', 'section'],
];

async function openSeedPage(locale: Shipped): Promise<Watched> {
  const page = await open();
  await page.goto(`${service.url}/?lang=${locale}`);
  await appears(page, 'dateline-article h1');
  await page.locator('dateline-comments').scrollIntoViewIfNeeded();
  await sectionTakenOver(page);
  return page;
}

describe('the seed page and its comment form, in every language we ship', () => {
  it.each(SHIPPED)(
    '%s: an empty thread, the form’s errors after an empty submit, and a held comment’s notice',
    async (locale) => {
      const page = await openSeedPage(locale);
      const problems: string[] = [];
      await appears(page, 'dateline-comments .empty');
      problems.push(...(await check(page, locale, 'empty thread', FORM_SIDES)));

      const form = page.locator('dateline-comment-form').last();
      await form.locator('button[part="submit"]').click();
      await appears(page, 'dateline-comment-form #comment-error');
      await appears(page, 'dateline-comment-form #author-error');
      problems.push(...(await check(page, locale, 'field errors', FORM_SIDES)));

      await form
        .locator('#comment')
        .fill(`A first comment, read in ${locale}.`);
      await form.locator('#author').fill(`Reader ${locale}`);
      await form.locator('#email').fill(`reader-${locale}@example.com`);
      await form.locator('button[part="submit"]').click();
      await appears(page, 'dateline-comments article p.moderation');
      problems.push(...(await check(page, locale, 'held comment')));
      await page.close();
      expect(report(problems), `${locale}: the seed page`).toEqual([]);
    },
    TIMEOUT,
  );
});

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/admin${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    },
  });

/** Posts a comment and has a moderator approve it: a reader then sees it. */
async function published(
  author: { name: string; email: string },
  body: string,
  parentId?: string,
): Promise<string> {
  const res = await fetch(`${service.url}/api/threads/${THREAD}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author, body, ...(parentId ? { parentId } : {}) }),
  });
  expect(res.status).toBe(201);
  const { comment } = (await res.json()) as { comment: { id: string } };
  const approved = await admin('/actions', {
    method: 'POST',
    body: JSON.stringify({ action: 'approve', ids: [comment.id] }),
  });
  expect(approved.status).toBe(200);
  return comment.id;
}

describe('a thread with approved comments and replies, in every language we ship', () => {
  beforeAll(async () => {
    const first = await published(
      { name: 'Sokha', email: 'sokha@example.com' },
      'Thank you for listing the arrests by nationality.',
    );
    await published(
      { name: 'Lan', email: 'lan@example.com' },
      'Which provinces were the raids in?',
    );
    await published(
      { name: 'Dara', email: 'dara@example.com' },
      'The report names five of them.',
      first,
    );
  });

  it.each(SHIPPED)(
    '%s: the comments with their replies, and the reply form open',
    async (locale) => {
      const page = await openSeedPage(locale);
      const problems: string[] = [];
      await appears(page, 'dateline-comments li ol article');
      problems.push(...(await check(page, locale, 'comments and replies')));

      await page.locator('dateline-comments button.reply').first().click();
      await appears(page, 'dateline-comment-form h3 bdi');
      problems.push(
        ...(await check(page, locale, 'reply form open', [
          ['dateline-comment-form label[for="comment"]', 'form'],
        ])),
      );
      await page.close();
      expect(report(problems), `${locale}: the comment section`).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('the moderation page, signed in, with a queue, in every language we ship', () => {
  beforeAll(async () => {
    const res = await fetch(`${service.url}/api/threads/${THREAD}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        author: { name: 'Chenda', email: 'chenda@example.com' },
        body: 'How many of those arrested were Cambodian?',
      }),
    });
    expect(
      ((await res.json()) as { comment: { status: string } }).comment.status,
    ).toBe('pending');
  });

  it.each(SHIPPED)(
    '%s: the queue of held comments',
    async (locale) => {
      const page = await open({ authorization: `Bearer ${TOKEN}` });
      await page.goto(`${service.url}/admin?lang=${locale}`);
      await appears(page, 'dateline-moderation article.comment');
      const problems = await check(page, locale, 'moderation queue', [
        ['dateline-moderation article.comment input.select', 'article'],
      ]);
      await page.close();
      expect(report(problems), `${locale}: the moderation page`).toEqual([]);
    },
    TIMEOUT,
  );
});
