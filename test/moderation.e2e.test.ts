/**
 * The moderation page and the admin API against the running service (`tsx src/server.ts`),
 * with first-time moderation and the admin token: readers post, a moderator approves, block
 * lists hold and refuse new comments, another site cannot moderate, and the page works at
 * phone width in Chromium (its screenshot is the README's).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { root, type RunningService, startService } from './service-process.js';

const TOKEN = 'e2e-moderation-token-0123456789abcdef';
const THREAD = 'cambodia-cybercrime-crackdown-2025-07';
const HEADLINE =
  'Cambodia lets loose the cannons on human trafficking, arresting more than 1,000 in large-scale operation targeting cybercrime rings across the country.';

let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  service = await startService(
    {
      DATELINE_ADMIN_TOKEN: TOKEN,
      DATELINE_MODERATION: 'first-time',
      DATELINE_FLOOD_SECONDS: '0',
      // Readers come through a proxy that says who they are, so each has an address.
      DATELINE_TRUST_PROXY: 'true',
    },
    [],
  );
  // `npm test` builds the packages first, so /cdn/moderation.js is the shipped module.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

function post(
  body: string,
  author: { name: string; email: string; url?: string },
  address: string,
  extra: Record<string, unknown> = {},
) {
  return fetch(`${service.url}/api/threads/${THREAD}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
    },
    body: JSON.stringify({ author, body, ...extra }),
  });
}
async function posted(...args: Parameters<typeof post>) {
  const res = await post(...args);
  expect(res.status).toBe(201);
  return (await res.json()).comment as { id: string; status: string };
}

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/admin${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  });

async function readerSees(): Promise<string[]> {
  const page = await (
    await fetch(`${service.url}/api/threads/${THREAD}/comments`)
  ).json();
  return page.comments.map((c: { id: string }) => c.id);
}

async function statusOf(id: string, queue: string): Promise<boolean> {
  const page = await (
    await admin(`/comments?status=${queue}&limit=100`)
  ).json();
  return page.comments.some((c: { id: string }) => c.id === id);
}

describe('moderating the running service', () => {
  it('holds a first comment until a moderator approves it; then the reader sees it', async () => {
    const first = await posted(
      'Thank you for listing the arrests by nationality.',
      { name: 'Sokha', email: 'sokha@example.com' },
      '203.0.113.10',
    );
    expect(first.status).toBe('pending');
    expect(await readerSees()).not.toContain(first.id);

    const res = await admin('/actions', {
      method: 'POST',
      body: JSON.stringify({ action: 'approve', ids: [first.id] }),
    });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.entry).toMatchObject({
      action: 'approve',
      actor: 'token',
      items: [{ commentId: first.id, from: 'pending', to: 'approved' }],
    });
    expect(await readerSees()).toContain(first.id);

    // A returning commenter is published at once, as WordPress does.
    const again = await posted(
      'And for the follow-up.',
      { name: 'Sokha', email: 'sokha@example.com' },
      '203.0.113.10',
    );
    expect(again.status).toBe('approved');
  });

  it('holds and refuses new comments by the block lists', async () => {
    const saved = await admin('/blocklists', {
      method: 'PUT',
      body: JSON.stringify({
        hold: { words: ['casino'], emails: [], addresses: [] },
        refuse: { words: [], emails: ['@spam.example'], addresses: [] },
      }),
    });
    expect(saved.status).toBe(200);

    // A returning commenter's comment with a held word waits for a moderator.
    const held = await posted(
      'The casino compounds were raided too.',
      { name: 'Sokha', email: 'sokha@example.com' },
      '203.0.113.10',
    );
    expect(held.status).toBe('pending');
    expect(await statusOf(held.id, 'pending')).toBe(true);

    // A refused sender is told what any held commenter is told, and its comment is spam.
    const refused = await posted(
      'Great post, visit my site',
      { name: 'Bot', email: 'bot@SPAM.example' },
      '198.51.100.7',
    );
    expect(refused.status).toBe('pending');
    expect(await statusOf(refused.id, 'spam')).toBe(true);

    // Blocking the address of a comment, named by its token alone, refuses the next from it.
    const row = (
      await (await admin('/comments?status=spam')).json()
    ).comments.find((c: { id: string }) => c.id === refused.id);
    const lists = await (await admin('/blocklists')).json();
    const blocked = await admin('/blocklists', {
      method: 'PUT',
      body: JSON.stringify({
        hold: { ...lists.hold, addresses: [] },
        refuse: { ...lists.refuse, addresses: [row.addressToken] },
      }),
    });
    const text = await blocked.text();
    expect(text).not.toContain('198.51.100.7');
    const fromThere = await posted(
      'Another innocent comment',
      { name: 'Someone', email: 'someone@example.com' },
      '198.51.100.7',
    );
    expect(fromThere.status).toBe('pending');
    expect(await statusOf(fromThere.id, 'spam')).toBe(true);
  });

  it('cannot be moderated by a form on another site', async () => {
    const held = await posted(
      'Waiting for a moderator.',
      { name: 'Dara', email: 'dara@example.com' },
      '203.0.113.20',
    );
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<
      Record<string, string>
    >) {
      const res = await fetch(`${service.url}/api/admin/actions`, {
        method: 'POST',
        headers: {
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: `action=approve&ids=${held.id}`,
      });
      expect(res.status).toBe(403);
    }
    expect(await statusOf(held.id, 'pending')).toBe(true);
    expect(await readerSees()).not.toContain(held.id);
    // and nobody moderates without the token
    const anonymous = await fetch(`${service.url}/api/admin/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve', ids: [held.id] }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('the /admin page in Chromium', () => {
  /** The page with the moderator's token sent by the browser, never put in a URL. */
  async function openAdmin(
    width: number,
    { locale, path = '/admin' }: { locale?: string; path?: string } = {},
  ): Promise<Page & { problems: string[] }> {
    const page = (await browser.newPage({
      viewport: { width, height: 844 },
      deviceScaleFactor: 2,
      // The browser's language, which it sends as Accept-Language.
      ...(locale ? { locale } : {}),
    })) as Page & { problems: string[] };
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') page.problems.push(m.text());
    });
    // Name what failed to load, which the console's message leaves out.
    page.on('response', (r) => {
      if (r.status() >= 400) page.problems.push(`${r.status()} ${r.url()}`);
    });
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${TOKEN}` });
    await page.goto(`${service.url}${path}`);
    expect(page.url()).not.toContain(TOKEN);
    await page.locator('dateline-moderation article.comment').first().waitFor();
    return page;
  }

  it('approves from the keyboard, and the reader sees the comment', async () => {
    await admin(`/threads/${THREAD}`, {
      method: 'PUT',
      body: JSON.stringify({ title: HEADLINE }),
    });
    const waiting = await posted(
      'Which provinces were the raids in?',
      { name: 'Chenda', email: 'chenda@example.com' },
      '203.0.113.30',
    );
    const page = await openAdmin(1024);
    expect(await page.title()).toMatch(/^\(\d+\) Moderation · Dateline$/);
    const first = page.locator('dateline-moderation article.comment').first();
    await expect(first.getAttribute('id')).resolves.toBe(
      `comment-${waiting.id}`,
    );
    await expect(first.locator('.where').textContent()).resolves.toContain(
      'Cambodia lets loose the cannons',
    );
    await first.focus();
    await page.keyboard.press('a');
    await page
      .locator(`dateline-moderation #comment-${waiting.id}`)
      .waitFor({ state: 'detached' });
    await expect(
      page.locator('dateline-moderation .notice').textContent(),
    ).resolves.toContain('Approved 1 comment.');
    expect(await readerSees()).toContain(waiting.id);
    expect(page.problems).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone, and is the README’s screenshot', async () => {
    await admin(`/threads/${THREAD}`, {
      method: 'PUT',
      body: JSON.stringify({ title: HEADLINE }),
    });
    const parent = await posted(
      'The report counts more than 1,000 arrests in 15 provinces.',
      { name: 'Sophea', email: 'sophea@example.com' },
      '203.0.113.39',
    );
    await admin('/actions', {
      method: 'POST',
      body: JSON.stringify({ action: 'approve', ids: [parent.id] }),
    });
    await posted(
      'Thank you for naming the provinces.',
      { name: 'Sreymom', email: 'sreymom@example.com' },
      '203.0.113.41',
    );
    await posted(
      'The breakdown by nationality adds up to fewer than 1,000. Where are the others? https://example.org/breakdown',
      {
        name: 'Vannak',
        email: 'vannak@example.com',
        url: 'https://vannak.example',
      },
      '203.0.113.40',
      { parentId: parent.id },
    );
    const page = await openAdmin(390);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // `npm run screenshot` sets DATELINE_SCREENSHOTS to take the README's picture again; a
    // plain test run leaves the tracked file alone.
    const folder = process.env.DATELINE_SCREENSHOTS
      ? join(root, 'examples/moderation')
      : mkdtempSync(join(tmpdir(), 'dateline-moderation-'));
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, 'screenshot-phone.png') });
    expect(page.problems).toEqual([]);
    await page.close();
  });

  it('speaks the moderator’s language, from the browser or a link, and fits a 320 px phone in it', async () => {
    await posted(
      'ខ្ញុំចង់ដឹងថាតើមានជនជាតិខ្មែរប៉ុន្មាននាក់ត្រូវបានចាប់ខ្លួនក្នុងប្រតិបត្តិការនេះ',
      { name: 'សុខា', email: 'sokha.km@example.com' },
      '203.0.113.50',
    );
    for (const [options, lang, dir] of [
      [{ locale: 'km-KH' }, 'km', 'ltr'],
      [{ locale: 'th-TH' }, 'th', 'ltr'],
      [{ locale: 'zh-TW' }, 'zh-Hant', 'ltr'],
      [{ path: '/admin?lang=ar' }, 'ar', 'rtl'],
    ] as const) {
      const page = await openAdmin(320, options);
      const root = page.locator('dateline-moderation .moderation');
      await expect(
        page.evaluate(() => [document.documentElement.lang, document.dir]),
      ).resolves.toEqual([lang, dir]);
      await expect(root.getAttribute('lang')).resolves.toBe(lang);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, lang).toBeLessThanOrEqual(0);
      // The current comment's rule is on the side its language starts from.
      const rule = await page
        .locator('dateline-moderation article.comment.current')
        .evaluate((node) => {
          const style = getComputedStyle(node);
          return [style.borderLeftWidth, style.borderRightWidth];
        });
      expect(rule, lang).toEqual(
        dir === 'rtl' ? ['1px', '4px'] : ['4px', '1px'],
      );
      expect(page.problems, lang).toEqual([]);
      await page.close();
    }
  });
});
