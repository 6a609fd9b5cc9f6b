import { SUPPORTED_LOCALES } from '@dateline/core';
import { describe, expect, it } from 'vitest';
import { englishServiceWords } from '../messages/en.js';
import { SERVICE_WORDS } from '../messages/index.js';
import { CONFIRM_LINK_MS, DAY } from '../outbox/dispatch.js';
import { linksIn, mailApp } from '../outbox/test-kit.js';

type Kit = ReturnType<typeof mailApp>;

/** The app on today's clock: the database stamps status changes with it. */
function realTimeKit(): Kit {
  const kit = mailApp();
  kit.clock.now = Date.now();
  return kit;
}

const VANNA = { name: 'Vanna', email: 'Vanna@example.com' };

/** Vanna asks to hear about replies; the confirmation link of the mail that follows. */
async function asked(kit: Kit, threadId = 'kh-2025') {
  await kit.comment(
    'Please keep us posted.',
    { author: VANNA, notify: true },
    threadId,
  );
  await kit.worker.runOnce();
  const mail = kit.mailsTo(VANNA.email).at(-1)!;
  expect(mail.subject).toBe('Confirm mail about new comments');
  const confirm = linksIn(mail.text).find((l) => l.includes('/mail/confirm/'))!;
  const stop = /^<(.*)>$/.exec(mail.headers['List-Unsubscribe']!)![1]!;
  return { confirm, stop };
}

/** Another reader's approved comment in the thread, and what the worker then sends. */
async function replied(kit: Kit, threadId = 'kh-2025') {
  const reply = await kit.comment(
    'A reply.',
    { author: { name: 'Rith', email: 'rith@example.com' } },
    threadId,
  );
  await kit.repository.setStatus(reply.id, 'approved');
  // A status change is stamped by the real clock: the worker's must not be behind it.
  kit.clock.now = Date.now();
  await kit.worker.runOnce();
  return kit
    .mailsTo(VANNA.email)
    .filter((m) => m.subject.startsWith('New reply'));
}

describe('confirmation links', () => {
  it('show a page with one "Confirm" button that confirms nothing; the POST confirms, once', async () => {
    const kit = realTimeKit();
    const { confirm } = await asked(kit);
    for (let i = 0; i < 2; i += 1) {
      const page = await kit.request(confirm);
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text.match(/<button/g)).toHaveLength(1);
      expect(text).toContain('<button type="submit">Confirm</button>');
      expect(text.toLowerCase()).not.toContain('vanna@example.com');
    }
    expect(await replied(kit)).toEqual([]);

    const done = await kit.form(confirm, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your address is confirmed');
    expect(await replied(kit)).toHaveLength(1);
    // Pressed again: it is done, and says so.
    expect((await kit.form(confirm, {})).status).toBe(200);
  });

  it('say plainly that a forged or expired link changed nothing', async () => {
    const kit = realTimeKit();
    const { confirm } = await asked(kit);
    const forged = confirm.replace(/.{4}$/, 'AAAA');
    for (const res of [
      await kit.request(forged),
      await kit.form(forged, {}),
      await kit.request('/mail/confirm/not-a-token'),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Nothing was changed.');
    }
    kit.clock.now += 8 * DAY;
    for (const res of [
      await kit.request(confirm),
      await kit.form(confirm, {}),
    ]) {
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('has expired');
    }
    expect(await replied(kit)).toEqual([]);
  });

  it('refuse a confirmation posted from another site', async () => {
    const kit = realTimeKit();
    const { confirm } = await asked(kit);
    const res = await kit.form(
      confirm,
      {},
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(res.status).toBe(403);
    expect(await replied(kit)).toEqual([]);
  });
});

describe('one-click unsubscribe from replies', () => {
  it('stops one thread’s mail with the mail system’s POST, without signing in', async () => {
    const kit = realTimeKit();
    const { confirm } = await asked(kit, 'kh-one');
    await kit.form(confirm, {});
    await asked(kit, 'kh-two');
    const [mail] = await replied(kit, 'kh-one');
    const stop = /^<(.*)>$/.exec(mail!.headers['List-Unsubscribe']!)![1]!;
    expect(mail!.headers['List-Unsubscribe-Post']).toBe(
      'List-Unsubscribe=One-Click',
    );
    // The page shows a button and changes nothing.
    const page = await kit.request(stop);
    expect((await page.text()).match(/<button/g)).toHaveLength(1);
    // A POST that does not say what it wants changes nothing.
    expect((await kit.form(stop, {})).status).toBe(400);
    const res = await kit.form(
      stop,
      { 'List-Unsubscribe': 'One-Click' },
      { origin: undefined, 'sec-fetch-site': undefined },
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('You will get no more mail about new comments');
    expect(text.toLowerCase()).not.toContain('vanna@example.com');
    expect(await replied(kit, 'kh-one')).toHaveLength(1);
    // The other thread still mails.
    expect(await replied(kit, 'kh-two')).toHaveLength(2);
  });

  it('refuses another site’s POST and an unknown key, changing nothing', async () => {
    const kit = realTimeKit();
    const { confirm, stop } = await asked(kit);
    await kit.form(confirm, {});
    const evil = await kit.form(
      stop,
      { 'List-Unsubscribe': 'One-Click' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(evil.status).toBe(403);
    for (const key of ['x'.repeat(32), '__proto__', 'constructor'])
      expect(
        (
          await kit.form(`/mail/replies/stop/${key}`, {
            'List-Unsubscribe': 'One-Click',
          })
        ).status,
      ).toBe(404);
    expect(await replied(kit)).toHaveLength(1);
  });
});

describe('asking for mail with a comment', () => {
  it('answers the same whether a confirmation mail is sent or held back by the limit', async () => {
    const kit = realTimeKit();
    const answers: Array<{ status: number; keys: string }> = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await kit.request(`/api/threads/kh-${i}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          author: VANNA,
          body: `Comment ${i}`,
          notify: true,
        }),
      });
      const body = (await res.json()) as { comment: Record<string, unknown> };
      answers.push({
        status: res.status,
        keys: Object.keys(body.comment).sort().join(),
      });
      expect(JSON.stringify(body)).not.toContain('notify');
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    await kit.worker.runOnce();
    expect(kit.mailsTo(VANNA.email)).toHaveLength(3);
  });

  it('refuses a notify that is not true or false, saying which field', async () => {
    const kit = realTimeKit();
    const res = await kit.request('/api/threads/kh/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: VANNA, body: 'Hi', notify: 'yes' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({
      notify:
        'Whether to mail you about follow-up comments must be true or false.',
    });
  });
});

describe('the pages of a reader’s mail links, in the reader’s language', () => {
  const others = SUPPORTED_LOCALES.filter((l) => l !== 'en');
  /** Every English sentence of the pages, none of which a page in another language shows. */
  const english = Object.entries(englishServiceWords)
    .flatMap(([, words]) => words.split(/\{\w+\}/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 12);

  it.each(others)('%s: confirming and stopping mail', async (locale) => {
    const words = SERVICE_WORDS[locale];
    const kit = realTimeKit();
    const { confirm, stop } = await asked(kit);
    const asks = { 'accept-language': `${locale};q=0.9, en;q=0.5` };
    const pages = [
      await kit.request(confirm, { headers: asks }),
      await kit.form(confirm, {}, asks),
      await kit.request(stop, { headers: asks }),
      await kit.form(stop, { 'List-Unsubscribe': 'One-Click' }, asks),
      await kit.request('/mail/confirm/not-a-token', { headers: asks }),
    ];
    const [ask, confirmed, stopAsk, stopped, unknown] = await Promise.all(
      pages.map((p) => p.text()),
    );
    for (const page of pages) {
      expect(page.headers.get('content-language')).toBe(locale);
      expect(page.headers.get('vary')).toBe('Accept-Language');
    }
    for (const text of [ask, confirmed, stopAsk, stopped, unknown]) {
      expect(text).toContain(
        `<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`,
      );
      for (const sentence of english) expect(text).not.toContain(sentence);
    }
    expect(ask).toContain(
      `<button type="submit">${words['confirm-button']}</button>`,
    );
    // The link's end, its month named as Intl names it in the language.
    const month = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeZone: 'UTC',
    })
      .formatToParts(kit.clock.now + CONFIRM_LINK_MS)
      .find((part) => part.type === 'month')!.value;
    expect(ask).toContain(month);
    expect(confirmed).toContain(words.confirmed);
    expect(stopAsk).toContain(`${words['stop-button']}</button>`);
    // The form's checkbox, quoted without its closing stop.
    expect(stopped).toContain(words['notify-label'].replace(/\p{P}$/u, ''));
    expect(pages[4]!.status).toBe(404);
    expect(unknown).toContain(words['confirm-link-unknown']);
  });

  it('writes English when the reader asks for none of the service’s languages, or for nothing', async () => {
    const kit = realTimeKit();
    const { confirm } = await asked(kit);
    for (const headers of [
      { 'accept-language': 'fr-CA, de;q=0.8' },
      {} as Record<string, string>,
    ]) {
      const res = await kit.request(confirm, { headers });
      expect(res.headers.get('content-language')).toBe('en');
      const text = await res.text();
      expect(text).toContain('<html lang="en" dir="ltr">');
      expect(text).toContain('<button type="submit">Confirm</button>');
    }
  });
});

describe('a reader’s mails, in the language they asked in', () => {
  it('writes the confirmation and each reply in Khmer for a reader whose browser asks for it, and in English once they ask in English', async () => {
    const km = SERVICE_WORDS.km;
    const kit = realTimeKit();
    await kit.comment(
      'សូមជូនដំណឹងខ្ញុំ។',
      { author: VANNA, notify: true },
      'kh-2025',
      {
        'accept-language': 'km-KH, en;q=0.5',
      },
    );
    await kit.worker.runOnce();
    const confirmation = kit.mailsTo(VANNA.email).at(-1)!;
    expect(confirmation.subject).toBe(km['confirm-mail-subject']);
    expect(confirmation.text).toContain(km['confirm-mail-once']);
    const confirm = linksIn(confirmation.text).find((l) =>
      l.includes('/mail/confirm/'),
    )!;
    await kit.form(confirm, {});

    /** The mail Vanna gets about another reader's reply, whatever its language. */
    const reply = async () => {
      const before = kit.mailsTo(VANNA.email).length;
      await replied(kit);
      const mails = kit.mailsTo(VANNA.email);
      expect(mails).toHaveLength(before + 1);
      return mails.at(-1)!;
    };
    const inKhmer = await reply();
    expect(inKhmer.subject).toBe(
      km['reply-mail-subject'].replace('{thread}', 'kh-2025'),
    );
    expect(inKhmer.text).toContain(km['mail-stop'].replace(' {url}', ''));

    // Asking again on the thread, from an English browser.
    await kit.comment(
      'Keep me posted.',
      { author: VANNA, notify: true },
      'kh-2025',
      {
        'accept-language': 'en-GB',
      },
    );
    expect((await reply()).subject).toBe('New reply on kh-2025');
  });
});
