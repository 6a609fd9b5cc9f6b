/**
 * The mails the service sends, as plain text: nothing a commenter wrote can become markup or
 * a link that looks like ours. Links are made from DATELINE_PUBLIC_URL.
 */
import type { StoredComment } from '../repository/types.js';
import { matchLocale, type SupportedLocale } from '@dateline/core';
import {
  fillText,
  SERVICE_WORDS,
  type ServiceCatalogue,
  type ServiceWords,
} from '../messages/index.js';

export interface Mail {
  subject: string;
  text: string;
  /** Extra headers: one-click unsubscribe (RFC 8058), and a mark that no one typed it. */
  headers: Record<string, string>;
}

/** Where the links in a mail lead. */
export interface MailLinks {
  /** DATELINE_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The recipient's unsubscribe key. */
  unsubscribeKey: string;
}

/** The longest stretch of a comment quoted in a mail; the page shows it whole. */
export const QUOTED_CHARACTERS = 4000;

export const unsubscribeUrl = (publicUrl: string, key: string) =>
  `${publicUrl}/mail/unsubscribe/${key}`;
export const actionUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/admin/act/${token}`;
export const signInUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/admin/sign-in/${token}`;

const whens = new Map<string, Intl.DateTimeFormat>();
/**
 * A time as a reader anywhere can read it, in one of the service's languages (English as
 * written in Britain, day before month, by default): the zone is named.
 */
export const shownTime = (
  ms: number | string,
  locale: SupportedLocale = 'en',
) => {
  let when = whens.get(locale);
  if (!when) {
    when = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    whens.set(locale, when);
  }
  return `${when.format(new Date(ms))} UTC`;
};

/**
 * The language a mail is written in, from the one stored for its recipient (English if it
 * is none of the service's), and its words: the shipped ones unless the site gave its own.
 */
function mailLanguage(
  locale: string,
  catalogue: ServiceCatalogue = SERVICE_WORDS,
): { tag: SupportedLocale; words: ServiceWords } {
  const tag = matchLocale(locale);
  return { tag, words: catalogue[tag] };
}

function headers(links: MailLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(links.publicUrl, links.unsubscribeKey)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    // RFC 3834: an automatic mail, so out-of-office replies are not sent back to it.
    'Auto-Submitted': 'auto-generated',
  };
}

/** The end of every mail to a moderator. */
function footer(links: MailLinks, words: ServiceWords): string {
  return [
    '-- ',
    fillText(words['moderator-mail-why'], { site: links.publicUrl }),
    fillText(words['moderator-mail-stop'], {
      url: unsubscribeUrl(links.publicUrl, links.unsubscribeKey),
    }),
  ].join('\n');
}

/** A name in a subject line: one line, not too long. */
function shortName(name: string): string {
  const chars = [...name];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : name;
}

/**
 * Text quoted line by line with "> ", as mail quotes: whatever a commenter writes (a line
 * that looks like one of our links, say) reads as part of the comment. A comment longer than
 * `max` characters is cut, and `cut` says so.
 */
export function quoted(
  text: string,
  max: number,
  cut: (count: number) => string,
): string {
  const chars = [...text];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  const lines = shown.split(/\r\n|\r|\n/).map((line) => `> ${line}`);
  if (chars.length > max) lines.push('', cut(chars.length));
  return lines.join('\n');
}

export interface HeldCommentMail {
  comment: StoredComment;
  /** The author of the comment it replies to, if it is a reply. */
  inReplyTo?: string | undefined;
  /** One-click links by action. */
  tokens: { approve: string; spam: string; delete: string };
  expiresAt: number;
  links: MailLinks;
  /** The language the moderator last signed in or acted in; English if it is none of the service's. */
  locale: string;
  /** The service's words: the shipped ones unless the site gave its own (DATELINE_WORDS). */
  words?: ServiceCatalogue | undefined;
}

/** A held comment's facts as its mail and its links' pages list them, label and value. */
export function commentFacts(
  comment: StoredComment,
  inReplyTo: string | undefined,
  words: ServiceWords,
  locale: SupportedLocale,
): Array<[label: string, value: string]> {
  return [
    [words['comment-thread'], comment.threadId],
    ...(inReplyTo
      ? [[words['comment-reply-to'], inReplyTo] as [string, string]]
      : []),
    [words['comment-author'], comment.author.name],
    [words['comment-email'], comment.email],
    [
      words['comment-website'],
      comment.author.url ?? words['comment-no-website'],
    ],
    [words['comment-posted'], shownTime(comment.createdAt, locale)],
  ];
}

/** Tells a moderator that a comment awaits moderation, with one-click links to act on it. */
export function heldCommentMail({
  comment,
  inReplyTo,
  tokens,
  expiresAt,
  links,
  locale,
  words: catalogue,
}: HeldCommentMail): Mail {
  const { tag, words } = mailLanguage(locale, catalogue);
  const { publicUrl } = links;
  const text = [
    words['held-mail-intro'],
    '',
    ...commentFacts(comment, inReplyTo, words, tag).map(
      ([label, value]) => `${label}: ${value}`,
    ),
    '',
    fillText(words['held-mail-approve'], {
      url: actionUrl(publicUrl, tokens.approve),
    }),
    fillText(words['held-mail-spam'], {
      url: actionUrl(publicUrl, tokens.spam),
    }),
    fillText(words['held-mail-delete'], {
      url: actionUrl(publicUrl, tokens.delete),
    }),
    '',
    words['held-mail-links'],
    fillText(words['held-mail-once'], { time: shownTime(expiresAt, tag) }),
    fillText(words['held-mail-queue'], { url: `${publicUrl}/admin` }),
    '',
    words['held-mail-comment'],
    '',
    quoted(comment.body, QUOTED_CHARACTERS, (count) =>
      fillText(words['held-mail-cut'], { count: count.toLocaleString(tag) }),
    ),
    '',
    footer(links, words),
  ].join('\n');
  return {
    subject: fillText(words['held-mail-subject'], {
      name: shortName(comment.author.name),
    }),
    text,
    headers: headers(links),
  };
}

export interface SignInMail {
  token: string;
  expiresAt: number;
  links: MailLinks;
  /** The language the sign-in was asked in; English if it is none of the service's. */
  locale: string;
  /** The service's words: the shipped ones unless the site gave its own (DATELINE_WORDS). */
  words?: ServiceCatalogue | undefined;
}

/** The link a moderator asked for to sign in. */
export function signInMail({
  token,
  expiresAt,
  links,
  locale,
  words: catalogue,
}: SignInMail): Mail {
  const { tag, words } = mailLanguage(locale, catalogue);
  const text = [
    fillText(words['sign-in-mail-asked'], { site: links.publicUrl }),
    '',
    fillText(words['sign-in-mail-link'], {
      url: signInUrl(links.publicUrl, token),
    }),
    '',
    fillText(words['confirm-mail-page'], {
      button: words['sign-in-button'],
      time: shownTime(expiresAt, tag),
    }),
    words['sign-in-mail-ignore'],
    '',
    footer(links, words),
  ].join('\n');
  return {
    subject: words['sign-in-mail-subject'],
    text,
    headers: headers(links),
  };
}

// Readers' mail about replies: a confirmation first, then one mail per approved reply. Each
// carries a one-click unsubscribe (RFC 8058) for the thread it is about.

export const confirmSubscriptionUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/mail/confirm/${token}`;
export const stopRepliesUrl = (publicUrl: string, key: string) =>
  `${publicUrl}/mail/replies/stop/${key}`;

/** Where a reader's mail about a thread leads, and how to stop it. */
export interface ReaderMailLinks {
  /** DATELINE_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The subscription's unsubscribe key. */
  unsubscribeKey: string;
  threadId: string;
  /** The thread's headline and page, when known. */
  headline?: { title: string; url?: string } | undefined;
}

function readerHeaders(links: ReaderMailLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${stopRepliesUrl(links.publicUrl, links.unsubscribeKey)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  };
}

/** The thread by its headline, else by its id, as `words` name one in a sentence. */
const threadNamed = (links: ReaderMailLinks, words: ServiceWords) =>
  links.headline
    ? fillText(words['thread-titled'], { title: links.headline.title })
    : fillText(words['thread-by-id'], { id: links.threadId });

function readerFooter(links: ReaderMailLinks, words: ServiceWords): string {
  return [
    '-- ',
    fillText(words['mail-why'], {
      thread: threadNamed(links, words),
      site: links.publicUrl,
    }),
    fillText(words['mail-stop'], {
      url: stopRepliesUrl(links.publicUrl, links.unsubscribeKey),
    }),
  ].join('\n');
}

export interface ConfirmSubscriptionMail {
  token: string;
  expiresAt: number;
  links: ReaderMailLinks;
  /** The language the reader asked in; English if it is none of the service's. */
  locale: string;
  /** The service's words: the shipped ones unless the site gave its own (DATELINE_WORDS). */
  words?: ServiceCatalogue | undefined;
}

/** Asks a reader to confirm their email before any mail about replies is sent to it. */
export function confirmSubscriptionMail({
  token,
  expiresAt,
  links,
  locale,
  words: catalogue,
}: ConfirmSubscriptionMail): Mail {
  const { tag, words } = mailLanguage(locale, catalogue);
  const text = [
    fillText(words['confirm-mail-asked'], {
      thread: threadNamed(links, words),
      site: links.publicUrl,
    }),
    '',
    fillText(words['confirm-mail-link'], {
      url: confirmSubscriptionUrl(links.publicUrl, token),
    }),
    '',
    fillText(words['confirm-mail-page'], {
      button: words['confirm-button'],
      time: shownTime(expiresAt, tag),
    }),
    words['confirm-mail-once'],
    words['confirm-mail-ignore'],
    '',
    readerFooter(links, words),
  ].join('\n');
  return {
    subject: words['confirm-mail-subject'],
    text,
    headers: readerHeaders(links),
  };
}

export interface ReplyMail {
  comment: StoredComment;
  links: ReaderMailLinks;
  /** The language the reader asked in; English if it is none of the service's. */
  locale: string;
  /** The service's words: the shipped ones unless the site gave its own (DATELINE_WORDS). */
  words?: ServiceCatalogue | undefined;
}

/** Tells a subscribed reader about a newly approved comment in the thread. */
export function replyMail({
  comment,
  links,
  locale,
  words: catalogue,
}: ReplyMail): Mail {
  const { tag, words } = mailLanguage(locale, catalogue);
  const page = links.headline?.url;
  const text = [
    fillText(words['reply-mail-wrote'], {
      name: comment.author.name,
      time: shownTime(comment.createdAt, tag),
    }),
    '',
    quoted(comment.body, QUOTED_CHARACTERS, (count) =>
      fillText(words['reply-mail-cut'], {
        count: count.toLocaleString(tag),
      }),
    ),
    '',
    ...(page ? [fillText(words['reply-mail-read'], { url: page }), ''] : []),
    readerFooter(links, words),
  ].join('\n');
  return {
    subject: fillText(words['reply-mail-subject'], {
      thread: shortName(links.headline?.title ?? links.threadId),
    }),
    text,
    headers: readerHeaders(links),
  };
}
