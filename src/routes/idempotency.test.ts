import { afterEach, describe, expect, it } from 'vitest';
import { storedComment } from '../repository/contract.js';
import { openSqliteRepository } from '../repository/sqlite.js';
import type {
  CommentRepository,
  HeldReservation,
} from '../repository/types.js';
import {
  answerOnce,
  type AnswerOnceOptions,
  type Outcome,
  requestHash,
} from './idempotency.js';

const repositories: CommentRepository[] = [];
afterEach(async () => {
  for (const repository of repositories.splice(0)) await repository.close();
});

/** A repository, a clock that moves only when the test sleeps, and a count of the sleeps. */
function setup() {
  const repository = openSqliteRepository(':memory:');
  repositories.push(repository);
  let now = Date.UTC(2025, 6, 20, 8);
  const sleeps: number[] = [];
  const during: Array<() => Promise<void>> = [];
  return {
    repository,
    sleeps,
    /** Runs while the next waiting request sleeps, as another process would. */
    meanwhile: (work: () => Promise<void>) => during.push(work),
    options: (over: Partial<AnswerOnceOptions> = {}): AnswerOnceOptions => ({
      repository,
      threadId: 't',
      key: 'k',
      requestHash: 'h1',
      work: async (held) => store(repository, held, 'from work'),
      replay: (answer) =>
        new Response(answer.body, {
          status: answer.status,
          headers: { 'idempotent-replay': 'true' },
        }),
      conflict: async () => new Response('conflict', { status: 422 }),
      stillWorking: () => new Response('still working', { status: 503 }),
      clock: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
        await during.shift()?.();
      },
      ...over,
    }),
  };
}

async function store(
  repository: CommentRepository,
  held: HeldReservation,
  body: string,
): Promise<Outcome> {
  const result = await repository.insert(storedComment({ body }), {
    reservation: { ...held, answer: { status: 201, body } },
  });
  return result.stored
    ? { response: new Response(body, { status: 201 }), stored: true }
    : { lost: true };
}

describe('answerOnce', () => {
  it('does the work once and replays its answer to the same request', async () => {
    const { options } = setup();
    let runs = 0;
    const counted = options({
      work: async (held) => {
        runs += 1;
        return store(options().repository, held, 'first answer');
      },
    });
    const first = await answerOnce(counted);
    const again = await answerOnce(counted);
    expect(runs).toBe(1);
    expect([first.status, await first.text()]).toEqual([201, 'first answer']);
    expect([again.status, await again.text()]).toEqual([201, 'first answer']);
    expect(again.headers.get('idempotent-replay')).toBe('true');
  });

  it('refuses the same key with a different request', async () => {
    const { options } = setup();
    await answerOnce(options());
    const other = await answerOnce(options({ requestHash: 'h2' }));
    expect(other.status).toBe(422);
  });

  it('makes a retry wait for the holder and answer what the holder answered', async () => {
    const { repository, options, meanwhile, sleeps } = setup();
    const held = await repository.reserve({
      threadId: 't',
      key: 'k',
      requestHash: 'h1',
      now: Date.UTC(2025, 6, 20, 8),
      leaseMs: 10_000,
    });
    if (held.kind !== 'reserved') throw new Error('not reserved');
    // The holder (another process) finishes while the retry sleeps its second time.
    meanwhile(async () => undefined);
    meanwhile(async () => {
      await store(
        repository,
        { threadId: 't', key: 'k', token: held.token },
        'the holder’s answer',
      );
    });
    let ran = false;
    const retry = await answerOnce(
      options({
        work: async () => {
          ran = true;
          throw new Error('a waiting retry must not do the work');
        },
      }),
    );
    expect(ran).toBe(false);
    expect(sleeps).toHaveLength(2);
    expect([retry.status, await retry.text()]).toEqual([
      201,
      'the holder’s answer',
    ]);
  });

  it('takes over from a holder that stopped once its lease runs out', async () => {
    const { repository, options, sleeps } = setup();
    await repository.reserve({
      threadId: 't',
      key: 'k',
      requestHash: 'h1',
      now: Date.UTC(2025, 6, 20, 8),
      leaseMs: 1000,
    });
    const retry = await answerOnce(options({ pollMs: 100 }));
    expect([retry.status, await retry.text()]).toEqual([201, 'from work']);
    // it looked every 100 ms until the lease of 1 s ran out, then did the work itself
    expect(sleeps).toEqual(Array(10).fill(100));
  });

  it('gives up at its deadline while a live holder still works', async () => {
    const { repository, options } = setup();
    await repository.reserve({
      threadId: 't',
      key: 'k',
      requestHash: 'h1',
      now: Date.UTC(2025, 6, 20, 8),
      leaseMs: 60_000,
    });
    const retry = await answerOnce(options({ waitMs: 1000, pollMs: 100 }));
    expect(retry.status).toBe(503);
  });

  it('gives the key back after a refusal, so a corrected retry can succeed', async () => {
    const { options } = setup();
    const refused = await answerOnce(
      options({
        work: async () => ({
          response: new Response('too fast', { status: 429 }),
          stored: false,
        }),
      }),
    );
    expect(refused.status).toBe(429);
    const later = await answerOnce(options());
    expect([later.status, await later.text()]).toEqual([201, 'from work']);
    // and after a refusal the key is not bound to the refused request
    const { options: fresh } = setup();
    await answerOnce(
      fresh({
        work: async () => ({
          response: new Response('invalid', { status: 400 }),
          stored: false,
        }),
      }),
    );
    expect((await answerOnce(fresh({ requestHash: 'h2' }))).status).toBe(201);
  });

  it('gives the key back when the work fails', async () => {
    const { options } = setup();
    await expect(
      answerOnce(
        options({
          work: async () => {
            throw new Error('the disk is on fire');
          },
        }),
      ),
    ).rejects.toThrow('the disk is on fire');
    expect((await answerOnce(options())).status).toBe(201);
  });

  it('waits for the new holder when its own reservation was taken over', async () => {
    const { repository, options, meanwhile } = setup();
    let taken: HeldReservation | undefined;
    meanwhile(async () => {
      // the new holder answers while the old one waits
      await store(repository, taken!, 'the new holder’s answer');
    });
    const slow = await answerOnce(
      options({
        leaseMs: 1000,
        work: async (held) => {
          // The lease runs out while this holder is slow; a retry takes the key over.
          const over = await repository.reserve({
            threadId: 't',
            key: 'k',
            requestHash: 'h1',
            now: Date.UTC(2025, 6, 20, 8) + 5000,
            leaseMs: 10_000,
          });
          if (over.kind !== 'reserved') throw new Error('not taken over');
          taken = { threadId: 't', key: 'k', token: over.token };
          return store(repository, held, 'too late');
        },
      }),
    );
    expect(await slow.text()).toBe('the new holder’s answer');
    expect(
      (await repository.listByStatus('approved', 10)).map((c) => c.body),
    ).toEqual(['the new holder’s answer']);
  });
});

describe('requestHash', () => {
  const request = {
    threadId: 't',
    key: 'k',
    author: { name: 'Sokha', email: 'sokha@example.com' },
    body: 'Hello',
  };

  it('is the same for the same request however its optional parts are left out', () => {
    expect(requestHash(request)).toBe(
      requestHash({ ...request, parentId: null, honeypot: undefined }),
    );
  });

  it('differs when any part of the request differs', () => {
    const base = requestHash(request);
    for (const changed of [
      { ...request, threadId: 'u' },
      { ...request, key: 'l' },
      { ...request, parentId: 'p' },
      { ...request, author: { ...request.author, name: 'Dara' } },
      { ...request, author: { ...request.author, email: 'd@example.com' } },
      { ...request, author: { ...request.author, url: 'https://x.example' } },
      { ...request, body: 'Hello!' },
      { ...request, honeypot: 'x' },
    ])
      expect(requestHash(changed)).not.toBe(base);
  });

  it('cannot be made to collide by moving text between fields', () => {
    expect(
      requestHash({
        ...request,
        author: { ...request.author, name: 'Sokha","' },
      }),
    ).not.toBe(requestHash({ ...request, body: `","${request.body}` }));
  });
});
