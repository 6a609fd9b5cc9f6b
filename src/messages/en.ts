/**
 * What the service itself writes, in English, the source of every language's: to a reader, the
 * mails about new comments and the pages their links open (confirming that mail, stopping it);
 * to a moderator, the pages to sign in, the mails about held comments and to sign in, and the
 * pages those mails' links open.
 * `{placeholders}` are filled as it is written: `{thread}` is a thread named as
 * `thread-titled` or `thread-by-id` words it, `{time}` a date and time, `{days}` a count of
 * days, `{count}` a count of characters, `{label}` the comment form's own wording of its
 * checkbox (`notify-label`, without its closing stop), `{reason}` one of the sentences that
 * say why nothing was changed, `{site}` and `{url}` addresses, `{name}` a commenter's name,
 * `{button}` a button's words, `{email}` and `{address}` a moderator's email, `{minutes}` a
 * count of minutes (15), `{when}` a time from now as Intl words it ("in 5 minutes"), and
 * `{smtp}` and `{token}` the names of the service's settings, kept as written.
 */
export const englishServiceWords = {
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
  // A moderator's pages to sign in.
  'sign-in-title': 'Sign in',
  'sign-in-how': 'Moderators sign in with a link sent by mail.',
  'sign-in-email': 'Email address',
  'sign-in-send': 'Email me a link to sign in',
  'sign-in-email-missing': 'Please enter the address you moderate with.',
  'sign-in-signed-in': 'You are signed in as {email}.',
  'open-moderation': 'Open the moderation page',
  'sign-in-off':
    'Signing in by mail is off on this service: it needs a mail server ({smtp}). Moderate with the admin token ({token}) instead.',
  'sign-in-requested-title': 'Check your mail',
  'sign-in-requested':
    'If that address belongs to a moderator, a link to sign in is on its way. It works once, for {minutes} minutes.',
  'sign-in-ask-again': 'Ask again',
  'too-many-title': 'Too many requests',
  'sign-in-too-many':
    'There have been too many requests to sign in from here or for this address. Please try again {when}.',
  'sign-in-confirm':
    'Sign in to moderate comments as {email}. This link works once, until {time}.',
  'sign-in-button': 'Sign in',
  'sign-in-link-title': 'This link does not sign you in',
  'sign-in-link-unknown':
    'This sign-in link is not valid: it may have been cut short or changed. Ask for a new one.',
  'sign-in-link-used':
    'This sign-in link was already used. Each link works once: ask for a new one.',
  'sign-in-link-expired':
    'This sign-in link has expired: links work for {minutes} minutes. Ask for a new one.',
  'sign-in-new-link': 'Ask for a new link',
  // The pages a mail about a held comment opens: one button each, then what it did.
  'act-approve-title': 'Approve this comment?',
  'act-approve': 'Approve this comment',
  'act-approved-title': 'Approved',
  'act-approved': 'The comment is approved: readers see it in its thread.',
  'act-spam-title': 'Mark this comment as spam?',
  'act-spam': 'Mark this comment as spam',
  'act-spammed-title': 'Marked as spam',
  'act-spammed': 'The comment is marked as spam: readers do not see it.',
  'act-delete-title': 'Delete this comment?',
  'act-delete': 'Delete this comment',
  'act-deleted-title': 'Deleted',
  'act-deleted': 'The comment is deleted: readers do not see it.',
  'act-once': 'This link works once, until {time}.',
  'act-link-unknown':
    'This link is not valid: it may have been cut short or changed.',
  'act-link-gone': 'The comment this link was for no longer exists.',
  'act-link-used': 'This link was already used. Each mail’s links work once.',
  'act-link-used-approve':
    'This link was already used, on {time}, to approve the comment. Each mail’s links work once.',
  'act-link-used-spam':
    'This link was already used, on {time}, to mark the comment as spam. Each mail’s links work once.',
  'act-link-used-delete':
    'This link was already used, on {time}, to delete the comment. Each mail’s links work once.',
  'act-link-expired':
    'This link has expired: links in mail work for {days} days.',
  'act-former':
    'This link was sent to an address that no longer moderates comments here.',
  'act-settled-approved':
    'This comment no longer awaits moderation: it is approved.',
  'act-settled-spam':
    'This comment no longer awaits moderation: it is marked as spam.',
  'act-settled-deleted':
    'This comment no longer awaits moderation: it is deleted.',
  // A held comment's facts, on those pages and in the mail about it.
  'comment-thread': 'Thread',
  'comment-reply-to': 'Reply to',
  'comment-author': 'Author',
  'comment-email': 'Email',
  'comment-website': 'Website',
  'comment-no-website': '(none)',
  'comment-posted': 'Posted',
  // The page a moderator's unsubscribe link opens (its button and refusals are the reader's).
  'held-mail-on-title': 'Mail is on again',
  'held-mail-off-title': 'No more mail about held comments',
  'held-mail-on': '{address} gets a mail when a comment awaits moderation.',
  'held-mail-off':
    '{address} gets no mail when a comment awaits moderation. Mail to sign in is still sent when asked for.',
  'held-mail-again': 'Mail me again',
  // The mail about a comment awaiting moderation.
  'held-mail-subject': 'Comment by {name} awaits moderation',
  'held-mail-intro': 'A comment awaits your moderation.',
  'held-mail-approve': 'Approve it: {url}',
  'held-mail-spam': 'Mark it spam: {url}',
  'held-mail-delete': 'Delete it: {url}',
  'held-mail-links':
    'Each link opens a page with the comment and one button: nothing happens until you press it.',
  'held-mail-once': 'One of them can be used, once, until {time}.',
  'held-mail-queue': 'Every comment awaiting moderation: {url}',
  'held-mail-comment': 'The comment:',
  'held-mail-cut':
    '(The comment is {count} characters long; the page each link opens shows all of it.)',
  // The mail with a link to sign in (its page's words are `confirm-mail-page`'s).
  'sign-in-mail-subject': 'Sign in to moderate comments',
  'sign-in-mail-asked':
    'Someone, we hope you, asked to sign in to moderate comments at {site}.',
  'sign-in-mail-link': 'Sign in: {url}',
  'sign-in-mail-ignore':
    'If you did not ask, ignore this mail: nothing happens unless the button is pressed.',
  // The end of every mail to a moderator.
  'moderator-mail-why':
    'You get this mail because you moderate comments at {site}.',
  'moderator-mail-stop':
    'To stop mail about comments awaiting moderation, open {url}',
  // The public API's refusals, for a page or a program that shows their message: {id} is
  // what was sent, quoted; {max} a count; {size} a size ("1,600 KB"); {origin} a site's
  // address; {method} and {path} the request's. Query parameters, headers and JSON stay as
  // written.
  'api-thread-id': 'That is not a thread id.',
  'api-thread-id-rule':
    'A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.',
  'api-not-thread-id':
    '{id} is not a thread id. A thread id is letters, digits and _ . : - (up to 128), starting with a letter or digit.',
  'api-query-invalid': 'The query is not valid.',
  'api-cursor': 'The cursor is not one this service gave out.',
  'api-send-json': 'Send the comment as JSON (Content-Type: application/json).',
  'api-not-json': 'The request body is not valid JSON.',
  'api-key-invalid':
    'The Idempotency-Key header must be 1 to 128 visible ASCII characters.',
  'api-key-reused':
    'This Idempotency-Key was already used for a different comment. Send each new comment with a new key.',
  'api-too-large':
    'This request is larger than any comment can be: requests are limited to {size}, room for a comment of {max} characters in any script. Nothing was stored.',
  'api-still-storing':
    'This comment is still being stored by an earlier attempt. Please try again in a moment.',
  'api-failed':
    'The comment service failed; nothing was stored. Please try again.',
  'api-unavailable':
    'The comment service cannot store comments right now; nothing was stored. Please try again later.',
  'api-origin':
    'This comment service does not accept requests from pages on {origin}.',
  'api-not-found': 'There is no {method} {path} in this API.',
  'api-lang': 'The lang parameter must be a language tag, such as en or km.',
  'api-lang-field': 'A language tag, such as en, km or zh-Hant.',
  'api-count-how':
    'Name the threads to count as ?threads=a,b,c: up to {max} thread ids, separated by commas.',
  'api-count-too-many':
    'Up to {max} threads can be counted at once; ask for the rest in another request.',
  'api-live-how':
    'Name the threads to follow as ?threads=a,b: up to {max} thread ids, separated by commas.',
  'api-live-too-many': 'One live connection follows up to {max} threads.',
  'api-live-off': 'Live updates are not available from this service.',
  'api-live-address-full':
    'This address already has {max} live connections open, the most it may. Close some pages that show comments; this one will try again later.',
  'api-live-full':
    'The comment service has as many live connections as it can hold. The page will try again later; comments still show when it is reloaded.',
} as const;

/** A word of what the service writes. */
export type ServiceWordCode = keyof typeof englishServiceWords;

/** A language's words for it: every code, each with the English's placeholders. */
export type ServiceWords = Readonly<Record<ServiceWordCode, string>>;
