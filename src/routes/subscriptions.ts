/**
 * Readers' links about replies. Mail scanners open links, so a GET shows a page with one
 * button and changes nothing; the button (a POST from this origin) does what the link says.
 * No page shows the reader's email.
 *
 * - `/mail/confirm/<token>`: confirms an email for mail about new comments, once, within 7 days.
 * - `/mail/replies/stop/<key>`: stops mail about one thread; also the one-click POST of
 *   RFC 8058 (`List-Unsubscribe=One-Click`), which works without signing in.
 */
import { type Context, Hono } from 'hono';
import { fromOwnPages } from '../middleware/moderator.js';
import { CONFIRM_LINK_MS, DAY, MINUTE } from '../outbox/dispatch.js';
import { shownTime } from '../outbox/mails.js';
import {
  hashSecret,
  looksLikeKey,
  looksLikeSecret,
} from '../outbox/secrets.js';
import type {
  ReplySubscription,
  SubscribeRequest,
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

/**
 * Confirmation mails, at most: 3 a day to one email, 10 an hour asked from one address. Over
 * either the request is kept (it works once the email is confirmed), and no mail is sent.
 */
export const CONFIRMATION_LIMITS: SubscribeRequest['limits'] = {
  email: { max: 3, windowMs: DAY },
  address: { max: 10, windowMs: 60 * MINUTE },
};

const CONFIRM_DAYS = CONFIRM_LINK_MS / DAY;

/** The thread by its headline (linked to its page when known), else by its id. */
function threadShown(subscription: ReplySubscription): SafeHtml {
  const headline = subscription.headline;
  if (!headline) return html`the thread “${subscription.threadId}”`;
  return headline.url && /^https?:\/\//i.test(headline.url)
    ? html`“<a href="${headline.url}">${headline.title}</a>”`
    : html`“${headline.title}”`;
}

export function subscriptions(deps: RouteDeps) {
  const { repository, config, now } = deps;
  const clock = () => now().getTime();
  const app = new Hono();

  const unchanged = (c: Context, status: 400 | 404 | 410, text: string) =>
    page(
      c,
      status,
      'Nothing was changed',
      html`<p>${text} Nothing was changed.</p>`,
    );

  const confirmProblem = (
    c: Context,
    problem: 'unknown' | 'used' | 'expired',
  ) =>
    problem === 'unknown'
      ? unchanged(
          c,
          404,
          'This confirmation link is not valid: it may have been cut short or changed.',
        )
      : problem === 'used'
        ? unchanged(c, 410, 'This confirmation link was already used.')
        : unchanged(
            c,
            410,
            `This confirmation link has expired: links in mail work for ${CONFIRM_DAYS} days. Ask again with your next comment.`,
          );

  const confirmed = (c: Context) =>
    page(
      c,
      200,
      'Confirmed',
      html`<p role="status">Your address is confirmed. You will get a mail when a new comment appears on the threads you asked about; each mail has a link to stop them.</p>`,
    );

  app.get('/mail/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const link = looksLikeSecret(token)
      ? await repository.subscriptionConfirmation(hashSecret(token))
      : undefined;
    if (!link) return confirmProblem(c, 'unknown');
    if (link.confirmed) return confirmed(c);
    if (link.usedAt !== null) return confirmProblem(c, 'used');
    if (link.expiresAt <= clock()) return confirmProblem(c, 'expired');
    return page(
      c,
      200,
      'Confirm mail about new comments?',
      html`<p>Press the button to be mailed when a new comment appears on the threads this address asked about.</p>
<form method="post"><button type="submit">Confirm</button></form>
<p>This link works once, until ${shownTime(link.expiresAt)}. If you did not ask, close this page: nothing is sent.</p>`,
    );
  });

  app.post('/mail/confirm/:token', limitForm, async (c) => {
    if (!fromOwnPages(c, config)) return crossSitePage(c);
    const token = c.req.param('token');
    if (!looksLikeSecret(token)) return confirmProblem(c, 'unknown');
    const result = await repository.confirmSubscriber({
      tokenHash: hashSecret(token),
      now: clock(),
    });
    if (result.ok) return confirmed(c);
    // Pressed twice, or confirmed through another mail's link: it is done, say so.
    const link = await repository.subscriptionConfirmation(hashSecret(token));
    return link?.confirmed ? confirmed(c) : confirmProblem(c, result.problem);
  });

  const unknownKey = (c: Context) =>
    unchanged(
      c,
      404,
      'This unsubscribe link is not valid: it may have been cut short or changed.',
    );

  const stopped = (c: Context, subscription: ReplySubscription) =>
    page(
      c,
      200,
      'No more mail about this thread',
      html`<p role="status">You will get no more mail about new comments on ${threadShown(subscription)}. To hear about them again, tick “Notify me of follow-up comments by email.” with your next comment there.</p>`,
    );

  app.get('/mail/replies/stop/:key', async (c) => {
    const key = c.req.param('key');
    const subscription = looksLikeKey(key)
      ? await repository.replySubscriptionByKey(key)
      : undefined;
    if (!subscription) return unknownKey(c);
    if (!subscription.active) return stopped(c, subscription);
    return page(
      c,
      200,
      'Stop these mails?',
      html`<p>This address gets a mail when a new comment appears on ${threadShown(subscription)}.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop these mails</button></form>`,
    );
  });

  app.post('/mail/replies/stop/:key', limitForm, async (c) => {
    const form = await ownForm(c, config);
    if (form instanceof Response) return form;
    const key = c.req.param('key');
    if (!looksLikeKey(key)) return unknownKey(c);
    if (form.get('List-Unsubscribe') !== 'One-Click')
      return unchanged(
        c,
        400,
        'This request does not say what to change (send List-Unsubscribe=One-Click to stop these mails).',
      );
    const subscription = await repository.unsubscribeReplies(key, clock());
    return subscription ? stopped(c, subscription) : unknownKey(c);
  });

  return app;
}
