import { describe, expect, it } from 'vitest';
import { createRestStore, type RestCreateOptions } from './rest.js';

const input = {
  threadId: 'kh-2025',
  author: { name: 'Sokha', email: 'sokha@example.com' },
  body: 'Thank you for this report.',
};

/** A service that accepts every comment, and the bodies it was sent. */
function service() {
  const bodies: Record<string, unknown>[] = [];
  const languages: (string | null)[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const sent = JSON.parse(String(init?.body)) as Record<string, unknown>;
    bodies.push(sent);
    languages.push(new Headers(init?.headers).get('accept-language'));
    return new Response(
      JSON.stringify({
        comment: {
          id: 'c1',
          threadId: 'kh-2025',
          parentId: null,
          author: { name: 'Sokha' },
          body: input.body,
          createdAt: '2025-07-20T08:00:00.000Z',
          status: 'approved',
        },
      }),
      { status: 201, headers: { 'content-type': 'application/json' } },
    );
  };
  const store = createRestStore({
    endpoint: 'https://comments.example/api',
    fetch: fetch as typeof globalThis.fetch,
    storage: { getItem: () => null, setItem: () => {} },
  });
  return { store, bodies, languages };
}

describe('createRestStore: asking to hear about replies', () => {
  it('sends notify when the author asked for mail about follow-up comments', async () => {
    const { store, bodies } = service();
    const asked: RestCreateOptions = { idempotencyKey: 'k1', notify: true };
    await store.create(input, asked);
    expect(bodies[0]).toMatchObject({ notify: true });
  });

  it('sends no notify when the author did not ask', async () => {
    const { store, bodies } = service();
    await store.create(input, { idempotencyKey: 'k1' });
    const declined: RestCreateOptions = { idempotencyKey: 'k2', notify: false };
    await store.create(input, declined);
    expect(bodies.map((b) => 'notify' in b)).toEqual([false, false]);
  });
});

describe('createRestStore: the author’s language', () => {
  it('asks the service to answer and mail in the form’s language', async () => {
    const { store, languages } = service();
    const khmer: RestCreateOptions = { idempotencyKey: 'k1', locale: 'km' };
    const chinese: RestCreateOptions = {
      idempotencyKey: 'k2',
      locale: 'zh-Hant',
    };
    await store.create(input, khmer);
    await store.create(input, chinese);
    expect(languages).toEqual(['km', 'zh-Hant']);
  });

  it('leaves the browser’s own preference when no language, or no tag, is given', async () => {
    const { store, languages } = service();
    const worst = [
      undefined,
      '',
      'km\r\nX-Evil: 1',
      'km, en;q=0.5',
      'a'.repeat(10_000),
      `${'a-'.repeat(5000)}a`,
      '__proto__-x',
    ];
    for (const [i, locale] of worst.entries()) {
      const options: RestCreateOptions = {
        idempotencyKey: `k${i}`,
        ...(locale === undefined ? {} : { locale }),
      };
      await store.create(input, options);
    }
    expect(languages).toEqual([null, null, null, null, null, null, null]);
  });
});
