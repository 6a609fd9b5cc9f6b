/**
 * The links in mail. Mail scanners open links, so every GET shows a page and changes
 * nothing; the page's one button (a POST from this origin) does what the link says. A link
 * that is forged, used or too old says so and changes nothing.
 *
 * - `/admin/act/<token>`: approve, mark spam or delete a held comment, once, within 7 days.
 * - `/mail/unsubscribe/<key>`: stop mail about held comments; also the one-click POST of
 *   RFC 8058 (`List-Unsubscribe=One-Click`), which works without signing in.
 */
import type { SupportedLocale } from '@dateline/core';
import { type Context, Hono } from 'hono';
import { isModerator } from '../config.js';
import {
  fillText,
  type ServiceWordCode,
  type ServiceWords,
} from '../messages/index.js';
import { pageLanguage, wordsOf } from '../middleware/language.js';
import { fromOwnPages } from '../middleware/moderator.js';
import { ACTION_LINK_MS, DAY } from '../outbox/dispatch.js';
import { commentFacts, shownTime } from '../outbox/mails.js';
import {
  hashSecret,
  looksLikeKey,
  looksLikeSecret,
} from '../outbox/secrets.js';
import type {
  ActionLink,
  LinkAction,
  MailPreferences,
  StoredComment,
} from '../repository/types.js';
import {
  crossSitePage,
  html,
  limitForm,
  ownForm,
  page,
  type SafeHtml,
} from './auth.js';
import type { RouteDeps } from './deps.js';

/** Each action's words: the page's title and button, then what it did, and when it was used. */
const ACTIONS = {
  approve: {
    title: 'act-approve-title',
    button: 'act-approve',
    doneTitle: 'act-approved-title',
    done: 'act-approved',
    used: 'act-link-used-approve',
  },
  spam: {
    title: 'act-spam-title',
    button: 'act-spam',
    doneTitle: 'act-spammed-title',
    done: 'act-spammed',
    used: 'act-link-used-spam',
  },
  delete: {
    title: 'act-delete-title',
    button: 'act-delete',
    doneTitle: 'act-deleted-title',
    done: 'act-deleted',
    used: 'act-link-used-delete',
  },
} as const satisfies Record<LinkAction, Record<string, ServiceWordCode>>;

/** Why a comment no longer awaits moderation, by the status it has instead. */
const SETTLED = {
  approved: 'act-settled-approved',
  spam: 'act-settled-spam',
  deleted: 'act-settled-deleted',
} as const satisfies Record<
  Exclude<StoredComment['status'], 'pending'>,
  ServiceWordCode
>;

const LINK_DAYS = ACTION_LINK_MS / DAY;

export function mailLinks(deps: RouteDeps) {
  const { repository, config, now } = deps;
  const clock = () => now().getTime();
  const moderationPage = (c: Context) =>
    `${config.publicUrl ?? new URL(c.req.url).origin}/admin`;

  const app = new Hono();

  const shownComment = async (
    comment: StoredComment,
    words: ServiceWords,
    locale: SupportedLocale,
  ): Promise<SafeHtml> => {
    const parent = comment.parentId
      ? await repository.get(comment.parentId)
      : undefined;
    const facts = commentFacts(comment, parent?.author.name, words, locale);
    return html`<dl>
${facts.map(
  ([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>
`,
)}</dl>
<blockquote>${comment.body}</blockquote>`;
  };

  /** A page that says nothing was changed, and why, in the moderator's language. */
  const refusal = (
    c: Context,
    status: 400 | 403 | 404 | 409 | 410,
    reason: (words: ServiceWords, locale: SupportedLocale) => string,
    toModeration = true,
  ) => {
    const locale = pageLanguage(c);
    const words = wordsOf(c)[locale];
    return page(
      c,
      status,
      words['unchanged-title'],
      html`<p>${fillText(words.unchanged, { reason: reason(words, locale) })}</p>${
        toModeration
          ? html`<p><a href="${moderationPage(c)}">${words['open-moderation']}</a></p>`
          : ''
      }`,
      locale,
    );
  };

  const linkProblem = (
    c: Context,
    problem: 'unknown' | 'used' | 'expired' | 'gone',
    link?: ActionLink,
  ) =>
    refusal(
      c,
      problem === 'unknown' || problem === 'gone' ? 404 : 410,
      (words, locale) => {
        if (problem === 'unknown') return words['act-link-unknown'];
        if (problem === 'gone') return words['act-link-gone'];
        if (problem === 'used')
          return link?.usedAt && link.usedAction
            ? fillText(words[ACTIONS[link.usedAction].used], {
                time: shownTime(link.usedAt, locale),
              })
            : words['act-link-used'];
        return fillText(words['act-link-expired'], { days: LINK_DAYS });
      },
    );

  // A link works for as long as its recipient moderates: taking an address off
  // DATELINE_MODERATORS takes its links with it.
  const formerModerator = (c: Context) =>
    refusal(c, 403, (words) => words['act-former'], false);

  const settled = (c: Context, comment: StoredComment) =>
    refusal(c, 409, (words) =>
      comment.status === 'pending'
        ? words['act-link-used']
        : words[SETTLED[comment.status]],
    );

  app.get('/admin/act/:token', async (c) => {
    const token = c.req.param('token');
    const link = looksLikeSecret(token)
      ? await repository.actionLink(hashSecret(token))
      : undefined;
    if (!link) return linkProblem(c, 'unknown');
    if (!isModerator(config, link.email)) return formerModerator(c);
    if (link.usedAt !== null) return linkProblem(c, 'used', link);
    if (link.expiresAt <= clock()) return linkProblem(c, 'expired', link);
    const comment = await repository.get(link.commentId);
    if (!comment) return linkProblem(c, 'gone');
    if (comment.status !== 'pending') return settled(c, comment);
    const locale = pageLanguage(c);
    const words = wordsOf(c)[locale];
    const action = ACTIONS[link.action];
    return page(
      c,
      200,
      words[action.title],
      html`${await shownComment(comment, words, locale)}
<form method="post"><button type="submit">${words[action.button]}</button></form>
<p>${fillText(words['act-once'], { time: shownTime(link.expiresAt, locale) })}</p>`,
      locale,
    );
  });

  app.post('/admin/act/:token', limitForm, async (c) => {
    const locale = pageLanguage(c);
    if (!fromOwnPages(c, config)) return crossSitePage(c, locale);
    const token = c.req.param('token');
    if (!looksLikeSecret(token)) return linkProblem(c, 'unknown');
    const tokenHash = hashSecret(token);
    const link = await repository.actionLink(tokenHash);
    if (link && !isModerator(config, link.email)) return formerModerator(c);
    const result = await repository.useActionLink({
      tokenHash,
      now: clock(),
    });
    if (!result.ok)
      return result.problem === 'settled'
        ? settled(c, result.comment)
        : linkProblem(
            c,
            result.problem,
            'link' in result ? result.link : undefined,
          );
    // A link used proves the mailbox, as signing in does: the moderator's mail is written in
    // the language they acted in from now on.
    if (link) await repository.setMailLanguage(link.email, locale, clock());
    const words = wordsOf(c)[locale];
    const action = ACTIONS[result.action];
    return page(
      c,
      200,
      words[action.doneTitle],
      html`<p role="status">${words[action.done]}</p>${await shownComment(result.comment, words, locale)}<p><a href="${moderationPage(c)}">${words['open-moderation']}</a></p>`,
      locale,
    );
  });

  const unsubscribePage = (
    c: Context,
    preferences: MailPreferences,
    changed: boolean,
  ) => {
    const locale = pageLanguage(c);
    const words = wordsOf(c)[locale];
    const address = { address: preferences.address };
    return page(
      c,
      200,
      words[
        preferences.heldComments
          ? changed
            ? 'held-mail-on-title'
            : 'stop-title'
          : 'held-mail-off-title'
      ],
      preferences.heldComments
        ? html`<p>${fillText(words['held-mail-on'], address)}</p>
<form method="post"><input type="hidden" name="held-comments" value="off"><button type="submit">${words['stop-button']}</button></form>`
        : html`<p>${fillText(words['held-mail-off'], address)}</p>
<form method="post"><input type="hidden" name="held-comments" value="on"><button type="submit">${words['held-mail-again']}</button></form>`,
      locale,
    );
  };

  const unknownKey = (c: Context) =>
    refusal(c, 404, (words) => words['stop-link-unknown'], false);

  app.get('/mail/unsubscribe/:key', async (c) => {
    const key = c.req.param('key');
    const preferences = looksLikeKey(key)
      ? await repository.mailPreferencesByKey(key)
      : undefined;
    if (!preferences) return unknownKey(c);
    return unsubscribePage(c, preferences, false);
  });

  app.post('/mail/unsubscribe/:key', limitForm, async (c) => {
    const form = await ownForm(c, config, pageLanguage(c));
    if (form instanceof Response) return form;
    const key = c.req.param('key');
    if (!looksLikeKey(key)) return unknownKey(c);
    const oneClick = form.get('List-Unsubscribe') === 'One-Click';
    const wanted = form.get('held-comments');
    if (!oneClick && wanted !== 'on' && wanted !== 'off')
      return refusal(c, 400, (words) => words['stop-unclear'], false);
    const preferences = await repository.setHeldCommentMail(
      key,
      !oneClick && wanted === 'on',
      clock(),
    );
    if (!preferences) return unknownKey(c);
    return unsubscribePage(c, preferences, true);
  });

  return app;
}
