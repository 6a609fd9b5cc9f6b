/**
 * WordPress's limits for a new comment, in UTF-16 code units after trimming and NFC
 * normalisation. A form takes its `maxlength` from here, so the browser and the schema agree.
 *
 * @example
 * html`<input name="author" maxlength=${NEW_COMMENT_LIMITS.name}>`
 */
export const NEW_COMMENT_LIMITS = {
  name: 245,
  email: 100,
  url: 200,
  body: 65_525,
} as const;
