/**
 * What the service itself writes to a reader, in English, the source of every language's: the
 * mails about new comments and the pages their links open (confirming that mail, stopping it).
 * `{placeholders}` are filled as it is written: `{thread}` is a thread named as
 * `thread-titled` or `thread-by-id` words it, `{time}` a date and time, `{days}` a count of
 * days, `{count}` a count of characters, `{label}` the comment form's own wording of its
 * checkbox (`notify-label`, without its closing stop), `{reason}` one of the sentences that
 * say why nothing was changed, `{site}` and `{url}` addresses, `{name}` a commenter's name,
 * `{button}` a button's words.
 */
export const englishReaderWords = {
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
  // The mail that asks a reader to confirm their address.
  'confirm-mail-subject': 'Confirm mail about new comments',
  'confirm-mail-asked':
    'Someone, we hope you, asked to be mailed about new comments on {thread} at {site}.',
  'confirm-mail-link': 'Confirm: {url}',
  'confirm-mail-page':
    'The link opens a page with a "{button}" button. It works once, until {time}.',
  'confirm-mail-once':
    'Once this address is confirmed, later requests from it need no confirmation.',
  'confirm-mail-ignore':
    'If you did not ask, ignore this mail: nothing more is sent to you unless the button is pressed.',
  // The mail about a new comment in a thread the reader follows; {thread} is its headline alone.
  'reply-mail-subject': 'New reply on {thread}',
  'reply-mail-wrote': '{name} wrote, on {time}:',
  'reply-mail-cut':
    '(The comment is {count} characters long; its page shows all of it.)',
  'reply-mail-read': 'Read it and reply: {url}',
  // The end of every mail to a reader.
  'mail-why':
    'You get this mail because you asked to hear about new comments on {thread} at {site}.',
  'mail-stop': 'To stop mail about this thread, open {url}',
} as const;

/** A word of what the service writes to a reader. */
export type ReaderWordCode = keyof typeof englishReaderWords;

/** A language's words for it: every code, each with the English's placeholders. */
export type ReaderWords = Readonly<Record<ReaderWordCode, string>>;
