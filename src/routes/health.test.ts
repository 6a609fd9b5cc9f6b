import { describe, expect, it } from 'vitest';
import {
  type CommentRepository,
  StorageUnavailableError,
} from '../repository/types.js';
import { health, storageHealth } from './health.js';

/** A repository whose writability the test decides, counting the checks. */
function store() {
  const state = { full: false, checks: 0 };
  const repository = {
    async checkWritable(room: number) {
      state.checks += 1;
      expect(room).toBe(1000);
      if (state.full)
        throw new StorageUnavailableError('full', 'The database is full.');
    },
  } as unknown as CommentRepository;
  return { state, repository };
}

describe('storageHealth', () => {
  it('writes for real at most once an interval, however often it is asked', async () => {
    const { state, repository } = store();
    let now = 0;
    const storage = storageHealth(repository, {
      room: 1000,
      intervalMs: 1000,
      clock: () => now,
    });
    await Promise.all(Array.from({ length: 20 }, () => storage.check()));
    expect(state.checks).toBe(1);
    now = 999;
    await storage.check();
    expect(state.checks).toBe(1);
    now = 1000;
    state.full = true;
    expect((await storage.check())?.problem).toBe('full');
    expect(state.checks).toBe(2);
    now = 2000;
    state.full = false;
    expect(await storage.check()).toBeUndefined();
  });

  it('reports a failure a request met at once, until a later check passes', async () => {
    const { repository } = store();
    let now = 0;
    const storage = storageHealth(repository, {
      room: 1000,
      clock: () => now,
    });
    expect(await storage.check()).toBeUndefined();
    storage.failed(new StorageUnavailableError('read-only', 'read-only'));
    expect((await storage.check())?.problem).toBe('read-only');
    now = 5000;
    expect(await storage.check()).toBeUndefined();
  });
});

describe('GET /api/health', () => {
  it('answers 200 ok, or 503 with what is wrong', async () => {
    const { state, repository } = store();
    let now = 0;
    const app = health(
      storageHealth(repository, { room: 1000, clock: () => now }),
    );
    const ok = await app.request('/');
    expect([ok.status, await ok.json()]).toEqual([200, { status: 'ok' }]);
    state.full = true;
    now = 10_000;
    const down = await app.request('/');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      error: {
        code: 'unavailable',
        message:
          'The comment service cannot store comments right now: the database cannot be written: it is full (the disk has no space left, or the database reached its size limit).',
      },
    });
  });
});
