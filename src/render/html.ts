/**
 * Text as it may stand in HTML, in an element's content or a quoted attribute's value: each of
 * `& < > " '` written as a numeric reference, so nothing in it can end the value or start a tag.
 *
 * @example
 * escapeHtml('en"><script>') // 'en&#34;&#62;&#60;script&#62;'
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
