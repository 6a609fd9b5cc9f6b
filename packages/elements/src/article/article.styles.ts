import { css } from 'lit';

/*
 * Logical properties throughout, so the article mirrors in a right-to-left language. Words
 * longer than the column (an address, a name in a script without spaces) break rather than
 * push past a 320 px screen.
 */
export const styles = css`
  /* Room for the article while its data is on its way: a page's content below it starts where
     it will stay, out of view, instead of being pushed down when the article arrives. */
  :host([aria-busy='true']) {
    min-block-size: var(--dateline-article-reserve, 100vh);
  }
  article {
    display: grid;
    gap: var(--_space);
    max-inline-size: var(--dateline-measure, 42rem);
    overflow-wrap: anywhere;
  }
  header {
    display: grid;
    gap: 0.5rem;
  }
  h1 {
    margin: 0;
    font-size: var(--dateline-headline-size, clamp(1.6rem, 5vw, 2.5rem));
    line-height: 1.15;
    letter-spacing: -0.01em;
    text-wrap: balance;
  }
  .standfirst {
    margin: 0;
    font-size: 1.2em;
    color: var(--_muted);
  }
  .byline {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  h2 {
    margin-block: calc(var(--_space) * 0.75) 0;
    margin-inline: 0;
    font-size: 1.35em;
    line-height: 1.25;
  }
  h3 {
    margin-block: calc(var(--_space) * 0.5) 0;
    margin-inline: 0;
    font-size: 1.1em;
  }
  p {
    margin: 0;
  }
  .dateline {
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  /* Spacing letters apart breaks the joins of Arabic and the stacked signs of Khmer and Thai. */
  :is(h1, .dateline):is(:lang(ar), :lang(km), :lang(th)) {
    letter-spacing: normal;
  }
  blockquote {
    margin: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    font-size: 1.1em;
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .loading {
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
`;
