import { css } from 'lit';

/*
 * Logical properties throughout, so the box mirrors in a right-to-left language; the bars grow
 * in the reading direction. Text that can run long without a space (a Khmer or Thai place
 * name, a country's name in Chinese) may break anywhere rather than push past a 320 px column.
 */
export const styles = css`
  aside {
    display: grid;
    gap: var(--_space);
    padding: clamp(0.75rem, 3vw, 1.5rem);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  /* The arrests table wraps its names only when its section is too narrow for them. */
  .arrests {
    container-type: inline-size;
  }
  h2 {
    margin: 0;
    font-size: 1.1em;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
  /* Spacing letters apart breaks the joins of Arabic and the stacked signs of Khmer and Thai. */
  h2:is(:lang(ar), :lang(km), :lang(th)) {
    letter-spacing: normal;
  }
  h3 {
    margin-block: 0 0.35rem;
    margin-inline: 0;
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
  /* Chinese, Khmer, Thai and Arabic have no italic of their own: a slanted copy reads worse. */
  .note:is(:lang(ar), :lang(km), :lang(th), :lang(zh)) {
    font-style: normal;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.35rem;
  }
  th,
  td {
    padding-block: 0.3rem;
    padding-inline: 0 0.5rem;
    text-align: start;
    vertical-align: middle;
    font-weight: 400;
  }
  /* Names and figures keep to a line while they fit; the bar takes what is left. */
  th,
  td.figure {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  td.figure {
    font-variant-numeric: tabular-nums;
  }
  td.bar {
    inline-size: 100%;
    min-inline-size: 4rem;
  }
  td.bar svg {
    display: block;
    inline-size: 100%;
    block-size: 1.1rem;
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
  /* SVG does not follow the writing direction: the bars and their key turn round instead. */
  td.bar svg:dir(rtl),
  .legend svg:dir(rtl) {
    transform: scaleX(-1);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin-block: 0.35rem 0;
    margin-inline: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .legend svg {
    inline-size: 1.5rem;
    block-size: 0.75rem;
    vertical-align: middle;
    margin-inline-end: 0.35em;
  }
  ul.plain {
    margin: 0;
    padding-inline-start: 1.1em;
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
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.9em;
  }
  blockquote {
    margin: 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
  }
  /* In a narrow box a long name or figure wraps in a column of its own, between words where
     it can; the bar keeps what is left. */
  @container (max-inline-size: 24rem) {
    th,
    td.figure {
      min-inline-size: 6em;
      white-space: normal;
      overflow-wrap: anywhere;
    }
    td.bar {
      min-inline-size: 3rem;
    }
  }
`;
