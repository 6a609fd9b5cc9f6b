/**
 * The pages the service writes itself (signing in, the pages a moderator's and a reader's
 * mail links open, and what each button leads to), in Chromium at 320 px, in every language
 * we ship: axe finds nothing, the page says its language and direction, and nothing sticks
 * out of the screen. Every link is followed from a real mail, through a real SMTP server.
 * Whether any English is left is checked word for word by the service's own tests
 * (`src/routes/moderators-language.test.ts`, `src/routes/subscriptions.test.ts`).
 */
import { SUPPORTED_LOCALES } from '@dateline/core';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../vitest.config.js';
import { axeViolations } from './languages.js';
import { type MailServer, startMailServer } from './mail-server.js';
import { type ServiceProcess, startMailingService } from './process.js';

const WIDTH = 320;
const editorIn = (locale: string) => `editor-${locale}@news.example`;

let smtp: MailServer;
let service: ServiceProcess;
let browser: Browser;

beforeAll(async () => {
  smtp = await startMailServer();
  // One moderator per language: each signs in, and sign-in requests are limited per address.
  service = await startMailingService(smtp.url, {
    DATELINE_MODERATORS: SUPPORTED_LOCALES.map(editorIn).join(', '),
  });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await smtp?.stop();
});

/** What is wrong with the page as a reader sees it: axe, its language, its width. */
async function problems(page: Page, locale: string): Promise<string[]> {
  const found = await axeViolations(page);
  const root = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    // Wider than the screen: the page scrolls sideways.
    scrolls: document.documentElement.scrollWidth > window.innerWidth,
    past: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => el.outerHTML.slice(0, 80)),
  }));
  if (root.lang !== locale) found.push(`lang is "${root.lang}"`);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  if (root.dir !== dir) found.push(`dir is "${root.dir}", not ${dir}`);
  if (root.scrolls) found.push('the page scrolls sideways');
  for (const html of root.past) found.push(`past the edge: ${html}`);
  return found;
}

/** The first link in the newest mail to `to` whose address contains `part`. */
async function linkMailed(to: string, part: string): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const mail = [...smtp.mails].reverse().find((m) => m.to[0] === to);
    const link = mail?.links.find((l) => l.includes(part));
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `no mail to ${to} with a link to ${part} arrived; the mail server has ${JSON.stringify(
      smtp.mails.map((m) => [m.to, m.subject]),
    )}; the service said: ${service.output().slice(-2000)}`,
  );
}

describe('the service’s own pages, at 320 px, in every language', () => {
  it.each(SUPPORTED_LOCALES)(
    '%s',
    async (locale) => {
      smtp.mails.splice(0);
      const editor = editorIn(locale);
      const reader = `reader-${locale}@example.com`;
      const context = await browser.newContext({
        viewport: { width: WIDTH, height: 700 },
        locale,
        extraHTTPHeaders: { 'accept-language': `${locale}, en;q=0.1` },
      });
      const page = await context.newPage();
      const seen: string[] = [];
      const look = async (state: string) => {
        for (const problem of await problems(page, locale))
          seen.push(`[${state}] ${problem}`);
      };
      /** Presses the page's one button, and waits for the page it leads to. */
      const press = async () => {
        await Promise.all([
          page.waitForNavigation(),
          page.locator('button[type="submit"]').click(),
        ]);
      };

      // A moderator signs in.
      await page.goto(`${service.url}/admin/sign-in`);
      await look('sign-in form');
      // An address the browser takes and the service does not: the error beside the field.
      await page.locator('#email').fill('editor@localhost');
      await press();
      expect(await page.locator('#email').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await look('sign-in form with an error');
      await page.locator('#email').fill(editor);
      await press();
      await look('check your mail');
      const signIn = await linkMailed(editor, '/admin/sign-in/');
      await page.goto(signIn);
      await look('the sign-in link');
      await press();
      expect(new URL(page.url()).pathname).toBe('/admin');
      await page.goto(signIn);
      await look('a used sign-in link');

      // A held comment's mail, its approve link, and stopping that mail.
      const posted = await fetch(
        `${service.url}/api/threads/kh-2025/comments`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-language': locale,
          },
          body: JSON.stringify({
            author: {
              name: `Reader in ${locale}`,
              email: reader,
            },
            body: 'A comment to approve.',
            notify: true,
          }),
        },
      );
      expect(posted.status).toBe(201);
      const approve = await linkMailed(editor, '/admin/act/');
      await page.goto(approve);
      await look('approve a comment?');
      await press();
      await look('approved');
      await page.goto(approve);
      await look('a used one-click link');
      const mail = [...smtp.mails]
        .reverse()
        .find(
          (m) =>
            m.to[0] === editor &&
            m.links.some((l) => l.includes('/admin/act/')),
        )!;
      const unsubscribe = /^<(.*)>$/.exec(
        mail.header('list-unsubscribe')!,
      )![1]!;
      await page.goto(unsubscribe);
      await look('stop mail about held comments?');
      await press();
      await look('no more mail about held comments');

      // The reader's confirmation, and stopping mail about the thread.
      const confirm = await linkMailed(reader, '/mail/confirm/');
      await page.goto(confirm);
      await look('confirm mail about new comments?');
      await press();
      await look('confirmed');
      const readerMail = [...smtp.mails]
        .reverse()
        .find((m) => m.to[0] === reader)!;
      await page.goto(
        /^<(.*)>$/.exec(readerMail.header('list-unsubscribe')!)![1]!,
      );
      await look('stop these mails?');
      await press();
      await look('no more mail about this thread');

      await context.close();
      expect(seen).toEqual([]);
    },
    120_000,
  );
});
