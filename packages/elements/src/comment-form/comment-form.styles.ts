import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  .heading-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1rem;
  }
  h3 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .notes {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* Words with no spaces between them (Khmer, Thai, Chinese) or a long name still wrap. */
  h3,
  .notes,
  label,
  .alert p,
  .status {
    overflow-wrap: anywhere;
  }
  /* Fields side by side share a row's height: without align-content, a longer message beside
     one field stretched the label and input of the others out of line. */
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
  }
  input[type='text'],
  input[type='email'],
  input[type='url'],
  textarea {
    width: 100%;
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .details {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
  }
  .consent {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    font-weight: 400;
  }
  .consent input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    margin-block-start: 0.2em;
    flex: none;
    accent-color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.25rem;
  }
  .status {
    color: var(--_muted);
  }
  /* Out of sight without an offset: pushed off a side, it would widen the page whenever its
     direction and the page's differ (an Arabic form on an English page). */
  .honeypot {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
