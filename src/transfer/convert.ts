/**
 * One source comment made a Dateline comment, or the reason it cannot be: the same answer
 * every time, so the survey of a file and its import agree.
 */
import { createHash } from 'node:crypto';
import {
  type CommentStatus,
  CommentSchema,
  cleanName,
  htmlToText,
  isIsoDateTime,
  issueCode,
  NewCommentSchema,
} from '@dateline/core';
import { addressForLimits, parseAddress } from '../node/client-address.js';
import type { StoredComment } from '../repository/types.js';
import type { SourceComment, SourceFormat } from './source.js';

/** Why a comment of the file is not imported. */
export type SkipReason =
  /** A WordPress pingback or trackback: a notice from another site, not a reader's comment. */
  | 'pingback'
  | 'trackback'
  /** Another kind of WordPress comment (an order note, an editor's note): `detail` says which. */
  | 'not-a-comment'
  /** It has no id, so importing it twice could not be told from importing two. */
  | 'no-id'
  /** Disqus: its thread is not in the file. */
  | 'no-thread'
  /** Its id came before in the file. */
  | 'duplicate'
  /** Core's comment schema refuses it: `code` and `detail` say why. */
  | 'invalid';

export interface Skip {
  reason: SkipReason;
  /** The issue code of a refusal, or the comment type. */
  code?: string;
  /** In words, for the report. */
  detail?: string;
}

/** What was changed to import a comment. */
export type Note =
  /** It replied to a comment that is not in the file (WordPress leaves spam out): now top-level. */
  | 'parent-missing'
  /** It replied to a comment that was skipped: it now replies to that one's parent. */
  | 'parent-skipped'
  /** Its replies went round in a circle, which was cut here: now top-level. */
  | 'parent-cycle'
  /** Its email is not an address, and was left out. */
  | 'email-left-out'
  /** Its author's link is not an http(s) address of at most 200 characters, and was left out. */
  | 'url-left-out'
  /** It has no author's name; it shows as "Anonymous", as WordPress shows it. */
  | 'name-empty'
  /** WordPress gave no GMT time: the site's own time was read as UTC. */
  | 'date-local'
  /** Its status is not one WordPress writes: it is held for moderation. */
  | 'status-unknown'
  /** Control characters, which a comment may not hold, became spaces. */
  | 'characters-replaced';

export type Conversion =
  | {
      ok: true;
      comment: Omit<StoredComment, 'id' | 'threadId' | 'parentId'>;
      notes: Note[];
    }
  | { ok: false; skip: Skip };

/** WordPress's `comment_approved` values, and what Dateline calls them. */
const WORDPRESS_STATUS: ReadonlyMap<string, CommentStatus> = new Map([
  ['1', 'approved'],
  ['approve', 'approved'],
  ['approved', 'approved'],
  ['0', 'pending'],
  ['hold', 'pending'],
  ['spam', 'spam'],
  ['trash', 'deleted'],
  // The post was trashed, and its comments with it.
  ['post-trashed', 'deleted'],
]);

const DISQUS_STATUS: ReadonlyMap<string, CommentStatus> = new Map([
  ['approved', 'approved'],
  ['spam', 'spam'],
  ['deleted', 'deleted'],
]);

/** Characters a comment's body may not hold: control characters but tab and newline. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)/g;

const EmailSchema = NewCommentSchema.shape.author.shape.email;
const UrlSchema = CommentSchema.shape.author.shape.url;

/** A placeholder id for checking a comment before its ids are known. */
const SOME_ID = 'x';

/**
 * WordPress keeps a comment as the reader typed it: line breaks are breaks (wpautop makes
 * them <br> and <p> when it shows them), tags are HTML. `htmlToText` reads shown HTML, where
 * line breaks are not text, so each becomes a <br> first.
 */
function wordpressBody(text: string): string {
  return htmlToText(text.replace(/\r\n?|\n/g, '<br>\n'));
}

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The UTC instant of these calendar fields, or undefined when they name no real time. */
function instant(
  parts: readonly string[],
  offsetMinutes = 0,
): string | undefined {
  const [y, mo, d, h, mi, s] = parts.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59)
    return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 30 February over into March: a real date comes back the same.
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return new Date(ms - offsetMinutes * 60_000).toISOString();
}

/** WordPress's `Y-m-d H:i:s`, in UTC; its "no date", 0000-00-00 00:00:00, is none. */
export function wordpressDate(text: string): string | undefined {
  const m = WP_DATE.exec(text);
  return m ? instant(m.slice(1, 7)) : undefined;
}

/** Disqus's ISO 8601 time; without a zone, UTC (as its examples are). */
export function disqusDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const zone = m[8];
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset =
      sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return instant(m.slice(1, 7), offset);
}

/**
 * Hashes an address as the service does for its rate limits and block lists (a salted
 * SHA-256 of the address, an IPv6 address's /64), so a moderator can block an imported
 * spammer's address. The address itself is never stored.
 */
export function addressHasher(salt: string): (ip: string) => string | null {
  return (ip) => {
    const address = parseAddress(ip);
    return address
      ? createHash('sha256')
          .update(`${salt}:${addressForLimits(address)}`)
          .digest('hex')
      : null;
  };
}

export interface ConvertOptions {
  format: SourceFormat;
  /** Turns an IP address into the stored hash; without it, none is stored. */
  hashAddress?: (ip: string) => string | null;
}

/**
 * The comment `source` becomes, checked by core's `CommentSchema`, with notes on what had to
 * change; or why it is skipped. Bodies become plain text with `htmlToText`.
 */
export function convertComment(
  source: SourceComment,
  options: ConvertOptions,
): Conversion {
  const { format } = options;
  const type = source.type.toLowerCase();
  if (type === 'pingback' || type === 'trackback')
    return { ok: false, skip: { reason: type } };
  if (type !== '' && type !== 'comment')
    return {
      ok: false,
      skip: {
        reason: 'not-a-comment',
        code: type,
        detail: `a WordPress comment of type “${source.type}”, not a reader’s comment`,
      },
    };
  if (source.key === '' && !source.datelineId)
    return { ok: false, skip: { reason: 'no-id' } };
  if (source.bodyCut)
    return {
      ok: false,
      skip: {
        reason: 'invalid',
        code: 'body-too-long',
        detail: 'body: far longer than any comment may be',
      },
    };

  const notes: Note[] = [];
  let status =
    format === 'wxr'
      ? WORDPRESS_STATUS.get(source.status.toLowerCase())
      : DISQUS_STATUS.get(source.status);
  if (!status) {
    status = 'pending';
    notes.push('status-unknown');
  }

  let createdAt =
    format === 'wxr' ? wordpressDate(source.date) : disqusDate(source.date);
  if (!createdAt && format === 'wxr' && source.localDate) {
    createdAt = wordpressDate(source.localDate);
    if (createdAt) notes.push('date-local');
  }
  // WordPress keeps seconds; a Dateline export keeps the milliseconds beside them, used while
  // they still agree with WordPress's date (nobody changed it since).
  const precise = source.datelineCreatedAt;
  if (
    createdAt &&
    precise &&
    isIsoDateTime(precise) &&
    new Date(precise).toISOString() === precise &&
    precise.slice(0, 19) === createdAt.slice(0, 19)
  )
    createdAt = precise;
  if (!createdAt)
    return {
      ok: false,
      skip: {
        reason: 'invalid',
        code: 'comment-date-invalid',
        detail: `createdAt: “${source.date.slice(0, 40)}” is not a date and time`,
      },
    };

  let name = cleanName(
    format === 'wxr' ? htmlToText(source.name) : source.name,
  );
  if (!name) {
    name = 'Anonymous';
    notes.push('name-empty');
  }

  let body =
    format === 'wxr' ? wordpressBody(source.body) : htmlToText(source.body);
  const cleaned = body.replace(CONTROL, ' ');
  if (cleaned !== body) {
    body = cleaned;
    notes.push('characters-replaced');
  }

  let email = '';
  if (source.email !== '') {
    const parsed = EmailSchema.safeParse(source.email);
    if (parsed.success) email = parsed.data;
    else notes.push('email-left-out');
  }

  let url: string | undefined;
  if (source.url !== '') {
    const parsed = UrlSchema.safeParse(source.url);
    if (parsed.success && parsed.data) url = parsed.data;
    else notes.push('url-left-out');
  }

  const checked = CommentSchema.safeParse({
    id: SOME_ID,
    threadId: SOME_ID,
    parentId: null,
    author: url ? { name, url } : { name },
    body,
    createdAt,
    status,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.join('.');
    return {
      ok: false,
      skip: {
        reason: 'invalid',
        code: issueCode(issue) ?? issue.code,
        detail: `${field}: ${issue.message}`,
      },
    };
  }
  const { author, body: text } = checked.data;
  return {
    ok: true,
    comment: {
      author,
      body: text,
      createdAt,
      status,
      email,
      addressHash:
        source.ip && options.hashAddress
          ? options.hashAddress(source.ip)
          : null,
    },
    notes,
  };
}
