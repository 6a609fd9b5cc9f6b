/**
 * What every CommentRepository must do, as tests: SQLite runs them (sqlite.test.ts), and so
 * will any other implementation, such as PostgreSQL's.
 */
import type { CommentStatus, ModerationAction } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { statusAfter } from '../policy/moderation.js';
import {
  type CommentRepository,
  InvalidCursorError,
  type NewOutboxMessage,
  type StoredComment,
} from './types.js';

let sequence = 0;

/** A comment to store; every call a new id, a later time. */
export function storedComment(
  over: Partial<StoredComment> = {},
): StoredComment {
  sequence += 1;
  return {
    id: `c${String(sequence).padStart(6, '0')}`,
    threadId: 't',
    parentId: null,
    author: { name: 'Sokha' },
    body: `Comment ${sequence}`,
    createdAt: new Date(Date.UTC(2025, 6, 20, 8, 0, sequence)).toISOString(),
    status: 'approved',
    email: 'sokha@example.com',
    addressHash: 'a'.repeat(64),
    ...over,
  };
}

const LEASE = 10_000;
const T0 = Date.UTC(2025, 6, 20, 8);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Registers the contract's tests for the repositories `open` makes: each test gets a new,
 * empty one, and closes it.
 */
export function describeCommentRepository(
  name: string,
  open: () => Promise<CommentRepository>,
): void {
  describe(`${name}: the CommentRepository contract`, () => {
    const opened: CommentRepository[] = [];
    const fresh = async () => {
      const repository = await open();
      opened.push(repository);
      return repository;
    };
    afterEach(async () => {
      for (const repository of opened.splice(0)) await repository.close();
    });

    describe('comments', () => {
      it('stores a comment and gives it back with its email and address hash', async () => {
        const repository = await fresh();
        const comment = storedComment({
          author: { name: 'Dara', url: 'https://dara.example' },
        });
        expect(await repository.insert(comment)).toEqual({ stored: true });
        expect(await repository.get(comment.id)).toEqual(comment);
        expect(await repository.get('no-such-comment')).toBeUndefined();
      });

      it('pages top-level approved comments with all their approved replies, in either order', async () => {
        const repository = await fresh();
        const a = storedComment();
        const b = storedComment();
        const c = storedComment();
        const replyToA = storedComment({ parentId: a.id });
        const replyToReply = storedComment({ parentId: replyToA.id });
        const pending = storedComment({ status: 'pending' });
        const underPending = storedComment({ parentId: pending.id });
        const elsewhere = storedComment({ threadId: 'other' });
        for (const comment of [
          a,
          b,
          c,
          replyToA,
          replyToReply,
          pending,
          underPending,
          elsewhere,
        ])
          await repository.insert(comment);

        const first = await repository.page({
          threadId: 't',
          limit: 2,
          order: 'oldest',
        });
        expect(first.comments.map((x) => x.id)).toEqual([
          a.id,
          b.id,
          replyToA.id,
          replyToReply.id,
        ]);
        expect(first.nextCursor).toEqual(expect.any(String));
        // Public comments: no email, no address.
        expect(first.comments[0]).not.toHaveProperty('email');
        expect(first.comments[0]).not.toHaveProperty('addressHash');

        const second = await repository.page({
          threadId: 't',
          limit: 2,
          order: 'oldest',
          cursor: first.nextCursor!,
        });
        // A reply whose parent is not shown is shown at the top level.
        expect(second.comments.map((x) => x.id)).toEqual([
          c.id,
          underPending.id,
        ]);
        expect(second.nextCursor).toBeUndefined();

        const newest = await repository.page({
          threadId: 't',
          limit: 1,
          order: 'newest',
        });
        expect(newest.comments.map((x) => x.id)).toEqual([underPending.id]);
      });

      it('refuses a cursor it did not give out', async () => {
        const repository = await fresh();
        await expect(
          repository.page({
            threadId: 't',
            limit: 2,
            order: 'oldest',
            cursor: 'garbage',
          }),
        ).rejects.toBeInstanceOf(InvalidCursorError);
      });

      it('counts approved comments and changes the thread version whenever what it shows changes', async () => {
        const repository = await fresh();
        expect(await repository.threadVersion('t')).toBe(0);
        const held = storedComment({ status: 'pending' });
        await repository.insert(held);
        const v0 = await repository.threadVersion('t');
        expect(await repository.countApproved('t')).toBe(0);

        await repository.insert(storedComment());
        const v1 = await repository.threadVersion('t');
        expect(v1).not.toBe(v0);
        expect(await repository.countApproved('t')).toBe(1);

        const approved = await repository.setStatus(held.id, 'approved');
        expect(approved).toMatchObject({ id: held.id, status: 'approved' });
        const v2 = await repository.threadVersion('t');
        expect(v2).not.toBe(v1);
        expect(await repository.countApproved('t')).toBe(2);

        await repository.setStatus(held.id, 'deleted');
        expect(await repository.threadVersion('t')).not.toBe(v2);
        expect(await repository.countApproved('t')).toBe(1);
        expect(await repository.setStatus('no-such', 'approved')).toBe(
          undefined,
        );
      });

      it('lists comments by status, newest first, up to a limit, with their emails', async () => {
        const repository = await fresh();
        const older = storedComment({ status: 'spam', email: 'x@example.com' });
        const newer = storedComment({ status: 'spam' });
        await repository.insert(older);
        await repository.insert(newer);
        await repository.insert(storedComment({ status: 'pending' }));
        expect(
          (await repository.listByStatus('spam', 10)).map((c) => c.id),
        ).toEqual([newer.id, older.id]);
        expect(await repository.listByStatus('spam', 1)).toEqual([newer]);
      });
    });

    describe('counts for index pages', () => {
      it('counts the approved comments of several threads at once, 0 for those without', async () => {
        const repository = await fresh();
        for (const comment of [
          storedComment({ threadId: 'a' }),
          storedComment({ threadId: 'a' }),
          storedComment({ threadId: 'a', status: 'pending' }),
          storedComment({ threadId: 'b', status: 'spam' }),
          storedComment({ threadId: 'c' }),
          storedComment({ threadId: 'constructor' }),
        ])
          await repository.insert(comment);
        const counts = await repository.countApprovedIn([
          'a',
          'b',
          'c',
          'constructor',
          'never',
        ]);
        expect([...counts]).toEqual([
          ['a', 2],
          ['b', 0],
          ['c', 1],
          ['constructor', 1],
          ['never', 0],
        ]);
        expect(await repository.countApprovedIn([])).toEqual(new Map());
      });

      it('gives each thread’s version, as threadVersion does, and changes only the one that changed', async () => {
        const repository = await fresh();
        await repository.insert(storedComment({ threadId: 'a' }));
        const held = storedComment({ threadId: 'b', status: 'pending' });
        await repository.insert(held);
        const before = await repository.threadVersions(['a', 'b', 'never']);
        for (const id of ['a', 'b', 'never'])
          expect(before.get(id)).toBe(await repository.threadVersion(id));
        expect(before.get('never')).toBe(0);

        await repository.setStatus(held.id, 'approved');
        const after = await repository.threadVersions(['a', 'b', 'never']);
        expect(after.get('a')).toBe(before.get('a'));
        expect(after.get('b')).not.toBe(before.get('b'));
        expect(after.get('never')).toBe(0);
      });
    });

    describe('feeds: the newest approved comments', () => {
      it('gives the newest approved comments, of one thread or of the site, newest first and no more than asked', async () => {
        const repository = await fresh();
        const a1 = storedComment({ threadId: 'a' });
        const b1 = storedComment({ threadId: 'b' });
        const a2 = storedComment({ threadId: 'a', parentId: a1.id });
        const held = storedComment({ threadId: 'a', status: 'pending' });
        const spam = storedComment({ threadId: 'b', status: 'spam' });
        const deleted = storedComment({ threadId: 'a' });
        const a3 = storedComment({ threadId: 'a' });
        for (const comment of [a1, b1, a2, held, spam, deleted, a3])
          await repository.insert(comment);
        await repository.setStatus(deleted.id, 'deleted');

        const site = await repository.recentApproved({ limit: 10 });
        expect(site.comments.map((c) => c.id)).toEqual([
          a3.id,
          a2.id,
          b1.id,
          a1.id,
        ]);
        const thread = await repository.recentApproved({
          threadId: 'a',
          limit: 10,
        });
        expect(thread.comments.map((c) => c.id)).toEqual([a3.id, a2.id, a1.id]);
        const two = await repository.recentApproved({
          threadId: 'a',
          limit: 2,
        });
        expect(two.comments.map((c) => c.id)).toEqual([a3.id, a2.id]);
        expect(
          (await repository.recentApproved({ threadId: 'never', limit: 10 }))
            .comments,
        ).toEqual([]);
      });

      it('gives public comments: the author’s name and website, never an email or address', async () => {
        const repository = await fresh();
        const comment = storedComment({
          author: { name: 'Dara', url: 'https://dara.example' },
          parentId: 'c-gone',
        });
        await repository.insert(comment);
        const { comments } = await repository.recentApproved({ limit: 1 });
        const { email: _email, addressHash: _address, ...shown } = comment;
        expect(comments).toEqual([shown]);
        expect(comments[0]).not.toHaveProperty('email');
        expect(comments[0]).not.toHaveProperty('addressHash');
      });

      it('places a comment approved late by when it was written, and ties by id', async () => {
        const repository = await fresh();
        const at = new Date(Date.UTC(2025, 6, 25)).toISOString();
        const early = storedComment({
          status: 'pending',
          createdAt: new Date(Date.UTC(2025, 6, 1)).toISOString(),
        });
        const x = storedComment({ id: 'x-same-time', createdAt: at });
        const y = storedComment({ id: 'y-same-time', createdAt: at });
        const later = storedComment({
          createdAt: new Date(Date.UTC(2025, 6, 26)).toISOString(),
        });
        for (const comment of [early, y, x, later])
          await repository.insert(comment);
        await repository.setStatus(early.id, 'approved');
        expect(
          (await repository.recentApproved({ limit: 10 })).comments.map(
            (c) => c.id,
          ),
        ).toEqual([later.id, y.id, x.id, early.id]);
      });

      it('gives the headline of each thread shown and of the thread asked for, where one was set', async () => {
        const repository = await fresh();
        for (const threadId of ['a', 'b', 'constructor', '__proto__'])
          await repository.insert(storedComment({ threadId }));
        await repository.setThreadTitle('a', {
          title: 'Cambodia lets loose the cannons',
          url: 'https://news.example/cambodia',
        });
        await repository.setThreadTitle('constructor', { title: 'Built' });
        await repository.setThreadTitle('__proto__', { title: 'Proto' });
        await repository.setThreadTitle('empty', { title: 'Nothing yet' });
        await repository.setThreadTitle('elsewhere', { title: 'Not asked' });

        const site = await repository.recentApproved({ limit: 10 });
        expect([...site.threads].sort(([x], [y]) => (x < y ? -1 : 1))).toEqual([
          ['__proto__', { title: 'Proto' }],
          [
            'a',
            {
              title: 'Cambodia lets loose the cannons',
              url: 'https://news.example/cambodia',
            },
          ],
          ['constructor', { title: 'Built' }],
        ]);
        const empty = await repository.recentApproved({
          threadId: 'empty',
          limit: 10,
        });
        expect(empty.comments).toEqual([]);
        expect([...empty.threads]).toEqual([
          ['empty', { title: 'Nothing yet' }],
        ]);
        const b = await repository.recentApproved({ threadId: 'b', limit: 10 });
        expect(b.comments).toHaveLength(1);
        expect(b.threads.size).toBe(0);
      });
    });

    describe('what the policy asks', () => {
      it('finds an approved commenter only by the same name and the same email', async () => {
        const repository = await fresh();
        await repository.insert(
          storedComment({
            author: { name: 'Sokha' },
            email: 'sokha@example.com',
          }),
        );
        await repository.insert(
          storedComment({
            author: { name: 'Held' },
            email: 'held@example.com',
            status: 'pending',
          }),
        );
        expect(
          await repository.findApprovedCommenter({
            name: 'Sokha',
            email: 'sokha@example.com',
          }),
        ).toEqual({ name: 'Sokha', email: 'sokha@example.com' });
        expect(
          await repository.findApprovedCommenter({
            name: 'Sokha',
            email: 'SOKHA@Example.com',
          }),
        ).toMatchObject({ name: 'Sokha' });
        // someone else's email under another name
        expect(
          await repository.findApprovedCommenter({
            name: 'Dara',
            email: 'sokha@example.com',
          }),
        ).toBeUndefined();
        expect(
          await repository.findApprovedCommenter({
            name: 'Sokha',
            email: 'dara@example.com',
          }),
        ).toBeUndefined();
        // a comment that was never approved proves nothing
        expect(
          await repository.findApprovedCommenter({
            name: 'Held',
            email: 'held@example.com',
          }),
        ).toBeUndefined();
      });

      it('finds copies of a text from one address in one thread, in any status', async () => {
        const repository = await fresh();
        const here = 'h'.repeat(64);
        const there = 't'.repeat(64);
        await repository.insert(
          storedComment({ body: 'Same', addressHash: here, status: 'spam' }),
        );
        await repository.insert(
          storedComment({ body: 'Same', addressHash: there }),
        );
        await repository.insert(
          storedComment({ body: 'Same', addressHash: here, threadId: 'u' }),
        );
        await repository.insert(
          storedComment({ body: 'Other', addressHash: here }),
        );
        expect(
          await repository.copiesFrom({
            threadId: 't',
            body: 'Same',
            addressHash: here,
          }),
        ).toEqual([
          { email: 'sokha@example.com', addressHash: here, status: 'spam' },
        ]);
      });

      it('says when an address last posted, in any status', async () => {
        const repository = await fresh();
        const here = 'h'.repeat(64);
        expect(await repository.lastPostFrom(here)).toBeUndefined();
        await repository.insert(storedComment({ addressHash: here }));
        const last = storedComment({ addressHash: here, status: 'spam' });
        await repository.insert(last);
        await repository.insert(storedComment({ addressHash: 'x' }));
        expect(await repository.lastPostFrom(here)).toBe(last.createdAt);
      });

      it('stores nothing when the address posted after quietSince, checked in the write', async () => {
        const repository = await fresh();
        const here = 'h'.repeat(64);
        const first = storedComment({
          addressHash: here,
          createdAt: '2025-07-20T08:00:00.000Z',
        });
        await repository.insert(first);
        const fast = storedComment({
          addressHash: here,
          createdAt: '2025-07-20T08:00:05.000Z',
        });
        expect(
          await repository.insert(fast, {
            quietSince: '2025-07-20T07:59:50.000Z',
          }),
        ).toEqual({
          stored: false,
          reason: 'too-fast',
          lastPostAt: first.createdAt,
        });
        expect(await repository.get(fast.id)).toBeUndefined();
        // another address, or a post after the quiet time, goes through
        expect(
          await repository.insert(storedComment({ addressHash: 'other' }), {
            quietSince: '2025-07-20T07:59:50.000Z',
          }),
        ).toEqual({ stored: true });
        expect(
          await repository.insert(fast, {
            quietSince: '2025-07-20T08:00:00.000Z',
          }),
        ).toEqual({ stored: true });
      });
    });

    describe('idempotency keys', () => {
      const request = (over: Record<string, unknown> = {}) => ({
        threadId: 't',
        key: 'key-1',
        requestHash: 'hash-1',
        now: T0,
        leaseMs: LEASE,
        ...over,
      });

      it('gives a key to one request; the same request then waits, another conflicts', async () => {
        const repository = await fresh();
        const first = await repository.reserve(request());
        expect(first).toEqual({ kind: 'reserved', token: expect.any(String) });
        expect(await repository.reserve(request({ now: T0 + 1 }))).toEqual({
          kind: 'in-progress',
        });
        expect(
          await repository.reserve(request({ requestHash: 'hash-2' })),
        ).toEqual({ kind: 'conflict' });
        // keys belong to a thread
        expect(
          (await repository.reserve(request({ threadId: 'other' }))).kind,
        ).toBe('reserved');
      });

      it('gives the key to exactly one of many concurrent requests', async () => {
        const repository = await fresh();
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, () => repository.reserve(request())),
        );
        expect(outcomes.filter((o) => o.kind === 'reserved')).toHaveLength(1);
        expect(outcomes.filter((o) => o.kind === 'in-progress')).toHaveLength(
          19,
        );
      });

      it('answers the same request with the answer stored with its comment', async () => {
        const repository = await fresh();
        const held = await repository.reserve(request());
        if (held.kind !== 'reserved') throw new Error('not reserved');
        const comment = storedComment();
        const answer = { status: 201, body: '{"comment":{}}' };
        expect(
          await repository.insert(comment, {
            reservation: {
              threadId: 't',
              key: 'key-1',
              token: held.token,
              answer,
            },
          }),
        ).toEqual({ stored: true });
        expect(await repository.get(comment.id)).toEqual(comment);
        expect(await repository.reserve(request({ now: T0 + 1 }))).toEqual({
          kind: 'answered',
          answer,
        });
        // long after any lease, still the same answer; a different request still conflicts
        expect(
          await repository.reserve(request({ now: T0 + 100 * LEASE })),
        ).toEqual({ kind: 'answered', answer });
        expect(
          await repository.reserve(request({ requestHash: 'hash-2' })),
        ).toEqual({ kind: 'conflict' });
      });

      it('lets a released key be taken again, and ignores a release by a stranger', async () => {
        const repository = await fresh();
        const held = await repository.reserve(request());
        if (held.kind !== 'reserved') throw new Error('not reserved');
        await repository.release({
          threadId: 't',
          key: 'key-1',
          token: 'not-the-token',
        });
        expect((await repository.reserve(request())).kind).toBe('in-progress');
        await repository.release({
          threadId: 't',
          key: 'key-1',
          token: held.token,
        });
        // after a refusal the key is free, even for a corrected request
        expect(
          (await repository.reserve(request({ requestHash: 'hash-2' }))).kind,
        ).toBe('reserved');
      });

      it('lets a retry take over a reservation whose lease ran out; the old holder then stores nothing', async () => {
        const repository = await fresh();
        const stale = await repository.reserve(request());
        if (stale.kind !== 'reserved') throw new Error('not reserved');
        expect(
          (await repository.reserve(request({ now: T0 + LEASE - 1 }))).kind,
        ).toBe('in-progress');
        const taken = await repository.reserve(request({ now: T0 + LEASE }));
        expect(taken).toEqual({ kind: 'reserved', token: expect.any(String) });
        if (taken.kind !== 'reserved') throw new Error('not reserved');
        expect(taken.token).not.toBe(stale.token);

        const late = storedComment();
        expect(
          await repository.insert(late, {
            reservation: {
              threadId: 't',
              key: 'key-1',
              token: stale.token,
              answer: { status: 201, body: 'late' },
            },
          }),
        ).toEqual({ stored: false, reason: 'reservation-lost' });
        expect(await repository.get(late.id)).toBeUndefined();

        const onTime = storedComment();
        await repository.insert(onTime, {
          reservation: {
            threadId: 't',
            key: 'key-1',
            token: taken.token,
            answer: { status: 201, body: 'on time' },
          },
        });
        expect(await repository.reserve(request())).toEqual({
          kind: 'answered',
          answer: { status: 201, body: 'on time' },
        });
      });

      it('stores nothing for a reservation that was already completed or released', async () => {
        const repository = await fresh();
        const held = await repository.reserve(request());
        if (held.kind !== 'reserved') throw new Error('not reserved');
        const reservation = {
          threadId: 't',
          key: 'key-1',
          token: held.token,
          answer: { status: 201, body: 'first' },
        };
        await repository.insert(storedComment(), { reservation });
        const twice = storedComment();
        expect(await repository.insert(twice, { reservation })).toEqual({
          stored: false,
          reason: 'reservation-lost',
        });
        expect(await repository.get(twice.id)).toBeUndefined();
      });
    });

    describe('the store itself', () => {
      it('proves it can be written without changing what anyone sees', async () => {
        const repository = await fresh();
        await repository.insert(storedComment());
        const version = await repository.threadVersion('t');
        await expect(
          repository.checkWritable(300_000),
        ).resolves.toBeUndefined();
        expect(await repository.countApproved('t')).toBe(1);
        expect(await repository.threadVersion('t')).toBe(version);
        for (const status of [
          'approved',
          'pending',
          'spam',
          'deleted',
        ] as CommentStatus[])
          expect(
            (await repository.listByStatus(status, 10)).length,
          ).toBeLessThanOrEqual(1);
      });

      it('keeps a secret salt', async () => {
        const repository = await fresh();
        expect(repository.salt()).toMatch(/^.{32,}$/);
        expect(repository.salt()).toBe(repository.salt());
      });
    });

    describe('moderation: queues, actions, the audit log, block lists', () => {
      const entry = (id: string, at = '2025-07-21T09:00:00.000Z') => ({
        id,
        at,
        actor: 'moderator@example.com',
      });
      const act = (
        repository: CommentRepository,
        action: ModerationAction,
        ids: string[],
        id = `e-${action}-${ids.join('-')}`,
      ) =>
        repository.moderate({
          entry: { ...entry(id), action },
          ids,
          statusAfter: (current, before) =>
            statusAfter(action, current, before),
        });
      const statusOf = async (repository: CommentRepository, id: string) =>
        (await repository.get(id))?.status;

      it('counts comments by status and pages a queue newest first, ties broken by id', async () => {
        const repository = await fresh();
        expect(await repository.countByStatus()).toEqual({
          approved: 0,
          pending: 0,
          spam: 0,
          deleted: 0,
        });
        const at = '2025-07-20T10:00:00.000Z';
        const older = storedComment({ status: 'pending' });
        const tieA = storedComment({
          id: 'tie-a',
          status: 'pending',
          createdAt: at,
        });
        const tieB = storedComment({
          id: 'tie-b',
          status: 'pending',
          createdAt: at,
        });
        await repository.insert(older);
        await repository.insert(tieB);
        await repository.insert(tieA);
        await repository.insert(storedComment({ status: 'spam' }));
        await repository.insert(storedComment());
        expect(await repository.countByStatus()).toEqual({
          approved: 1,
          pending: 3,
          spam: 1,
          deleted: 0,
        });
        const first = await repository.queue({ status: 'pending', limit: 2 });
        expect(first.map((c) => c.id)).toEqual(['tie-b', 'tie-a']);
        expect(first[0]).toEqual(tieB);
        const rest = await repository.queue({
          status: 'pending',
          limit: 2,
          before: { createdAt: at, id: 'tie-a' },
        });
        expect(rest.map((c) => c.id)).toEqual([older.id]);
      });

      it('tells a moderator the headline, the comment replied to and how many of the author’s comments are approved', async () => {
        const repository = await fresh();
        const parent = storedComment({
          author: { name: 'Sokha' },
          body: 'x'.repeat(1000),
        });
        await repository.insert(parent);
        await repository.insert(storedComment({ email: 'DARA@example.com' }));
        await repository.insert(storedComment({ email: 'dara@example.com' }));
        await repository.insert(
          storedComment({ email: 'dara@example.com', status: 'spam' }),
        );
        const reply = storedComment({
          parentId: parent.id,
          email: 'dara@example.com',
          status: 'pending',
        });
        const orphan = storedComment({
          parentId: 'gone',
          threadId: 'u',
          email: 'orphan@example.com',
        });
        await repository.insert(reply);
        await repository.insert(orphan);
        await repository.setThreadTitle('t', {
          title: 'Cambodia lets loose the cannons',
          url: 'https://news.example/cambodia',
        });
        const [ofReply, ofOrphan] = await repository.moderationContext([
          reply,
          orphan,
        ]);
        expect(ofReply).toMatchObject({
          threadTitle: 'Cambodia lets loose the cannons',
          threadUrl: 'https://news.example/cambodia',
          parent: { id: parent.id, authorName: 'Sokha' },
          approvedBefore: 2,
        });
        expect(ofReply!.parent!.body.length).toBeLessThanOrEqual(300);
        expect(ofOrphan).toEqual({ approvedBefore: 0 });
        // a comment does not count itself
        const [self] = await repository.moderationContext([parent]);
        expect(self!.approvedBefore).toBe(0);
        await repository.setThreadTitle('t', { title: 'Renamed' });
        const [renamed] = await repository.moderationContext([reply]);
        expect(renamed).toMatchObject({ threadTitle: 'Renamed' });
        expect(renamed).not.toHaveProperty('threadUrl');
      });

      it('applies an action once, records one entry for what changed, and says what it left', async () => {
        const repository = await fresh();
        const a = storedComment({ status: 'pending' });
        const b = storedComment({ status: 'pending', threadId: 'u' });
        const c = storedComment({ status: 'approved' });
        for (const comment of [a, b, c]) await repository.insert(comment);
        const versions = [
          await repository.threadVersion('t'),
          await repository.threadVersion('u'),
        ];
        const result = await act(repository, 'approve', [
          a.id,
          b.id,
          c.id,
          'nope',
          a.id,
        ]);
        expect(result.unchanged).toEqual([c.id]);
        expect(result.missing).toEqual(['nope']);
        expect(result.entry).toMatchObject({
          action: 'approve',
          actor: 'moderator@example.com',
          at: '2025-07-21T09:00:00.000Z',
          items: [
            {
              commentId: a.id,
              threadId: 't',
              authorName: 'Sokha',
              from: 'pending',
              to: 'approved',
            },
            { commentId: b.id, threadId: 'u', from: 'pending', to: 'approved' },
          ],
        });
        expect(await statusOf(repository, a.id)).toBe('approved');
        expect(await statusOf(repository, b.id)).toBe('approved');
        expect(await repository.threadVersion('t')).not.toBe(versions[0]);
        expect(await repository.threadVersion('u')).not.toBe(versions[1]);
        expect(await repository.countApproved('t')).toBe(2);

        const nothing = await act(repository, 'approve', [a.id], 'e-again');
        expect(nothing).toEqual({ unchanged: [a.id], missing: [] });
        expect(
          (await repository.auditLog({ limit: 10 })).map((e) => e.id),
        ).toEqual([result.entry!.id]);
      });

      it('restores a spammed or deleted comment to the status it had, else to pending', async () => {
        const repository = await fresh();
        const was = storedComment({ status: 'approved' });
        const held = storedComment({ status: 'pending' });
        const born = storedComment({ status: 'spam' });
        for (const comment of [was, held, born])
          await repository.insert(comment);
        await act(repository, 'spam', [was.id, held.id]);
        await act(repository, 'delete', [was.id]);
        const restored = await act(repository, 'restore', [
          was.id,
          held.id,
          born.id,
        ]);
        // spam then deleted: the status before "deleted" was spam, which is no place to restore to
        expect(await statusOf(repository, was.id)).toBe('pending');
        expect(await statusOf(repository, held.id)).toBe('pending');
        expect(await statusOf(repository, born.id)).toBe('pending');
        expect(restored.unchanged).toEqual([]);

        const approved = storedComment({ status: 'approved' });
        await repository.insert(approved);
        await act(repository, 'delete', [approved.id]);
        await act(repository, 'restore', [approved.id]);
        expect(await statusOf(repository, approved.id)).toBe('approved');
        expect(
          (await act(repository, 'restore', [approved.id], 'e-r2')).unchanged,
        ).toEqual([approved.id]);
      });

      it('undoes an entry once, leaving alone what someone changed since', async () => {
        const repository = await fresh();
        const a = storedComment({ status: 'pending' });
        const b = storedComment({ status: 'pending' });
        await repository.insert(a);
        await repository.insert(b);
        const approved = await act(repository, 'approve', [a.id, b.id]);
        await act(repository, 'delete', [b.id]);
        const version = await repository.threadVersion('t');

        const undo = await repository.undo({
          entry: entry('u1', '2025-07-21T09:05:00.000Z'),
          undoes: approved.entry!.id,
        });
        expect(undo).toMatchObject({
          kind: 'undone',
          unchanged: [b.id],
          entry: {
            id: 'u1',
            action: 'undo',
            undoes: approved.entry!.id,
            items: [{ commentId: a.id, from: 'approved', to: 'pending' }],
          },
        });
        expect(await statusOf(repository, a.id)).toBe('pending');
        expect(await statusOf(repository, b.id)).toBe('deleted');
        expect(await repository.threadVersion('t')).not.toBe(version);

        expect(
          await repository.undo({
            entry: entry('u2'),
            undoes: approved.entry!.id,
          }),
        ).toEqual({ kind: 'already-undone', by: 'u1' });
        expect(
          await repository.undo({ entry: entry('u3'), undoes: 'no-such' }),
        ).toEqual({
          kind: 'not-found',
        });
        const log = await repository.auditLog({ limit: 10 });
        expect(log.find((e) => e.id === approved.entry!.id)?.undoneBy).toBe(
          'u1',
        );
      });

      it('lists the audit log newest first, a page at a time', async () => {
        const repository = await fresh();
        const comments = Array.from({ length: 5 }, () =>
          storedComment({ status: 'pending' }),
        );
        for (const comment of comments) await repository.insert(comment);
        for (const [i, comment] of comments.entries())
          await act(repository, 'approve', [comment.id], `log-${i}`);
        const first = await repository.auditLog({ limit: 2 });
        expect(first.map((e) => e.id)).toEqual(['log-4', 'log-3']);
        const next = await repository.auditLog({
          limit: 10,
          beforeSeq: first.at(-1)!.seq,
        });
        expect(next.map((e) => e.id)).toEqual(['log-2', 'log-1', 'log-0']);
        expect(next[0]!.items).toEqual([
          {
            commentId: comments[2]!.id,
            threadId: 't',
            authorName: 'Sokha',
            from: 'pending',
            to: 'approved',
          },
        ]);
      });

      it('replaces the block lists in the order given, changes their version and records the edit', async () => {
        const repository = await fresh();
        const empty = {
          hold: { words: [], emails: [], addresses: [] },
          refuse: { words: [], emails: [], addresses: [] },
        };
        expect(await repository.blocklists()).toEqual(empty);
        const v0 = await repository.blocklistVersion();
        const lists = {
          hold: {
            words: ['zebra', 'casino', 'constructor'],
            emails: ['@junk.example'],
            addresses: [
              {
                hash: 'h'.repeat(64),
                label: 'Dara’s comment',
                addedAt: '2025-07-20T08:00:00.000Z',
              },
            ],
          },
          refuse: {
            words: ['viagra'],
            emails: ['spam@example.com'],
            addresses: [],
          },
        };
        await repository.replaceBlocklists(lists, {
          ...entry('b1'),
          note: 'Held: 3 words.',
        });
        expect(await repository.blocklists()).toEqual(lists);
        const v1 = await repository.blocklistVersion();
        expect(v1).not.toBe(v0);
        await repository.replaceBlocklists(empty, {
          ...entry('b2'),
          note: 'Emptied.',
        });
        expect(await repository.blocklists()).toEqual(empty);
        expect(await repository.blocklistVersion()).not.toBe(v1);
        const [latest] = await repository.auditLog({ limit: 1 });
        expect(latest).toMatchObject({
          id: 'b2',
          action: 'blocklists',
          note: 'Emptied.',
          items: [],
        });
        expect(
          await repository.undo({ entry: entry('u'), undoes: 'b2' }),
        ).toEqual({ kind: 'not-undoable' });
      });
    });

    describe('mail, sign-in and the outbox', () => {
      const message = (
        over: Partial<NewOutboxMessage> = {},
      ): NewOutboxMessage => ({
        key: 'held-comment:c1:editor@news.example',
        channel: 'mail',
        recipient: 'editor@news.example',
        template: 'held-comment',
        data: { commentId: 'c1' },
        dueAt: T0,
        giveUpAt: T0 + 7 * DAY,
        ...over,
      });
      const limits = {
        email: { max: 2, windowMs: 15 * MINUTE },
        address: { max: 3, windowMs: HOUR },
      };
      const signIn = (
        email: string,
        address: string | null,
        now: number,
        locale = 'en',
      ) => ({
        email,
        locale,
        emailKey: `key:${email.toLowerCase()}`,
        addressKey: address,
        now,
        limits,
      });

      it('records an event with every comment stored and every change of status, in the same write', async () => {
        const repository = await fresh();
        const held = storedComment({ status: 'pending' });
        await repository.insert(held);
        await repository.setStatus(held.id, 'approved');
        await repository.setStatus(held.id, 'approved');
        const events = await repository.outboxEvents(10);
        expect(
          events.map(({ type, subject, data }) => ({ type, subject, data })),
        ).toEqual([
          {
            type: 'comment.created',
            subject: held.id,
            data: { status: 'pending' },
          },
          // Setting the status it already has changes nothing, and tells nobody.
          {
            type: 'comment.status-changed',
            subject: held.id,
            data: { from: 'pending', to: 'approved' },
          },
        ]);
        expect(events[0]!.id).toBeLessThan(events[1]!.id);
      });

      it('records no event for a comment it did not store', async () => {
        const repository = await fresh();
        const first = storedComment();
        await repository.insert(first);
        const refused = await repository.insert(
          storedComment({ addressHash: first.addressHash }),
          { quietSince: new Date(Date.UTC(2000, 0, 1)).toISOString() },
        );
        expect(refused.stored).toBe(false);
        expect(await repository.outboxEvents(10)).toHaveLength(1);
      });

      it('turns an event into messages once per key, and forgets the event', async () => {
        const repository = await fresh();
        await repository.insert(storedComment({ status: 'pending' }));
        const [event] = await repository.outboxEvents(10);
        const messages = [
          message(),
          message({
            key: 'held-comment:c1:desk@news.example',
            recipient: 'desk@news.example',
          }),
        ];
        expect(await repository.dispatchEvent(event!.id, messages)).toBe(2);
        expect(await repository.outboxEvents(10)).toEqual([]);
        // Another instance that read the same event dispatches it again: nothing is added.
        expect(await repository.dispatchEvent(event!.id, messages)).toBe(0);
        expect(await repository.outboxCounts()).toEqual({
          waiting: 2,
          sent: 0,
          dropped: 0,
          failed: 0,
        });
      });

      it('lets one claim have a due message until its lease runs out, counting attempts', async () => {
        const repository = await fresh();
        await repository.dispatchEvent(0, [
          message(),
          message({ key: 'later', dueAt: T0 + MINUTE }),
        ]);
        const first = await repository.claimMessages({
          now: T0,
          leaseMs: LEASE,
          limit: 10,
        });
        expect(first).toEqual([
          expect.objectContaining({
            key: message().key,
            recipient: 'editor@news.example',
            template: 'held-comment',
            data: { commentId: 'c1' },
            attempts: 1,
            giveUpAt: T0 + 7 * DAY,
            leaseToken: expect.any(String),
          }),
        ]);
        expect(
          await repository.claimMessages({
            now: T0 + LEASE - 1,
            leaseMs: LEASE,
            limit: 10,
          }),
        ).toEqual([]);
        // The holder crashed: once its lease has run out, another claim takes the message.
        const again = await repository.claimMessages({
          now: T0 + LEASE,
          leaseMs: LEASE,
          limit: 1,
        });
        expect(again.map((m) => [m.key, m.attempts])).toEqual([
          [message().key, 2],
        ]);
        expect(again[0]!.leaseToken).not.toBe(first[0]!.leaseToken);
        // The old holder can no longer put it back or give it up.
        expect(
          await repository.settleMessage(
            first[0]!,
            { state: 'waiting', dueAt: T0 + HOUR, reason: 'refused' },
            T0 + LEASE,
          ),
        ).toBe(false);
        expect(
          await repository.settleMessage(
            first[0]!,
            { state: 'failed', reason: 'refused' },
            T0 + LEASE,
          ),
        ).toBe(false);
      });

      it('gives concurrent claims different messages', async () => {
        const repository = await fresh();
        await repository.dispatchEvent(
          0,
          Array.from({ length: 6 }, (_, i) => message({ key: `m${i}` })),
        );
        const claims = await Promise.all(
          Array.from({ length: 4 }, () =>
            repository.claimMessages({ now: T0, leaseMs: LEASE, limit: 2 }),
          ),
        );
        const keys = claims.flat().map((m) => m.key);
        expect(keys).toHaveLength(6);
        expect(new Set(keys).size).toBe(6);
      });

      it('puts a message back for a later attempt, and records it sent, dropped or failed once', async () => {
        const repository = await fresh();
        await repository.dispatchEvent(0, [
          message({ key: 'a' }),
          message({ key: 'b' }),
          message({ key: 'c' }),
        ]);
        const claimed = await repository.claimMessages({
          now: T0,
          leaseMs: HOUR,
          limit: 3,
        });
        const [a, b, c] = claimed;
        expect(
          await repository.settleMessage(
            a!,
            { state: 'waiting', dueAt: T0 + MINUTE, reason: 'ECONNREFUSED' },
            T0,
          ),
        ).toBe(true);
        expect(
          await repository.claimMessages({
            now: T0 + MINUTE - 1,
            leaseMs: HOUR,
            limit: 3,
          }),
        ).toEqual([]);
        const retried = await repository.claimMessages({
          now: T0 + MINUTE,
          leaseMs: HOUR,
          limit: 3,
        });
        expect(retried.map((m) => [m.key, m.attempts])).toEqual([['a', 2]]);
        expect(
          await repository.settleMessage(retried[0]!, { state: 'sent' }, T0),
        ).toBe(true);
        expect(
          await repository.settleMessage(
            b!,
            { state: 'dropped', reason: 'no longer held' },
            T0,
          ),
        ).toBe(true);
        expect(
          await repository.settleMessage(
            c!,
            { state: 'failed', reason: 'mailbox unavailable' },
            T0,
          ),
        ).toBe(true);
        // Settled is settled: a second report changes nothing.
        expect(
          await repository.settleMessage(retried[0]!, { state: 'sent' }, T0),
        ).toBe(false);
        expect(await repository.outboxCounts()).toEqual({
          waiting: 0,
          sent: 1,
          dropped: 1,
          failed: 1,
        });
        expect(
          await repository.claimMessages({
            now: T0 + 30 * DAY,
            leaseMs: HOUR,
            limit: 3,
          }),
        ).toEqual([]);
      });

      it('records a message sent even when its lease was taken over meanwhile', async () => {
        const repository = await fresh();
        await repository.dispatchEvent(0, [message()]);
        const [slow] = await repository.claimMessages({
          now: T0,
          leaseMs: LEASE,
          limit: 1,
        });
        await repository.claimMessages({
          now: T0 + LEASE,
          leaseMs: LEASE,
          limit: 1,
        });
        expect(
          await repository.settleMessage(slow!, { state: 'sent' }, T0 + LEASE),
        ).toBe(true);
        expect(
          await repository.claimMessages({
            now: T0 + 3 * LEASE,
            leaseMs: LEASE,
            limit: 1,
          }),
        ).toEqual([]);
      });

      it('limits sign-in requests per email and per address, whatever the email', async () => {
        const repository = await fresh();
        const at = (n: number) => T0 + n * MINUTE;
        expect(
          await repository.requestSignIn(
            signIn('editor@news.example', '1', at(0)),
          ),
        ).toEqual({ accepted: true });
        expect(
          await repository.requestSignIn(
            signIn('Editor@News.Example', '2', at(1)),
          ),
        ).toEqual({ accepted: true });
        // A third for the same email within 15 minutes, from any address, waits.
        expect(
          await repository.requestSignIn(
            signIn('editor@news.example', '3', at(2)),
          ),
        ).toEqual({ accepted: false, retryAt: at(15) });
        expect(
          await repository.requestSignIn(
            signIn('editor@news.example', '3', at(15)),
          ),
        ).toEqual({ accepted: true });
        // Address 1 asks for other emails: three an hour.
        for (const [i, email] of ['a@x.example', 'b@x.example'].entries())
          expect(
            await repository.requestSignIn(
              signIn(email, '1', at(20 + i), 'km'),
            ),
          ).toEqual({ accepted: true });
        expect(
          await repository.requestSignIn(signIn('c@x.example', '1', at(30))),
        ).toEqual({ accepted: false, retryAt: at(60) });
        // A refused request is not counted: the limit is not pushed further away.
        expect(
          await repository.requestSignIn(signIn('c@x.example', '1', at(60))),
        ).toEqual({ accepted: true });
        const events = await repository.outboxEvents(100);
        // Each with the language it was asked in, for its mail.
        expect(events.map((e) => [e.type, e.data])).toEqual(
          [
            ['editor@news.example', 'en'],
            ['Editor@News.Example', 'en'],
            ['editor@news.example', 'en'],
            ['a@x.example', 'km'],
            ['b@x.example', 'km'],
            ['c@x.example', 'en'],
          ].map(([email, locale]) => ['sign-in.requested', { email, locale }]),
        );
      });

      it('uses a sign-in token once, before it expires, to start a session', async () => {
        const repository = await fresh();
        const token = {
          tokenHash: 'h'.repeat(64),
          email: 'editor@news.example',
          now: T0,
          expiresAt: T0 + 15 * MINUTE,
        };
        await repository.createSignInToken(token);
        await repository.createSignInToken({
          ...token,
          tokenHash: 'old',
          expiresAt: T0 + MINUTE,
        });
        // Looking changes nothing.
        expect(await repository.signInToken(token.tokenHash)).toEqual({
          email: 'editor@news.example',
          expiresAt: T0 + 15 * MINUTE,
          usedAt: null,
        });
        expect(await repository.signInToken('nope')).toBeUndefined();
        const use = (tokenHash: string, now: number, idHash: string) =>
          repository.useSignInToken({
            tokenHash,
            now,
            session: { idHash, expiresAt: now + DAY },
          });
        expect(await use('old', T0 + MINUTE, 's0')).toEqual({
          ok: false,
          problem: 'expired',
        });
        expect(await use('forged', T0, 's0')).toEqual({
          ok: false,
          problem: 'unknown',
        });
        expect(await repository.session('s0', T0)).toBeUndefined();
        expect(await use(token.tokenHash, T0 + MINUTE, 's1')).toEqual({
          ok: true,
          email: 'editor@news.example',
        });
        expect(await use(token.tokenHash, T0 + 2 * MINUTE, 's2')).toEqual({
          ok: false,
          problem: 'used',
        });
        expect(await repository.signInToken(token.tokenHash)).toMatchObject({
          usedAt: T0 + MINUTE,
        });
        expect(await repository.session('s1', T0 + 2 * MINUTE)).toEqual({
          email: 'editor@news.example',
          expiresAt: T0 + MINUTE + DAY,
        });
        expect(await repository.session('s2', T0 + 2 * MINUTE)).toBeUndefined();
      });

      it('ends a session when it expires or is ended', async () => {
        const repository = await fresh();
        for (const idHash of ['a', 'b'])
          await repository.createSignInToken({
            tokenHash: `t-${idHash}`,
            email: 'editor@news.example',
            now: T0,
            expiresAt: T0 + MINUTE,
          });
        await repository.useSignInToken({
          tokenHash: 't-a',
          now: T0,
          session: { idHash: 'a', expiresAt: T0 + HOUR },
        });
        await repository.useSignInToken({
          tokenHash: 't-b',
          now: T0,
          session: { idHash: 'b', expiresAt: T0 + HOUR },
        });
        expect(await repository.session('a', T0 + HOUR)).toBeUndefined();
        await repository.endSession('b');
        expect(await repository.session('b', T0)).toBeUndefined();
      });

      const links = (commentId: string, group = 'g1') =>
        (['approve', 'spam', 'delete'] as const).map((action) => ({
          tokenHash: `${group}-${action}`,
          group,
          commentId,
          action,
          email: 'editor@news.example',
          now: T0,
          expiresAt: T0 + 7 * DAY,
        }));

      it('does what a one-click link says, once, and spends the other links of its mail', async () => {
        const repository = await fresh();
        const held = storedComment({ status: 'pending' });
        await repository.insert(held);
        await repository.createActionLinks(links(held.id));
        expect(await repository.actionLink('g1-approve')).toEqual({
          commentId: held.id,
          action: 'approve',
          email: 'editor@news.example',
          expiresAt: T0 + 7 * DAY,
          usedAt: null,
          usedAction: null,
        });
        // Looking changes nothing.
        expect((await repository.get(held.id))!.status).toBe('pending');
        const done = await repository.useActionLink({
          tokenHash: 'g1-approve',
          now: T0 + HOUR,
        });
        expect(done).toEqual({
          ok: true,
          action: 'approve',
          comment: { ...held, status: 'approved' },
        });
        expect((await repository.get(held.id))!.status).toBe('approved');
        expect(await repository.countApproved(held.threadId)).toBe(1);
        for (const tokenHash of ['g1-approve', 'g1-delete'])
          expect(
            await repository.useActionLink({ tokenHash, now: T0 + HOUR }),
          ).toMatchObject({
            ok: false,
            problem: 'used',
            link: { usedAt: T0 + HOUR, usedAction: 'approve' },
          });
        expect((await repository.get(held.id))!.status).toBe('approved');
        // The audit log names whose link it was.
        expect(await repository.auditLog({ limit: 5 })).toEqual([
          expect.objectContaining({
            actor: 'editor@news.example',
            action: 'approve',
            at: new Date(T0 + HOUR).toISOString(),
            items: [
              expect.objectContaining({
                commentId: held.id,
                from: 'pending',
                to: 'approved',
              }),
            ],
          }),
        ]);
        expect(
          (await repository.outboxEvents(10)).map((e) => [e.type, e.data]),
        ).toEqual([
          ['comment.created', { status: 'pending' }],
          ['comment.status-changed', { from: 'pending', to: 'approved' }],
        ]);
      });

      it('refuses a forged or expired link, and a comment moderated meanwhile, changing nothing', async () => {
        const repository = await fresh();
        const held = storedComment({ status: 'pending' });
        const other = storedComment({ status: 'pending' });
        await repository.insert(held);
        await repository.insert(other);
        await repository.createActionLinks([
          ...links(held.id, 'g1'),
          ...links(other.id, 'g2'),
        ]);
        expect(
          await repository.useActionLink({ tokenHash: 'forged', now: T0 }),
        ).toEqual({ ok: false, problem: 'unknown' });
        expect(
          await repository.useActionLink({
            tokenHash: 'g1-delete',
            now: T0 + 7 * DAY,
          }),
        ).toMatchObject({ ok: false, problem: 'expired' });
        expect((await repository.get(held.id))!.status).toBe('pending');
        await repository.setStatus(other.id, 'spam');
        expect(
          await repository.useActionLink({ tokenHash: 'g2-approve', now: T0 }),
        ).toEqual({
          ok: false,
          problem: 'settled',
          comment: { ...other, status: 'spam' },
        });
        expect((await repository.get(other.id))!.status).toBe('spam');
        // Nothing was spent: the links still say what they would do.
        expect(await repository.actionLink('g2-approve')).toMatchObject({
          usedAt: null,
        });
      });

      it('keeps one unsubscribe key per address, and turns mail about held comments off and on', async () => {
        const repository = await fresh();
        const first = await repository.mailPreferences(
          'Editor@News.Example',
          T0,
        );
        expect(first).toEqual({
          address: 'editor@news.example',
          key: expect.stringMatching(/^[\w-]{24,}$/),
          heldComments: true,
          locale: 'en',
        });
        expect(
          await repository.mailPreferences('editor@news.example', T0),
        ).toEqual(first);
        const other = await repository.mailPreferences('desk@news.example', T0);
        expect(other.key).not.toBe(first.key);
        expect(await repository.mailPreferencesByKey(first.key)).toEqual(first);
        expect(await repository.mailPreferencesByKey('forged')).toBeUndefined();
        expect(
          await repository.setHeldCommentMail(first.key, false, T0),
        ).toEqual({ ...first, heldComments: false });
        expect(
          await repository.setHeldCommentMail('forged', false, T0),
        ).toBeUndefined();
        expect(
          await repository.heldCommentMailOff([
            'EDITOR@news.example',
            'desk@news.example',
            'nobody@news.example',
          ]),
        ).toEqual(new Set(['editor@news.example']));
        await repository.setHeldCommentMail(first.key, true, T0);
        expect(
          await repository.heldCommentMailOff(['editor@news.example']),
        ).toEqual(new Set());
      });

      it('keeps the language a moderator last signed in with, for their mail', async () => {
        const repository = await fresh();
        const first = await repository.mailPreferences(
          'editor@news.example',
          T0,
        );
        await repository.setMailLanguage('Editor@News.Example', 'km', T0 + 1);
        // The same preferences (key, mail on or off) in another language.
        expect(
          await repository.mailPreferences('editor@news.example', T0 + 2),
        ).toEqual({ ...first, locale: 'km' });
        await repository.setHeldCommentMail(first.key, false, T0 + 3);
        await repository.setMailLanguage('editor@news.example', 'vi', T0 + 4);
        expect(await repository.mailPreferencesByKey(first.key)).toEqual({
          ...first,
          heldComments: false,
          locale: 'vi',
        });
        // An address with no preferences yet gets them: mail on, a key of its own.
        await repository.setMailLanguage('desk@news.example', 'th', T0);
        const desk = await repository.mailPreferences('desk@news.example', T0);
        expect(desk).toEqual({
          address: 'desk@news.example',
          key: expect.stringMatching(/^[\w-]{24,}$/),
          heldComments: true,
          locale: 'th',
        });
        expect(desk.key).not.toBe(first.key);
      });

      it('forgets what is past use, and keeps what is not', async () => {
        const repository = await fresh();
        await repository.dispatchEvent(0, [
          message({ key: 'done' }),
          message({ key: 'waiting', dueAt: T0 + DAY }),
        ]);
        const [done] = await repository.claimMessages({
          now: T0,
          leaseMs: LEASE,
          limit: 1,
        });
        await repository.settleMessage(done!, { state: 'sent' }, T0);
        for (const [tokenHash, expiresAt] of [
          ['old', T0 + MINUTE],
          ['fresh', T0 + 20 * DAY],
        ] as const)
          await repository.createSignInToken({
            tokenHash,
            email: 'editor@news.example',
            now: T0,
            expiresAt,
          });
        await repository.useSignInToken({
          tokenHash: 'fresh',
          now: T0,
          session: { idHash: 's', expiresAt: T0 + DAY },
        });
        await repository.createActionLinks(links('c1'));
        // An hour on: an expired token is still known (a late click is told "expired").
        await repository.forgetExpired(T0 + HOUR, T0 - 1);
        expect(await repository.signInToken('old')).toBeDefined();
        expect(await repository.outboxCounts()).toMatchObject({
          sent: 1,
          waiting: 1,
        });
        // Weeks on, with ten days kept: what ended before then goes.
        await repository.forgetExpired(T0 + 40 * DAY, T0 + 10 * DAY);
        expect(await repository.outboxCounts()).toMatchObject({
          sent: 0,
          waiting: 1,
        });
        expect(await repository.signInToken('old')).toBeUndefined();
        expect(await repository.signInToken('fresh')).toBeDefined();
        expect(await repository.actionLink('g1-approve')).toBeUndefined();
        expect(await repository.session('s', T0)).toBeUndefined();
      });
    });

    describe('readers’ subscriptions to replies', () => {
      const limits = {
        email: { max: 3, windowMs: DAY },
        address: { max: 10, windowMs: HOUR },
      };
      const subscribe = (email: string, now = T0, locale = 'en') => ({
        email,
        now,
        limits,
        locale,
      });
      const confirmations = async (repository: CommentRepository) =>
        (await repository.outboxEvents(1000)).filter(
          (e) => e.type === 'subscription.requested',
        );
      /** Stores a comment asking for replies; `n` varies the address. */
      const ask = (
        repository: CommentRepository,
        email: string,
        over: Partial<StoredComment> = {},
        now = T0,
      ) =>
        repository.insert(storedComment({ email, ...over }), {
          subscribe: subscribe(email, now),
        });
      const confirm = async (repository: CommentRepository, email: string) => {
        await repository.createSubscriptionConfirmation({
          tokenHash: `confirm:${email}`,
          email,
          now: T0,
          expiresAt: T0 + DAY,
        });
        return repository.confirmSubscriber({
          tokenHash: `confirm:${email}`,
          now: T0 + MINUTE,
        });
      };

      it('records the request with the comment, and asks for a confirmation of a new email', async () => {
        const repository = await fresh();
        await ask(repository, 'Vanna@Example.com', { threadId: 'kh' });
        const [event] = await confirmations(repository);
        expect(event).toMatchObject({
          subject: 'kh',
          data: { email: 'Vanna@Example.com' },
        });
        const subscription = await repository.replySubscription(
          'vanna@example.com',
          'kh',
        );
        expect(subscription).toMatchObject({
          threadId: 'kh',
          active: true,
          confirmed: false,
        });
        expect(subscription!.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
        // Not confirmed: nobody to tell about replies yet.
        expect(await repository.threadSubscribers('kh')).toEqual([]);
      });

      it('asks nothing for a comment taken as spam', async () => {
        const repository = await fresh();
        await ask(repository, 'bot@example.com', { status: 'spam' });
        expect(await confirmations(repository)).toEqual([]);
        expect(
          await repository.replySubscription('bot@example.com', 't'),
        ).toBeUndefined();
      });

      it('limits confirmation requests to 3 a day per email, then again after the day', async () => {
        const repository = await fresh();
        for (let i = 0; i < 5; i += 1)
          await ask(
            repository,
            'kosal@example.com',
            { threadId: `t${i}`, addressHash: `${i}`.repeat(64) },
            T0 + i * MINUTE,
          );
        expect(await confirmations(repository)).toHaveLength(3);
        // Every request is kept: confirmed later, each thread is subscribed.
        expect(
          await repository.replySubscription('kosal@example.com', 't4'),
        ).toMatchObject({ active: true });
        await ask(repository, 'kosal@example.com', {}, T0 + DAY + MINUTE);
        expect(await confirmations(repository)).toHaveLength(4);
      });

      it('limits confirmation requests to 10 an hour per address hash', async () => {
        const repository = await fresh();
        for (let i = 0; i < 12; i += 1)
          await ask(repository, `reader${i}@example.com`, {}, T0 + i);
        expect(await confirmations(repository)).toHaveLength(10);
        // Another address is not held back by this one.
        await ask(repository, 'other@example.com', {
          addressHash: 'b'.repeat(64),
        });
        expect(await confirmations(repository)).toHaveLength(11);
      });

      it('confirms an email once; later requests from it are active at once', async () => {
        const repository = await fresh();
        await ask(repository, 'Dara@example.com', { threadId: 'one' });
        expect(await confirm(repository, 'dara@example.com')).toEqual({
          ok: true,
        });
        expect(
          await repository.confirmSubscriber({
            tokenHash: 'confirm:dara@example.com',
            now: T0 + 2 * MINUTE,
          }),
        ).toEqual({ ok: false, problem: 'used' });
        expect(
          await repository.subscriptionConfirmation('confirm:dara@example.com'),
        ).toMatchObject({ confirmed: true, usedAt: T0 + MINUTE });
        await ask(repository, 'dara@example.com', { threadId: 'two' });
        expect(await confirmations(repository)).toHaveLength(1);
        expect(await repository.threadSubscribers('one')).toEqual([
          { email: 'dara@example.com', address: 'Dara@example.com' },
        ]);
        expect(await repository.threadSubscribers('two')).toHaveLength(1);
      });

      it('refuses a confirmation link that is unknown or expired', async () => {
        const repository = await fresh();
        await ask(repository, 'late@example.com');
        await repository.createSubscriptionConfirmation({
          tokenHash: 'late',
          email: 'late@example.com',
          now: T0,
          expiresAt: T0 + HOUR,
        });
        expect(
          await repository.confirmSubscriber({
            tokenHash: 'late',
            now: T0 + HOUR,
          }),
        ).toEqual({ ok: false, problem: 'expired' });
        expect(
          await repository.confirmSubscriber({ tokenHash: 'forged', now: T0 }),
        ).toEqual({ ok: false, problem: 'unknown' });
        expect(await repository.threadSubscribers('t')).toEqual([]);
      });

      it('unsubscribes one thread by its key, and a new request subscribes again', async () => {
        const repository = await fresh();
        await ask(repository, 'sokha@example.com', { threadId: 'one' });
        await ask(repository, 'sokha@example.com', { threadId: 'two' });
        await confirm(repository, 'sokha@example.com');
        const { key } = (await repository.replySubscription(
          'sokha@example.com',
          'one',
        ))!;
        expect(
          await repository.unsubscribeReplies(key, T0 + HOUR),
        ).toMatchObject({ threadId: 'one', active: false });
        expect(await repository.threadSubscribers('one')).toEqual([]);
        expect(await repository.threadSubscribers('two')).toHaveLength(1);
        expect(
          await repository.unsubscribeReplies('x'.repeat(32), T0),
        ).toBeUndefined();
        await ask(repository, 'sokha@example.com', { threadId: 'one' });
        expect(await repository.replySubscriptionByKey(key)).toMatchObject({
          active: true,
        });
      });

      it('keeps the language each thread was asked in, the latest request’s', async () => {
        const repository = await fresh();
        const askIn = (threadId: string, locale: string, now: number) =>
          repository.insert(
            storedComment({ email: 'dara@example.com', threadId }),
            { subscribe: subscribe('dara@example.com', now, locale) },
          );
        await askIn('one', 'km', T0);
        await askIn('two', 'vi', T0 + MINUTE);
        const locale = async (threadId: string) =>
          (await repository.replySubscription('dara@example.com', threadId))
            ?.locale;
        expect(await locale('one')).toBe('km');
        expect(await locale('two')).toBe('vi');
        await askIn('one', 'en', T0 + 2 * MINUTE);
        expect(await locale('one')).toBe('en');
        const { key } = (await repository.replySubscription(
          'dara@example.com',
          'two',
        ))!;
        expect(await repository.replySubscriptionByKey(key)).toMatchObject({
          locale: 'vi',
        });
      });

      it('gives the thread’s headline with a subscription', async () => {
        const repository = await fresh();
        await repository.setThreadTitle('kh', {
          title: 'Cambodia cracks down',
          url: 'https://news.example/kh',
        });
        await ask(repository, 'sokha@example.com', { threadId: 'kh' });
        expect(
          await repository.replySubscription('SOKHA@example.com', 'kh'),
        ).toMatchObject({
          headline: {
            title: 'Cambodia cracks down',
            url: 'https://news.example/kh',
          },
        });
      });

      it('records nothing when the comment is not stored', async () => {
        const repository = await fresh();
        const first = storedComment();
        await repository.insert(first);
        await repository.insert(storedComment({ email: 'late@example.com' }), {
          quietSince: new Date(
            Date.parse(first.createdAt) - 1000,
          ).toISOString(),
          subscribe: subscribe('late@example.com'),
        });
        expect(await confirmations(repository)).toEqual([]);
        expect(
          await repository.replySubscription('late@example.com', 't'),
        ).toBeUndefined();
      });
    });

    describe('import and export', () => {
      it('stores an imported comment once: importing it again adds and changes nothing', async () => {
        const repository = await fresh();
        const a = storedComment({ addressHash: null, email: '' });
        const b = storedComment({ parentId: a.id, status: 'pending' });
        expect(await repository.importComments({ comments: [a, b] })).toEqual([
          a.id,
          b.id,
        ]);
        const again = await repository.importComments({
          comments: [{ ...a, body: 'Changed' }, b],
        });
        expect(again).toEqual([]);
        expect(await repository.get(a.id)).toEqual(a);
        expect(await repository.get(b.id)).toEqual(b);
      });

      it('finds an imported comment as the duplicate rule asks', async () => {
        const repository = await fresh();
        const imported = storedComment({
          body: 'Said before.',
          status: 'spam',
        });
        await repository.importComments({ comments: [imported] });
        expect(
          await repository.copiesFrom({
            threadId: imported.threadId,
            body: 'Said before.',
            addressHash: imported.addressHash!,
          }),
        ).toEqual([
          {
            email: imported.email,
            addressHash: imported.addressHash,
            status: 'spam',
          },
        ]);
      });

      it('records no outbox event for an imported comment', async () => {
        const repository = await fresh();
        await repository.importComments({
          comments: [storedComment(), storedComment({ status: 'pending' })],
        });
        expect(await repository.outboxEvents(10)).toEqual([]);
      });

      it('changes a thread’s version only when the import changed what it shows', async () => {
        const repository = await fresh();
        await repository.importComments({
          comments: [storedComment({ status: 'pending' })],
        });
        expect(await repository.threadVersion('t')).toBe(0);
        const shown = storedComment();
        await repository.importComments({ comments: [shown] });
        const v1 = await repository.threadVersion('t');
        expect(v1).not.toBe(0);
        expect(await repository.countApproved('t')).toBe(1);
        await repository.importComments({ comments: [shown] });
        expect(await repository.threadVersion('t')).toBe(v1);
      });

      it('sets a headline only where the thread has none', async () => {
        const repository = await fresh();
        await repository.setThreadTitle('t', {
          title: 'Set by a moderator',
          url: '/',
        });
        await repository.importComments({
          comments: [storedComment({ threadId: 'u' })],
          headlines: [
            { threadId: 't', title: 'From the file' },
            {
              threadId: 'u',
              title: 'Cambodia cracks down',
              url: 'https://news.example/kh',
            },
            { threadId: '__proto__', title: 'Prototype' },
          ],
        });
        const headlines = await repository.threadHeadlines();
        expect([...headlines].sort(([x], [y]) => (x < y ? -1 : 1))).toEqual([
          ['__proto__', { title: 'Prototype' }],
          ['t', { title: 'Set by a moderator', url: '/' }],
          [
            'u',
            { title: 'Cambodia cracks down', url: 'https://news.example/kh' },
          ],
        ]);
      });

      it('exports every comment of any status with its email, in pages that meet exactly', async () => {
        const repository = await fresh();
        const statuses: CommentStatus[] = [
          'approved',
          'pending',
          'spam',
          'deleted',
        ];
        const all: StoredComment[] = [];
        for (const threadId of ['b', 'a', 'constructor', '__proto__'])
          for (let i = 0; i < 5; i += 1)
            all.push(
              storedComment({
                threadId,
                status: statuses[i % 4]!,
                email: `reader${i}@example.com`,
              }),
            );
        // Two comments of one time: the id decides.
        const sameTime = all[0]!.createdAt;
        all.push(storedComment({ threadId: 'b', createdAt: sameTime }));
        await repository.importComments({ comments: all });

        const pages: StoredComment[][] = [];
        for (;;) {
          const last = pages.at(-1)?.at(-1);
          const page = await repository.exportComments({
            ...(last
              ? {
                  after: {
                    threadId: last.threadId,
                    status: last.status,
                    createdAt: last.createdAt,
                    id: last.id,
                  },
                }
              : {}),
            limit: 3,
          });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(3);
          pages.push(page);
        }
        const key = (c: StoredComment) =>
          [c.threadId, c.status, c.createdAt, c.id] as const;
        const expected = [...all].sort((x, y) => {
          const [kx, ky] = [key(x), key(y)];
          for (let i = 0; i < 4; i += 1)
            if (kx[i] !== ky[i]) return kx[i]! < ky[i]! ? -1 : 1;
          return 0;
        });
        expect(pages.flat()).toEqual(expected);
      });
    });

    describe('the duplicate rule’s lookup, whatever the size of the thread', () => {
      const here = 'h'.repeat(64);

      it('finds a sender’s copy among thousands of their comments in the thread', async () => {
        const repository = await fresh();
        for (const threadId of ['t', '__proto__']) {
          await repository.importComments({
            comments: Array.from({ length: 2_000 }, (_, i) =>
              storedComment({
                threadId,
                addressHash: here,
                body: `Comment number ${i} from one proxy's address`,
              }),
            ),
          });
          const copy = storedComment({
            threadId,
            addressHash: here,
            body: 'Said twice',
            status: 'pending',
          });
          await repository.insert(copy);
          expect(
            await repository.copiesFrom({
              threadId,
              body: 'Said twice',
              addressHash: here,
            }),
          ).toEqual([
            { email: copy.email, addressHash: here, status: 'pending' },
          ]);
          expect(
            await repository.copiesFrom({
              threadId,
              body: 'Said once',
              addressHash: here,
            }),
          ).toEqual([]);
        }
      });

      it('finds imported comments as it finds posted ones', async () => {
        const repository = await fresh();
        const imported = storedComment({
          addressHash: here,
          body: 'From the old site',
        });
        await repository.importComments({ comments: [imported] });
        expect(
          await repository.copiesFrom({
            threadId: imported.threadId,
            body: 'From the old site',
            addressHash: here,
          }),
        ).toEqual([
          { email: imported.email, addressHash: here, status: 'approved' },
        ]);
      });

      it('compares the whole text: one that differs in case, spacing, composition or its last character is no copy', async () => {
        const repository = await fresh();
        const long = 'x'.repeat(65_525);
        for (const body of ['Café au lait', long])
          await repository.insert(storedComment({ addressHash: here, body }));
        for (const body of [
          'café au lait',
          'Café  au lait',
          'Cafe\u0301 au lait',
          'Café au lai',
          `${long.slice(0, -1)}y`,
        ])
          expect(
            await repository.copiesFrom({
              threadId: 't',
              body,
              addressHash: here,
            }),
          ).toEqual([]);
        for (const body of ['Café au lait', long])
          expect(
            await repository.copiesFrom({
              threadId: 't',
              body,
              addressHash: here,
            }),
          ).toHaveLength(1);
      });
    });
  });
}
