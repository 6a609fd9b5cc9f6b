/**
 * Registers a custom element once. A page may load the script-tag bundle twice, or the bundle
 * and the npm build; the second registration is skipped instead of throwing.
 */
export function defineElement(
  tag: string,
  element: CustomElementConstructor,
): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
