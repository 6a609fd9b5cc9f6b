/**
 * The words of the pages a reader opens from a mail (confirming mail about new comments,
 * stopping it), in English: the source of every language's. `{placeholders}` are filled when
 * a page is written: `{thread}` is a thread named as `thread-titled` or `thread-by-id` words
 * it, `{time}` a date and time, `{days}` a count of days, `{label}` the comment form's own
 * wording of its checkbox, `{reason}` one of the sentences that say why nothing was changed.
 */
export const englishPageWords = {
  'page-site': 'Dateline',
  'thread-titled': '“{title}”',
  'thread-by-id': 'the thread “{id}”',
  'unchanged-title': 'Nothing was changed',
  unchanged: '{reason} Nothing was changed.',
  'cross-site-title': 'Not accepted from another site',
  'cross-site':
    'This form can only be sent from this service’s own pages. Nothing was done.',
  'confirm-link-unknown':
    'This confirmation link is not valid: it may have been cut short or changed.',
  'confirm-link-used': 'This confirmation link was already used.',
  'confirm-link-expired':
    'This confirmation link has expired: links in mail work for {days} days. Ask again with your next comment.',
  'confirm-title': 'Confirm mail about new comments?',
  'confirm-text':
    'Press the button to be mailed when a new comment appears on the threads this address asked about.',
  'confirm-button': 'Confirm',
  'confirm-once':
    'This link works once, until {time}. If you did not ask, close this page: nothing is sent.',
  'confirmed-title': 'Confirmed',
  confirmed:
    'Your address is confirmed. You will get a mail when a new comment appears on the threads you asked about; each mail has a link to stop them.',
  'stop-link-unknown':
    'This unsubscribe link is not valid: it may have been cut short or changed.',
  'stop-unclear':
    'This request does not say what to change (send List-Unsubscribe=One-Click to stop these mails).',
  'stop-title': 'Stop these mails?',
  'stop-text':
    'This address gets a mail when a new comment appears on {thread}.',
  'stop-button': 'Stop these mails',
  'stopped-title': 'No more mail about this thread',
  stopped:
    'You will get no more mail about new comments on {thread}. To hear about them again, tick “{label}” with your next comment there.',
  // The comment form's checkbox, as the form words it (the elements' `form.consent.notify`).
  'notify-label': 'Notify me of follow-up comments by email.',
} as const;

/** A word of the pages a reader opens from a mail. */
export type PageWordCode = keyof typeof englishPageWords;

/** A language's words for those pages: every code, each with the English's placeholders. */
export type PageWords = Readonly<Record<PageWordCode, string>>;
