import { msg } from '../shared/localize.js';

/** The words of the page a service puts `<dateline-moderation>` in. */
export interface ModerationPageText {
  /** The document's title, which the element prefixes with the pending count. */
  title: string;
  heading: string;
  signOut: string;
  /** Shown when the browser runs no scripts. */
  needsJavaScript: string;
}

/**
 * The words of the comment service's moderation page (`/admin`) around the element, in the
 * language `msg` writes in (wrap the call in `inLocale`). They live in the elements'
 * catalogue beside the element's own, so a moderator's page is translated in one place.
 */
export function moderationPageText(): ModerationPageText {
  return {
    title: msg('Moderation · Dateline', { id: 'moderation.page-title' }),
    heading: msg('Moderation', { id: 'moderation.page-heading' }),
    signOut: msg('Sign out', { id: 'moderation.sign-out' }),
    needsJavaScript: msg('The moderation page needs JavaScript.', {
      id: 'moderation.needs-javascript',
    }),
  };
}
