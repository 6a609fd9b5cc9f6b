/**
 * What every CommentRepository must do, as tests: SQLite runs them (sqlite.test.ts), and so
 * will any other implementation, such as PostgreSQL's.
 */
import type { CommentStatus } from '@dateline/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CommentRepository,
  InvalidCursorError,
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
  });
}
