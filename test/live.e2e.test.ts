/**
 * Live updates against the running service (`tsx src/server.ts`) in Chromium: what is posted
 * through the API appears in pages already open, a reader's comment awaiting moderation
 * reaches their other tabs and no one else, and a page whose connection dropped still gets
 * what was posted meanwhile.
 */
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import {
  type Bundle,
  bundleComments,
  openSections,
  sectionOf,
} from './live-page.js';
import { startService as startProcess } from './process.js';
import {
  freePort,
  type RunningService,
  startService,
} from './service-process.js';

const TOKEN = 'e2e-live-token-0123456789abcdef';

let service: RunningService;
let browser: Browser;
let bundle: Bundle;

beforeAll(async () => {
  [service, browser, bundle] = await Promise.all([
    startService(
      {
        DATELINE_MODERATION: 'first-time',
        DATELINE_ADMIN_TOKEN: TOKEN,
        DATELINE_FLOOD_SECONDS: '0',
        DATELINE_SHUTDOWN_SECONDS: '1',
      },
      [],
    ),
    chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }),
    bundleComments(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function post(
  url: string,
  threadId: string,
  body: string,
  name = 'Sokha',
): Promise<{ id: string; status: string }> {
  const res = await fetch(`${url}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      author: { name, email: `${name.toLowerCase()}@example.com` },
      body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).comment;
}

async function approve(id: string) {
  const res = await fetch(`${service.url}/api/admin/actions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ action: 'approve', ids: [id] }),
  });
  expect(res.status).toBe(200);
}

/** A reader whose comments are published at once: one approved before. */
async function returningCommenter(name: string) {
  const first = await post(service.url, 'introductions', 'Hello.', name);
  expect(first.status).toBe('pending');
  await approve(first.id);
}

describe('live updates in the browser', () => {
  it('shows a comment posted through the API in a page already open, in its section only, and says so politely', async () => {
    await returningCommenter('Sokha');
    const context = await browser.newContext();
    const live: string[] = [];
    context.on('request', (request) => {
      if (request.url().includes('/api/live')) live.push(request.url());
    });
    const page = await openSections(context, service.url, bundle, [
      'live-one',
      'live-two',
    ]);
    const one = sectionOf(page, 'live-one');
    const two = sectionOf(page, 'live-two');
    await expect
      .poll(() => live.at(-1))
      .toContain('threads=live-one%2Clive-two');

    const comment = await post(
      service.url,
      'live-one',
      'Posted while the page was open.',
    );
    expect(comment.status).toBe('approved');
    await one.locator(`#comment-${comment.id}`).waitFor();
    await expect
      .poll(() =>
        one.locator('section[part="section"] > [role="status"]').textContent(),
      )
      .toBe('1 new comment.');
    expect(await one.locator('h2').textContent()).toBe('Comments (1)');
    expect(await two.locator('article').count()).toBe(0);
    await context.close();
  });

  it('shows a reader’s comment awaiting moderation in their other tab and to no one else, until it is approved', async () => {
    const reader = await browser.newContext();
    const stranger = await browser.newContext();
    const [tab, otherTab] = [
      await openSections(reader, service.url, bundle, ['live-held']),
      await openSections(reader, service.url, bundle, ['live-held']),
    ];
    const strangersPage = await openSections(stranger, service.url, bundle, [
      'live-held',
    ]);

    const form = sectionOf(tab, 'live-held').locator('dateline-comment-form');
    await form.locator('#comment').fill('My first comment here.');
    await form.locator('#author').fill('Dara');
    await form.locator('#email').fill('dara@example.com');
    await form.locator('button[type="submit"]').click();
    const mine = sectionOf(tab, 'live-held').locator('article', {
      hasText: 'My first comment here.',
    });
    await mine.locator('.moderation').waitFor();
    const id = (await mine.getAttribute('id'))!.slice('comment-'.length);

    // The other tab learns of it from this browser, not from the service.
    const inOtherTab = sectionOf(otherTab, 'live-held').locator(
      `#comment-${id}`,
    );
    await inOtherTab.locator('.moderation').waitFor();

    // What the service sends the stranger next comes after it, and it is not there.
    const marker = await post(service.url, 'live-held', 'A later comment.');
    await sectionOf(strangersPage, 'live-held')
      .locator(`#comment-${marker.id}`)
      .waitFor();
    expect(
      await sectionOf(strangersPage, 'live-held').textContent(),
    ).not.toContain('My first comment here.');

    await approve(id);
    await sectionOf(strangersPage, 'live-held')
      .locator(`#comment-${id}`)
      .waitFor();
    await expect.poll(() => inOtherTab.locator('.moderation').count()).toBe(0);
    await reader.close();
    await stranger.close();
  });

  it('gets what was posted while its connection was down: the service stopped and started again', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      DATELINE_MODERATION: 'none',
      DATELINE_FLOOD_SECONDS: '0',
      DATELINE_SHUTDOWN_SECONDS: '0',
    };
    const first = await startProcess(env, { args: [] });
    const context = await browser.newContext();
    let second: Awaited<ReturnType<typeof startProcess>> | undefined;
    try {
      const page = await openSections(context, url, bundle, ['live-restart']);
      const seen = await post(url, 'live-restart', 'Before the restart.');
      const section = sectionOf(page, 'live-restart');
      await section.locator(`#comment-${seen.id}`).waitFor();

      first.child.kill('SIGTERM');
      await first.exited;
      second = await startProcess(
        { ...env, DATELINE_DB: first.database },
        { args: [] },
      );
      // The page's EventSource comes back by itself, a few seconds later, with its last id.
      const missed = await post(url, 'live-restart', 'While it was away.');
      await section
        .locator(`#comment-${missed.id}`)
        .waitFor({ timeout: 20_000 });
      expect(await section.locator('article').count()).toBe(2);
    } finally {
      await context.close();
      first.child.kill('SIGTERM');
      second?.child.kill('SIGTERM');
      await Promise.all([first.exited, second?.exited]);
    }
  }, 90_000);
});
