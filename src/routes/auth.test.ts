import { describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../outbox/secrets.js';
import {
  ADMIN_TOKEN,
  cookieFrom,
  linksIn,
  mailApp,
  T0,
} from '../outbox/test-kit.js';

type Kit = ReturnType<typeof mailApp>;

/** Asks for a sign-in link by the form and returns the link mailed, if one was. */
async function askForLink(kit: Kit, email: string) {
  const before = kit.box.sent.length;
  const res = await kit.form('/admin/sign-in', { email });
  expect(res.status).toBe(303);
  await kit.worker.runOnce();
  const mail = kit.box.sent.slice(before)[0];
  return mail && linksIn(mail.text).find((l) => l.includes('/admin/sign-in/'));
}

async function signIn(kit: Kit, email = 'editor@news.example') {
  const link = await askForLink(kit, email);
  const res = await kit.form(link!, {});
  return { res, cookie: cookieFrom(res)! };
}

describe('the sign-in page', () => {
  it('asks for an address on a page without script, which no other page may frame', async () => {
    const kit = mailApp();
    const res = await kit.request('/admin/sign-in');
    expect(res.status).toBe(200);
    const policy = res.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain('script-src');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain('<form method="post">');
    expect(page).toContain('<label for="email">Email address</label>');
    expect(page).toContain('name="email" type="email"');
    expect(page).not.toContain('<script');
  });

  it('says so when signing in by mail is off', async () => {
    const kit = mailApp({ env: { DATELINE_SMTP_URL: '' } });
    expect(await (await kit.request('/admin/sign-in')).text()).toContain(
      'Signing in by mail is off on this service',
    );
    expect(
      (await kit.form('/admin/sign-in', { email: 'editor@news.example' }))
        .status,
    ).toBe(503);
  });
});

describe('asking for a sign-in link', () => {
  it('gives a listed and an unlisted address the same answer, and mails only the listed one', async () => {
    const kit = mailApp();
    const answers = [];
    for (const email of ['editor@news.example', 'stranger@news.example']) {
      const res = await kit.form('/admin/sign-in', { email });
      answers.push({
        status: res.status,
        location: res.headers.get('location'),
        body: await res.text(),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.location).toBe(
      'https://comments.news.example/admin/sign-in?requested',
    );
    const json = [];
    for (const email of ['Desk@News.Example', 'nobody@news.example']) {
      const res = await kit.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      json.push({ status: res.status, body: await res.text() });
    }
    expect(json[0]).toEqual(json[1]);
    expect(json[0]!.status).toBe(202);

    await kit.worker.runOnce();
    expect(kit.box.sent.map((m) => m.to)).toEqual([
      'editor@news.example',
      'desk@news.example',
    ]);
    const page = await (await kit.request('/admin/sign-in?requested')).text();
    expect(page).toContain(
      'If that address belongs to a moderator, a link to sign in is on its way.',
    );
  });

  it('refuses what is not an address, keeping what was typed as text', async () => {
    const kit = mailApp();
    const typed = '"><script>alert(1)</script>';
    const res = await kit.form('/admin/sign-in', { email: typed });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain(
      'Please enter a valid email address, such as name@example.com.',
    );
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain(
      'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
    expect(page).not.toContain('<script>');
    expect(
      await (await kit.form('/admin/sign-in', { email: '  ' })).text(),
    ).toContain('Please enter the address you moderate with.');
    for (const body of [
      '{"email": 5}',
      '{"__proto__": {"email": "editor@news.example"}}',
      '[]',
      'not json',
    ]) {
      const answer = await kit.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(answer.status, body).toBe(400);
    }
    await kit.worker.runOnce();
    expect(kit.box.sent).toEqual([]);
  });

  it('limits requests per email and per address, answering listed and unlisted alike', async () => {
    const kit = mailApp();
    const ask = (email: string, address: string) =>
      kit.form('/admin/sign-in', { email }, { 'x-test-address': address });
    const refusals = [];
    for (const email of ['editor@news.example', 'stranger@news.example']) {
      for (let i = 0; i < 5; i += 1)
        expect((await ask(email, `203.0.113.${i}`)).status).toBe(303);
      const refused = await ask(email, '203.0.113.99');
      refusals.push({
        status: refused.status,
        retryAfter: refused.headers.get('retry-after'),
        body: await refused.text(),
      });
    }
    expect(refusals[0]).toEqual(refusals[1]);
    expect(refusals[0]).toMatchObject({ status: 429, retryAfter: '900' });
    // Fifteen minutes on, the email may ask again.
    kit.clock.now += 15 * 60_000;
    expect((await ask('editor@news.example', '203.0.113.50')).status).toBe(303);

    // One address asking for many emails: twenty an hour.
    for (let i = 0; i < 20; i += 1)
      expect((await ask(`someone${i}@news.example`, '10.9.9.9')).status).toBe(
        303,
      );
    expect((await ask('editor@news.example', '10.9.9.9')).status).toBe(429);
    const json = await kit.request('/api/auth/sign-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-test-address': '10.9.9.9',
      },
      body: JSON.stringify({ email: 'desk@news.example' }),
    });
    expect(json.status).toBe(429);
    expect(json.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('the sign-in link', () => {
  it('shows a page with one button that changes nothing; the button starts a session', async () => {
    const kit = mailApp();
    const link = await askForLink(kit, 'editor@news.example');
    expect(link).toMatch(
      /^https:\/\/comments\.news\.example\/admin\/sign-in\/[\w-]{43}$/,
    );
    // Mail scanners open links: opening it, however often, changes nothing.
    for (let i = 0; i < 3; i += 1) {
      const page = await kit.request(link!);
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      const text = await page.text();
      expect(text).toContain('editor@news.example');
      expect(text.match(/<button/g)).toHaveLength(1);
      expect(text).toContain('<button type="submit">Sign in</button>');
    }
    const res = await kit.form(link!, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      'https://comments.news.example/admin',
    );
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-dateline-session=[\w-]{43}; /);
    for (const attribute of [
      'Max-Age=604800',
      'Path=/',
      'HttpOnly',
      'Secure',
      'SameSite=Strict',
    ])
      expect(setCookie).toContain(attribute);
    expect(setCookie).not.toContain('Domain');
    const cookie = cookieFrom(res)!;

    const session = await kit.request('/api/auth/session', {
      headers: { cookie },
    });
    expect(await session.json()).toEqual({
      moderator: { email: 'editor@news.example' },
    });
    const queue = await kit.request('/api/admin/comments?status=pending', {
      headers: { cookie },
    });
    expect(queue.status).toBe(200);
    // The session is in the database: only its hash.
    expect(
      await kit.repository.session(cookie.split('=')[1]!, kit.clock.now),
    ).toBeUndefined();
    expect(
      await kit.repository.session(
        hashSecret(cookie.split('=')[1]!),
        kit.clock.now,
      ),
    ).toMatchObject({ email: 'editor@news.example' });
  });

  it('refuses a used, an expired and a forged link, saying which, and changes nothing', async () => {
    const kit = mailApp();
    const used = await askForLink(kit, 'editor@news.example');
    expect((await kit.form(used!, {})).status).toBe(303);
    const expired = await askForLink(kit, 'editor@news.example');
    kit.clock.now += 15 * 60_000;
    const cases = [
      [used!, 410, 'This sign-in link was already used.'],
      [
        expired!,
        410,
        'This sign-in link has expired: links work for 15 minutes.',
      ],
      [
        `${kit.origin}/admin/sign-in/${newSecret()}`,
        404,
        'This sign-in link is not valid',
      ],
      [`${kit.origin}/admin/sign-in/constructor`, 404, 'is not valid'],
    ] as const;
    for (const [link, status, text] of cases)
      for (const res of [await kit.request(link), await kit.form(link, {})]) {
        expect(res.status, link).toBe(status);
        expect(res.headers.get('set-cookie')).toBeNull();
        const page = await res.text();
        expect(page).toContain(text);
        expect(page).toContain('Nothing was changed.');
        expect(page).not.toContain('<button');
      }
  });

  it('uses a plain cookie over http', async () => {
    const kit = mailApp({
      env: { DATELINE_PUBLIC_URL: 'http://localhost:4321' },
    });
    const { res } = await signIn(kit);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^dateline-session=/);
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
  });
});

describe('signing out', () => {
  it('ends the session: the cookie opens nothing any more', async () => {
    const kit = mailApp();
    const { cookie } = await signIn(kit);
    const out = await kit.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, origin: kit.origin },
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true });
    expect(out.headers.get('set-cookie')).toMatch(
      /^__Host-dateline-session=; Max-Age=0; Path=\//,
    );
    const after = await kit.request('/api/admin/comments', {
      headers: { cookie },
    });
    expect(after.status).toBe(401);
  });

  it('goes back to the sign-in page from a form', async () => {
    const kit = mailApp();
    const { cookie } = await signIn(kit);
    const out = await kit.form('/api/auth/sign-out', {}, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe(
      'https://comments.news.example/admin/sign-in',
    );
    expect(
      (await kit.request('/api/auth/session', { headers: { cookie } })).status,
    ).toBe(401);
  });
});

describe('a request from another site', () => {
  it('cannot ask for a link, sign in with one, or sign anyone out', async () => {
    const kit = mailApp();
    const link = await askForLink(kit, 'editor@news.example');
    const { cookie } = await signIn(kit, 'desk@news.example');
    const crossSite = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      // A page on a sibling subdomain is the same site, and still not this service.
      { origin: 'https://news.example', 'sec-fetch-site': 'same-site' },
      { origin: undefined, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const ask = await kit.form(
        '/admin/sign-in',
        { email: 'editor@news.example' },
        headers,
      );
      expect(ask.status, JSON.stringify(headers)).toBe(403);
      expect(await ask.text()).toContain('Nothing was done.');
      const use = await kit.form(link!, {}, headers);
      expect(use.status).toBe(403);
      expect(use.headers.get('set-cookie')).toBeNull();
      const out = await kit.form(
        '/api/auth/sign-out',
        {},
        { cookie, ...headers },
      );
      expect(out.status).toBe(403);
    }
    await kit.worker.runOnce();
    // No request was recorded; the link still works; the session still stands.
    expect(kit.mailsTo('editor@news.example')).toHaveLength(1);
    expect((await kit.form(link!, {})).status).toBe(303);
    expect(
      (await kit.request('/api/auth/session', { headers: { cookie } })).status,
    ).toBe(200);
  });
});

describe('the demo link', () => {
  it('signs in with a token made at start, as the moderation page expects', async () => {
    const kit = mailApp({
      env: {
        DATELINE_SMTP_URL: '',
        DATELINE_MODERATORS: 'demo@news.example',
        DATELINE_PUBLIC_URL: 'http://127.0.0.1:4321',
      },
    });
    const token = newSecret();
    await kit.repository.createSignInToken({
      tokenHash: hashSecret(token),
      email: 'demo@news.example',
      now: T0,
      expiresAt: T0 + 15 * 60_000,
    });
    const res = await kit.form(`/admin/sign-in/${token}`, {});
    expect(res.status).toBe(303);
    const cookie = cookieFrom(res)!;
    expect(
      (await kit.request('/api/admin/comments', { headers: { cookie } }))
        .status,
    ).toBe(200);
    // The admin token still opens the same API, for scripts.
    expect(
      (
        await kit.request('/api/admin/comments', {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).status,
    ).toBe(200);
  });
});
