/**
 * Readers' links about replies. Mail scanners open links, so a GET shows a page with one
 * button and changes nothing; the button (a POST from this origin) does what the link says.
 * No page shows the reader's email.
 *
 * - `/mail/confirm/<token>`: confirms an email for mail about new comments, once, within 7 days.
 * - `/mail/replies/stop/<key>`: stops mail about one thread; also the one-click POST of
 *   RFC 8058 (`List-Unsubscribe=One-Click`), which works without signing in.
 */
import type { SupportedLocale } from '@dateline/core';
import { type Context, Hono } from 'hono';
import type { ServiceWordCode, ServiceWords } from '../messages/index.js';
import { pageLanguage, wordsOf } from '../middleware/language.js';
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
  fillHtml,
  type HtmlValue,
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
function threadShown(
  subscription: ReplySubscription,
  words: ServiceWords,
): SafeHtml {
  const headline = subscription.headline;
  if (!headline)
    return fillHtml(words['thread-by-id'], { id: subscription.threadId });
  return fillHtml(words['thread-titled'], {
    title:
      headline.url && /^https?:\/\//i.test(headline.url)
        ? html`<a href="${headline.url}">${headline.title}</a>`
        : headline.title,
  });
}

/** A sentence quoted inside another: without its own closing stop. */
const unstopped = (sentence: string) => sentence.replace(/[.。។]$/u, '');

export function subscriptions(deps: RouteDeps) {
  const { repository, config, now } = deps;
  const clock = () => now().getTime();
  const app = new Hono();

  /** A page in the reader's language (Accept-Language). */
  const say = (
    c: Context,
    status: 200 | 400 | 404 | 410,
    title: ServiceWordCode,
    body: (words: ServiceWords, locale: SupportedLocale) => SafeHtml,
  ) => {
    const locale = pageLanguage(c);
    const words = wordsOf(c)[locale];
    return page(c, status, words[title], body(words, locale), locale);
  };

  const unchanged = (
    c: Context,
    status: 400 | 404 | 410,
    reason: ServiceWordCode,
    values: Record<string, HtmlValue> = {},
  ) =>
    say(
      c,
      status,
      'unchanged-title',
      (words) =>
        html`<p>${fillHtml(words.unchanged, { reason: fillHtml(words[reason], values) })}</p>`,
    );

  const confirmProblem = (
    c: Context,
    problem: 'unknown' | 'used' | 'expired',
  ) =>
    problem === 'unknown'
      ? unchanged(c, 404, 'confirm-link-unknown')
      : problem === 'used'
        ? unchanged(c, 410, 'confirm-link-used')
        : unchanged(c, 410, 'confirm-link-expired', { days: CONFIRM_DAYS });

  const confirmed = (c: Context) =>
    say(
      c,
      200,
      'confirmed-title',
      (words) => html`<p role="status">${words.confirmed}</p>`,
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
    return say(
      c,
      200,
      'confirm-title',
      (words, locale) => html`<p>${words['confirm-text']}</p>
<form method="post"><button type="submit">${words['confirm-button']}</button></form>
<p>${fillHtml(words['confirm-once'], { time: shownTime(link.expiresAt, locale) })}</p>`,
    );
  });

  app.post('/mail/confirm/:token', limitForm, async (c) => {
    if (!fromOwnPages(c, config)) return crossSitePage(c, pageLanguage(c));
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

  const unknownKey = (c: Context) => unchanged(c, 404, 'stop-link-unknown');

  const stopped = (c: Context, subscription: ReplySubscription) =>
    say(
      c,
      200,
      'stopped-title',
      (words) =>
        html`<p role="status">${fillHtml(words.stopped, { thread: threadShown(subscription, words), label: unstopped(words['notify-label']) })}</p>`,
    );

  app.get('/mail/replies/stop/:key', async (c) => {
    const key = c.req.param('key');
    const subscription = looksLikeKey(key)
      ? await repository.replySubscriptionByKey(key)
      : undefined;
    if (!subscription) return unknownKey(c);
    if (!subscription.active) return stopped(c, subscription);
    return say(
      c,
      200,
      'stop-title',
      (
        words,
      ) => html`<p>${fillHtml(words['stop-text'], { thread: threadShown(subscription, words) })}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${words['stop-button']}</button></form>`,
    );
  });

  app.post('/mail/replies/stop/:key', limitForm, async (c) => {
    const form = await ownForm(c, config, pageLanguage(c));
    if (form instanceof Response) return form;
    const key = c.req.param('key');
    if (!looksLikeKey(key)) return unknownKey(c);
    if (form.get('List-Unsubscribe') !== 'One-Click')
      return unchanged(c, 400, 'stop-unclear');
    const subscription = await repository.unsubscribeReplies(key, clock());
    return subscription ? stopped(c, subscription) : unknownKey(c);
  });

  return app;
}
