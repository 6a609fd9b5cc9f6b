import * as z from 'zod/mini';
import {
  CommentSchema,
  NewCommentSchema,
  type Comment,
  type NewCommentInput,
} from '../comment/schema.js';
import { NEW_COMMENT_LIMITS as LIMIT } from '../comment/limits.js';
import { cleanName } from '../comment/name.js';
import { commentMessage } from '../messages/comment-message.js';
import type { MessageParams, NewCommentIssueCode } from '../messages/types.js';
import { fieldErrors, type FieldErrors } from '../validation/field-errors.js';
import { isHttpUrl } from '../validation/formats.js';
import { isWellFormed } from '../validation/text.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging.js';
import { fetcher, send } from './http.js';
import { browserStorage, pendingComments } from './pending.js';
import {
  CommentStoreError,
  type CommentStore,
  type CreateCommentOptions,
  type ListCommentsOptions,
} from './types.js';
import { htmlToText } from './wordpress-text.js';

export interface WordPressStoreOptions {
  /** The WordPress site's address, e.g. "https://news.example.com"; its REST API is under /wp-json/. */
  site: string;
  /** The post (or page) whose comments these are. */
  postId: number;
  /** For tests and other runtimes; default the global fetch. */
  fetch?: typeof fetch;
  /** Where the reader's own held comments are remembered; default localStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** A comment as `wp/v2/comments` shows it to the public (`context=view`). */
export const WordPressCommentSchema = z.object({
  id: z.number(),
  post: z.number(),
  parent: z.number(),
  author_name: z.string(),
  author_url: z.string(),
  date_gmt: z.string(),
  content: z.object({ rendered: z.string() }),
  status: z.string(),
});
export type WordPressComment = z.infer<typeof WordPressCommentSchema>;
/** A list is read row by row, so that one comment this page cannot read leaves the others. */
const RowsSchema = z.array(z.unknown());

/** Comments of one answer: those read, and how many were left out. */
interface Rows {
  comments: WordPressComment[];
  omitted: number;
  /** Ids of every row that has one, read or not: their replies are still fetched. */
  ids: number[];
}

/** How the WordPress REST API refuses: `{ code, message, data: { status, params? } }`. */
export const WordPressErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  data: z.optional(
    z.nullable(
      z.object({
        status: z.optional(z.number()),
        params: z.optional(z.record(z.string(), z.string())),
      }),
    ),
  ),
});

const FIELDS = 'id,post,parent,author_name,author_url,date_gmt,content,status';
/** WordPress's own limit for `per_page`. */
const WP_PAGE = 100;
/** Replies deeper than this are never fetched; WordPress allows at most 10 levels. */
const MAX_LEVELS = 10;

/** Maps, as every table here: the keys come from the site, and `constructor` must not find Object's. */
const STATUS: ReadonlyMap<string, Comment['status']> = new Map([
  ['approved', 'approved'],
  ['hold', 'pending'],
  ['spam', 'spam'],
  ['trash', 'deleted'],
]);

/** A field of ours and why it was refused, as a schema reports it. */
type Refused = readonly [
  field: string,
  code: NewCommentIssueCode,
  params?: MessageParams,
];

/**
 * WordPress's request parameters and length errors: our field path, and the code whose
 * message the reader is told, looked up when WordPress refuses so a reworded or translated
 * message applies.
 */
const PARAM_FIELDS: ReadonlyMap<string, Refused> = new Map<string, Refused>([
  ['author_name', ['author.name', 'name-required']],
  ['author_email', ['author.email', 'email-invalid']],
  ['author_url', ['author.url', 'url-invalid']],
  ['content', ['body', 'body-required']],
  ['parent', ['parentId', 'parent-invalid']],
  ['post', ['threadId', 'thread-required']],
  [
    'comment_author_column_length',
    ['author.name', 'name-too-long', { max: LIMIT.name }],
  ],
  [
    'comment_author_email_column_length',
    ['author.email', 'email-too-long', { max: LIMIT.email }],
  ],
  [
    'comment_author_url_column_length',
    ['author.url', 'url-too-long', { max: LIMIT.url }],
  ],
  [
    'comment_content_column_length',
    ['body', 'body-too-long', { max: LIMIT.body }],
  ],
]);

/** Turns a WordPress comment into ours, or undefined when it can't be shown safely. */
export function fromWordPressComment(
  wp: WordPressComment,
  threadId: string,
): Comment | undefined {
  const url = wp.author_url.trim();
  const parsed = CommentSchema.safeParse({
    id: String(wp.id),
    threadId,
    parentId: wp.parent ? String(wp.parent) : null,
    // WordPress stores names HTML-escaped, allows characters our names refuse (direction
    // marks, zero-width spaces), counts its limit in code points, and shows a nameless
    // comment as "Anonymous": the name is cleaned so that the comment still shows. Websites
    // we don't accept (ftp:, say) are left out.
    author: {
      name: cleanName(htmlToText(wp.author_name)) || 'Anonymous',
      ...(isHttpUrl(url) && url.length <= LIMIT.url && isWellFormed(url)
        ? { url }
        : {}),
    },
    body: htmlToText(wp.content.rendered),
    createdAt: `${wp.date_gmt.replace(/Z$/, '')}Z`,
    status: STATUS.get(wp.status) ?? 'pending',
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * A store on a WordPress site's REST API (`wp/v2/comments`), for one post. The site must let
 * visitors comment through the API: WordPress refuses anonymous REST comments unless a plugin
 * returns true from the `rest_allow_anonymous_comments` filter (see examples/wordpress).
 *
 * Pages are of top-level comments, each with all its replies, like the other stores; the
 * cursor is WordPress's page number. Comments come back as plain text: WordPress's rendered
 * HTML is turned back into text, and links are made again on display. The `threadId` passed
 * to `list` and `create` is the caller's name for this post's thread; comments carry it.
 *
 * WordPress has no idempotency keys, but it refuses a repeated comment: a retry of a post
 * that did reach the site fails as `duplicate` and says so.
 *
 * @example
 * const store = createWordPressStore({ site: 'https://news.example.com', postId: 42 });
 */
export function createWordPressStore(
  options: WordPressStoreOptions,
): CommentStore {
  if (!Number.isSafeInteger(options.postId) || options.postId < 1) {
    throw new TypeError(
      `createWordPressStore: postId must be a positive whole number, not ${String(options.postId)}.`,
    );
  }
  const site = options.site.replace(/\/+$/, '');
  const endpoint = `${site}/wp-json/wp/v2/comments`;
  const doFetch = fetcher(options.fetch);
  const pending = pendingComments(
    options.storage ?? browserStorage(),
    `dateline:pending:${site}#${options.postId}`,
  );
  /** Idempotency keys whose earlier attempt may have reached the site. */
  const uncertain = new Set<string>();

  const request = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = { accept: 'application/json', ...init.headers };
    const response = await send(
      doFetch,
      url,
      { ...init, headers },
      {
        message:
          'The site could not be reached. Check your connection and try again.',
      },
    );
    if (!response.ok) throw await refusal(response);
    return response;
  };

  const readComments = async (response: Response): Promise<Rows> => {
    const parsed = RowsSchema.safeParse(
      await response.json().catch(() => undefined),
    );
    if (!parsed.success)
      throw new CommentStoreError(
        'The site sent comments this page cannot read.',
        { code: 'server', status: response.status },
      );
    const rows: Rows = { comments: [], omitted: 0, ids: [] };
    for (const raw of parsed.data) {
      const row = WordPressCommentSchema.safeParse(raw);
      if (row.success) rows.comments.push(row.data);
      else rows.omitted += 1;
      const id = row.success ? row.data.id : idOf(raw);
      if (id !== undefined) rows.ids.push(id);
    }
    return rows;
  };

  const query = (params: Record<string, string | number>) => {
    const search = new URLSearchParams({
      post: String(options.postId),
      _fields: FIELDS,
    });
    for (const [key, value] of Object.entries(params))
      search.set(key, String(value));
    return `${endpoint}?${search}`;
  };

  /** Every reply below `parents`, level by level, oldest first as WordPress shows them. */
  const repliesOf = async (
    parents: number[],
    signal: AbortSignal | undefined,
  ): Promise<Omit<Rows, 'ids'>> => {
    const found = { comments: [] as WordPressComment[], omitted: 0 };
    const seen = new Set(parents);
    let level = parents;
    for (let depth = 0; level.length > 0 && depth < MAX_LEVELS; depth++) {
      const next: Rows = { comments: [], omitted: 0, ids: [] };
      // A long list of parents goes in several requests, to keep URLs short.
      for (let i = 0; i < level.length; i += WP_PAGE) {
        const parent = level.slice(i, i + WP_PAGE).join(',');
        for (let page = 1, pages = 1; page <= pages; page++) {
          const response = await request(
            query({
              parent,
              per_page: WP_PAGE,
              page,
              order: 'asc',
              orderby: 'date_gmt',
            }),
            { signal },
          );
          pages = Number(response.headers.get('x-wp-totalpages')) || 1;
          const rows = await readComments(response);
          next.comments.push(...rows.comments);
          next.omitted += rows.omitted;
          next.ids.push(...rows.ids);
        }
      }
      level = [...new Set(next.ids)].filter((id) => !seen.has(id));
      const fresh = new Set(level);
      for (const c of next.comments)
        if (fresh.delete(c.id)) found.comments.push(c);
      for (const id of level) seen.add(id);
      found.omitted += next.omitted;
    }
    return found;
  };

  return {
    async list(threadId: string, opts: ListCommentsOptions = {}) {
      const page = opts.cursor ? Number(opts.cursor) : 1;
      if (!Number.isSafeInteger(page) || page < 1) {
        throw new CommentStoreError('That page of comments does not exist.', {
          code: 'invalid',
          fields: { cursor: 'The cursor must be a page number.' },
        });
      }
      const limit = Math.min(
        opts.limit ?? DEFAULT_PAGE_SIZE,
        MAX_PAGE_SIZE,
        WP_PAGE,
      );
      const order = opts.order === 'newest' ? 'desc' : 'asc';
      const signal = opts.signal;
      // The whole thread's count, from a one-comment page's X-WP-Total: with the first page only.
      const [top, total] = await Promise.all([
        request(
          query({
            parent: 0,
            per_page: limit,
            page,
            order,
            orderby: 'date_gmt',
          }),
          { signal },
        ),
        page === 1
          ? request(query({ per_page: 1, _fields: 'id' }), { signal }).then(
              (r) => Number(r.headers.get('x-wp-total')),
            )
          : undefined,
      ]);
      const pages = Number(top.headers.get('x-wp-totalpages')) || 1;
      const roots = await readComments(top);
      const replies = await repliesOf(roots.ids, signal);
      const read = [...roots.comments, ...replies.comments];
      const comments = read.flatMap(
        (wp) => fromWordPressComment(wp, threadId) ?? [],
      );
      const omitted =
        roots.omitted + replies.omitted + read.length - comments.length;
      const mine = page === 1 ? pending.unlisted(threadId, comments) : [];
      return {
        comments: [...comments, ...mine],
        ...(total !== undefined && Number.isFinite(total) ? { total } : {}),
        ...(page < pages ? { nextCursor: String(page + 1) } : {}),
        ...(omitted ? { omitted } : {}),
      };
    },

    async create(input: NewCommentInput, opts: CreateCommentOptions) {
      const parsed = NewCommentSchema.safeParse(input);
      if (!parsed.success) {
        throw new CommentStoreError(
          'Your comment could not be posted: please check the highlighted fields.',
          { code: 'invalid', fields: fieldErrors(parsed.error) },
        );
      }
      const comment = parsed.data;
      if (comment.parentId && !/^[1-9]\d*$/.test(comment.parentId)) {
        // WordPress ids are numbers; anything else would quietly become a top-level comment.
        const message = commentMessage('parent-invalid');
        throw new CommentStoreError(message, {
          code: 'invalid',
          fields: { parentId: message },
        });
      }
      if (opts.honeypot) {
        // Only bots fill the hidden field: nothing is sent, and the bot is told what a held
        // comment is told, so it learns nothing.
        return {
          id: `held-${opts.idempotencyKey}`,
          threadId: comment.threadId,
          parentId: comment.parentId ?? null,
          author: { name: comment.author.name },
          body: comment.body,
          createdAt: new Date().toISOString(),
          status: 'pending',
        };
      }
      const body = {
        post: options.postId,
        ...(comment.parentId ? { parent: Number(comment.parentId) } : {}),
        author_name: comment.author.name,
        author_email: comment.author.email,
        ...(comment.author.url ? { author_url: comment.author.url } : {}),
        content: comment.body,
      };
      let response: Response;
      try {
        response = await request(`${endpoint}?_fields=${FIELDS}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: opts.signal,
        });
      } catch (error) {
        if (!(error instanceof CommentStoreError)) throw error;
        if (error.code === 'duplicate' && uncertain.has(opts.idempotencyKey)) {
          throw new CommentStoreError(
            'Your comment already reached the site on an earlier try. It will appear once it is approved; reload the page to see it if it already is.',
            { code: 'duplicate', status: error.status },
          );
        }
        if (error.code === 'network' || error.code === 'server')
          uncertain.add(opts.idempotencyKey);
        throw error;
      }
      const wp = WordPressCommentSchema.safeParse(
        await response.json().catch(() => undefined),
      );
      const mapped = wp.success
        ? fromWordPressComment(wp.data, comment.threadId)
        : undefined;
      if (!mapped)
        throw new CommentStoreError(
          'The site stored the comment but answered in a way this page cannot read. Reload the page to see it.',
          { code: 'server', status: response.status },
        );
      // A comment WordPress filed as spam is answered as one awaiting moderation, as the service does.
      const stored: Comment =
        mapped.status === 'approved'
          ? mapped
          : { ...mapped, status: 'pending' };
      uncertain.delete(opts.idempotencyKey);
      if (stored.status === 'pending') pending.remember(stored);
      return stored;
    },
  };
}

/** The id of a row that failed the schema, when it has a usable one. */
function idOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'id'))
    return undefined;
  const id = (raw as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0
    ? id
    : undefined;
}

/** WordPress error codes that mean the post takes no comments from this reader. */
const CLOSED =
  /^rest_(comment_(closed|draft_post|trash_post|invalid_post_id|login_required)|cannot_read_post)$/;
/** WordPress error codes that name a field without a parameter. */
const FIELD_CODES: ReadonlyMap<string, readonly string[]> = new Map([
  ['rest_comment_content_invalid', ['content']],
  ['rest_comment_author_data_required', ['author_name', 'author_email']],
]);

async function refusal(response: Response): Promise<CommentStoreError> {
  const parsed = WordPressErrorSchema.safeParse(
    await response.json().catch(() => undefined),
  );
  const status = response.status;
  if (status >= 500 || !parsed.success) {
    return new CommentStoreError(
      status >= 500
        ? 'The site is having trouble. Please try again in a moment.'
        : `The site refused the request (${status}).`,
      {
        code: status >= 500 ? 'server' : 'invalid',
        status,
      },
    );
  }
  const { code, data } = parsed.data;
  const message = htmlToText(parsed.data.message);
  if (code === 'comment_duplicate')
    return new CommentStoreError(message, {
      code: 'duplicate',
      status,
      fields: { body: message },
    });
  // WordPress waits 15 seconds between comments from one address, and doesn't say so.
  if (code === 'comment_flood')
    return new CommentStoreError(message, {
      code: 'too-fast',
      status,
      retryAfter: 15,
    });
  if (CLOSED.test(code)) {
    return new CommentStoreError(
      code === 'rest_comment_login_required'
        ? 'This site accepts comments only from logged-in readers.'
        : message,
      { code: 'closed', status },
    );
  }
  // A refused parameter, or a length error, named by our field with our words.
  const fields: FieldErrors = {};
  const params = data?.params ?? {};
  for (const key of [
    code,
    ...(FIELD_CODES.get(code) ?? []),
    ...Object.keys(params),
  ]) {
    const refused = PARAM_FIELDS.get(key);
    if (refused) {
      const [field, issue, values] = refused;
      fields[field] = commentMessage(issue, values);
    } else if (Object.hasOwn(params, key))
      fields[key] = htmlToText(params[key]!);
  }
  return new CommentStoreError(message, { code: 'invalid', status, fields });
}
