import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readIn,
  type ReadFeed,
  xssPayloads,
} from '../src/render/atom-reader.js';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { startService, type RunningService } from './service-process.js';

const TOKEN = 'feeds-e2e-admin-token-0123456789';

let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  // Every post comes from 127.0.0.1; the flood limit is tested in src/app.test.ts. First-time
  // commenters are held, as a site that runs `npm run serve` holds them.
  service = await startService({
    DATELINE_FLOOD_SECONDS: '0',
    DATELINE_MODERATION: 'first-time',
    DATELINE_ADMIN_TOKEN: TOKEN,
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

interface Posted {
  id: string;
  status: string;
  body: string;
}

async function post(
  threadId: string,
  author: { name: string; email: string; url?: string },
  body: string,
): Promise<Posted> {
  const res = await fetch(`${service.url}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author, body }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).comment as Posted;
}

async function moderate(id: string, status: string): Promise<void> {
  const res = await fetch(`${service.url}/api/admin/comments/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ status }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The feed at `href`, fetched by the page as a feed reader in the browser would. */
async function feedIn(
  page: Page,
  href: string,
): Promise<{ xml: string; type: string | null; feed: ReadFeed }> {
  const { xml, type } = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return { xml: await res.text(), type: res.headers.get('content-type') };
  }, href);
  const result = await readIn(page, xml);
  if ('error' in result)
    throw new Error(`Not well-formed XML: ${result.error}`);
  return { xml, type, feed: result.feed };
}

describe('Atom feeds of the seed page’s comments', () => {
  it('are linked from the page, and hold the approved comments a reader sees, newest first, hostile ones as text', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(service.url);
    const threadId = await page
      .locator('dateline-comments')
      .getAttribute('thread-id');
    expect(threadId).toBeTruthy();
    const links = await page.$$eval(
      'head link[rel="alternate"][type="application/atom+xml"]',
      (found) =>
        found.map((l) => ({
          title: l.getAttribute('title'),
          href: (l as HTMLLinkElement).href,
        })),
    );
    expect(links).toEqual([
      {
        title: 'Comments on this article',
        href: `${service.url}/feeds/threads/${threadId}/comments.atom`,
      },
      {
        title: 'All comments on Dateline',
        href: `${service.url}/feeds/comments.atom`,
      },
    ]);
    const [thread, site] = links.map((l) => l.href) as [string, string];

    const empty = await feedIn(page, thread);
    expect(empty.type).toBe('application/atom+xml; charset=utf-8');
    expect(empty.feed.entries).toEqual([]);

    // A first-time commenter is held, then approved; from then on published at once.
    const sokha = { name: 'Sokha', email: 'sokha.private@mail.example' };
    const first = await post(threadId!, sokha, 'Thank you for the numbers.');
    expect(first.status).toBe('pending');
    expect((await feedIn(page, thread)).feed.entries).toEqual([]);
    await moderate(first.id, 'approved');
    const second = await post(
      threadId!,
      sokha,
      'And for naming the provinces.',
    );
    expect(second.status).toBe('approved');

    // Hostile text, approved by a moderator who did not look closely.
    // As the form would take them: no control characters, nothing to trim.
    const payloads = xssPayloads().filter(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: leaving out what the form refuses.
      (p) => !/[\u0000-\u001f]/.test(p) && p.trim() === p,
    );
    const hostileName = payloads.find((p) => p.includes('<script>'))!;
    const hostileBody = payloads.slice(0, 40).join('\n');
    const hostile = await post(
      threadId!,
      {
        name: hostileName,
        email: 'hostile.private@mail.example',
        url: 'https://hostile.example/?a=1&b=<x>',
      },
      hostileBody,
    );
    await moderate(hostile.id, 'approved');
    // Held, spam and deleted comments stay out.
    await post(
      threadId!,
      { name: 'Held', email: 'held.private@mail.example' },
      'HELD-BODY',
    );
    const spam = await post(
      threadId!,
      { name: 'Spam', email: 'spam.private@mail.example' },
      'SPAM-BODY',
    );
    await moderate(spam.id, 'spam');
    const gone = await post(
      threadId!,
      { name: 'Gone', email: 'gone.private@mail.example' },
      'DELETED-BODY',
    );
    await moderate(gone.id, 'approved');
    await moderate(gone.id, 'deleted');

    const { xml, feed } = await feedIn(page, thread);
    expect(feed.entries.map((e) => e.content)).toEqual([
      hostileBody,
      'And for naming the provinces.',
      'Thank you for the numbers.',
    ]);
    // The service names the seed article's thread by its headline.
    const headline = await page.locator('dateline-article h1').textContent();
    expect(feed.entries[0]).toMatchObject({
      title: `${hostileName} on ${headline}`,
      authors: [
        {
          name: hostileName,
          uri: 'https://hostile.example/?a=1&b=<x>',
          email: null,
        },
      ],
    });
    for (const hidden of ['HELD-BODY', 'SPAM-BODY', 'DELETED-BODY', '@'])
      expect(xml).not.toContain(hidden);

    // The feed and the thread's API agree on what is published.
    const api = await (
      await fetch(
        `${service.url}/api/threads/${threadId}/comments?order=newest`,
      )
    ).json();
    expect(feed.entries.map((e) => e.content)).toEqual(
      api.comments.map((c: { body: string }) => c.body),
    );

    const siteFeed = await feedIn(page, site);
    expect(siteFeed.feed.entries.map((e) => e.id)).toEqual(
      feed.entries.map((e) => e.id),
    );
    expect(siteFeed.xml).not.toContain('@');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('answers a feed reader’s repeat request with 304 until a comment is published', async () => {
    const href = `${service.url}/feeds/threads/feeds-etag/comments.atom`;
    const first = await fetch(href);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(href, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    const comment = await post(
      'feeds-etag',
      { name: 'Dara', email: 'dara.private@mail.example' },
      'Published after the first read.',
    );
    // Held: the feed has not changed.
    expect(
      (await fetch(href, { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
    await moderate(comment.id, 'approved');
    const changed = await fetch(href, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Published after the first read.');
  });

  it('says in plain words when the address names no thread', async () => {
    const res = await fetch(
      `${service.url}/feeds/threads/${encodeURIComponent('<script>')}/comments.atom`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^That is not a thread id/);
  });
});
