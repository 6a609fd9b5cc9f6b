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
 * has without its code, and a section marked `loading="lazy"` asks for nothing until the
 * reader nears it: their code waits until it is needed (`shared/drawn.ts`), and the page's
 * first seconds stay free for the reader.
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
    if (element.shadowRoot || element.getAttribute('loading') === 'lazy')
      // What waits is a module of its own: pages that wait for nothing never fetch it.
      void import('./shared/drawn.js').then((m) => m.waitFor(element, load));
    else load(element.localName);
  if (
    [...modules.keys()].every((t) => requested.has(t) || customElements.get(t))
  )
    observer.disconnect();
}

function watch(): void {
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
}

watch();
discover(document);
