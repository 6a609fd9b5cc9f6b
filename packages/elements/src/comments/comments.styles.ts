import { css } from 'lit';

export const styles = css`
  section {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.25;
  }
  .order {
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  select {
    padding: 0.25em 0.5em;
  }
  .empty,
  .demo,
  .loading {
    margin: 0;
    color: var(--_muted);
  }
  .loading {
    display: grid;
  }
  .loading > * {
    grid-area: 1 / 1;
  }
  .sizer {
    visibility: hidden;
  }
  .demo {
    padding: 0.5em 0.75em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-size: 0.9em;
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Logical sides throughout: in a right-to-left language replies indent from the right. */
  ol ol {
    margin-block-start: var(--_space);
    padding-inline-start: clamp(0.75rem, 4vw, 2rem);
    border-inline-start: 2px solid var(--_border);
  }
  li + li {
    margin-block-start: var(--_space);
  }
  article {
    display: grid;
    gap: 0.35rem;
    padding: 0.75rem 0 0;
    border-block-start: 1px solid var(--_border);
    scroll-margin-block-start: 4rem;
  }
  ol ol article {
    border-block-start: 0;
    padding-block-start: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75rem;
  }
  .author {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .says {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .permalink {
    position: relative;
    color: var(--_muted);
    font-size: 0.875em;
    text-decoration: none;
  }
  .permalink:hover,
  .permalink:focus-visible {
    text-decoration: underline;
  }
  /* As wide as the date, up to what a narrow column holds: a date in Khmer or Arabic words
     runs longer than "July 20, 2025 at 8:01 AM". */
  .exact {
    position: absolute;
    inset-inline-start: 0;
    inset-block-start: 100%;
    z-index: 1;
    display: none;
    inline-size: max-content;
    max-inline-size: min(20rem, 80vw);
    padding: 0.25em 0.5em;
    border-radius: var(--_radius);
    background: CanvasText;
    color: Canvas;
    font-size: 0.85em;
  }
  .permalink:hover .exact,
  .permalink:focus-visible .exact {
    display: block;
  }
  .body p {
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .body p:last-child {
    margin-block-end: 0;
  }
  /* Words with no spaces between them (Khmer, Thai, Chinese) or a long name still wrap. */
  h2,
  .empty,
  .demo,
  .loading,
  .omitted,
  .moderation,
  .alert p,
  .in-reply-to {
    overflow-wrap: anywhere;
  }
  .in-reply-to {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .omitted {
    margin: 0;
    color: var(--_muted);
    font-style: italic;
  }
  .moderation {
    margin: 0;
    font-style: italic;
    color: var(--_muted);
  }
  .reply {
    justify-self: start;
  }
  .form-slot {
    margin-block-start: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .more {
    justify-self: start;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus);
  }
`;
