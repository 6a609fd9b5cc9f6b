import { describe, expect, it } from 'vitest';
import {
  formatLiveId,
  type LiveChange,
  type LiveState,
  liveUrl,
  openLiveStream,
  parseLiveId,
} from './live.js';

describe('live event ids', () => {
  it('say the version of each thread, in order, and the instance and place, and read back the same', () => {
    const threads = ['a', 'b', 'c'];
    const id = formatLiveId(threads, {
      versions: new Map([
        ['a', 4],
        ['c', 0],
      ]),
      instance: 'k3x',
      seq: 17,
    });
    expect(id).toBe('4,,0;k3x.17');
    expect(parseLiveId(id, threads)).toEqual({
      versions: new Map([
        ['a', 4],
        ['c', 0],
      ]),
      instance: 'k3x',
      seq: 17,
    });
    expect(formatLiveId(['a'], { versions: new Map([['a', 2]]) })).toBe('2');
    expect(parseLiveId('2', ['a'])).toEqual({ versions: new Map([['a', 2]]) });
  });

  it('take anything else as no id at all: another thread list, a forged or an oversized id', () => {
    for (const id of [
      undefined,
      '',
      '1,2',
      '1;k.1;k.2',
      '-1',
      '1.5',
      '1;k.',
      `1;${'k'.repeat(33)}.1`,
      '1'.repeat(16),
      `${'1,'.repeat(10_000)}1`,
      '__proto__',
      '1\n2',
    ])
      expect(parseLiveId(id, ['a']), String(id)).toBeUndefined();
  });

  it('read back a thread named like a prototype key as a thread like any other', () => {
    const threads = ['__proto__', 'constructor'];
    expect(parseLiveId('3,4', threads)!.versions.get('constructor')).toBe(4);
  });
});

describe('liveUrl', () => {
  it('names each thread once, sorted, and where the page was', () => {
    expect(
      liveUrl('https://comments.example/api/', ['b', 'a', 'b'], {
        versions: new Map([['b', 3]]),
        instance: 'k3x',
        seq: 9,
      }),
    ).toBe(
      'https://comments.example/api/live?threads=a%2Cb&lastEventId=%2C3%3Bk3x.9',
    );
    expect(liveUrl('/api', ['x'])).toBe('/api/live?threads=x');
  });
});

/** An EventSource the test speaks for. */
class FakeSource extends EventTarget {
  static made: FakeSource[] = [];
  readyState = 0;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeSource.made.push(this);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  send(type: string, data: string, lastEventId: string) {
    this.readyState = 1;
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId }));
  }
  fail(readyState: 0 | 2) {
    this.readyState = readyState;
    this.dispatchEvent(new Event('error'));
  }
}

function follow(threadIds = ['kh']) {
  FakeSource.made = [];
  const changes: LiveChange[] = [];
  const resyncs: string[] = [];
  const states: LiveState[] = [];
  const delays: number[] = [];
  const stream = openLiveStream({
    endpoint: '/api',
    threadIds,
    EventSource: FakeSource as unknown as typeof EventSource,
    onChange: (c) => changes.push(c),
    onResync: (t) => resyncs.push(t),
    onState: (s) => states.push(s),
    retryDelay: (attempt) => {
      delays.push(attempt);
      return 0;
    },
  });
  return { stream, changes, resyncs, states, delays };
}

const comment = {
  id: 'c1',
  threadId: 'kh',
  parentId: null,
  author: { name: 'Sokha' },
  body: 'Hello.',
  createdAt: '2025-07-20T08:00:00.000Z',
  status: 'approved',
};

describe('openLiveStream', () => {
  it('passes on changes and resyncs it can read, and keeps where the page is', () => {
    const { stream, changes, resyncs, states } = follow();
    const source = FakeSource.made[0]!;
    expect(source.url).toBe('/api/live?threads=kh');
    source.send(
      'ready',
      JSON.stringify({ threads: [{ threadId: 'kh', version: 1 }] }),
      '1;k.1',
    );
    source.send(
      'change',
      JSON.stringify({
        threadId: 'kh',
        version: 2,
        total: 2,
        comments: [comment, { ...comment, id: 'bad', body: 42 }],
        removed: ['c0'],
      }),
      '2;k.2',
    );
    source.send(
      'resync',
      JSON.stringify({ threadId: 'kh', version: 5 }),
      '5;k.3',
    );
    expect(changes).toEqual([
      {
        threadId: 'kh',
        version: 2,
        total: 2,
        comments: [comment],
        removed: ['c0'],
        omitted: 1,
      },
    ]);
    expect(resyncs).toEqual(['kh']);
    expect(states).toEqual(['connecting', 'open']);
    expect(stream.position()).toEqual({
      versions: new Map([['kh', 5]]),
      instance: 'k',
      seq: 3,
    });
  });

  it('ignores events it cannot read', () => {
    const { changes, resyncs } = follow();
    const source = FakeSource.made[0]!;
    source.send('change', 'not json', '1');
    source.send('change', JSON.stringify({ threadId: 'kh' }), '1');
    source.send('change', JSON.stringify({ ...comment, __proto__: {} }), '1');
    source.send('resync', JSON.stringify({ threadId: '<b>', version: 1 }), '1');
    source.send('resync', JSON.stringify({ threadId: 'kh', version: -1 }), '1');
    expect(changes).toEqual([]);
    expect(resyncs).toEqual([]);
  });

  it('leaves a dropped connection to the browser, and after a refusal opens again from where the page was', async () => {
    const { stream, states, delays } = follow();
    const first = FakeSource.made[0]!;
    first.send(
      'change',
      JSON.stringify({ threadId: 'kh', version: 3, comments: [], removed: [] }),
      '3;k.7',
    );
    first.fail(0);
    expect(FakeSource.made).toHaveLength(1);
    first.fail(2);
    expect(first.closed).toBe(true);
    expect(states.at(-1)).toBe('waiting');
    expect(delays).toEqual([1]);
    await new Promise((resolve) => setTimeout(resolve));
    expect(FakeSource.made).toHaveLength(2);
    expect(FakeSource.made[1]!.url).toBe(
      '/api/live?threads=kh&lastEventId=3%3Bk.7',
    );
    // Refused again: the wait grows by attempt; a ready event starts counting afresh.
    FakeSource.made[1]!.fail(2);
    expect(delays).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve));
    FakeSource.made[2]!.send(
      'ready',
      JSON.stringify({ threads: [{ threadId: 'kh', version: 3 }] }),
      '3;k.7',
    );
    FakeSource.made[2]!.fail(2);
    expect(delays).toEqual([1, 2, 1]);
    stream.close();
    await new Promise((resolve) => setTimeout(resolve));
    expect(FakeSource.made).toHaveLength(3);
    expect(states.at(-1)).toBe('closed');
  });

  it('says what it needs where there is no EventSource', () => {
    const saved = globalThis.EventSource;
    // @ts-expect-error: a runtime without EventSource (Node before 22)
    delete globalThis.EventSource;
    try {
      expect(() =>
        openLiveStream({
          endpoint: '/api',
          threadIds: ['kh'],
          onChange: () => {},
          onResync: () => {},
        }),
      ).toThrow(
        'Live updates need EventSource: run them in a browser, or pass one as the EventSource option.',
      );
    } finally {
      if (saved) globalThis.EventSource = saved;
    }
  });
});
