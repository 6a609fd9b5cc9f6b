import { CommentStoreError, createMemoryStore } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { isDemo, resolveStore } from './store.js';
import { loadStores } from './stores/load.js';

const real = { ...loadStores };
/** Each store module's imports, by store, while a test runs. */
let imported: string[] = [];
for (const kind of ['rest', 'wordpress', 'local'] as const) {
  // Wrapped once: the wrapper calls whatever `real[kind]` holds when it runs.
  Object.assign(loadStores, {
    [kind]: () => {
      imported.push(kind);
      return real[kind]();
    },
  });
}
const original = { ...real };

afterEach(() => {
  Object.assign(real, original);
  imported = [];
});

describe('resolveStore', () => {
  it('imports only the store an element names: the service’s, a WordPress site’s, or the local one', async () => {
    await resolveStore({ endpoint: 'https://comments.example/api' });
    expect(imported).toEqual(['rest']);
    imported = [];
    await resolveStore({ wordpressSite: 'https://news.example', postId: 7 });
    expect(imported).toEqual(['wordpress']);
    imported = [];
    const { demo } = await resolveStore({});
    expect(demo).toBe(true);
    expect(imported).toEqual(['local']);
    imported = [];
    const store = createMemoryStore();
    expect(await resolveStore({ store, endpoint: '/api' })).toEqual({
      store,
      demo: false,
    });
    expect(imported).toEqual([]);
  });

  it('gives every element asking at once for the same address one store, made once', async () => {
    const [a, b, c] = await Promise.all([
      resolveStore({ endpoint: 'https://one.example/api' }),
      resolveStore({ endpoint: 'https://one.example/api' }),
      resolveStore({ endpoint: 'https://two.example/api' }),
    ]);
    expect(a.store).toBe(b.store);
    expect(a.store).not.toBe(c.store);
    expect(imported).toEqual(['rest', 'rest']);
  });

  it('fetches a store’s module again after it could not be fetched', async () => {
    real.rest = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(
      resolveStore({ endpoint: 'https://offline.example/api' }),
    ).rejects.toThrow('Failed to fetch');
    real.rest = original.rest;
    const { store } = await resolveStore({
      endpoint: 'https://offline.example/api',
    });
    expect(typeof store.list).toBe('function');
    expect(imported).toEqual(['rest', 'rest']);
  });

  it('refuses, saying why, a WordPress site named without its post, and imports no store', async () => {
    for (const postId of [undefined, 0, -1, 1.5, Number.NaN]) {
      const { store } = await resolveStore({
        wordpressSite: 'https://news.example',
        postId,
      });
      const refusal = store.list('t');
      await expect(refusal).rejects.toBeInstanceOf(CommentStoreError);
      await expect(refusal).rejects.toThrow('post-id');
    }
    expect(imported).toEqual([]);
  });
});

describe('isDemo', () => {
  it('is true only when nothing names a store, before any store is imported', () => {
    expect(isDemo({})).toBe(true);
    expect(isDemo({ endpoint: '' })).toBe(true);
    expect(isDemo({ endpoint: '/api' })).toBe(false);
    expect(isDemo({ wordpressSite: 'https://news.example' })).toBe(false);
    expect(isDemo({ store: createMemoryStore() })).toBe(false);
    expect(imported).toEqual([]);
  });
});
