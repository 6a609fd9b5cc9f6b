import { css } from 'lit';

/**
 * A count sits in running text, usually inside a link beside a headline: it is inline and
 * takes the font, colour and decoration of what surrounds it.
 */
export const styles = css`
  :host {
    display: inline;
    font: inherit;
    color: inherit;
  }
  :host([hidden]) {
    display: none;
  }
`;
