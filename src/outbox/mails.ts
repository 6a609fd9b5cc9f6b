/**
 * The mails the service sends, as plain text: nothing a commenter wrote can become markup or
 * a link that looks like ours. Links are made from DATELINE_PUBLIC_URL.
 */
import type { StoredComment } from '../repository/types.js';
import { matchLocale, type SupportedLocale } from '@dateline/core';
import { READER_WORDS, type ReaderWords } from '../messages/index.js';

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

function headers(links: MailLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(links.publicUrl, links.unsubscribeKey)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    // RFC 3834: an automatic mail, so out-of-office replies are not sent back to it.
    'Auto-Submitted': 'auto-generated',
  };
}

function footer(links: MailLinks): string {
  return [
    '-- ',
    `You get this mail because you moderate comments at ${links.publicUrl}.`,
    `To stop mail about comments awaiting moderation, open ${unsubscribeUrl(links.publicUrl, links.unsubscribeKey)}`,
  ].join('\n');
}

/** A name in a subject line: one line, not too long. */
function shortName(name: string): string {
  const chars = [...name];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : name;
}

/**
 * Text quoted line by line with "> ", as mail quotes: whatever a commenter writes (a line
 * that looks like one of our links, say) reads as part of the comment.
 */
export function quoted(
  text: string,
  max = QUOTED_CHARACTERS,
  cut = (count: number) =>
    `(The comment is ${count.toLocaleString('en')} characters long; the page each link opens shows all of it.)`,
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
}

/** Tells a moderator that a comment awaits moderation, with one-click links to act on it. */
export function heldCommentMail({
  comment,
  inReplyTo,
  tokens,
  expiresAt,
  links,
}: HeldCommentMail): Mail {
  const { publicUrl } = links;
  const facts = [
    `Thread:  ${comment.threadId}`,
    ...(inReplyTo ? [`Reply to: ${inReplyTo}`] : []),
    `Author:  ${comment.author.name}`,
    `Email:   ${comment.email}`,
    `Website: ${comment.author.url ?? '(none)'}`,
    `Posted:  ${shownTime(comment.createdAt)}`,
  ];
  const text = [
    'A comment awaits your moderation.',
    '',
    ...facts,
    '',
    `Approve it:      ${actionUrl(publicUrl, tokens.approve)}`,
    `Mark it spam:    ${actionUrl(publicUrl, tokens.spam)}`,
    `Delete it:       ${actionUrl(publicUrl, tokens.delete)}`,
    '',
    'Each link opens a page with the comment and one button: nothing happens until you press it.',
    `One of them can be used, once, until ${shownTime(expiresAt)}.`,
    `Every comment awaiting moderation: ${publicUrl}/admin`,
    '',
    'The comment:',
    '',
    quoted(comment.body),
    '',
    footer(links),
  ].join('\n');
  return {
    subject: `Comment by ${shortName(comment.author.name)} awaits moderation`,
    text,
    headers: headers(links),
  };
}

export interface SignInMail {
  token: string;
  expiresAt: number;
  links: MailLinks;
}

/** The link a moderator asked for to sign in. */
export function signInMail({ token, expiresAt, links }: SignInMail): Mail {
  const text = [
    `Someone, we hope you, asked to sign in to moderate comments at ${links.publicUrl}.`,
    '',
    `Sign in: ${signInUrl(links.publicUrl, token)}`,
    '',
    `The link opens a page with a "Sign in" button. It works once, until ${shownTime(expiresAt)}.`,
    'If you did not ask, ignore this mail: nothing happens unless the button is pressed.',
    '',
    footer(links),
  ].join('\n');
  return {
    subject: 'Sign in to moderate comments',
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
const threadNamed = (links: ReaderMailLinks, words: ReaderWords) =>
  links.headline
    ? fill(words['thread-titled'], { title: links.headline.title })
    : fill(words['thread-by-id'], { id: links.threadId });

/** Plain words with their `{placeholders}` filled; a placeholder without a value stays. */
function fill(words: string, values: Readonly<Record<string, string>>): string {
  return words.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : placeholder,
  );
}

function readerFooter(links: ReaderMailLinks, words: ReaderWords): string {
  return [
    '-- ',
    fill(words['mail-why'], {
      thread: threadNamed(links, words),
      site: links.publicUrl,
    }),
    fill(words['mail-stop'], {
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
}

/** Asks a reader to confirm their email before any mail about replies is sent to it. */
export function confirmSubscriptionMail({
  token,
  expiresAt,
  links,
  locale,
}: ConfirmSubscriptionMail): Mail {
  const tag = matchLocale(locale);
  const words = READER_WORDS[tag];
  const text = [
    fill(words['confirm-mail-asked'], {
      thread: threadNamed(links, words),
      site: links.publicUrl,
    }),
    '',
    fill(words['confirm-mail-link'], {
      url: confirmSubscriptionUrl(links.publicUrl, token),
    }),
    '',
    fill(words['confirm-mail-page'], {
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
}

/** Tells a subscribed reader about a newly approved comment in the thread. */
export function replyMail({ comment, links, locale }: ReplyMail): Mail {
  const tag = matchLocale(locale);
  const words = READER_WORDS[tag];
  const page = links.headline?.url;
  const text = [
    fill(words['reply-mail-wrote'], {
      name: comment.author.name,
      time: shownTime(comment.createdAt, tag),
    }),
    '',
    quoted(comment.body, QUOTED_CHARACTERS, (count) =>
      fill(words['reply-mail-cut'], {
        count: count.toLocaleString(tag),
      }),
    ),
    '',
    ...(page ? [fill(words['reply-mail-read'], { url: page }), ''] : []),
    readerFooter(links, words),
  ].join('\n');
  return {
    subject: fill(words['reply-mail-subject'], {
      thread: shortName(links.headline?.title ?? links.threadId),
    }),
    text,
    headers: readerHeaders(links),
  };
}
