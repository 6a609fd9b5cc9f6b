import { css } from 'lit';

export const styles = css`
  aside {
    display: grid;
    gap: var(--_space);
    padding: clamp(0.75rem, 3vw, 1.5rem);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
  h3 {
    margin: 0 0 0.35rem;
    font-size: 1em;
  }
  .lead {
    margin: 0;
    font-size: 1.1em;
  }
  .lead strong {
    display: block;
    font-size: clamp(1.75rem, 6vw, 2.5rem);
    line-height: 1.1;
    color: var(--_accent);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
    gap: var(--_space);
    margin: 0;
  }
  .facts > div {
    margin: 0;
  }
  /* A list of places needs the whole width; beside "When" it wrapped every line. */
  .facts > .wide {
    grid-column: 1 / -1;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    font-style: italic;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: 0.35rem;
  }
  th,
  td {
    padding: 0.3rem 0.5rem 0.3rem 0;
    text-align: left;
    vertical-align: middle;
    font-weight: 400;
  }
  th {
    white-space: nowrap;
  }
  td.figure {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  td.bar {
    width: 100%;
    min-width: 4rem;
  }
  td.bar svg {
    display: block;
    width: 100%;
    height: 1.1rem;
    overflow: visible;
  }
  .solid {
    fill: var(--_accent);
  }
  .range {
    fill: var(--_accent);
    fill-opacity: 0.35;
  }
  .open {
    fill: url(#open-fade);
  }
  .fade-from {
    stop-color: var(--_accent);
    stop-opacity: 0.6;
  }
  .fade-to {
    stop-color: var(--_accent);
    stop-opacity: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.35rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .legend svg {
    width: 1.5rem;
    height: 0.75rem;
    vertical-align: middle;
    margin-right: 0.35em;
  }
  ul.plain {
    margin: 0;
    padding-left: 1.1em;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tags li {
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.9em;
  }
  blockquote {
    margin: 0;
    padding-left: 0.75rem;
    border-left: 3px solid var(--_border);
  }
  @media (max-width: 30rem) {
    td.bar {
      min-width: 3rem;
    }
  }
`;
