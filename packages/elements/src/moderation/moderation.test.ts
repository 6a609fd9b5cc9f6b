import {
  type AddressEntry,
  type AdminClient,
  type AdminComment,
  AdminError,
  type AuditEntry,
  type Blocklists,
  type CommentStatus,
  ERROR_CODES,
  type ModerationAction,
  type QueueCounts,
  setMessages,
} from '@dateline/core';
import { page, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deepActiveElement,
  expectAccessible,
  mount,
  shadow,
  until,
} from '../test/helpers.js';
import { type Locale, setStrings } from '../shared/localize.js';
import './index.js';
import type { DatelineModeration } from './moderation.js';

let clock = Date.UTC(2025, 6, 20, 8);
function adminComment(
  id: string,
  extra: Partial<AdminComment> = {},
): AdminComment {
  clock += 60_000;
  return {
    id,
    threadId: 'cambodia-crackdown-2025',
    parentId: null,
    author: { name: `Reader ${id}` },
    body: `Comment ${id}`,
    createdAt: new Date(clock).toISOString(),
    status: 'pending',
    email: `reader-${id}@example.com`,
    approvedBefore: 0,
    addressToken: `${id}~token`,
    ...extra,
  };
}

/**
 * An admin API in memory with the service's rules: actions recorded as audit entries, restore
 * to the status before, undo of what still stands, block lists whose addresses are named by
 * tokens. Records every call; `failNext` makes the next call reject with that error.
 */
function memoryAdmin(initial: AdminComment[]) {
  const rows = new Map(initial.map((c) => [c.id, { ...c }]));
  const history = new Map<string, CommentStatus[]>();
  const audit: AuditEntry[] = [];
  let lists: Blocklists = {
    hold: { words: [], emails: [], addresses: [] },
    refuse: { words: [], emails: [], addresses: [] },
  };
  let entrySequence = 0;
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const control = {
    failNext: undefined as Error | undefined,
    calls,
    rows,
    get lists() {
      return lists;
    },
    omitted: 0,
  };
  const counts = (): QueueCounts => {
    const out = { pending: 0, approved: 0, spam: 0, deleted: 0 };
    for (const c of rows.values()) out[c.status] += 1;
    return out;
  };
  const call = async (method: string, args: unknown[]) => {
    calls.push({ method, args });
    await new Promise((r) => setTimeout(r, 1));
    const failure = control.failNext;
    control.failNext = undefined;
    if (failure) throw failure;
  };
  const after = (action: ModerationAction, row: AdminComment) => {
    if (action === 'approve') return 'approved';
    if (action === 'spam') return 'spam';
    if (action === 'delete') return 'deleted';
    if (action === 'unapprove') return 'pending';
    if (row.status !== 'spam' && row.status !== 'deleted') return undefined;
    const before = history.get(row.id)?.at(-1);
    return before === 'approved' || before === 'pending' ? before : 'pending';
  };
  const record = (
    action: AuditEntry['action'],
    items: AuditEntry['items'],
    extra: Partial<AuditEntry> = {},
  ) => {
    const entry: AuditEntry = {
      id: `e${++entrySequence}`,
      at: new Date(clock).toISOString(),
      actor: 'editor@news.example',
      action,
      items,
      ...extra,
    };
    audit.unshift(entry);
    return entry;
  };
  const client: AdminClient = {
    async queues() {
      await call('queues', []);
      return counts();
    },
    async list(options = {}) {
      await call('list', [options]);
      const q = options.q?.toLowerCase();
      const all = [...rows.values()]
        .filter((c) => c.status === (options.status ?? 'pending'))
        .filter(
          (c) =>
            !q ||
            `${c.author.name}\n${c.email}\n${c.body}`.toLowerCase().includes(q),
        )
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
      const start = Number(options.cursor ?? 0);
      const limit = options.limit ?? 20;
      const shown = all.slice(start, start + limit);
      return {
        comments: shown.map((c) => ({ ...c })),
        counts: counts(),
        ...(start + limit < all.length
          ? { nextCursor: String(start + limit) }
          : {}),
        ...(control.omitted ? { omitted: control.omitted } : {}),
      };
    },
    async act(action, ids) {
      await call('act', [action, [...ids]]);
      const items: AuditEntry['items'] = [];
      const unchanged: string[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const row = rows.get(id);
        if (!row) {
          missing.push(id);
          continue;
        }
        const to = after(action, row);
        if (!to || to === row.status) {
          unchanged.push(id);
          continue;
        }
        history.set(id, [...(history.get(id) ?? []), row.status]);
        items.push({ commentId: id, from: row.status, to });
        row.status = to;
      }
      return {
        ...(items.length ? { entry: record(action, items) } : {}),
        unchanged,
        missing,
        counts: counts(),
      };
    },
    async undo(id) {
      await call('undo', [id]);
      const target = audit.find((e) => e.id === id);
      if (!target || target.undoneBy)
        throw new AdminError('That action was already undone.', {
          code: 'conflict',
          status: 409,
        });
      const items: AuditEntry['items'] = [];
      const unchanged: string[] = [];
      for (const item of target.items) {
        const row = rows.get(item.commentId)!;
        if (row.status !== item.to) {
          unchanged.push(item.commentId);
          continue;
        }
        row.status = item.from;
        items.push({ commentId: row.id, from: item.to, to: item.from });
      }
      const entry = record('undo', items, { undoes: id });
      target.undoneBy = entry.id;
      return { entry, unchanged, missing: [], counts: counts() };
    },
    async blocklists() {
      await call('blocklists', []);
      return structuredClone(lists);
    },
    async saveBlocklists(request) {
      await call('saveBlocklists', [structuredClone(request)]);
      const known = new Map<string, AddressEntry>(
        [...lists.hold.addresses, ...lists.refuse.addresses].map((a) => [
          a.id,
          a,
        ]),
      );
      const addresses = (refs: string[]) =>
        refs.map(
          (ref) =>
            known.get(ref) ?? {
              id: `entry-${ref}`,
              label: `Address of comment ${ref.split('~')[0]}`,
              addedAt: new Date(clock).toISOString(),
            },
        );
      lists = {
        hold: {
          words: [...request.hold.words] as string[],
          emails: [...request.hold.emails] as string[],
          addresses: addresses(request.hold.addresses as string[]),
        },
        refuse: {
          words: [...request.refuse.words] as string[],
          emails: [...request.refuse.emails] as string[],
          addresses: addresses(request.refuse.addresses as string[]),
        },
      };
      record('blocklists', [], { note: 'Block lists changed.' });
      return structuredClone(lists);
    },
    async audit() {
      await call('audit', []);
      return { entries: structuredClone(audit) };
    },
    async setThreadTitle(threadId, title) {
      await call('setThreadTitle', [threadId, title]);
      return { threadId, title: String(title.title) };
    },
  };
  return { client, control };
}

const queue = () => [
  adminComment('c1', {
    author: { name: 'Sokha', url: 'https://sokha.example' },
    email: 'sokha@example.com',
    approvedBefore: 2,
    threadTitle: 'Cambodia lets loose the cannons',
    threadUrl: 'https://news.example/cambodia',
  }),
  adminComment('c2', {
    parentId: 'c0',
    replyTo: {
      id: 'c0',
      authorName: 'Dara',
      excerpt: 'The numbers by nationality…',
    },
    body: 'See https://example.org/report. <img src=x onerror="window.__owned=1">',
  }),
  adminComment('c3', { body: 'Casino bonus' }),
];

let el: DatelineModeration;
let control: ReturnType<typeof memoryAdmin>['control'];

async function show(
  comments: AdminComment[] = queue(),
  setup: (c: typeof control) => void = () => {},
  parent: HTMLElement = document.body,
): Promise<DatelineModeration> {
  const admin = memoryAdmin(comments);
  control = admin.control;
  setup(control);
  el = document.createElement('dateline-moderation');
  el.client = admin.client;
  el.signInHref = '/admin/sign-in';
  if (parent !== document.body) document.body.append(parent);
  parent.append(el);
  await el.updateComplete;
  await until(
    () =>
      ['ready', 'error', 'unauthorized'].includes(
        (el as unknown as { _load: { state: string } })._load.state,
      ),
    'the queue',
  );
  await el.updateComplete;
  return el;
}

const $ = <E extends Element = HTMLElement>(selector: string) =>
  shadow(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(selector: string) => [
  ...shadow(el).querySelectorAll<E>(selector),
];
const shownIds = () =>
  $$('article.comment').map((a) => a.id.replace('comment-', ''));
const notice = () => $('.notice')!.textContent!.replace(/\s+/g, ' ').trim();
const button = (scope: ParentNode, text: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === text,
  )!;
/** Waits until the queue shown has loaded (after a search, a tab, an undo). */
const loaded = () =>
  until(
    () =>
      (el as unknown as { _load: { state: string } })._load.state === 'ready',
    'the queue to load',
  ).then(() => el.updateComplete);

beforeEach(() => {
  document.title = 'Moderation · Dateline';
});
afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(414, 896);
});

describe('<dateline-moderation>', () => {
  it('shows the queues as tabs with their counts, and the pending count in the page title while it is there', async () => {
    await show([
      ...queue(),
      adminComment('ok', { status: 'approved' }),
      adminComment('bad', { status: 'spam' }),
    ]);
    expect($$('[role="tab"]').map((t) => t.textContent!.trim())).toEqual([
      'Pending (3)',
      'Approved (1)',
      'Spam (1)',
      'Deleted (0)',
    ]);
    expect($('[role="tab"][aria-selected="true"]')!.id).toBe('tab-pending');
    expect(document.title).toBe('(3) Moderation · Dateline');
    el.remove();
    expect(document.title).toBe('Moderation · Dateline');
  });

  it('shows each comment with its article, the comment it answers, its author’s email, website and approved comments, and its text as text', async () => {
    await show();
    expect(shownIds()).toEqual(['c3', 'c2', 'c1']);
    const first = $('#comment-c1')!;
    expect(first.querySelector('.where')!.textContent).toContain(
      'On Cambodia lets loose the cannons',
    );
    expect(first.querySelector<HTMLAnchorElement>('.where a')!.href).toBe(
      'https://news.example/cambodia',
    );
    expect(first.querySelector('a[href="mailto:sokha@example.com"]')).not.toBe(
      null,
    );
    expect(
      first.querySelector<HTMLAnchorElement>('a[href="https://sokha.example"]')!
        .rel,
    ).toContain('nofollow');
    expect(first.querySelector('.approved')!.textContent).toBe(
      '2 comments approved before',
    );
    const reply = $('#comment-c2')!;
    expect(reply.querySelector('.reply-to')!.textContent).toBe(
      'In reply to Dara: “The numbers by nationality…”',
    );
    expect(reply.querySelector('.where')!.textContent).toContain(
      'thread cambodia-crackdown-2025',
    );
    // Links are made from the text; markup in it stays text.
    expect(reply.querySelector<HTMLAnchorElement>('.body a')!.href).toBe(
      'https://example.org/report',
    );
    expect(reply.querySelector('img')).toBe(null);
    expect(reply.querySelector('.body')!.textContent).toContain('<img src=x');
    expect((window as unknown as { __owned?: number }).__owned).toBeUndefined();
    await expectAccessible(el);
  });

  it('approves, marks as spam and deletes with each comment’s buttons, and restores from spam and deleted', async () => {
    await show();
    button($('#comment-c1')!, 'Approve').click();
    await until(() => !shownIds().includes('c1'), 'c1 to leave the queue');
    expect(notice()).toBe('Approved 1 comment. Undo');
    expect(control.rows.get('c1')!.status).toBe('approved');
    expect($('#tab-pending')!.textContent!.trim()).toBe('Pending (2)');
    expect(document.title).toBe('(2) Moderation · Dateline');

    button($('#comment-c2')!, 'Spam').click();
    await until(() => !shownIds().includes('c2'), 'c2 to leave the queue');
    expect(notice()).toBe('Marked as spam: 1 comment. Undo');
    button($('#comment-c3')!, 'Delete').click();
    await until(() => shownIds().length === 0, 'the queue to empty');
    expect(notice()).toBe('Deleted 1 comment. Undo');
    expect($('.queue-status')!.textContent).toBe(
      'No comments await moderation.',
    );
    await expectAccessible(el);

    $('#tab-spam')!.click();
    await until(() => shownIds().includes('c2'), 'the spam queue');
    button($('#comment-c2')!, 'Restore').click();
    await until(() => !shownIds().includes('c2'), 'c2 restored');
    expect(control.rows.get('c2')!.status).toBe('pending');
    $('#tab-deleted')!.click();
    await until(() => shownIds().includes('c3'), 'the deleted queue');
    button($('#comment-c3')!, 'Restore').click();
    await until(() => !shownIds().includes('c3'), 'c3 restored');
    expect(control.rows.get('c3')!.status).toBe('pending');

    $('#tab-approved')!.click();
    await until(() => shownIds().includes('c1'), 'the approved queue');
    button($('#comment-c1')!, 'Unapprove').click();
    await until(() => !shownIds().includes('c1'), 'c1 unapproved');
    expect(control.rows.get('c1')!.status).toBe('pending');
  });

  it('acts on a selection from the bulk bar, announces it with an Undo, and undoes it', async () => {
    await show();
    const bulk = $('.bulk')!;
    expect(button(bulk, 'Approve').disabled).toBe(true);
    $<HTMLInputElement>('#select-c1')!.click();
    $<HTMLInputElement>('#select-c3')!.click();
    await el.updateComplete;
    expect(bulk.querySelector('.selected-count')!.textContent).toBe(
      '2 comments selected',
    );
    await expectAccessible(el);
    const approve = [...bulk.querySelectorAll('button')].find((b) =>
      b.textContent!.startsWith('Approve'),
    )!;
    // Read "Approve, 2 comments selected": described by the count, one sentence in any language.
    expect(approve.textContent).toBe('Approve');
    expect(
      shadow(el).getElementById(approve.getAttribute('aria-describedby')!)!
        .textContent,
    ).toBe('2 comments selected');
    approve.click();
    await until(() => shownIds().length === 1, 'the selection to leave');
    expect(shownIds()).toEqual(['c2']);
    expect(control.calls.find((c) => c.method === 'act')!.args).toEqual([
      'approve',
      ['c1', 'c3'],
    ]);
    expect($('.notice')!.getAttribute('role')).toBe('status');
    expect(notice()).toBe('Approved 2 comments. Undo');
    await expectAccessible(el);

    const undo = $<HTMLButtonElement>('.notice .undo')!;
    undo.focus();
    undo.click();
    await until(() => shownIds().length === 3, 'the comments to come back');
    expect(notice()).toBe('Undone: 2 comments are back where they were.');
    expect(control.rows.get('c1')!.status).toBe('pending');
    // Focus is not lost with the Undo button: it goes to a comment that came back.
    expect(deepActiveElement()?.id).toMatch(/^comment-c[13]$/);
    expect($('.notice .undo')).toBe(null);
  });

  it('selects every shown comment at once, and says so', async () => {
    await show();
    $<HTMLInputElement>('.select-all input')!.click();
    await el.updateComplete;
    expect($$<HTMLInputElement>('input.select').every((c) => c.checked)).toBe(
      true,
    );
    expect(notice()).toBe('3 comments selected.');
    $<HTMLInputElement>('.select-all input')!.click();
    await el.updateComplete;
    expect($$<HTMLInputElement>('input.select').some((c) => c.checked)).toBe(
      false,
    );
  });

  it('moderates a queue with the keyboard alone', async () => {
    await show([
      adminComment('k1'),
      adminComment('k2'),
      adminComment('k3'),
      adminComment('k4'),
    ]);
    // Newest first: k4, k3, k2, k1. Tab reaches the current comment.
    $<HTMLElement>('article.comment.current')!.focus();
    expect(deepActiveElement()?.id).toBe('comment-k4');
    await userEvent.keyboard('j');
    expect(deepActiveElement()?.id).toBe('comment-k3');
    await userEvent.keyboard('k');
    expect(deepActiveElement()?.id).toBe('comment-k4');
    await userEvent.keyboard('jj');
    expect(deepActiveElement()?.id).toBe('comment-k2');

    await userEvent.keyboard('a');
    await until(() => !shownIds().includes('k2'), 'k2 approved');
    expect(control.rows.get('k2')!.status).toBe('approved');
    // The place is kept: focus moves to the comment that took its place.
    await until(() => deepActiveElement()?.id === 'comment-k1', 'focus on k1');

    await userEvent.keyboard('k');
    expect(deepActiveElement()?.id).toBe('comment-k3');
    await userEvent.keyboard('x');
    await userEvent.keyboard('j');
    await userEvent.keyboard('x');
    expect($<HTMLInputElement>('#select-k3')!.checked).toBe(true);
    expect($<HTMLInputElement>('#select-k1')!.checked).toBe(true);
    await userEvent.keyboard('{Shift>}S{/Shift}');
    await until(() => shownIds().length === 1, 'the selection marked as spam');
    expect(shownIds()).toEqual(['k4']);
    expect(control.rows.get('k3')!.status).toBe('spam');
    expect(control.rows.get('k1')!.status).toBe('spam');
    expect(notice()).toBe('Marked as spam: 2 comments. Undo');

    await userEvent.keyboard('u');
    await until(() => shownIds().length === 3, 'the spam undone');
    expect(control.rows.get('k3')!.status).toBe('pending');
    expect(deepActiveElement()?.localName).toBe('article');

    // With nothing selected, Shift+A says how to select instead of doing nothing silently.
    await userEvent.keyboard('{Shift>}A{/Shift}');
    expect(notice()).toBe('No comment is selected: press x to select one.');
    await userEvent.keyboard('u');
    expect(notice()).toBe('There is nothing to undo.');

    await userEvent.keyboard('d');
    await until(() => shownIds().length === 2, 'a comment deleted');
    await userEvent.keyboard('/');
    expect(deepActiveElement()?.id).toBe('search');
    // Typing in the search box is typing, not moderating.
    await userEvent.keyboard('ad');
    expect(shownIds()).toHaveLength(2);
    expect($<HTMLInputElement>('#search')!.value).toBe('ad');
  });

  it('moves between queues with the arrow keys, as tabs do', async () => {
    await show([...queue(), adminComment('s1', { status: 'spam' })]);
    $('#tab-pending')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(deepActiveElement()?.id).toBe('tab-approved');
    await userEvent.keyboard('{ArrowRight}');
    expect(deepActiveElement()?.id).toBe('tab-spam');
    await until(() => shownIds().join() === 's1', 'the spam queue');
    expect(el.queue).toBe('spam');
    await userEvent.keyboard('{End}');
    expect(deepActiveElement()?.id).toBe('tab-deleted');
    await userEvent.keyboard('{Home}');
    expect(deepActiveElement()?.id).toBe('tab-pending');
  });

  it('shows the keyboard shortcuts on the page', async () => {
    await show();
    const legend = $('.shortcuts')!;
    expect(legend.querySelector('h2')!.textContent).toBe('Keyboard shortcuts');
    const text = [...legend.querySelectorAll('dl > div')]
      .map(
        (row) =>
          `${row.querySelector('dt')!.textContent!.replace(/\s+/g, ' ').trim()} ${row.querySelector('dd')!.textContent}`,
      )
      .join('\n');
    for (const line of [
      'j / k Next / previous comment',
      'a Approve',
      's Mark as spam',
      'd Delete',
      'u Undo the last action',
      'x Select or unselect',
    ])
      expect(text).toContain(line);
    expect(legend.checkVisibility()).toBe(true);
  });

  it('searches by text, name or email, and shows all again', async () => {
    await show([
      adminComment('n1', { author: { name: 'Chantha' } }),
      adminComment('n2', { email: 'dara@EXAMPLE.com' }),
      adminComment('n3', { body: 'About the arrests' }),
    ]);
    const search = async (q: string) => {
      $<HTMLInputElement>('#search')!.value = q;
      $<HTMLButtonElement>('.search button[type="submit"]')!.click();
      await until(
        () =>
          control.calls.at(-1)?.method === 'list' &&
          (control.calls.at(-1)!.args[0] as { q?: string }).q === q,
        `a search for ${q}`,
      );
      await loaded();
      return shownIds();
    };
    expect(await search('chantha')).toEqual(['n1']);
    expect(notice()).toBe('1 comment matches “chantha”.');
    expect(await search('dara@example')).toEqual(['n2']);
    expect(await search('ARRESTS')).toEqual(['n3']);
    expect(await search('nothing')).toEqual([]);
    expect($('.queue-status')!.textContent).toBe(
      'No pending comments match “nothing”.',
    );
    await expectAccessible(el);
    button($('.search')!, 'Show all').click();
    await until(() => shownIds().length === 3, 'every comment again');
  });

  it('pages a long queue', async () => {
    await show(Array.from({ length: 25 }, (_, i) => adminComment(`p${i}`)));
    expect(shownIds()).toHaveLength(20);
    button($('#queue')!, 'Load more comments').click();
    await until(() => shownIds().length === 25, 'the second page');
    expect($('.more')).toBe(null);
    expect(deepActiveElement()?.id).toBe('comment-p4');
  });

  it('says how many comments could not be shown, and shows the rest', async () => {
    await show(queue(), (c) => {
      c.omitted = 2;
    });
    expect(shownIds()).toHaveLength(3);
    expect($('.omitted')!.textContent).toBe(
      '2 comments could not be shown because their data is invalid.',
    );
  });

  it('edits the block lists one entry per line, and says which line is wrong', async () => {
    await show();
    button($('nav')!, 'Block lists').click();
    await until(() => $('#hold-words'), 'the block lists');
    await expectAccessible(el);
    $<HTMLTextAreaElement>('#hold-words')!.value = 'casino\n\n  poker  \n';
    $<HTMLTextAreaElement>('#refuse-emails')!.value =
      '@junk.example\nspam@example.com';
    button($('form.lists')!, 'Save block lists').click();
    await until(() => notice() === 'Block lists saved.', 'the lists saved');
    expect(
      control.calls.find((c) => c.method === 'saveBlocklists')!.args[0],
    ).toEqual({
      hold: { words: ['casino', 'poker'], emails: [], addresses: [] },
      refuse: {
        words: [],
        emails: ['@junk.example', 'spam@example.com'],
        addresses: [],
      },
    });
    expect($<HTMLTextAreaElement>('#hold-words')!.value).toBe('casino\npoker');

    // Checked with the service's own schema before it is sent.
    const saves = control.calls.length;
    const long = 'x '.repeat(60);
    $<HTMLTextAreaElement>('#hold-words')!.value = `casino\n\n${long}`;
    button($('form.lists')!, 'Save block lists').click();
    await until(() => $('#hold-words-error'), 'the error');
    expect($('#hold-words-error')!.textContent).toBe(
      'Line 3: A block list entry is at most 100 characters long.',
    );
    expect(control.calls).toHaveLength(saves);
    expect($('#hold-words')!.getAttribute('aria-invalid')).toBe('true');
    expect(deepActiveElement()?.id).toBe('hold-words');
    // What was typed is kept.
    expect($<HTMLTextAreaElement>('#hold-words')!.value).toBe(
      `casino\n\n${long}`,
    );
    await expectAccessible(el);
  });

  it('says which entry the service refused in its own words, never the service’s', async () => {
    await show();
    const menu = $<HTMLDetailsElement>('#comment-c3 details.block')!;
    menu.open = true;
    button(menu, 'Hold future comments from this address').click();
    await until(() => control.lists.hold.addresses.length === 1, 'the entry');
    button($('nav')!, 'Block lists').click();
    await until(() => $('#hold-words'), 'the block lists');
    control.failNext = new AdminError('The block lists are not valid.', {
      code: 'invalid',
      status: 400,
      fields: {
        'hold.words.0': 'SERVICE ENGLISH about a word',
        'hold.addresses.0': 'SERVICE ENGLISH about an address',
      },
    });
    $<HTMLTextAreaElement>('#hold-words')!.value = '\nfine';
    button($('form.lists')!, 'Save block lists').click();
    await until(() => $('#hold-words-error'), 'the error');
    expect($('#hold-words-error')!.textContent).toBe(
      'Line 2: The comment service refused this entry.',
    );
    expect($('#hold-addresses ~ .error')!.textContent).toBe(
      'This address could not be kept: reload the block lists and try again.',
    );
    expect($('[role="alert"]')!.textContent).toBe(
      'The block lists were not saved. Some entries are not valid: see the lines marked below.',
    );
    expect(shadow(el).textContent).not.toContain('SERVICE ENGLISH');
    await expectAccessible(el);
  });

  it('blocks a comment’s address from its menu without showing the address, and removes it', async () => {
    await show();
    const menu = $<HTMLDetailsElement>('#comment-c3 details.block')!;
    menu.open = true;
    button(menu, 'Mark future comments from this address as spam').click();
    await until(
      () => notice() === 'Comments from this address will be marked as spam.',
      'the address blocked',
    );
    expect(
      control.calls.find((c) => c.method === 'saveBlocklists')!.args[0],
    ).toMatchObject({ refuse: { addresses: ['c3~token'] } });

    button($('nav')!, 'Block lists').click();
    await until(() => $('.addresses li'), 'the address entry');
    expect($('.addresses li')!.textContent).toContain('Address of comment c3');
    button($('.addresses')!, 'Remove').click();
    await until(() => !$('.addresses li'), 'the entry removed');
    expect(control.lists.refuse.addresses).toEqual([]);
    expect(deepActiveElement()?.id).toBe('refuse-addresses');
  });

  it('holds future comments from an email', async () => {
    await show();
    const menu = $<HTMLDetailsElement>('#comment-c1 details.block')!;
    menu.open = true;
    button(menu, 'Hold future comments from this email').click();
    await until(() => control.lists.hold.emails.length === 1, 'the email');
    expect(control.lists.hold.emails).toEqual(['sokha@example.com']);
    expect(notice()).toBe(
      'Comments from sokha@example.com will be held for moderation.',
    );
  });

  it('shows the audit log: who did what to which comment, and what was undone', async () => {
    await show();
    button($('#comment-c1')!, 'Approve').click();
    await until(() => !shownIds().includes('c1'), 'c1 approved');
    $<HTMLButtonElement>('.notice .undo')!.click();
    await until(() => shownIds().includes('c1'), 'c1 back');
    button($('nav')!, 'Audit log').click();
    await until(() => $('.audit'), 'the audit log');
    const entries = $$('.audit > li').map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain(
      'editor@news.example undid an action on 1 comment.',
    );
    expect(entries[1]).toContain('approved 1 comment. (undone)');
    expect(entries[1]).toContain('c1: pending → approved');
    await expectAccessible(el);
  });

  it('asks the moderator to sign in when the service says nobody is signed in', async () => {
    await show(queue(), (c) => {
      c.failNext = new AdminError(
        'Sign in at /admin to moderate, or send the moderation token.',
        { code: 'unauthorized', status: 401 },
      );
    });
    const alert = $('[role="alert"]')!;
    expect(alert.textContent).toContain(
      'You are not signed in, or your session has ended.',
    );
    // The service's message is for developers, and in English whatever the page's language.
    expect(alert.textContent).not.toContain('moderation token');
    expect(alert.querySelector('a')!.getAttribute('href')).toBe(
      '/admin/sign-in',
    );
    expect($('[role="tablist"]')).toBe(null);
    await expectAccessible(el);
  });

  it('says the queue is loading, accessibly, until it arrives', async () => {
    const { client } = memoryAdmin(queue());
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    el = document.createElement('dateline-moderation');
    el.client = {
      ...client,
      list: async (options) => {
        await held;
        return client.list(options);
      },
    };
    await mount(el);
    expect($('.queue-status')!.textContent).toBe('Loading comments…');
    await expectAccessible(el);
    release();
    await until(() => shownIds().length === 3, 'the queue');
  });

  it('says when the queue cannot be loaded, and tries again', async () => {
    await show(queue(), (c) => {
      c.failNext = new AdminError('The comment service could not be reached.', {
        code: 'network',
      });
    });
    expect($('[role="alert"]')!.textContent).toContain(
      'The comments could not be loaded. The comment service could not be reached.',
    );
    await expectAccessible(el);
    button($('[role="alert"]')!, 'Try again').click();
    await until(() => shownIds().length === 3, 'the queue');
  });

  it('says when an action fails, and keeps the comment', async () => {
    await show();
    control.failNext = new AdminError('The comment service failed.', {
      code: 'server',
      status: 500,
    });
    button($('#comment-c1')!, 'Approve').click();
    await until(() => $('[role="alert"]'), 'the failure');
    expect($('[role="alert"]')!.textContent).toBe(
      'That could not be done. The comment service is having trouble. Please try again in a moment.',
    );
    expect(shownIds()).toContain('c1');
    await expectAccessible(el);
  });

  it('fits a 320 px phone without scrolling sideways, whatever the names, emails and links', async () => {
    await page.viewport(320, 640);
    const long = 'Unbreakable'.repeat(10);
    await show([
      adminComment('w1', {
        author: { name: long, url: `https://example.org/${long}` },
        email: `${long.toLowerCase()}@example.com`,
        body: `See https://example.org/${long}/${long} ${long}`,
        threadTitle: long,
        replyTo: { id: 'w0', authorName: long, excerpt: long },
        parentId: 'w0',
      }),
      adminComment('w2'),
    ]);
    $<HTMLInputElement>('#select-w1')!.click();
    $<HTMLDetailsElement>('#comment-w1 details.block')!.open = true;
    await el.updateComplete;
    const width = document.documentElement.clientWidth;
    expect(document.documentElement.scrollWidth).toBe(width);
    const overflowing = (root: ShadowRoot) =>
      [...root.querySelectorAll<HTMLElement>('*')]
        .filter(
          (node) =>
            node.getClientRects().length > 0 &&
            node.getBoundingClientRect().right > width + 0.5,
        )
        .map((node) => `${node.localName}.${node.className}`);
    expect(overflowing(shadow(el))).toEqual([]);
    button($('nav')!, 'Block lists').click();
    await until(() => $('#hold-words'), 'the block lists');
    expect(overflowing(shadow(el))).toEqual([]);
    expect(document.documentElement.scrollWidth).toBe(width);
  });
});

describe('<dateline-moderation> in every language', () => {
  /** A container in a language, with the element inside it. */
  const inLanguage = (lang: string, dir?: 'rtl') => {
    const box = document.createElement('div');
    box.lang = lang;
    if (dir) box.dir = dir;
    return box;
  };
  const root = () => $('.moderation')!;
  const tabs = () => $$('[role="tab"]').map((t) => t.textContent!.trim());

  it('follows a change of lang on an ancestor: its words, digits, dates, title and root lang', async () => {
    setStrings('ar', {
      'moderation.queue-pending': 'قيد الانتظار',
      'moderation.queue-approved': 'مقبولة',
      'moderation.queue-spam': 'مزعجة',
      'moderation.queue-deleted': 'محذوفة',
    });
    const box = inLanguage('en');
    await show(queue(), () => {}, box);
    expect(root().lang).toBe('en');
    expect(tabs()[0]).toBe('Pending (3)');
    const englishDate = $('#comment-c1 time')!.textContent;
    expect(document.title).toBe('(3) Moderation · Dateline');

    box.lang = 'ar';
    await until(() => root().lang === 'ar', 'the element to follow');
    const three = new Intl.NumberFormat('ar').format(3);
    expect(tabs()[0]).toBe(`قيد الانتظار (${three})`);
    expect($('#comment-c1 time')!.textContent).not.toBe(englishDate);
    expect($('#comment-c1 time')!.textContent).toMatch(/[\u0600-\u06FF]/);
    expect(document.title).toBe(`(${three}) Moderation · Dateline`);
    await expectAccessible(el);

    box.lang = 'en';
    await until(() => root().lang === 'en', 'English again');
    expect(tabs()[0]).toBe('Pending (3)');
    expect(document.title).toBe('(3) Moderation · Dateline');
    el.remove();
    expect(document.title).toBe('Moderation · Dateline');
  });

  it('says what it did in the element’s language, and follows a later change of it', async () => {
    setStrings('vi', {
      'moderation.approved.other': 'Đã duyệt {0} bình luận.',
      'moderation.undo': 'Hoàn tác',
    });
    const box = inLanguage('vi');
    await show(queue(), () => {}, box);
    $<HTMLButtonElement>('#comment-c1 button.action.approve')!.click();
    await until(() => !shownIds().includes('c1'), 'c1 approved');
    expect(notice()).toBe('Đã duyệt 1 bình luận. Hoàn tác');
    // Words made after a request are made again in the new language.
    box.lang = 'en';
    await until(() => root().lang === 'en', 'English');
    expect(notice()).toBe('Approved 1 comment. Undo');
  });

  it('words a failure by the service’s code, in the element’s language, never in the service’s words', async () => {
    setStrings('id', {
      'moderation.failed-act': 'Tindakan itu tidak dapat dilakukan.',
      'moderation.error-server': 'Layanan komentar sedang bermasalah.',
    });
    await show(queue(), () => {}, inLanguage('id'));
    control.failNext = new AdminError('SERVICE ENGLISH: stack trace', {
      code: 'server',
      status: 500,
    });
    $<HTMLButtonElement>('#comment-c1 button.action.approve')!.click();
    await until(() => $('[role="alert"]'), 'the failure');
    expect($('[role="alert"]')!.textContent).toBe(
      'Tindakan itu tidak dapat dilakukan. Layanan komentar sedang bermasalah.',
    );
  });

  it('has words of its own for every code the service can answer', async () => {
    await show();
    const said = new Map<string, string>();
    for (const code of [...ERROR_CODES, 'network'] as const) {
      if (code === 'unauthorized') continue;
      control.failNext = new AdminError('SERVICE ENGLISH', { code });
      $<HTMLButtonElement>('#comment-c1 button.action.approve')!.click();
      await until(
        () =>
          control.calls.at(-1)?.method === 'act' &&
          !(el as unknown as { _busy: boolean })._busy,
        `the ${code} failure`,
      );
      await el.updateComplete;
      const text = $('[role="alert"]')!.textContent!;
      expect(text).not.toContain('SERVICE ENGLISH');
      expect(text).toMatch(/^That could not be done\. \S/);
      said.set(code, text);
    }
    // The codes that mean different things to a moderator read differently.
    for (const [a, b] of [
      ['network', 'server'],
      ['server', 'unavailable'],
      ['forbidden', 'invalid'],
      ['conflict', 'not-found'],
    ] as const)
      expect(said.get(a)).not.toBe(said.get(b));
  });

  it('counts by the language’s plural rules, with its digits', async () => {
    const forms = ['zero', 'one', 'two', 'few', 'many', 'other'];
    setStrings(
      'ar',
      Object.fromEntries([
        ...forms.map((f) => [`moderation.omitted.${f}`, `${f} {0}`]),
        ...forms.map((f) => [`moderation.found.${f}`, `${f} {0}`]),
      ]),
    );
    await show(queue(), () => {}, inLanguage('ar'));
    const omitted = async (n: number) => {
      control.omitted = n;
      await el.loadQueue();
      await el.updateComplete;
      return $('.omitted')!.textContent;
    };
    const digits = new Intl.NumberFormat('ar');
    for (const [n, form] of [
      [1, 'one'],
      [2, 'two'],
      [3, 'few'],
      [11, 'many'],
      [100, 'other'],
      [1204, 'few'],
    ] as const)
      expect(await omitted(n)).toBe(`${form} ${digits.format(n)}`);
    $<HTMLInputElement>('#search')!.value = 'nothing';
    $<HTMLButtonElement>('.search button[type="submit"]')!.click();
    await until(
      () => notice() === `zero ${digits.format(0)}`,
      'the search said',
    );
  });

  it('words a block list entry’s problem by its issue code, through core’s catalogue in the element’s language', async () => {
    // A site's wording, ahead of any shipped: the test reads words it chose. (Neither catalogue
    // can drop an override; this file runs in a page of its own.)
    setMessages('km', {
      'blocklist-entry-too-long': 'ធាតុវែងជាង {max} តួអក្សរ។',
    });
    setStrings('km', { 'moderation.line-error': 'បន្ទាត់ {0}៖ {1}' });
    await show(queue(), () => {}, inLanguage('km'));
    $$<HTMLButtonElement>('nav button.view')[1]!.click();
    await until(() => $('#hold-words'), 'the block lists');
    $<HTMLTextAreaElement>('#hold-words')!.value =
      `casino\n\n${'x'.repeat(101)}`;
    $<HTMLButtonElement>('form.lists button[type="submit"]')!.click();
    await until(() => $('#hold-words-error'), 'the error');
    const number = new Intl.NumberFormat('km');
    expect($('#hold-words-error')!.textContent).toBe(
      `បន្ទាត់ ${number.format(3)}៖ ធាតុវែងជាង ${number.format(100)} តួអក្សរ។`,
    );
    expect(control.calls.some((c) => c.method === 'saveBlocklists')).toBe(
      false,
    );
  });

  it('takes its shortcuts by the key’s place on a keyboard that types Thai or Khmer', async () => {
    await show();
    $<HTMLElement>('article.comment.current')!.focus();
    const press = (key: string, code: string, shiftKey = false) =>
      deepActiveElement()!.dispatchEvent(
        new KeyboardEvent('keydown', {
          key,
          code,
          shiftKey,
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
    // ฟ is where a is; ่ where j is.
    press('่', 'KeyJ');
    await until(() => deepActiveElement()?.id === 'comment-c2', 'j to move');
    press('ฟ', 'KeyA');
    await until(() => !shownIds().includes('c2'), 'c2 approved');
    expect(control.rows.get('c2')!.status).toBe('approved');
    // Khmer: ប is where x is; Shift + ស (S) marks the selection as spam.
    await until(() => deepActiveElement()?.localName === 'article', 'focus');
    press('ប', 'KeyX');
    await el.updateComplete;
    expect($$<HTMLInputElement>('input.select:checked')).toHaveLength(1);
    press('ឝ', 'KeyS', true);
    await until(
      () => [...control.rows.values()].some((c) => c.status === 'spam'),
      'the selection marked as spam',
    );
  });

  it('mirrors for a right-to-left language: the current comment’s rule and the tabs’ arrows', async () => {
    await show(queue(), () => {}, inLanguage('ar', 'rtl'));
    const current = $('article.comment.current')!;
    const style = getComputedStyle(current);
    expect(style.borderRightWidth).toBe('4px');
    expect(style.borderLeftWidth).toBe('1px');
    const reply = getComputedStyle($('#comment-c2 .reply-to')!);
    expect(reply.paddingRight).not.toBe('0px');
    expect(reply.paddingLeft).toBe('0px');
    // In a right-to-left language the next tab is to the left.
    $('#tab-pending')!.focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(deepActiveElement()?.id).toBe('tab-approved');
    await userEvent.keyboard('{ArrowRight}');
    expect(deepActiveElement()?.id).toBe('tab-pending');
    await expectAccessible(el);
  });

  const scripts: Array<[Locale, string]> = [
    ['km', 'មតិយោបល់ទាំងនេះកំពុងរង់ចាំការសម្របសម្រួលពីអ្នកកែសម្រួល'],
    ['th', 'ความคิดเห็นเหล่านี้กำลังรอการตรวจสอบจากผู้ดูแลระบบของเว็บไซต์'],
    ['zh-Hans', '这些评论正在等待审核员审核后才会显示在文章下方的讨论区'],
  ];
  for (const [locale, words] of scripts)
    it(`fits a 320 px phone in ${locale}, whose words run on without spaces`, async () => {
      await page.viewport(320, 640);
      // Sentences the line breaker splits by the script's rules, then a run it finds no
      // break in (a name, a word its dictionary lacks).
      const long = words.repeat(3) + words[0]!.repeat(60);
      setStrings(locale, {
        'moderation.queue-pending': words,
        'moderation.search-label': long,
        'moderation.select-all': long,
        'moderation.action-approve': words,
        'moderation.hold-email': long,
        'moderation.approved-before.other': `{0} ${long}`,
        'moderation.shortcuts-title': long,
        'moderation.key-act-selected': long,
        'moderation.words-hint': long,
      });
      await show(
        [
          adminComment('w1', {
            author: { name: long },
            body: `${long}\n\n${long}`,
            threadTitle: long,
            replyTo: { id: 'w0', authorName: long, excerpt: long },
            parentId: 'w0',
            approvedBefore: 3,
          }),
          adminComment('w2'),
        ],
        () => {},
        inLanguage(locale),
      );
      expect(root().lang).toBe(locale);
      $<HTMLInputElement>('#select-w1')!.click();
      $<HTMLDetailsElement>('#comment-w1 details.block')!.open = true;
      await el.updateComplete;
      expect(shadow(el).textContent).toContain(long);
      const width = document.documentElement.clientWidth;
      const overflowing = () =>
        [...shadow(el).querySelectorAll<HTMLElement>('*')]
          .filter(
            (node) =>
              node.getClientRects().length > 0 &&
              node.getBoundingClientRect().right > width + 0.5,
          )
          .map((node) => `${node.localName}.${node.className}`);
      expect(overflowing()).toEqual([]);
      expect(document.documentElement.scrollWidth).toBe(width);
      $$<HTMLButtonElement>('nav button.view')[1]!.click();
      await until(() => $('#hold-words'), 'the block lists');
      expect(overflowing()).toEqual([]);
      expect(document.documentElement.scrollWidth).toBe(width);
    });
});
