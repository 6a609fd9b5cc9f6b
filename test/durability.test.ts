import { describe, expect, it } from 'vitest';
import { startService } from './service-process.js';

describe('nothing is lost', () => {
  it('keeps every comment that got a 201 through kill -9 and a restart', async () => {
    const first = await startService({ DATELINE_FLOOD_SECONDS: '0' });
    const ids: string[] = [];
    try {
      for (let i = 0; i < 20; i += 1) {
        const res = await fetch(`${first.url}/api/threads/durable/comments`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `k${i}`,
          },
          body: JSON.stringify({
            author: { name: `Reader ${i}`, email: `r${i}@example.com` },
            body: `Comment ${i}`,
          }),
        });
        expect(res.status).toBe(201);
        ids.push((await res.json()).comment.id);
      }
    } finally {
      await first.stop('SIGKILL');
    }
    expect(first.process.signalCode).toBe('SIGKILL');

    const second = await startService({
      DATELINE_DB: first.database,
      DATELINE_FLOOD_SECONDS: '0',
    });
    try {
      const list = await (
        await fetch(`${second.url}/api/threads/durable/comments?limit=200`)
      ).json();
      expect(list.total).toBe(20);
      expect(list.comments.map((c: { id: string }) => c.id)).toEqual(ids);
      // and the idempotency keys survived too: a retry after the crash does not post twice
      const retry = await fetch(`${second.url}/api/threads/durable/comments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'k19',
        },
        body: JSON.stringify({
          author: { name: 'Reader 19', email: 'r19@example.com' },
          body: 'Comment 19',
        }),
      });
      expect((await retry.json()).comment.id).toBe(ids[19]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
