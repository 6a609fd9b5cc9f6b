/**
 * Live updates across instances: two processes of the service (`tsx src/server.ts`) on one
 * PostgreSQL (DATABASE_URL), as behind a load balancer. A reader connected to one sees what is
 * posted through the other, through PostgreSQL's LISTEN/NOTIFY.
 */
import { LiveChangeSchema } from '@dateline/core';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../src/live/test-kit.js';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import {
  type Bundle,
  bundleComments,
  openSections,
  sectionOf,
} from './live-page.js';
import { type PostgresServer, startPostgres } from './postgres.js';
import { type RunningService, startService } from './service-process.js';

let postgres: PostgresServer;
let a: RunningService;
let b: RunningService;
let browser: Browser;
let bundle: Bundle;

beforeAll(async () => {
  postgres = await startPostgres();
  const env = {
    DATABASE_URL: await postgres.createDatabase(),
    DATELINE_MODERATION: 'none',
    DATELINE_FLOOD_SECONDS: '0',
    DATELINE_SHUTDOWN_SECONDS: '1',
  };
  [a, b, browser, bundle] = await Promise.all([
    startService(env, []),
    startService(env, []),
    chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }),
    bundleComments(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await postgres?.stop();
});

async function post(url: string, threadId: string, body: string) {
  const res = await fetch(`${url}/api/threads/${threadId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      author: { name: 'Sokha', email: 'sokha@example.com' },
      body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).comment as { id: string; status: string };
}

describe('two instances on one PostgreSQL', () => {
  it('shows a reader connected to one a comment posted through the other', async () => {
    const context = await browser.newContext();
    const page = await openSections(context, a.url, bundle, ['across']);
    const section = sectionOf(page, 'across');
    const comment = await post(b.url, 'across', 'Posted through the other.');
    expect(comment.status).toBe('approved');
    await section.locator(`#comment-${comment.id}`).waitFor();
    expect(await section.locator('h2').textContent()).toBe('Comments (1)');
    await context.close();
  });

  it('tells the stream of each instance what is posted through the other', async () => {
    const streams = await Promise.all(
      [a, b].map(async (service) => {
        const res = await fetch(`${service.url}/api/live?threads=both-ways`);
        expect(res.status).toBe(200);
        const reader = readEvents(res);
        expect((await reader.nextEvent()).event).toBe('ready');
        return reader;
      }),
    );
    try {
      const throughA = await post(a.url, 'both-ways', 'Through a.');
      const throughB = await post(b.url, 'both-ways', 'Through b.');
      for (const reader of streams) {
        const seen: string[] = [];
        while (seen.length < 2) {
          const event = await reader.nextEvent();
          expect(event.event).toBe('change');
          seen.push(
            ...LiveChangeSchema.parse(JSON.parse(event.data)).comments.map(
              (c) => c.id,
            ),
          );
        }
        expect(seen.sort()).toEqual([throughA.id, throughB.id].sort());
      }
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });
});
