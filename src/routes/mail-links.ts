/**
 * The links in mail. Mail scanners open links, so every GET shows a page and changes
 * nothing; the page's one button (a POST from this origin) does what the link says. A link
 * that is forged, used or too old says so and changes nothing.
 *
 * - `/admin/act/<token>`: approve, mark spam or delete a held comment, once, within 7 days.
 * - `/mail/unsubscribe/<key>`: stop mail about held comments; also the one-click POST of
 *   RFC 8058 (`List-Unsubscribe=One-Click`), which works without signing in.
 */
import { type Context, Hono } from 'hono';
import { isModerator } from '../config.js';
import { fromOwnPages } from '../middleware/moderator.js';
import { ACTION_LINK_MS, DAY } from '../outbox/dispatch.js';
import { shownTime } from '../outbox/mails.js';
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

const ACTIONS: Record<
  LinkAction,
  { button: string; done: string; doneTitle: string; past: string }
> = {
  approve: {
    button: 'Approve this comment',
    doneTitle: 'Approved',
    done: 'The comment is approved: readers see it in its thread.',
    past: 'approve it',
  },
  spam: {
    button: 'Mark this comment as spam',
    doneTitle: 'Marked as spam',
    done: 'The comment is marked as spam: readers do not see it.',
    past: 'mark it as spam',
  },
  delete: {
    button: 'Delete this comment',
    doneTitle: 'Deleted',
    done: 'The comment is deleted: readers do not see it.',
    past: 'delete it',
  },
};

const STATUS_WORDS: Record<StoredComment['status'], string> = {
  approved: 'approved',
  pending: 'awaiting moderation',
  spam: 'marked as spam',
  deleted: 'deleted',
};

const LINK_DAYS = ACTION_LINK_MS / DAY;

export function mailLinks(deps: RouteDeps) {
  const { repository, config, now } = deps;
  const clock = () => now().getTime();
  const moderationPage = (c: Context) =>
    `${config.publicUrl ?? new URL(c.req.url).origin}/admin`;

  const app = new Hono();

  const shownComment = async (comment: StoredComment): Promise<SafeHtml> => {
    const parent = comment.parentId
      ? await repository.get(comment.parentId)
      : undefined;
    return html`<dl>
<dt>Thread</dt><dd>${comment.threadId}</dd>
${parent ? html`<dt>Reply to</dt><dd>${parent.author.name}</dd>` : ''}
<dt>Author</dt><dd>${comment.author.name}</dd>
<dt>Email</dt><dd>${comment.email}</dd>
<dt>Website</dt><dd>${comment.author.url ?? '(none)'}</dd>
<dt>Posted</dt><dd>${shownTime(comment.createdAt)}</dd>
</dl>
<blockquote>${comment.body}</blockquote>`;
  };

  const refusal = (
    c: Context,
    status: 404 | 409 | 410,
    text: string,
    extra: SafeHtml = html``,
  ) =>
    page(
      c,
      status,
      'Nothing was changed',
      html`<p>${text} Nothing was changed.</p>${extra}<p><a href="${moderationPage(c)}">Open the moderation page</a></p>`,
    );

  const linkProblem = (
    c: Context,
    problem: 'unknown' | 'used' | 'expired' | 'gone',
    link?: ActionLink,
  ) => {
    if (problem === 'unknown')
      return refusal(
        c,
        404,
        'This link is not valid: it may have been cut short or changed.',
      );
    if (problem === 'gone')
      return refusal(c, 404, 'The comment this link was for no longer exists.');
    if (problem === 'used')
      return refusal(
        c,
        410,
        `This link was already used${
          link?.usedAt && link.usedAction
            ? `, on ${shownTime(link.usedAt)}, to ${ACTIONS[link.usedAction].past}`
            : ''
        }. Each mail’s links work once.`,
      );
    return refusal(
      c,
      410,
      `This link has expired: links in mail work for ${LINK_DAYS} days.`,
    );
  };

  // A link works for as long as its recipient moderates: taking an address off
  // DATELINE_MODERATORS takes its links with it.
  const formerModerator = (c: Context) =>
    page(
      c,
      403,
      'Nothing was changed',
      html`<p>This link was sent to an address that no longer moderates comments here. Nothing was changed.</p>`,
    );

  const settled = (c: Context, comment: StoredComment) =>
    refusal(
      c,
      409,
      `This comment no longer awaits moderation: it is ${STATUS_WORDS[comment.status]}.`,
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
    const action = ACTIONS[link.action];
    return page(
      c,
      200,
      `${action.button}?`,
      html`${await shownComment(comment)}
<form method="post"><button type="submit">${action.button}</button></form>
<p>This link works once, until ${shownTime(link.expiresAt)}.</p>`,
    );
  });

  app.post('/admin/act/:token', limitForm, async (c) => {
    if (!fromOwnPages(c, config)) return crossSitePage(c);
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
    const action = ACTIONS[result.action];
    return page(
      c,
      200,
      action.doneTitle,
      html`<p role="status">${action.done}</p>${await shownComment(result.comment)}<p><a href="${moderationPage(c)}">Open the moderation page</a></p>`,
    );
  });

  const unsubscribePage = (
    c: Context,
    preferences: MailPreferences,
    changed: boolean,
  ) =>
    page(
      c,
      200,
      preferences.heldComments
        ? changed
          ? 'Mail is on again'
          : 'Stop these mails?'
        : 'No more mail about held comments',
      preferences.heldComments
        ? html`<p>${preferences.address} gets a mail when a comment awaits moderation.</p>
<form method="post"><input type="hidden" name="held-comments" value="off"><button type="submit">Stop these mails</button></form>`
        : html`<p>${preferences.address} gets no mail when a comment awaits moderation. Mail to sign in is still sent when asked for.</p>
<form method="post"><input type="hidden" name="held-comments" value="on"><button type="submit">Mail me again</button></form>`,
    );

  const unknownKey = (c: Context) =>
    page(
      c,
      404,
      'Nothing was changed',
      html`<p>This unsubscribe link is not valid: it may have been cut short or changed. Nothing was changed.</p>`,
    );

  app.get('/mail/unsubscribe/:key', async (c) => {
    const key = c.req.param('key');
    const preferences = looksLikeKey(key)
      ? await repository.mailPreferencesByKey(key)
      : undefined;
    if (!preferences) return unknownKey(c);
    return unsubscribePage(c, preferences, false);
  });

  app.post('/mail/unsubscribe/:key', limitForm, async (c) => {
    const form = await ownForm(c, config);
    if (form instanceof Response) return form;
    const key = c.req.param('key');
    if (!looksLikeKey(key)) return unknownKey(c);
    const oneClick = form.get('List-Unsubscribe') === 'One-Click';
    const wanted = form.get('held-comments');
    if (!oneClick && wanted !== 'on' && wanted !== 'off')
      return page(
        c,
        400,
        'Nothing was changed',
        html`<p>This request does not say what to change (send List-Unsubscribe=One-Click to stop these mails). Nothing was changed.</p>`,
      );
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
