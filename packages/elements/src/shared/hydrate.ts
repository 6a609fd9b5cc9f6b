import {
  adoptStyles,
  isServer,
  LitElement,
  type PropertyValues,
  ReactiveElement,
  render,
} from 'lit';

/**
 * Lets every Lit element take over content the server already wrote (Lit SSR's declarative
 * shadow DOM) instead of drawing it again. It does what `@lit-labs/ssr-client`'s
 * `lit-element-hydrate-support.js` does, with one difference: the hydration code itself is
 * imported only when an element finds a shadow root written by the server, so a page rendered
 * in the browser pays a few hundred bytes for this and nothing more.
 *
 * Lit's hook must run before `lit-element` is evaluated, which a page whose modules are split
 * into shared chunks cannot promise; patching `LitElement`'s prototype works whenever it
 * happens before the first element connects, which importing this from an element's module
 * guarantees.
 */

type Hydrate = (
  value: unknown,
  container: Element | DocumentFragment,
  options?: unknown,
) => void;

const SERVER_ROOT = Symbol('dateline.serverRoot');
const DEFER = 'defer-hydration';
/** The language the server wrote an element's words in (`src/render/ssr.ts`). */
const DRAWN = 'drawn-lang';

interface Hydratable {
  [SERVER_ROOT]?: boolean;
  renderOptions: { isConnected?: boolean };
  renderRoot: HTMLElement | DocumentFragment;
  render(): unknown;
}

let hydrateFn: Hydrate | undefined;
let loading: Promise<void> | undefined;

function loadHydrate(): Promise<void> {
  loading ??= import('@lit-labs/ssr-client').then((module) => {
    hydrateFn = module.hydrate as Hydrate;
  });
  return loading;
}

const PATCHED = Symbol.for('dateline.hydrateSupport');

/**
 * Patches Lit once per page; a no-op on the server, where Lit SSR writes the shadow roots this
 * takes over. Each element module that may be rendered on the server calls it when loaded.
 */
export function hydrateSupport(): void {
  if (isServer) return;
  const proto = LitElement.prototype as unknown as Record<PropertyKey, unknown>;
  // Two copies of the elements on one page share Lit: patch it once.
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;

  // An element the server rendered inside another's shadow root waits, marked
  // `defer-hydration`, for that one to set its properties first (see `update` below).
  const connected = LitElement.prototype.connectedCallback;
  LitElement.prototype.connectedCallback = function (this: LitElement) {
    if (!this.hasAttribute(DEFER)) connected.call(this);
  };

  const createRenderRoot = (
    LitElement.prototype as unknown as { createRenderRoot(): unknown }
  ).createRenderRoot;
  Object.assign(LitElement.prototype, {
    createRenderRoot(this: LitElement & Hydratable) {
      if (this.shadowRoot) {
        // Written by the server, styles included: taken over as it is.
        this[SERVER_ROOT] = true;
        return this.shadowRoot;
      }
      return createRenderRoot.call(this);
    },
  });

  const scheduleUpdate = (
    LitElement.prototype as unknown as { scheduleUpdate(): unknown }
  ).scheduleUpdate;
  Object.assign(LitElement.prototype, {
    scheduleUpdate(this: LitElement & Hydratable) {
      if (this[SERVER_ROOT] && !hydrateFn)
        return loadHydrate().then(() => scheduleUpdate.call(this));
      return scheduleUpdate.call(this);
    },
  });

  const update = (
    LitElement.prototype as unknown as {
      update(changed: PropertyValues): void;
    }
  ).update;
  const reactiveUpdate = (
    ReactiveElement.prototype as unknown as {
      update(changed: PropertyValues): void;
    }
  ).update;
  Object.assign(LitElement.prototype, {
    update(this: LitElement & Hydratable, changed: PropertyValues) {
      if (!this[SERVER_ROOT]) return update.call(this, changed);
      this[SERVER_ROOT] = false;
      const drawn = this.getAttribute(DRAWN);
      this.removeAttribute(DRAWN);
      const value = this.render();
      this.renderOptions.isConnected = this.isConnected;
      reactiveUpdate.call(this, changed);
      const afresh = () => {
        (this.renderRoot as unknown as { _$litPart$?: unknown })._$litPart$ =
          undefined;
        this.renderRoot.replaceChildren();
        adoptStyles(
          this.renderRoot as ShadowRoot,
          (this.constructor as typeof LitElement).elementStyles,
        );
        render(value, this.renderRoot, this.renderOptions);
      };
      // The page changed language before the element's code came: Lit takes markup over on
      // the word that it is what the element would draw, so draw it in the reader's language.
      if (drawn && drawn !== (this as { locale?: string }).locale)
        return afresh();
      const deferred = [...this.renderRoot.querySelectorAll(`[${DEFER}]`)];
      // What a reader typed into the server's form before the script arrived: hydrating sets
      // each field's value from the element's state, which has not heard of it.
      const typed = [
        ...this.renderRoot.querySelectorAll<
          HTMLInputElement | HTMLTextAreaElement
        >('textarea, input:not([type="checkbox"], [type="radio"])'),
      ]
        .filter((field) => field.value !== field.defaultValue)
        .map((field) => [field, field.value] as const);
      try {
        hydrateFn!(value, this.renderRoot, this.renderOptions);
        // Given back, and told to the element as the reader's own input.
        for (const [field, text] of typed) {
          field.value = text;
          field.dispatchEvent(
            new Event('input', { bubbles: true, composed: true }),
          );
        }
        // Hydrating set their properties and took the mark off: now they connect.
        for (const element of deferred)
          if (
            element instanceof LitElement &&
            element.isConnected &&
            !element.hasAttribute(DEFER)
          )
            element.connectedCallback();
      } catch (error) {
        // What the server wrote is not what this element draws (another version of it, say):
        // draw it afresh rather than leave a section that no longer answers.
        console.warn(
          `Dateline redrew <${this.localName}>: the page's server-rendered content did not match.`,
          error,
        );
        afresh();
      }
    },
  });
}
