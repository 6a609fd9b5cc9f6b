import { css } from 'lit';

/**
 * Logical properties throughout (inline-start, block-end…), so a right-to-left language mirrors
 * the page; no width assumes Latin words, and long unbroken text (Khmer, Thai and Chinese
 * runs, emails, links) wraps rather than widening a 320 px column.
 */
export const styles = css`
  .moderation {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
    line-height: 1.3;
    margin-block: 0 0.5rem;
    margin-inline: 0;
  }
  h3 {
    font-size: 1rem;
    margin: 0;
  }
  /* Zero specificity: tabs and other buttons restyle what they need. */
  :where(button:not(.link-button, .button)) {
    min-block-size: 2.75rem;
    padding: 0.25em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .views {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .view[aria-current='page'] {
    border-color: var(--_accent);
    font-weight: 700;
    /* An underline at the block end, drawn inside so the button keeps its size; it does not
       point in the reading direction, so it needs no mirroring. */
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 1px solid var(--_border);
  }
  .tab[role='tab'] {
    padding-block: 0.25em;
    padding-inline: 0.6em;
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_accent);
    font-weight: 700;
  }
  #queue {
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .search label {
    display: block;
    font-weight: 600;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .search input {
    flex: 1 1 12rem;
    min-inline-size: 0;
    min-block-size: 2.75rem;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .select-all {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    min-block-size: 2.75rem;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.75rem;
    accent-color: var(--_accent);
  }
  .select-all input[type='checkbox'] {
    margin: 0;
  }
  .queue-status:empty {
    display: none;
  }
  .queue {
    display: grid;
    gap: 0.75rem;
  }
  .comment {
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .comment.current {
    border-inline-start-color: var(--_accent);
  }
  .comment.selected {
    background: var(--_surface);
  }
  .head {
    display: flex;
    align-items: start;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .head input[type='checkbox'] {
    margin-block: 0.15rem 0;
    margin-inline: 0 0.5rem;
    flex: none;
  }
  .who {
    min-inline-size: 0;
  }
  .author {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    align-items: baseline;
  }
  .approved,
  .where,
  .contact,
  .hint,
  .omitted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .reply-to {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .body p {
    margin-block: 0 0.5em;
    margin-inline: 0;
  }
  .body p:last-child {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .block {
    flex-basis: 100%;
  }
  .block summary {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
  }
  .block-actions {
    display: grid;
    justify-items: start;
  }
  .link-button {
    text-align: start;
  }
  .more {
    justify-self: start;
  }
  .shortcuts {
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .shortcuts dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .shortcuts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .shortcuts dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-inline-size: 1.5em;
    padding-block: 0;
    padding-inline: 0.3em;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    font: inherit;
    font-size: 0.9em;
    text-align: center;
  }
  .lists {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
    margin: 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 700;
    padding-block: 0;
    padding-inline: 0.25rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .field label {
    font-weight: 600;
  }
  textarea {
    inline-size: 100%;
    resize: block;
  }
  .error {
    color: var(--_danger);
  }
  .addresses li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .lists > .button {
    justify-self: start;
  }
  .audit {
    display: grid;
    gap: 0.75rem;
    overflow-wrap: anywhere;
  }
  .audit > li {
    padding-block-end: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  .items {
    padding-inline-start: 1rem;
    list-style: disc;
  }
  .notice {
    position: sticky;
    inset-block-end: 0;
    min-block-size: 0;
  }
  .notice.shown {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    align-items: center;
    padding-block: 0.25rem;
    padding-inline: 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: Canvas;
  }
`;
