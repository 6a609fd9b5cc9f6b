import {
  NewCommentSchema,
  SUPPORTED_LOCALES,
  type SupportedLocale,
  validate,
} from '@dateline/core';
import { loadLocale } from '@dateline/core/locales';
import { describe, expect, it } from 'vitest';
import { englishServiceWords } from '../messages/en.js';
import { fillText, SERVICE_WORDS } from '../messages/index.js';
import { cookieFrom, linksIn, mailApp } from '../outbox/test-kit.js';

type Kit = ReturnType<typeof mailApp>;

const others = SUPPORTED_LOCALES.filter((l) => l !== 'en');
/** Every English sentence the service writes, none of which another language's page or mail shows. */
const english = Object.values(englishServiceWords)
  .flatMap((words) => words.split(/\{\w+\}/))
  .map((piece) => piece.trim())
  .filter((piece) => piece.length > 12);

const speaks = (locale: string) => ({
  'accept-language': `${locale};q=0.9, en;q=0.5`,
});

function expectIn(locale: SupportedLocale, res: Response, text: string) {
  expect(res.headers.get('content-language')).toBe(locale);
  expect(res.headers.get('vary')).toBe('Accept-Language');
  expect(text).toContain(
    `<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`,
  );
  for (const sentence of english) expect(text).not.toContain(sentence);
}

/** Asks for a sign-in link from a browser in `locale`, and returns the mail it sent. */
async function askForLink(kit: Kit, locale: string, email: string) {
  const before = kit.box.sent.length;
  const res = await kit.form('/admin/sign-in', { email }, speaks(locale));
  expect(res.status).toBe(303);
  await kit.worker.runOnce();
  return kit.box.sent.slice(before).find((m) => m.to === email);
}

const signInLink = (text: string) =>
  linksIn(text).find((l) => l.includes('/admin/sign-in/'))!;

/** Signs `email` in from a browser in `locale`. */
async function signIn(kit: Kit, locale: string, email: string) {
  const mail = await askForLink(kit, locale, email);
  const res = await kit.form(signInLink(mail!.text), {}, speaks(locale));
  expect(res.status).toBe(303);
}

/** Holds a comment and returns the mail about it to `to`. */
async function heldMail(kit: Kit, to: string, body = 'Ồ, cảm ơn.') {
  const before = kit.mailsTo(to).length;
  await kit.comment(body);
  await kit.worker.runOnce();
  return kit.mailsTo(to)[before]!;
}

describe('a moderator’s pages and mail, in their language', () => {
  it.each(others)(
    '%s: signing in, from the form to the session',
    async (locale) => {
      const words = SERVICE_WORDS[locale];
      const kit = mailApp();
      const asks = speaks(locale);

      const form = await kit.request('/admin/sign-in', { headers: asks });
      const formText = await form.text();
      expectIn(locale, form, formText);
      expect(formText).toContain(
        `<label for="email">${words['sign-in-email']}</label>`,
      );
      expect(formText).toContain(`${words['sign-in-send']}</button>`);

      // What is wrong with an address: the service's words, or core's in the same language.
      const empty = await kit.form('/admin/sign-in', { email: ' ' }, asks);
      expect(empty.status).toBe(400);
      const emptyText = await empty.text();
      expectIn(locale, empty, emptyText);
      expect(emptyText).toContain(words['sign-in-email-missing']);
      const email = NewCommentSchema.shape.author.shape.email;
      await loadLocale(locale);
      const wrong = validate(email, 'not an address', { locale });
      const inEnglish = validate(email, 'not an address');
      expect(wrong.ok || inEnglish.ok).toBe(false);
      const bad = await kit.form(
        '/admin/sign-in',
        { email: 'not an address' },
        asks,
      );
      const badText = await bad.text();
      expectIn(locale, bad, badText);
      if (!wrong.ok && !inEnglish.ok) {
        expect(badText).toContain(Object.values(wrong.errors)[0]);
        expect(badText).not.toContain(Object.values(inEnglish.errors)[0]);
      }

      const mail = await askForLink(kit, locale, 'editor@news.example');
      const asked = await kit.request('/admin/sign-in?requested', {
        headers: asks,
      });
      const askedText = await asked.text();
      expectIn(locale, asked, askedText);
      expect(askedText).toContain(
        fillText(words['sign-in-requested'], { minutes: 15 }),
      );

      // The mail, in the language it was asked in.
      expect(mail!.subject).toBe(words['sign-in-mail-subject']);
      for (const sentence of english)
        expect(mail!.text).not.toContain(sentence);
      expect(mail!.text).toContain(words['sign-in-button']);
      const link = signInLink(mail!.text);

      const page = await kit.request(link, { headers: asks });
      const pageText = await page.text();
      expectIn(locale, page, pageText);
      expect(pageText).toContain(
        `<button type="submit">${words['sign-in-button']}</button>`,
      );
      expect(pageText).toContain('<strong>editor@news.example</strong>');

      expect((await kit.form(link, {}, asks)).status).toBe(303);
      for (const [path, status, code] of [
        [link, 410, 'sign-in-link-used'],
        ['/admin/sign-in/forged', 404, 'sign-in-link-unknown'],
      ] as const) {
        const res = await kit.request(path, { headers: asks });
        expect(res.status).toBe(status);
        const text = await res.text();
        expectIn(locale, res, text);
        expect(text).toContain(words[code]);
      }
    },
  );

  it.each(others)(
    '%s: a held comment’s mail, its links’ pages, and stopping that mail',
    async (locale) => {
      const words = SERVICE_WORDS[locale];
      const kit = mailApp();
      const asks = speaks(locale);
      await signIn(kit, locale, 'editor@news.example');

      // Longer than a mail quotes: the note that says so is in the language too.
      const mail = await heldMail(kit, 'editor@news.example', 'ខ'.repeat(4100));
      expect(mail.subject).toBe(
        fillText(words['held-mail-subject'], { name: 'Sokha' }),
      );
      for (const sentence of english) expect(mail.text).not.toContain(sentence);
      expect(mail.text).toContain(`${words['comment-author']}: Sokha`);
      expect(mail.text).toContain(
        fillText(words['held-mail-cut'], {
          count: (4100).toLocaleString(locale),
        }),
      );
      // The other moderator never signed in: their mail is in English.
      expect(kit.mailsTo('desk@news.example')[0]!.subject).toBe(
        'Comment by Sokha awaits moderation',
      );

      const [approve, spam] = linksIn(mail.text).filter((l) =>
        l.includes('/admin/act/'),
      );
      const ask = await kit.request(approve!, { headers: asks });
      const askText = await ask.text();
      expectIn(locale, ask, askText);
      expect(askText).toContain(`<title>${words['act-approve-title']}`);
      expect(askText).toContain(`<dt>${words['comment-posted']}</dt>`);
      expect(askText).toContain(`${words['act-approve']}</button>`);

      const done = await kit.form(approve!, {}, asks);
      const doneText = await done.text();
      expectIn(locale, done, doneText);
      expect(doneText).toContain(words['act-approved']);

      // The mail's other links now say what was done, and when.
      const used = await kit.request(spam!, { headers: asks });
      expect(used.status).toBe(410);
      const usedText = await used.text();
      expectIn(locale, used, usedText);
      expect(usedText).toContain(
        words['act-link-used-approve'].slice(
          0,
          words['act-link-used-approve'].indexOf('{time}'),
        ),
      );

      const unsubscribe = /^<(.*)>$/.exec(
        mail.headers['List-Unsubscribe']!,
      )![1]!;
      const stop = await kit.request(unsubscribe, { headers: asks });
      const stopText = await stop.text();
      expectIn(locale, stop, stopText);
      expect(stopText).toContain(
        fillText(words['held-mail-on'], { address: 'editor@news.example' }),
      );
      const stopped = await kit.form(
        unsubscribe,
        { 'List-Unsubscribe': 'One-Click' },
        asks,
      );
      const stoppedText = await stopped.text();
      expectIn(locale, stopped, stoppedText);
      expect(stoppedText).toContain(`${words['held-mail-again']}</button>`);
    },
  );

  it('keeps the language a link chose, from the moderation page to the mail', async () => {
    const kit = mailApp();
    const english = { 'accept-language': 'en-GB, en;q=0.9' };
    const moderation = await kit.request('/admin?lang=km', {
      headers: english,
    });
    expect(await moderation.text()).toContain(
      'sign-in-href="/admin/sign-in?lang=km"',
    );
    const form = await kit.request('/admin/sign-in?lang=km', {
      headers: english,
    });
    expect(form.headers.get('content-language')).toBe('km');
    expect(await form.text()).toContain(SERVICE_WORDS.km['sign-in-send']);
    // The form posts to its own address, so the language comes along.
    const asked = await kit.form(
      '/admin/sign-in?lang=km',
      { email: 'editor@news.example' },
      english,
    );
    expect(asked.headers.get('location')).toBe(
      `${kit.origin}/admin/sign-in?requested&lang=km`,
    );
    const next = await kit.request(asked.headers.get('location')!, {
      headers: english,
    });
    const nextText = await next.text();
    expect(nextText).toContain(
      fillText(SERVICE_WORDS.km['sign-in-requested'], { minutes: 15 }),
    );
    expect(nextText).toContain(
      'href="https://comments.news.example/admin/sign-in?lang=km"',
    );
    await kit.worker.runOnce();
    const mail = kit.mailsTo('editor@news.example')[0]!;
    expect(mail.subject).toBe(SERVICE_WORDS.km['sign-in-mail-subject']);
    // Signed in, the page links to the moderation page in the same language.
    const cookie = cookieFrom(
      await kit.form(signInLink(mail.text), {}, english),
    )!;
    const signedIn = await kit.request('/admin/sign-in?lang=km', {
      headers: { ...english, cookie },
    });
    expect(await signedIn.text()).toContain(
      `<a href="https://comments.news.example/admin?lang=km">${SERVICE_WORDS.km['open-moderation']}</a>`,
    );
    // A language the service does not have leaves the browser's.
    const french = await kit.request('/admin/sign-in?lang=fr', {
      headers: speaks('vi'),
    });
    expect(french.headers.get('content-language')).toBe('vi');
  });

  it('writes the sign-in mail in the language it was asked in, and mail about held comments in the one last signed in or acted in', async () => {
    const kit = mailApp();
    // Anyone may ask for a moderator's link: its mail follows the asker's language...
    const asked = await askForLink(kit, 'ar', 'editor@news.example');
    expect(asked!.subject).toBe(SERVICE_WORDS.ar['sign-in-mail-subject']);
    // ...but only signing in, which takes the moderator's mailbox, changes theirs.
    expect((await heldMail(kit, 'editor@news.example')).subject).toBe(
      'Comment by Sokha awaits moderation',
    );

    await signIn(kit, 'km', 'editor@news.example');
    expect((await heldMail(kit, 'editor@news.example')).subject).toBe(
      fillText(SERVICE_WORDS.km['held-mail-subject'], { name: 'Sokha' }),
    );
    await signIn(kit, 'en-GB', 'editor@news.example');
    const english = await heldMail(kit, 'editor@news.example');
    expect(english.subject).toBe('Comment by Sokha awaits moderation');
    // Using one of a mail's links proves the mailbox too.
    const approve = linksIn(english.text).find((l) =>
      l.includes('/admin/act/'),
    )!;
    expect((await kit.form(approve, {}, speaks('th'))).status).toBe(200);
    expect((await heldMail(kit, 'editor@news.example')).subject).toBe(
      fillText(SERVICE_WORDS.th['held-mail-subject'], { name: 'Sokha' }),
    );
    // Opening a link changes nothing, its language included.
    const thai = await heldMail(kit, 'editor@news.example');
    await kit.request(
      linksIn(thai.text).find((l) => l.includes('/admin/act/'))!,
      { headers: speaks('ar') },
    );
    expect((await heldMail(kit, 'editor@news.example')).subject).toBe(
      fillText(SERVICE_WORDS.th['held-mail-subject'], { name: 'Sokha' }),
    );
  });

  it('says when to try again as the language words a time from now', async () => {
    const kit = mailApp();
    const at = kit.clock.now;
    for (let i = 0; i < 5; i += 1)
      await kit.form('/admin/sign-in', { email: 'editor@news.example' });
    const refused = await kit.form(
      '/admin/sign-in',
      { email: 'editor@news.example' },
      speaks('km'),
    );
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain(
      fillText(SERVICE_WORDS.km['sign-in-too-many'], {
        when: new Intl.RelativeTimeFormat('km', { numeric: 'auto' }).format(
          15,
          'minute',
        ),
      }),
    );
    // A minute is one minute, not "1 minutes".
    kit.clock.now = at + 14 * 60_000 + 30_000;
    const soon = await kit.form('/admin/sign-in', {
      email: 'editor@news.example',
    });
    expect(await soon.text()).toContain('Please try again in 1 minute.');

    // The API's answers too.
    const api = await kit.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...speaks('vi') },
      body: JSON.stringify({ email: 'editor@news.example' }),
    });
    expect(api.status).toBe(429);
    expect(api.headers.get('content-language')).toBe('vi');
    expect(
      ((await api.json()) as { error: { message: string } }).error.message,
    ).toBe(
      fillText(SERVICE_WORDS.vi['sign-in-too-many'], {
        when: new Intl.RelativeTimeFormat('vi', { numeric: 'auto' }).format(
          1,
          'minute',
        ),
      }),
    );
  });

  it('answers the sign-in API in the language asked, English for none of the service’s', async () => {
    const kit = mailApp();
    const ask = (email: unknown, language: string) =>
      kit.request('/api/auth/sign-in', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify({ email }),
      });
    const accepted = await ask('desk@news.example', 'th-TH');
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({
      message: fillText(SERVICE_WORDS.th['sign-in-requested'], {
        minutes: 15,
      }),
    });
    const missing = await ask(42, 'zh-TW');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: {
        fields: { email: SERVICE_WORDS['zh-Hant']['sign-in-email-missing'] },
      },
    });
    const french = await ask('', 'fr-FR');
    expect(french.headers.get('content-language')).toBe('en');
    expect(await french.json()).toMatchObject({
      error: { message: englishServiceWords['sign-in-email-missing'] },
    });
  });
});
