/**
 * Dateline's elements that take room on the page once they render. One of them that is not
 * yet defined, above the comment section, will still push it down. Named here rather than
 * matched by prefix, so a misspelt tag, never defined, cannot hold the comments back forever.
 */
const GROWING = new Set([
  'dateline-article',
  'dateline-operation',
  'dateline-comments',
]);

/** Whether `other` comes before `element` in the page, and is not one of its ancestors. */
function above(element: Element, other: Element): boolean {
  const position = element.compareDocumentPosition(other);
  return (
    (position & Node.DOCUMENT_POSITION_PRECEDING) !== 0 &&
    (position & Node.DOCUMENT_POSITION_CONTAINS) === 0
  );
}

/**
 * Something above `element` that is still loading, and so may still move it: one of our
 * elements not yet defined, or any element that says it is loading with `aria-busy="true"`
 * (as `<dateline-article>` does while it fetches its data).
 */
export function loadingAbove(element: Element): Element | undefined {
  const root = element.getRootNode() as Document | ShadowRoot;
  if (typeof root.querySelectorAll !== 'function') return undefined;
  for (const other of root.querySelectorAll(
    '[aria-busy="true"], :not(:defined)',
  )) {
    if (other === element || !above(element, other)) continue;
    if (other.getAttribute('aria-busy') === 'true') return other;
    if (GROWING.has(other.localName)) return other;
  }
  return undefined;
}

export interface WatchNearOptions {
  /** How far outside the viewport counts as near, as IntersectionObserver's `rootMargin`. */
  rootMargin: string;
}

/**
 * Calls `near` once, when `element` comes within `rootMargin` of the viewport. Watching starts
 * only when the element's place on the page is final: while something above it is still
 * loading, the element sits higher than it will, often in view at first paint, and would load
 * at once what it was asked to load lazily. Returns a function that stops watching.
 *
 * @example
 * const stop = watchNear(section, { rootMargin: '600px 0px' }, () => load());
 */
export function watchNear(
  element: Element,
  options: WatchNearOptions,
  near: () => void,
): () => void {
  let stopped = false;
  let intersection: IntersectionObserver | undefined;
  let mutations: MutationObserver | undefined;
  const stop = () => {
    stopped = true;
    intersection?.disconnect();
    mutations?.disconnect();
  };

  const watch = () => {
    if (stopped || intersection) return;
    const pending = loadingAbove(element);
    if (pending) {
      waitFor(pending);
      return;
    }
    mutations?.disconnect();
    intersection = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        stop();
        near();
      },
      { rootMargin: options.rootMargin },
    );
    intersection.observe(element);
  };

  const waitFor = (pending: Element) => {
    if (pending.matches(':not(:defined)')) {
      void customElements
        .whenDefined(pending.localName)
        // Upgraded, it renders (and says whether it is loading) in its first update.
        .then(() => (pending as { updateComplete?: unknown }).updateComplete)
        .then(watch, watch);
      return;
    }
    // Busy: look again when a busy state ends, or an element comes or goes.
    if (mutations) return;
    mutations = new MutationObserver(() => {
      const still = loadingAbove(element);
      if (still && still.getAttribute('aria-busy') === 'true') return;
      mutations?.disconnect();
      mutations = undefined;
      watch();
    });
    mutations.observe(element.getRootNode(), {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
  };

  watch();
  return stop;
}
