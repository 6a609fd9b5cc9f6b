import { css } from 'lit';

/**
 * What every element shares. Elements inherit the page's font and colours; the tokens below
 * are the page's levers. They also inherit the page's `color-scheme`: on a page that offers
 * a dark scheme (`color-scheme: light dark`) the tokens follow the reader's preference; on a
 * light-only page they stay light, as the page does, so links keep their contrast.
 */
export const base = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    line-height: var(--dateline-line-height, 1.6);
    --_accent: var(--dateline-accent, light-dark(#a4161a, #ff8a80));
    --_on-accent: var(--dateline-on-accent, light-dark(#ffffff, #1a1a1a));
    --_muted: var(--dateline-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_border: var(--dateline-border, color-mix(in srgb, currentColor 22%, transparent));
    --_surface: var(--dateline-surface, color-mix(in srgb, currentColor 5%, transparent));
    --_danger: var(--dateline-danger, light-dark(#b3261e, #ffb4ab));
    --_radius: var(--dateline-radius, 0.375rem);
    --_space: var(--dateline-space, 1rem);
    --_focus: var(--dateline-focus-ring, 2px solid var(--_accent));
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  input[type='text'],
  input[type='email'],
  input[type='url'],
  textarea,
  select {
    min-height: 2.75rem;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0.5em 1.25em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  .link-button {
    min-height: 2.75rem;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .alert {
    margin: 0 0 var(--_space);
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  @media (prefers-reduced-motion: no-preference) {
    .spinner {
      animation: spin 0.8s linear infinite;
    }
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
