import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  overlappingPosts,
  type RunningService,
  startService,
} from './service-process.js';

/** Two processes of the service on one SQLite file, as a site behind a load balancer. */
describe('retries across processes', () => {
  let a: RunningService;
  let b: RunningService;
  beforeAll(async () => {
    // Without the flood limit: every post here comes from this machine's one address.
    a = await startService({ DATELINE_FLOOD_SECONDS: '0' });
    b = await startService({
      DATELINE_DB: a.database,
      DATELINE_FLOOD_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const comment = (body: string) =>
    JSON.stringify({
      author: { name: 'Sokha', email: 'sokha@example.com' },
      body,
    });
  const comments = async (thread: string) =>
    (await (await fetch(`${a.url}/api/threads/${thread}/comments`)).json())
      .comments as Array<{ id: string; body: string }>;

  it('stores one comment and answers 30 overlapping retries split over two processes alike', async () => {
    const responses = await overlappingPosts(
      30,
      (i) => `${i % 2 ? b.url : a.url}/api/threads/shared/comments`,
      { 'content-type': 'application/json', 'idempotency-key': 'one-post' },
      comment('Posted once, retried thirty times'),
    );
    const answers = await Promise.all(
      responses.map(async (r) => `${r.status} ${await r.text()}`),
    );
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect(answers[0]).toMatch(/^201 \{"comment":/);
    const stored = await comments('shared');
    expect(stored.map((c) => c.body)).toEqual([
      'Posted once, retried thirty times',
    ]);
    expect(answers[0]).toContain(stored[0]!.id);
    expect(a.output() + b.output()).not.toMatch(/UNIQUE|SQLITE_/);
  });

  it('refuses the same key with a different comment in the other process, 422', async () => {
    const headers = {
      'content-type': 'application/json',
      'idempotency-key': 'two-posts',
    };
    const first = await fetch(`${a.url}/api/threads/other/comments`, {
      method: 'POST',
      headers,
      body: comment('The first words'),
    });
    expect(first.status).toBe(201);
    const second = await fetch(`${b.url}/api/threads/other/comments`, {
      method: 'POST',
      headers,
      body: comment('Other words'),
    });
    expect(second.status).toBe(422);
    expect((await second.json()).error.message).toContain(
      'already used for a different comment',
    );
    const replay = await fetch(`${b.url}/api/threads/other/comments`, {
      method: 'POST',
      headers,
      body: comment('The first words'),
    });
    expect(replay.status).toBe(201);
    expect(await replay.text()).toBe(await first.text());
    expect((await comments('other')).map((c) => c.body)).toEqual([
      'The first words',
    ]);
  });
});
