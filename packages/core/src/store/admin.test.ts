import { afterEach, describe, expect, it } from 'vitest';
import { setMessages } from '../messages/catalogues.js';
import { fieldErrors } from '../validation/field-errors.js';
import {
  ADMIN_LIMITS,
  AdminCommentListResponseSchema,
  AdminError,
  AdminListQuerySchema,
  AuditPageResponseSchema,
  BlocklistsRequestSchema,
  createAdminClient,
  ModerationActionRequestSchema,
  ThreadTitleRequestSchema,
  UndoRequestSchema,
} from './admin.js';

const counts = { pending: 2, spam: 1, approved: 5, deleted: 0 };

const row = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  threadId: 't',
  parentId: null,
  author: { name: 'Dara', url: 'https://dara.example' },
  body: `Comment ${id}`,
  createdAt: '2025-07-20T08:00:00.000Z',
  status: 'pending',
  email: 'dara@example.com',
  approvedBefore: 0,
  ...extra,
});

const lists = (over: Record<string, unknown> = {}) => ({
  hold: { words: [], emails: [], addresses: [] },
  refuse: { words: [], emails: [], addresses: [] },
  ...over,
});

const errorsOf = (result: {
  success: boolean;
  error?: Parameters<typeof fieldErrors>[0];
}) => (result.success ? {} : fieldErrors(result.error!));

afterEach(() => setMessages('en', {}));

describe('the admin API’s requests', () => {
  it('reads a queue query, trimming the search text', () => {
    expect(
      AdminListQuerySchema.parse({
        status: 'spam',
        q: '  Dara ',
        limit: '100',
        cursor: 'abc',
      }),
    ).toEqual({ status: 'spam', q: 'Dara', limit: '100', cursor: 'abc' });
    expect(AdminListQuerySchema.parse({})).toEqual({});
  });

  it('says what is wrong with a queue query, in words', () => {
    expect(
      errorsOf(
        AdminListQuerySchema.safeParse({
          status: 'trash',
          q: 'x'.repeat(ADMIN_LIMITS.query + 1),
          limit: '101',
          cursor: 'c'.repeat(301),
        }),
      ),
    ).toEqual({
      status: 'The queue must be one of: pending, spam, approved or deleted.',
      q: 'Search for at most 100 characters.',
      limit: 'The limit must be a whole number from 1 to 100.',
      cursor: 'The cursor is not one this service gave out.',
    });
    for (const limit of ['0', '-1', '1.5', '1e2', '007', ''])
      expect(AdminListQuerySchema.safeParse({ limit }).success).toBe(false);
  });

  it('refuses a huge search before reading it', () => {
    // Longer than NFC could ever shrink to the limit: refused without normalising.
    const result = AdminListQuerySchema.safeParse({
      q: '\u0301'.repeat(1_000_000),
    });
    expect(errorsOf(result)).toEqual({
      q: 'Search for at most 100 characters.',
    });
  });

  it('takes one action on 1 to 200 comment ids', () => {
    expect(
      ModerationActionRequestSchema.parse({ action: 'approve', ids: ['a1'] }),
    ).toEqual({ action: 'approve', ids: ['a1'] });
    expect(
      errorsOf(
        ModerationActionRequestSchema.safeParse({ action: 'burn', ids: [] }),
      ),
    ).toEqual({
      action:
        'The action must be one of: approve, spam, delete, restore or unapprove.',
      ids: 'Choose at least one comment.',
    });
    expect(
      errorsOf(
        ModerationActionRequestSchema.safeParse({
          action: 'spam',
          ids: Array.from({ length: 201 }, (_, i) => `c${i}`),
        }),
      ),
    ).toEqual({ ids: 'At most 200 comments can be changed at once.' });
    expect(
      errorsOf(
        ModerationActionRequestSchema.safeParse({
          action: 'spam',
          ids: ['ok', '../etc', 7],
        }),
      ),
    ).toEqual({
      'ids.1':
        'A comment id is letters, digits and _ . : - (up to 128 characters).',
      'ids.2':
        'A comment id is letters, digits and _ . : - (up to 128 characters).',
    });
  });

  it('counts the ids of a huge action before reading any', () => {
    const ids = Array.from({ length: 1_000_000 }, () => ({ huge: true }));
    const result = ModerationActionRequestSchema.safeParse({
      action: 'delete',
      ids,
    });
    // One issue, not a million: the count was refused before any id was looked at.
    expect(result.error?.issues).toHaveLength(1);
  });

  it('names an audit entry to undo by an id', () => {
    expect(UndoRequestSchema.parse({ id: 'abc123' })).toEqual({
      id: 'abc123',
    });
    expect(errorsOf(UndoRequestSchema.safeParse({ id: 'a b' }))).toEqual({
      id: 'That is not an entry of the audit log.',
    });
  });

  it('reads block lists one line per entry, trimmed, and refuses what is not one line', () => {
    const parsed = BlocklistsRequestSchema.parse(
      lists({
        hold: {
          words: [' casino ', 'constructor', '__proto__'],
          emails: ['spam@example.com', '@junk.example'],
          addresses: ['c1~abcdef'],
        },
      }),
    );
    expect(parsed.hold).toEqual({
      words: ['casino', 'constructor', '__proto__'],
      emails: ['spam@example.com', '@junk.example'],
      addresses: ['c1~abcdef'],
    });
    expect(
      errorsOf(
        BlocklistsRequestSchema.safeParse(
          lists({
            hold: {
              words: ['ok', 'two\nlines', '   ', 'x'.repeat(101)],
              emails: ['not an email', 'junk.example'],
              addresses: ['<script>'],
            },
          }),
        ),
      ),
    ).toEqual({
      'hold.words.1':
        'A block list entry is one line of text, without control characters.',
      'hold.words.2':
        'A block list entry is one line of text, without control characters.',
      'hold.words.3': 'A block list entry is at most 100 characters long.',
      'hold.emails.0':
        'An email entry is an address (name@example.com) or a domain starting with @ (@example.com).',
      'hold.emails.1':
        'An email entry is an address (name@example.com) or a domain starting with @ (@example.com).',
      'hold.addresses.0':
        'That address entry is not one this service gave out; reload the block lists and try again.',
    });
  });

  it('holds at most 2,000 entries in a list, counted before any is read', () => {
    const result = BlocklistsRequestSchema.safeParse(
      lists({
        refuse: {
          words: Array.from({ length: 100_000 }, () => 7),
          emails: [],
          addresses: [],
        },
      }),
    );
    expect(errorsOf(result)).toEqual({
      'refuse.words': 'A block list holds at most 2,000 entries.',
    });
    expect(result.error?.issues).toHaveLength(1);
  });

  it('takes a headline of one line and an http(s) address', () => {
    expect(
      ThreadTitleRequestSchema.parse({
        title: ' Cambodia lets loose the cannons ',
        url: 'https://news.example/cambodia',
      }),
    ).toEqual({
      title: 'Cambodia lets loose the cannons',
      url: 'https://news.example/cambodia',
    });
    expect(
      errorsOf(
        ThreadTitleRequestSchema.safeParse({
          title: 'a\nb',
          url: 'javascript:alert(1)',
        }),
      ),
    ).toEqual({
      title: 'A headline is 1 to 300 characters of text.',
      url: 'An article’s address must start with http:// or https://.',
    });
  });

  it('words a refusal by its code, so a site can reword it', () => {
    setMessages('en', { 'ids-required': 'Pick a comment first.' } as never);
    expect(
      errorsOf(
        ModerationActionRequestSchema.safeParse({ action: 'spam', ids: [] }),
      ),
    ).toEqual({ ids: 'Pick a comment first.' });
  });
});

describe('the admin API’s answers', () => {
  it('keeps every readable row of a queue and counts the rest', () => {
    const page = AdminCommentListResponseSchema.parse({
      comments: [
        row('a'),
        { ...row('b'), email: 7 },
        row('c', { status: 'gone' }),
        null,
        row('d', {
          replyTo: { id: 'a', authorName: 'Sokha', excerpt: 'Hello' },
          threadTitle: 'Headline',
          approvedBefore: 3,
          addressToken: 'd~xyz',
        }),
      ],
      counts,
      nextCursor: 'next',
    });
    expect(page.comments.map((c) => c.id)).toEqual(['a', 'd']);
    expect(page.omitted).toBe(3);
    expect(page.nextCursor).toBe('next');
    expect(page.comments[1]).toMatchObject({
      replyTo: { authorName: 'Sokha' },
      approvedBefore: 3,
    });
  });

  it('keeps every readable audit entry and counts the rest', () => {
    const page = AuditPageResponseSchema.parse({
      entries: [
        {
          id: 'e1',
          at: '2025-07-20T08:00:00.000Z',
          actor: 'token',
          action: 'approve',
          items: [{ commentId: 'a', from: 'pending', to: 'approved' }],
        },
        { id: 'e2', action: 'burn' },
      ],
    });
    expect(page.entries.map((e) => e.id)).toEqual(['e1']);
    expect(page.omitted).toBe(1);
    expect(page).not.toHaveProperty('nextCursor');
  });
});

/** A fetch that records each request and answers from `reply`. */
function recorder(
  reply: (url: string, init: RequestInit) => Response | Promise<Response>,
) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return reply(String(input), init);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('createAdminClient', () => {
  it('sends the token as a bearer token, never in the URL, and reads a queue', async () => {
    const { calls, fetch } = recorder(() =>
      json({ comments: [row('a'), { broken: true }], counts }),
    );
    const admin = createAdminClient({
      endpoint: 'https://comments.example/api/',
      token: 'secret-token',
      fetch,
    });
    const page = await admin.list({ status: 'spam', q: 'dara & co', limit: 5 });
    expect(page.comments.map((c) => c.id)).toEqual(['a']);
    expect(page.omitted).toBe(1);
    expect(page.counts).toEqual(counts);
    const [call] = calls;
    expect(call!.url).toBe(
      'https://comments.example/api/admin/comments?status=spam&q=dara+%26+co&limit=5',
    );
    expect(call!.url).not.toContain('secret-token');
    expect(new Headers(call!.init.headers).get('authorization')).toBe(
      'Bearer secret-token',
    );
    expect(call!.init.credentials).toBe('same-origin');
  });

  it('sends the page’s cookies and no Authorization without a token', async () => {
    const { calls, fetch } = recorder(() => json({ counts }));
    const admin = createAdminClient({ endpoint: '/api', fetch });
    expect(await admin.queues()).toEqual(counts);
    expect(calls[0]!.url).toBe('/api/admin/queues');
    expect(new Headers(calls[0]!.init.headers).has('authorization')).toBe(
      false,
    );
    expect(calls[0]!.init.credentials).toBe('same-origin');
  });

  it('posts actions, undo, block lists and headlines as JSON', async () => {
    const result = { unchanged: [], missing: ['x'], counts };
    const stored = {
      hold: { words: ['casino'], emails: [], addresses: [] },
      refuse: { words: [], emails: [], addresses: [] },
    };
    const { calls, fetch } = recorder((url) =>
      url.endsWith('/blocklists')
        ? json(stored)
        : url.includes('/threads/')
          ? json({ threadId: 'a b', title: 'Headline' })
          : json(result),
    );
    const admin = createAdminClient({ endpoint: '/api', fetch });
    expect(await admin.act('approve', ['a', 'x'])).toEqual(result);
    expect(await admin.undo('e1')).toEqual(result);
    expect(
      await admin.saveBlocklists({
        hold: { words: ['casino'], emails: [], addresses: [] },
        refuse: { words: [], emails: [], addresses: [] },
      }),
    ).toEqual(stored);
    await admin.setThreadTitle('a b', { title: 'Headline' });
    expect(
      calls.map((c) => [c.init.method, c.url, c.init.body as string]),
    ).toEqual([
      ['POST', '/api/admin/actions', '{"action":"approve","ids":["a","x"]}'],
      ['POST', '/api/admin/actions/undo', '{"id":"e1"}'],
      [
        'PUT',
        '/api/admin/blocklists',
        '{"hold":{"words":["casino"],"emails":[],"addresses":[]},"refuse":{"words":[],"emails":[],"addresses":[]}}',
      ],
      ['PUT', '/api/admin/threads/a%20b', '{"title":"Headline"}'],
    ]);
    for (const call of calls)
      expect(new Headers(call.init.headers).get('content-type')).toBe(
        'application/json',
      );
  });

  it('rejects with the service’s refusal: its code, message, fields and status', async () => {
    const { fetch } = recorder(() =>
      json(
        {
          error: {
            code: 'invalid',
            message: 'The block lists are not valid.',
            fields: { 'hold.words.0': 'A block list entry is …' },
          },
        },
        400,
      ),
    );
    const admin = createAdminClient({ endpoint: '/api', fetch });
    const error = await admin
      .saveBlocklists(lists() as Parameters<typeof admin.saveBlocklists>[0])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminError);
    expect(error).toMatchObject({
      code: 'invalid',
      message: 'The block lists are not valid.',
      fields: { 'hold.words.0': 'A block list entry is …' },
      status: 400,
    });
  });

  it('says a 401 without a readable body is unauthorized', async () => {
    const { fetch } = recorder(
      () => new Response('<h1>no</h1>', { status: 401 }),
    );
    const error = await createAdminClient({ endpoint: '/api', fetch })
      .queues()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('says when the service cannot be reached, or answers what it cannot read', async () => {
    const down = createAdminClient({
      endpoint: '/api',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await expect(down.audit()).rejects.toMatchObject({
      name: 'AdminError',
      code: 'network',
    });
    const { fetch } = recorder(() => json({ counts: { pending: 'many' } }));
    await expect(
      createAdminClient({ endpoint: '/api', fetch }).queues(),
    ).rejects.toMatchObject({
      code: 'server',
      message: 'The comment service answered in a way this page cannot read.',
    });
  });

  it('leaves an aborted request an abort', async () => {
    const controller = new AbortController();
    const admin = createAdminClient({
      endpoint: '/api',
      fetch: ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        )) as typeof fetch,
    });
    const listing = admin.list({ signal: controller.signal });
    controller.abort();
    await expect(listing).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('asks for the audit log from where the last page ended', async () => {
    const { calls, fetch } = recorder(() =>
      json({ entries: [], nextCursor: 'older' }),
    );
    const admin = createAdminClient({ endpoint: '/api', fetch });
    expect(await admin.audit({ cursor: 'a/b+c' })).toEqual({
      entries: [],
      nextCursor: 'older',
    });
    expect(calls[0]!.url).toBe('/api/admin/audit?cursor=a%2Fb%2Bc');
  });
});
