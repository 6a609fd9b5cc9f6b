/**
 * The script-tag loader, `dist/cdn/dateline.js`. It holds no element: when a `dateline-*`
 * element appears in the page, now or later, it imports that element's module, which registers
 * it. Lit, core's schemas and the stores are chunks of their own, shared by the modules, so a
 * page fetches each once and never fetches what it does not show: a page of comments loads no
 * article, a page on the service no WordPress store.
 *
 * ```html
 * <script type="module" src="https://unpkg.com/@dateline/elements/dist/cdn/dateline.js"></script>
 * ```
 *
 * Elements inside other elements' shadow roots are registered by the element that renders
 * them (`<dateline-comments>` brings its form), so only the document itself is watched.
 *
 * An element the server already drew (its shadow root came with the page) shows everything it
 * has without its code, so its code waits until it is needed and the page's first seconds stay
 * free for the reader: a comment section's (its form, its live updates) once the reader comes
 * within a screen of it; an article's or a fact box's, which have nothing more to do once drawn,
 * when the reader acts inside one or the page changes its attributes or its language. Acting
 * inside any drawn element brings its code at once.
 */

const article = () => import('./article.js');
const comments = () => import('./comments.js');

/**
 * Each element's module, which registers it and the elements it renders inside. The fact box
 * comes with the article and the form with the comment section: they are rarely alone on a
 * page, and one module for both saves the pages that show them together a file.
 */
const modules = new Map<string, () => Promise<unknown>>([
  ['dateline-article', article],
  ['dateline-operation', article],
  ['dateline-comments', comments],
  ['dateline-comment-form', comments],
  ['dateline-count', () => import('./count.js')],
]);

/** Drawn by the server, these need their code only when the reader acts or the page changes them. */
const STILL = new Set(['dateline-article', 'dateline-operation']);

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

/** Elements drawn by the server, waiting for their code until they are needed. */
const waiting = new Set<Element>();

const changed = new MutationObserver((records) => {
  for (const { target } of records)
    if (target === document.documentElement)
      for (const element of waiting) load(element.localName);
    else load((target as Element).localName);
});

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

function wait(element: Element): void {
  if (waiting.has(element)) return;
  waiting.add(element);
  keepSubmits(element);
  const now = () => load(element.localName);
  for (const type of ['focusin', 'pointerdown', 'keydown'])
    element.addEventListener(type, now, { once: true, capture: true });
  changed.observe(element, { attributes: true });
  if (!STILL.has(element.localName))
    if (near) near.observe(element);
    else now();
}

/** Elements of ours not yet registered. */
const WAITING = [...modules.keys()].map((tag) => `${tag}:not(:defined)`).join();

/** Tags whose module was asked for, so each is imported once however many elements appear. */
const requested = new Set<string>();

const observer = new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.addedNodes)
      if (node.nodeType === Node.ELEMENT_NODE) discover(node as Element);
});

function load(tag: string): void {
  const module = modules.get(tag);
  if (!module || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  for (const element of waiting)
    if (element.localName === tag) waiting.delete(element);
  module().catch((error: unknown) => {
    // Offline, say: the next such element to appear tries again.
    requested.delete(tag);
    watch();
    console.error(`Dateline could not load <${tag}>.`, error);
  });
}

/** Registers what `root` is or holds of ours, now or when needed; stops watching once nothing is left to load. */
function discover(root: Element | Document): void {
  const found = [...root.querySelectorAll(WAITING)];
  if (root instanceof Element && root.matches(WAITING)) found.unshift(root);
  for (const element of found)
    if (element.shadowRoot) wait(element);
    else load(element.localName);
  if (
    [...modules.keys()].every((t) => requested.has(t) || customElements.get(t))
  ) {
    observer.disconnect();
    changed.disconnect();
  }
}

function watch(): void {
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  changed.observe(document.documentElement, { attributeFilter: ['lang'] });
}

watch();
discover(document);
