import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newSecret } from '../outbox/secrets.js';
import { linksIn, mailApp } from '../outbox/test-kit.js';

type Kit = ReturnType<typeof mailApp>;

/** The one-click links of the held-comment mail to `to`, by action, and its unsubscribe link. */
function linksOf(kit: Kit, to: string, index = 0) {
  const mail = kit.mailsTo(to)[index]!;
  const [approve, spam, remove] = linksIn(mail.text).filter((l) =>
    l.includes('/admin/act/'),
  );
  const unsubscribe = /^<(.*)>$/.exec(mail.headers['List-Unsubscribe']!)![1]!;
  return { approve: approve!, spam: spam!, delete: remove!, unsubscribe };
}

async function heldAndMailed(kit: Kit, body = 'Thank you for this report.') {
  const comment = await kit.comment(body);
  expect(comment.status).toBe('pending');
  await kit.worker.runOnce();
  return comment;
}

describe('one-click moderation links', () => {
  it('approve a held comment: the page shows it with one button, the POST approves it, readers see it', async () => {
    const kit = mailApp();
    const comment = await heldAndMailed(kit);
    const links = linksOf(kit, 'editor@news.example');
    expect(links.approve).toMatch(
      /^https:\/\/comments\.news\.example\/admin\/act\/[\w-]{43}$/,
    );
    for (let i = 0; i < 2; i += 1) {
      const page = await kit.request(links.approve);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain(
        "frame-ancestors 'none'",
      );
      const text = await page.text();
      for (const shown of [
        'kh-2025',
        'Sokha',
        'sokha@example.com',
        'https://sokha.example',
        'Thank you for this report.',
      ])
        expect(text).toContain(shown);
      expect(text.match(/<button/g)).toHaveLength(1);
      expect(text).toContain(
        '<button type="submit">Approve this comment</button>',
      );
    }
    // Opening the page changed nothing.
    expect(await kit.shown()).toEqual([]);

    const done = await kit.form(links.approve, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(
      'The comment is approved: readers see it in its thread.',
    );
    expect(await kit.shown()).toEqual([comment.id]);
  });

  it('work once: the other links of that mail then say they were used, and change nothing', async () => {
    const kit = mailApp();
    const comment = await heldAndMailed(kit);
    const links = linksOf(kit, 'editor@news.example');
    expect((await kit.form(links.approve, {})).status).toBe(200);
    for (const link of [links.approve, links.delete, links.spam])
      for (const res of [await kit.request(link), await kit.form(link, {})]) {
        expect(res.status).toBe(410);
        const text = await res.text();
        expect(text).toContain(
          'This link was already used, on 20 July 2025 at 08:00 UTC, to approve the comment.',
        );
        expect(text).toContain('Nothing was changed.');
        expect(text).not.toContain('<button');
      }
    expect(await kit.shown()).toEqual([comment.id]);
  });

  it('leave a comment another moderator has moderated as it is', async () => {
    const kit = mailApp();
    const comment = await heldAndMailed(kit);
    await kit.form(linksOf(kit, 'desk@news.example').spam, {});
    const theirs = linksOf(kit, 'editor@news.example').approve;
    for (const res of [await kit.request(theirs), await kit.form(theirs, {})]) {
      expect(res.status).toBe(409);
      expect(await res.text()).toContain(
        'This comment no longer awaits moderation: it is marked as spam. Nothing was changed.',
      );
    }
    expect((await kit.repository.get(comment.id))!.status).toBe('spam');
    expect(await kit.shown()).toEqual([]);
  });

  it('refuse an expired or forged link plainly, and change nothing', async () => {
    const kit = mailApp();
    const comment = await heldAndMailed(kit);
    const links = linksOf(kit, 'editor@news.example');
    const forged = [
      `${kit.origin}/admin/act/${newSecret()}`,
      `${kit.origin}/admin/act/${links.approve.slice(-43, -1)}x`,
      `${kit.origin}/admin/act/__proto__`,
    ];
    for (const link of forged)
      for (const res of [await kit.request(link), await kit.form(link, {})]) {
        expect(res.status, link).toBe(404);
        expect(await res.text()).toContain(
          'This link is not valid: it may have been cut short or changed. Nothing was changed.',
        );
      }
    kit.clock.now += 7 * 24 * 60 * 60_000;
    for (const res of [
      await kit.request(links.approve),
      await kit.form(links.approve, {}),
    ]) {
      expect(res.status).toBe(410);
      expect(await res.text()).toContain(
        'This link has expired: links in mail work for 7 days. Nothing was changed.',
      );
    }
    expect((await kit.repository.get(comment.id))!.status).toBe('pending');
  });

  it('stop working for an address taken off the moderators', async () => {
    const before = mailApp();
    const comment = await heldAndMailed(before);
    const { approve } = linksOf(before, 'desk@news.example');
    const after = mailApp({
      repository: before.repository,
      env: { DATELINE_MODERATORS: 'editor@news.example' },
    });
    for (const res of [
      await after.request(approve),
      await after.form(approve, {}),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(
        'This link was sent to an address that no longer moderates comments here. Nothing was changed.',
      );
    }
    expect((await after.repository.get(comment.id))!.status).toBe('pending');
  });

  it('cannot be used by a form on another site', async () => {
    const kit = mailApp();
    const comment = await heldAndMailed(kit);
    const { approve } = linksOf(kit, 'editor@news.example');
    for (const headers of [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: undefined, 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await kit.form(approve, {}, headers);
      expect(res.status).toBe(403);
    }
    expect((await kit.repository.get(comment.id))!.status).toBe('pending');
    // The link is not spent: the moderator can still use it.
    expect((await kit.form(approve, {})).status).toBe(200);
  });

  it('show a comment’s text as text, whatever it holds', async () => {
    const kit = mailApp();
    const payloads = readFileSync(
      new URL(
        '../../packages/elements/src/test/xss/xss_payloads_quick.txt',
        import.meta.url,
      ),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.trim() !== '');
    await heldAndMailed(kit, payloads.join('\n'));
    const text = await (
      await kit.request(linksOf(kit, 'editor@news.example').delete)
    ).text();
    expect(text).toContain('&lt;svg/onload=alert(1)&gt;//INJECTX');
    for (const tag of [
      '<svg',
      '<img',
      '<iframe',
      '<a href="javascript',
      '<h1>INJECTX',
      '<h1/',
    ])
      expect(text).not.toContain(tag);
    expect(text.match(/<script/g)).toBeNull();
  });
});

describe('unsubscribing', () => {
  it('takes one POST without signing in (RFC 8058), and the next held comment is not mailed', async () => {
    const kit = mailApp();
    await heldAndMailed(kit);
    const { unsubscribe } = linksOf(kit, 'editor@news.example');
    // Opening the link changes nothing.
    const look = await kit.request(unsubscribe);
    expect(look.status).toBe(200);
    expect(await look.text()).toContain('Stop these mails');
    expect(
      (await kit.repository.mailPreferences('editor@news.example', 0))
        .heldComments,
    ).toBe(true);

    // As a mail system sends it: from its servers, no Origin, no cookie.
    const res = await kit.request(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(
      'editor@news.example gets no mail when a comment awaits moderation.',
    );
    await heldAndMailed(kit, 'A second comment.');
    expect(kit.mailsTo('editor@news.example')).toHaveLength(1);
    expect(kit.mailsTo('desk@news.example')).toHaveLength(2);
  });

  it('accepts the one-click POST as multipart too, and turns mail on again from the page', async () => {
    const kit = mailApp();
    await heldAndMailed(kit);
    const { unsubscribe } = linksOf(kit, 'desk@news.example');
    const body = new FormData();
    body.set('List-Unsubscribe', 'One-Click');
    expect(
      (await kit.request(unsubscribe, { method: 'POST', body })).status,
    ).toBe(200);
    const prefs = () => kit.repository.mailPreferences('desk@news.example', 0);
    expect((await prefs()).heldComments).toBe(false);
    const again = await kit.form(unsubscribe, { 'held-comments': 'on' });
    expect(again.status).toBe(200);
    expect((await prefs()).heldComments).toBe(true);
  });

  it('refuses a forged key, another site, and a POST that says nothing', async () => {
    const kit = mailApp();
    await heldAndMailed(kit);
    const { unsubscribe } = linksOf(kit, 'editor@news.example');
    const oneClick = { 'List-Unsubscribe': 'One-Click' };
    for (const key of ['x'.repeat(32), 'constructor', '..%2F..%2Fadmin'])
      expect(
        (await kit.form(`/mail/unsubscribe/${key}`, oneClick)).status,
        key,
      ).toBe(404);
    expect(
      (
        await kit.form(unsubscribe, oneClick, {
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403);
    expect((await kit.form(unsubscribe, { other: 'x' })).status).toBe(400);
    expect(
      (await kit.repository.mailPreferences('editor@news.example', 0))
        .heldComments,
    ).toBe(true);
  });
});
