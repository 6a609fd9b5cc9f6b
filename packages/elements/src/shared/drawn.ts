/**
 * For the loader (`loader.ts`): an element the server already drew (its shadow root came with
 * the page) shows everything it has without its code, and a section marked `loading="lazy"`
 * asks for nothing until the reader nears it, so their code waits until it is needed and the
 * page's first seconds stay free for the reader:
 *
 * - a comment section's (its form, its live updates) once the reader comes within a screen of
 *   it (a lazy one's, with WordPress's own comments inside it or nothing yet, likewise);
 * - an article's or a fact box's, which have nothing more to do once drawn, when the reader acts
 *   inside one, or the page changes its attributes or its language.
 *
 * Acting inside any drawn element brings its code at once. A module of its own: a page whose
 * elements are drawn in the browser never fetches it.
 */

type Load = (tag: string) => void;

/** Drawn by the server, these need their code only when the reader acts or the page changes them. */
const STILL = new Set(['dateline-article', 'dateline-operation']);

let load: Load = () => {};
const waiting = new Set<Element>();

/** A screen ahead: a section's code is there by the time the reader reaches it. */
const near =
  'IntersectionObserver' in globalThis
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries)
            if (entry.isIntersecting) {
              near!.unobserve(entry.target);
              load(entry.target.localName);
            }
        },
        { rootMargin: '100% 0px' },
      )
    : undefined;

/** An element's attributes changed, or the page's language: its code comes (all of theirs). */
const changed = new MutationObserver((records) => {
  for (const { target } of records)
    if (target === document.documentElement)
      for (const element of waiting) load(element.localName);
    else load((target as Element).localName);
});
changed.observe(document.documentElement, { attributeFilter: ['lang'] });

/**
 * A form the server drew, sent before its code came: sent again once the element that owns it
 * has taken it over, so the reader's press of the button is not lost. (Until then the form,
 * `method="dialog"`, goes nowhere.) Each shadow root is listened to: `submit` does not leave one.
 */
function keepSubmits(element: Element): void {
  const roots = [element.shadowRoot!];
  for (const root of roots)
    for (const inner of root.querySelectorAll('*'))
      if (inner.shadowRoot) roots.push(inner.shadowRoot);
  for (const root of roots)
    root.addEventListener(
      'submit',
      (event) => {
        const form = event.target as HTMLFormElement;
        const owner = (form.getRootNode() as ShadowRoot).host as Element & {
          hasUpdated?: boolean;
        };
        load(element.localName);
        // Until it has (a minute at most: a module that never comes leaves the form as it is).
        const until = performance.now() + 60_000;
        const send = () => {
          if (owner.hasUpdated) form.requestSubmit();
          else if (performance.now() < until) requestAnimationFrame(send);
        };
        send();
      },
      { once: true },
    );
}

/** Brings `element`'s code through `loadTag` when it is needed. */
export function waitFor(element: Element, loadTag: Load): void {
  load = loadTag;
  if (waiting.has(element)) return;
  waiting.add(element);
  if (element.shadowRoot) keepSubmits(element);
  // Every time, not once: after a failed import (offline, say) the reader's next act retries.
  const now = () => load(element.localName);
  for (const type of ['focusin', 'pointerdown', 'keydown'])
    element.addEventListener(type, now, { capture: true });
  changed.observe(element, { attributes: true });
  // The reader got there before this did (tabbed into it while the page loaded).
  if (element.matches(':focus-within')) now();
  else if (!STILL.has(element.localName))
    if (near) near.observe(element);
    else now();
}
