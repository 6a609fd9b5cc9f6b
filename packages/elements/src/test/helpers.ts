/// <reference types="vite/client" />
import {
  ArticleSchema,
  createMemoryStore,
  CommentStoreError,
  type Comment,
  type CommentStore,
  type NewCommentInput,
} from '@dateline/core';
import axe from 'axe-core';
import { expect } from 'vitest';
import seedJson from '../../../../examples/data/cambodia-crackdown-2025.json' with {
  type: 'json',
};
import '../define.js';
import type { StringId } from '../locales/ids.js';
import { type Locale, resetStrings, setStrings } from '../shared/localize.js';

export const seedArticle = ArticleSchema.parse(seedJson);
export const seedOperation = seedArticle.body.find(
  (b) => b.type === 'operation',
)!.operation;

/** Adds an element to the page and waits for it to render. */
export async function mount<
  T extends HTMLElement & { updateComplete?: Promise<unknown> },
>(el: T): Promise<T> {
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** Waits until a check passes (rendering after a store’s promise settles, a fetch, a lazy chunk); the wait is long because a loaded machine is slow, and only a failure waits it out. */
export async function until<T>(
  check: () => T | undefined | null | false,
  what = 'condition',
  ms = 10_000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > ms)
      throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The element that has focus, through shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Runs axe on an element (shadow DOM included) and fails with the violations, if any. */
export async function expectAccessible(el: Element): Promise<void> {
  const results = await axe.run(el, { resultTypes: ['violations'] });
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** Every element inside an element's shadow root and the shadow roots within it. */
export function deepQueryAll<E extends Element = Element>(
  root: Element | ShadowRoot,
  selector: string,
): E[] {
  const out: E[] = [];
  const visit = (node: Element | ShadowRoot) => {
    out.push(...(node.querySelectorAll(selector) as NodeListOf<E>));
    for (const child of node.querySelectorAll('*'))
      if (child.shadowRoot) visit(child.shadowRoot);
  };
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return out;
}

export function deepQuery<E extends Element = Element>(
  root: Element | ShadowRoot,
  selector: string,
): E | undefined {
  return deepQueryAll<E>(root, selector)[0];
}

let clock = Date.UTC(2025, 6, 20, 8);
export function makeComment(
  id: string,
  parentId: string | null = null,
  extra: Partial<Comment> = {},
): Comment {
  clock += 60_000;
  return {
    id,
    threadId: seedArticle.comments.threadId,
    parentId,
    author: { name: `Reader ${id}` },
    body: `Comment ${id}`,
    createdAt: new Date(clock).toISOString(),
    status: 'approved',
    ...extra,
  };
}

/** A store that records every create call and can be told to fail the next ones. */
export function controllableStore(
  comments: Comment[] = [],
  newStatus: 'approved' | 'pending' = 'approved',
) {
  const inner = createMemoryStore({ comments, newStatus });
  const calls: Array<{ input: NewCommentInput; key: string }> = [];
  const control = {
    calls,
    failNext: 0,
    failWith: (): Error =>
      new CommentStoreError('The server could not be reached.', {
        code: 'network',
      }),
    hold: undefined as Promise<void> | undefined,
  };
  const store: CommentStore = {
    list: (threadId, options) => inner.list(threadId, options),
    async create(input, options) {
      calls.push({ input, key: options.idempotencyKey });
      if (control.hold) await control.hold;
      if (control.failNext > 0) {
        control.failNext -= 1;
        throw control.failWith();
      }
      return inner.create(input, options);
    },
  };
  return { store, control };
}

/** Replaces alert, confirm, prompt and print with counters until `restore` is called. */
export function countDialogs(): { count: () => number; restore: () => void } {
  const w = window as unknown as Record<string, unknown>;
  const saved = {
    alert: w.alert,
    confirm: w.confirm,
    prompt: w.prompt,
    print: w.print,
  };
  let dialogs = 0;
  const count = () => {
    dialogs += 1;
  };
  w.alert = count;
  w.confirm = count;
  w.prompt = count;
  w.print = count;
  return { count: () => dialogs, restore: () => Object.assign(w, saved) };
}

/** Types into an input or textarea inside a shadow root as a person would (input events). */
export function type(
  el: HTMLInputElement | HTMLTextAreaElement,
  text: string,
): void {
  el.focus();
  el.value = text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const reworded: Array<[Locale, StringId[]]> = [];

/** Sets a site's wording for a test; `unreword` (after each test) takes exactly that back. */
export function reword(
  locale: Locale,
  strings: Partial<Record<StringId, string>>,
): void {
  setStrings(locale, strings);
  reworded.push([locale, Object.keys(strings) as StringId[]]);
}

/** Takes back what `reword` set, so the shipped translations apply again. */
export function unreword(): void {
  for (const [locale, ids] of reworded.splice(0)) resetStrings(locale, ids);
}
