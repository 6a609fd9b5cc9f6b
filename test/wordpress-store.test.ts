import { request } from 'node:http';
import {
  createWordPressStore,
  CommentStoreError,
  type CommentStore,
  type NewCommentInput,
} from '@dateline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTemporaryWordPress,
  type WordPressSite,
} from '../examples/wordpress/site.js';
import { freePort } from './service-process.js';

let site: WordPressSite;
let readers = 10;

beforeAll(async () => {
  site = await startTemporaryWordPress(await freePort());
}, 120_000);

afterAll(async () => {
  await site?.stop();
});

/**
 * fetch from one loopback address. WordPress refuses a second comment from the same address
 * within 15 s, so each reader in these tests has an address of their own, as real readers do.
 */
function fetchFrom(
  localAddress: string,
  counter?: { requests: number },
): typeof fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (counter) counter.requests++;
      const req = request(
        String(input),
        {
          method: init.method ?? 'GET',
          headers: init.headers as Record<string, string>,
          localAddress,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              if (typeof value === 'string') headers.set(name, value);
            resolve(
              new Response(Buffer.concat(chunks), {
                status: res.statusCode!,
                headers,
              }),
            );
          });
        },
      );
      req.on('error', reject);
      req.end(init.body == null ? undefined : String(init.body));
    });
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
  };
}

/** A new reader: their own address and browser storage. */
function reader(
  postId: number,
  extra: { counter?: { requests: number }; fetch?: typeof fetch } = {},
): CommentStore {
  const address = `127.0.0.${readers++}`;
  return createWordPressStore({
    site: site.url,
    postId,
    fetch: extra.fetch ?? fetchFrom(address, extra.counter),
    storage: memoryStorage(),
  });
}

function newPost(
  title: string,
  options: { status?: string; comments?: 'open' | 'closed' } = {},
): number {
  return Number(
    site.php(
      `echo wp_insert_post(['post_title' => ${JSON.stringify(title)}, 'post_status' => '${options.status ?? 'publish'}', 'comment_status' => '${options.comments ?? 'open'}', 'post_content' => 'Text.']);`,
    ),
  );
}

interface Seed {
  author: string;
  email?: string;
  url?: string;
  content: string;
  parent?: number;
  /** Minutes after 08:00 on 20 July 2025. */
  minutes: number;
}

/** Stores approved comments the way WordPress's own form would (filters and all); returns their ids. */
function seedMany(postId: number, comments: Seed[]): number[] {
  const rows = comments.map((c) => {
    const date = new Date(Date.UTC(2025, 6, 20, 8, c.minutes))
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    return {
      comment_post_ID: postId,
      comment_author: c.author,
      comment_author_email: c.email ?? 'reader@example.com',
      comment_author_url: c.url ?? '',
      comment_content: c.content,
      comment_parent: c.parent ?? 0,
      comment_date_gmt: date,
      comment_date: date,
      comment_approved: 1,
      comment_type: 'comment',
      user_id: 0,
    };
  });
  const json = Buffer.from(JSON.stringify(rows)).toString('base64');
  const out = site.php(
    `foreach (json_decode(base64_decode('${json}'), true) as $c) echo wp_insert_comment(wp_filter_comment(wp_slash($c))), "\\n";`,
  );
  return out.trim().split('\n').map(Number);
}

const seed = (postId: number, comment: Seed): number =>
  seedMany(postId, [comment])[0]!;

/** WordPress's flood check also matches the email address, so each comment has its own unless told. */
const input = (
  threadId: string,
  body: string,
  author = 'Sokha',
  email = `sokha.${readers}.${body.length}@example.com`,
  parentId?: string,
): NewCommentInput => ({
  threadId,
  ...(parentId ? { parentId } : {}),
  author: { name: author, email },
  body,
});

async function refusal(promise: Promise<unknown>): Promise<CommentStoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommentStoreError);
  return error as CommentStoreError;
}

describe('createWordPressStore against a real WordPress', () => {
  it('lists an empty thread', async () => {
    const post = newPost('Empty');
    await expect(reader(post).list('empty')).resolves.toEqual({
      comments: [],
      total: 0,
    });
  });

  it('lists approved comments with their replies as plain text, and no held ones', async () => {
    const post = newPost('Threads');
    const first = seed(post, {
      author: 'Tom & Jerry <b>',
      url: 'https://tomjerry.example/',
      content:
        'It\'s "more than 1,000" -- see https://example.com/a?b=1&c=2\n\nSecond paragraph\nwith a line break.',
      minutes: 1,
    });
    const reply = seed(post, {
      author: 'Dara',
      content:
        'A reply with <a href="https://example.org/report">the report</a>.',
      parent: first,
      minutes: 2,
    });
    const deeper = seed(post, {
      author: 'Lina',
      content: 'Deeper.',
      parent: reply,
      minutes: 3,
    });
    const second = seed(post, {
      author: 'Vuthy',
      content: 'Second top-level comment.',
      minutes: 4,
    });
    site.php(
      `wp_set_comment_status(${seed(post, { author: 'Held', content: 'Not yet approved.', minutes: 5 })}, 'hold');`,
    );

    const page = await reader(post).list('cambodia');
    expect(page.total).toBe(4);
    expect(page.nextCursor).toBeUndefined();
    expect(page.comments.map((c) => [c.id, c.parentId])).toEqual([
      [String(first), null],
      [String(second), null],
      [String(reply), String(first)],
      [String(deeper), String(reply)],
    ]);
    const [top, , withLink] = page.comments;
    expect(top).toEqual({
      id: String(first),
      threadId: 'cambodia',
      parentId: null,
      author: { name: 'Tom & Jerry', url: 'https://tomjerry.example/' },
      body: 'It’s “more than 1,000” — see https://example.com/a?b=1&c=2\n\nSecond paragraph\nwith a line break.',
      createdAt: '2025-07-20T08:01:00Z',
      status: 'approved',
    });
    expect(withLink!.body).toBe(
      'A reply with the report (https://example.org/report).',
    );
  });

  it('pages by top-level comment, each with all its replies, oldest or newest first', async () => {
    const post = newPost('Long thread');
    const tops = seedMany(
      post,
      Array.from({ length: 120 }, (_, i) => ({
        author: `Reader ${i}`,
        content: `Comment number ${i}.`,
        minutes: i * 2,
      })),
    );
    // A reply posted after all the top-level comments still comes with its parent's page.
    seed(post, {
      author: 'Late',
      content: 'A late reply to the first comment.',
      parent: tops[0]!,
      minutes: 500,
    });
    const store = reader(post);

    const one = await store.list('long');
    expect(one.total).toBe(121);
    expect(one.comments.filter((c) => c.parentId === null)).toHaveLength(50);
    expect(one.comments.find((c) => c.parentId === String(tops[0]))?.body).toBe(
      'A late reply to the first comment.',
    );
    expect(one.nextCursor).toBe('2');
    const two = await store.list('long', { cursor: one.nextCursor! });
    // The count comes with the first page; later pages don't ask for it again.
    expect(two.total).toBeUndefined();
    expect(two.comments[0]!.id).toBe(String(tops[50]));
    const three = await store.list('long', { cursor: two.nextCursor! });
    expect(three.comments.map((c) => c.id)).toEqual(
      tops.slice(100).map(String),
    );
    expect(three.nextCursor).toBeUndefined();

    const newest = await store.list('long', { order: 'newest', limit: 10 });
    expect(newest.comments.map((c) => c.id)).toEqual(
      tops.slice(-10).reverse().map(String),
    );
    expect(newest.nextCursor).toBe('2');
    await expect(
      refusal(store.list('long', { cursor: 'abc' })),
    ).resolves.toMatchObject({ code: 'invalid' });
  });

  it('posts a first-time comment that awaits moderation, shown to its author until approved', async () => {
    const post = newPost('Moderation');
    const store = reader(post);
    const held = await store.create(
      input('moderation', 'My first comment on this site.'),
      { idempotencyKey: 'k-1' },
    );
    expect(held).toMatchObject({
      threadId: 'moderation',
      parentId: null,
      author: { name: 'Sokha' },
      body: 'My first comment on this site.',
      status: 'pending',
    });
    expect(held.id).toMatch(/^\d+$/);

    // WordPress lists only approved comments to the public; the author still sees theirs.
    const mine = await store.list('moderation');
    expect(mine.total).toBe(0);
    expect(mine.comments).toEqual([held]);
    expect((await reader(post).list('moderation')).comments).toEqual([]);

    site.php(`wp_set_comment_status(${held.id}, 'approve');`);
    const approved = await store.list('moderation');
    expect(approved.comments).toEqual([{ ...held, status: 'approved' }]);
    expect(approved.total).toBe(1);
  });

  it('posts a reply that appears at once for a commenter with an approved comment', async () => {
    const post = newPost('Replies');
    const parent = seed(post, {
      author: 'Dara',
      email: 'dara@example.com',
      content: 'Where is Poipet?',
      minutes: 1,
    });
    const store = reader(post);
    const reply = await store.create(
      {
        ...input(
          'replies',
          'In Banteay Meanchey, on the Thai border. https://example.com/map',
          'Dara',
          'dara@example.com',
          String(parent),
        ),
        author: {
          name: 'Dara',
          email: 'dara@example.com',
          url: 'https://dara.example',
        },
      },
      { idempotencyKey: 'k-2' },
    );
    expect(reply).toMatchObject({
      parentId: String(parent),
      status: 'approved',
      author: { name: 'Dara', url: 'https://dara.example' },
      body: 'In Banteay Meanchey, on the Thai border. https://example.com/map',
    });
    const page = await store.list('replies');
    expect(page.comments.map((c) => c.id)).toEqual([String(parent), reply.id]);
  });

  it('refuses a duplicate, and says when a retry finds the first attempt got through', async () => {
    const post = newPost('Duplicates');
    const store = reader(post);
    await store.create(
      input('dup', 'Said once.', 'Sokha', 'once@example.com'),
      { idempotencyKey: 'k-3' },
    );
    const again = await refusal(
      store.create(input('dup', 'Said once.', 'Sokha', 'once@example.com'), {
        idempotencyKey: 'k-4',
      }),
    );
    expect(again).toMatchObject({ code: 'duplicate', status: 409 });
    expect(again.fields.body).toMatch(/already said that/);

    // The post reaches WordPress but the answer is lost on the way back.
    const address = `127.0.0.${readers++}`;
    const real = fetchFrom(address);
    let dropAnswer = true;
    const flaky = createWordPressStore({
      site: site.url,
      postId: post,
      storage: memoryStorage(),
      fetch: async (url, init) => {
        const response = await real(url, init);
        if (init?.method === 'POST' && dropAnswer) {
          dropAnswer = false;
          throw new TypeError('fetch failed');
        }
        return response;
      },
    });
    const lost = await refusal(
      flaky.create(
        input(
          'dup',
          'Posted on a bad connection.',
          'Vanna',
          'vanna@example.com',
        ),
        { idempotencyKey: 'k-5' },
      ),
    );
    expect(lost).toMatchObject({ code: 'network', retryable: true });
    const retry = await refusal(
      flaky.create(
        input(
          'dup',
          'Posted on a bad connection.',
          'Vanna',
          'vanna@example.com',
        ),
        { idempotencyKey: 'k-5' },
      ),
    );
    expect(retry.code).toBe('duplicate');
    expect(retry.message).toMatch(/already reached the site/);
  });

  it('says "too fast" when one address posts twice within 15 seconds', async () => {
    const post = newPost('Flood');
    const store = reader(post);
    await store.create(input('flood', 'First.', 'Sokha', 'first@example.com'), {
      idempotencyKey: 'k-6',
    });
    const error = await refusal(
      store.create(
        input('flood', 'Second, straight away.', 'Sokha', 'second@example.com'),
        { idempotencyKey: 'k-7' },
      ),
    );
    expect(error).toMatchObject({
      code: 'too-fast',
      status: 400,
      retryAfter: 15,
      retryable: true,
    });
    expect(error.message).toBe(
      'You are posting comments too quickly. Slow down.',
    );
  });

  it('checks input with NewCommentSchema before sending anything', async () => {
    const post = newPost('Validation');
    const counter = { requests: 0 };
    const error = await refusal(
      reader(post, { counter }).create(
        {
          threadId: 'v',
          author: { name: ' ', email: 'not-an-email' },
          body: '',
        },
        { idempotencyKey: 'k-8' },
      ),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual({
      'author.name': 'Please enter your name.',
      'author.email':
        'Please enter a valid email address, such as name@example.com.',
      body: 'Please type a comment.',
    });
    const reply = await refusal(
      reader(post, { counter }).create(
        input('v', 'A reply.', 'Sokha', 'v@example.com', 'not-a-wordpress-id'),
        { idempotencyKey: 'k-8b' },
      ),
    );
    expect(reply.fields).toEqual({
      parentId: 'The comment you are replying to could not be found.',
    });
    expect(counter.requests).toBe(0);
  });

  it('sends nothing when the honeypot is filled, and answers as for a held comment', async () => {
    const post = newPost('Honeypot');
    const counter = { requests: 0 };
    const bot = await reader(post, { counter }).create(input('h', 'Buy now'), {
      idempotencyKey: 'k-9',
      honeypot: 'http://spam.example',
    });
    expect(bot.status).toBe('pending');
    expect(counter.requests).toBe(0);
    expect(
      site.php(
        `echo get_comments(['post_id' => ${post}, 'count' => true, 'status' => 'all']);`,
      ),
    ).toBe('0');
  });

  it('says when a post takes no comments, or only from logged-in readers', async () => {
    const closed = await refusal(
      reader(newPost('Closed', { comments: 'closed' })).create(
        input('c', 'Hello?'),
        { idempotencyKey: 'k-10' },
      ),
    );
    expect(closed).toMatchObject({
      code: 'closed',
      status: 403,
      message: 'Sorry, comments are closed for this item.',
    });
    const draft = await refusal(
      reader(newPost('Draft', { status: 'draft' })).create(
        input('c', 'Hello?'),
        { idempotencyKey: 'k-11' },
      ),
    );
    expect(draft).toMatchObject({ code: 'closed', status: 403 });

    const post = newPost('Members only');
    site.php(`update_option('comment_registration', 1);`);
    try {
      const members = await refusal(
        reader(post).create(input('c', 'Hello?'), { idempotencyKey: 'k-12' }),
      );
      expect(members).toMatchObject({
        code: 'closed',
        status: 401,
        message: 'This site accepts comments only from logged-in readers.',
      });
    } finally {
      site.php(`update_option('comment_registration', 0);`);
    }
  });

  it('answers a comment WordPress quietly bins (disallowed words) as one awaiting moderation', async () => {
    const post = newPost('Disallowed');
    site.php(`update_option('disallowed_keys', 'casino');`);
    try {
      const comment = await reader(post).create(
        input('d', 'Best casino offers here.', 'Bot', 'bot@example.com'),
        { idempotencyKey: 'k-13' },
      );
      expect(comment.status).toBe('pending');
      expect(site.php(`echo wp_get_comment_status(${comment.id});`)).toBe(
        'trash',
      );
    } finally {
      site.php(`update_option('disallowed_keys', '');`);
    }
  });

  it('says the site cannot be reached when it is down', async () => {
    const down = createWordPressStore({
      site: `http://127.0.0.1:${await freePort()}`,
      postId: 1,
      storage: memoryStorage(),
    });
    await expect(refusal(down.list('x'))).resolves.toMatchObject({
      code: 'network',
      retryable: true,
    });
    await expect(
      refusal(down.create(input('x', 'Hello'), { idempotencyKey: 'k-14' })),
    ).resolves.toMatchObject({ code: 'network' });
  });
});
