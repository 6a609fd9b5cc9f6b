import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULTS,
  isModerator,
  readConfig,
  SETTING_NAMES,
  shownDatabaseUrl,
  shownSmtpUrl,
  unknownSettings,
  webhookKey,
} from './config.js';

function refusal(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

describe('readConfig', () => {
  it('starts from documented defaults when nothing is set', () => {
    expect(readConfig({})).toEqual({
      port: 4321,
      host: '127.0.0.1',
      database: resolve('.data/dateline.sqlite'),
      databaseUrl: undefined,
      adminToken: undefined,
      moderation: 'first-time',
      origins: [],
      trustProxy: 0,
      floodSeconds: 15,
      maxLinks: 2,
      requestSeconds: 30,
      shutdownSeconds: 10,
      moderators: [],
      smtpUrl: undefined,
      mailFrom: undefined,
      publicUrl: undefined,
      mailRetrySeconds: 60,
      webhooks: [],
      webhookSecret: undefined,
    });
  });

  it('treats an empty or blank value as unset', () => {
    const blank = Object.fromEntries(SETTING_NAMES.map((n) => [n, '  ']));
    expect(readConfig(blank)).toEqual(readConfig({}));
    expect(readConfig({ DATELINE_ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
  });

  it('lets the environment override the demo defaults, and not the other way round', () => {
    expect(readConfig({}, { moderation: 'none' }).moderation).toBe('none');
    expect(
      readConfig({ DATELINE_MODERATION: 'all' }, { moderation: 'none' })
        .moderation,
    ).toBe('all');
  });

  it('reads every setting it is given', () => {
    const config = readConfig({
      PORT: ' 8080 ',
      HOST: '0.0.0.0',
      DATELINE_DB: 'data/comments.sqlite',
      DATELINE_MODERATION: 'All',
      DATELINE_ADMIN_TOKEN: 'moderator-token-0123456789abcdef',
      DATELINE_ORIGINS: 'https://News.Example:443/, http://localhost:8000,,',
      DATELINE_TRUST_PROXY: '2',
      DATELINE_FLOOD_SECONDS: '0',
      DATELINE_REQUEST_SECONDS: '5',
      DATELINE_SHUTDOWN_SECONDS: '0',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      database: resolve('data/comments.sqlite'),
      adminToken: 'moderator-token-0123456789abcdef',
      moderation: 'all',
      // As browsers send them in Origin: lower case, no default port, no slash.
      origins: ['https://news.example', 'http://localhost:8000'],
      trustProxy: 2,
      floodSeconds: 0,
      maxLinks: 2,
      requestSeconds: 5,
      shutdownSeconds: 0,
      moderators: [],
      smtpUrl: undefined,
      mailFrom: undefined,
      publicUrl: undefined,
      mailRetrySeconds: 60,
      webhooks: [],
      webhookSecret: undefined,
    });
  });

  it('reads the mail settings: moderators, the mail server, the sender and the public address', () => {
    const config = readConfig({
      DATELINE_MODERATORS:
        ' editor@news.example, Desk@News.Example ,, desk@news.example',
      DATELINE_SMTP_URL: 'smtps://mailer:p%40ss@mail.news.example:465',
      DATELINE_MAIL_FROM: '"Dateline, comments" <comments@news.example>',
      DATELINE_PUBLIC_URL: 'https://News.Example/comments/',
      DATELINE_MAIL_RETRY_SECONDS: '5',
    });
    expect(config).toMatchObject({
      // The same address twice is one moderator; the first spelling is kept.
      moderators: ['editor@news.example', 'Desk@News.Example'],
      smtpUrl: 'smtps://mailer:p%40ss@mail.news.example:465',
      mailFrom: {
        name: 'Dateline, comments',
        address: 'comments@news.example',
      },
      publicUrl: 'https://news.example/comments',
      mailRetrySeconds: 5,
    });
    expect(
      readConfig({ DATELINE_MAIL_FROM: 'comments@news.example' }).mailFrom,
    ).toEqual({ address: 'comments@news.example' });
    expect(
      readConfig({ DATELINE_PUBLIC_URL: 'http://localhost:4321' }).publicUrl,
    ).toBe('http://localhost:4321');
  });

  it('tells moderators apart from everyone else, ignoring case', () => {
    const config = readConfig({ DATELINE_MODERATORS: 'Editor@News.Example' });
    expect(isModerator(config, 'editor@news.example')).toBe(true);
    expect(isModerator(config, 'EDITOR@NEWS.EXAMPLE')).toBe(true);
    expect(isModerator(config, 'editor@news.example.evil')).toBe(false);
    expect(isModerator(config, 'constructor')).toBe(false);
  });

  it('reads DATELINE_TRUST_PROXY as a number of proxies, and true/false as 1/0', () => {
    const hops = (v: string) =>
      readConfig({ DATELINE_TRUST_PROXY: v }).trustProxy;
    expect(hops('1')).toBe(1);
    expect(hops('true')).toBe(1);
    expect(hops('TRUE')).toBe(1);
    expect(hops('yes')).toBe(1);
    expect(hops('0')).toBe(0);
    expect(hops('false')).toBe(0);
    expect(hops('off')).toBe(0);
    expect(hops('3')).toBe(3);
  });

  it('accepts host names and IPv6 addresses for HOST, with or without brackets', () => {
    const host = (v: string) => readConfig({ HOST: v }).host;
    expect(host('localhost')).toBe('localhost');
    expect(host('::')).toBe('::');
    expect(host('[::1]')).toBe('::1');
    expect(host('comments.internal.example')).toBe('comments.internal.example');
  });

  it('keeps :memory: as it is rather than as a file of that name', () => {
    expect(readConfig({ DATELINE_DB: ':memory:' }).database).toBe(':memory:');
  });

  it('exports the defaults it documents', () => {
    expect(readConfig({})).toMatchObject({
      port: DEFAULTS.port,
      host: DEFAULTS.host,
      floodSeconds: DEFAULTS.floodSeconds,
    });
  });
});

const WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('the PostgreSQL setting', () => {
  it('keeps SQLite unless DATABASE_URL names a PostgreSQL database', () => {
    expect(readConfig({}).databaseUrl).toBeUndefined();
    for (const url of [
      'postgres://dateline:s3cret@db.example:5432/dateline',
      'postgresql://dateline@10.0.0.5/comments?sslmode=require',
      'postgres://dateline@[::1]:5433/dateline',
      'postgres:///dateline?host=/run/postgresql',
      'postgres://db.example',
    ])
      expect(readConfig({ DATABASE_URL: ` ${url} ` }).databaseUrl).toBe(url);
    // SQLite's setting is still read, for the commands that copy from it.
    expect(
      readConfig({
        DATABASE_URL: 'postgres://db.example/dateline',
        DATELINE_DB: 'old.sqlite',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://db.example/dateline',
      database: resolve('old.sqlite'),
    });
  });

  it.each([
    ['mysql://dateline:hunter2-secret@db.example/dateline'],
    ['http://dateline:hunter2-secret@db.example/dateline'],
    ['postgres://dateline:hunter2-secret@/dateline'],
    ['postgres://dateline:hunter2-secret@db.example/two/parts'],
    ['postgres://dateline:hunter2-secret@db.example/dateline#top'],
    ['postgres://dateline:hunter2-secret@-bad-.example/dateline'],
    ['postgres://dateline:hunter2-secret@db.example:99999/dateline'],
    ['postgres://dateline:12/hunter2@db.example/dateline'],
    ['postgres://dateline:hunter2@secret@db.example/a/b'],
  ])('DATABASE_URL=%s, with the password masked', (value) => {
    const message = refusal({ DATABASE_URL: value });
    expect(message).toMatch(
      /^DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/dateline:password@db\.example:5432\/dateline .*, not ".*dateline:\*\*\*\*@.*"\.$/,
    );
    expect(message).not.toContain('hunter2');
  });

  it('DATABASE_URL that is no URL at all, too long, or holds its password in the query, without showing it', () => {
    for (const value of [
      `postgres://dateline:hunter2-secret@${'a'.repeat(2048)}.example/d`,
      'dateline:hunter2-secret@db.example/dateline',
      'postgres:/dateline:hunter2@db.example/dateline',
      'postgres://db.example:99999/dateline?password=hunter2',
    ]) {
      const message = refusal({ DATABASE_URL: value });
      expect(message).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
      expect(message).not.toContain('hunter2');
    }
  });

  it('shows a PostgreSQL URL without its password or its options', () => {
    expect(
      shownDatabaseUrl(
        'postgres://dateline:s3cret@db.example:5432/dateline?sslmode=require&password=x',
      ),
    ).toBe('postgres://dateline:****@db.example:5432/dateline?…');
    expect(shownDatabaseUrl('postgres://db.example/dateline')).toBe(
      'postgres://db.example/dateline',
    );
    expect(shownDatabaseUrl('postgres://u:a/b?c@d@db.example/x')).toBe(
      'postgres://u:****@db.example/x',
    );
    expect(shownDatabaseUrl('db.example secret')).toBeUndefined();
  });
});

describe('the webhook settings', () => {
  it('reads the webhook URLs, each once, and the signing secret', () => {
    const config = readConfig({
      DATELINE_WEBHOOKS:
        ' https://hooks.slack.example/services/T0/B0/xyz , http://127.0.0.1:8080/hook?k=1,https://hooks.slack.example/services/T0/B0/xyz',
      DATELINE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    expect(config.webhooks).toEqual([
      'https://hooks.slack.example/services/T0/B0/xyz',
      'http://127.0.0.1:8080/hook?k=1',
    ]);
    expect(config.webhookSecret).toBe(WEBHOOK_SECRET);
  });

  it('accepts secrets of 24 to 64 bytes, as Standard Webhooks asks', () => {
    for (const bytes of [24, 64])
      expect(
        webhookKey(`whsec_${Buffer.alloc(bytes, 1).toString('base64')}`),
      ).toHaveLength(bytes);
    for (const bytes of [0, 16, 23, 65, 1000])
      expect(
        webhookKey(`whsec_${Buffer.alloc(bytes, 1).toString('base64')}`),
      ).toBeUndefined();
  });

  it.each([
    ['without the whsec_ prefix', Buffer.alloc(32, 7).toString('base64')],
    ['that is not base64', `whsec_${'!'.repeat(44)}`],
    ['too short', `whsec_${Buffer.alloc(16, 7).toString('base64')}`],
    ['huge', `whsec_${'A'.repeat(1_000_000)}`],
    ['made of prototype keys', 'whsec___proto__constructor'],
  ])('refuses a secret %s, without echoing it', (_what, value) => {
    const message = refusal({
      DATELINE_WEBHOOKS: 'https://hooks.news.example/dateline',
      DATELINE_WEBHOOK_SECRET: value,
    });
    expect(message).toBe(
      'DATELINE_WEBHOOK_SECRET must be a Standard Webhooks secret: whsec_ and the base64 of 24 to 64 random bytes; make one with `echo whsec_$(openssl rand -base64 32)`.',
    );
    expect(message).not.toContain(value.slice(6, 30));
  });

  it('refuses webhooks without a secret: an unsigned one could be forged', () => {
    expect(
      refusal({ DATELINE_WEBHOOKS: 'https://hooks.news.example/dateline' }),
    ).toMatch(/^DATELINE_WEBHOOK_SECRET must be set when DATELINE_WEBHOOKS is/);
  });

  it.each([
    ['ftp://hooks.news.example/x', undefined],
    ['file:///etc/passwd', undefined],
    ['https://user:hunter2@hooks.news.example/x', 'https://hooks.news.example'],
    ['https://hooks.news.example/x#frag', 'https://hooks.news.example'],
    ['hooks.news.example/x', undefined],
    ['https://*.news.example/x', undefined],
  ])(
    'refuses the webhook URL %s, showing its origin at most',
    (url, origin) => {
      const message = refusal({
        DATELINE_WEBHOOKS: `https://ok.news.example/hook, ${url}`,
        DATELINE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      });
      expect(message).toMatch(
        /^DATELINE_WEBHOOKS lists .* that is not an http\(s\) URL to post webhooks to/,
      );
      if (origin) expect(message).toContain(`"${origin}"`);
      expect(message).not.toContain('hunter2');
      expect(message).not.toContain('/x');
    },
  );
});

describe('readConfig refuses a bad setting, naming it', () => {
  it.each([
    ['abc'],
    ['-1'],
    ['1.5'],
    ['1e3'],
    ['0x10'],
    ['15s'],
    ['86401'],
    ['99999999999999999999'],
  ])('DATELINE_FLOOD_SECONDS=%s', (value) => {
    expect(refusal({ DATELINE_FLOOD_SECONDS: value })).toBe(
      `DATELINE_FLOOD_SECONDS must be a whole number of seconds from 0 (no limit) to 86400 (a day), not "${value}".`,
    );
  });

  it.each([['eighty'], ['65536'], ['-1'], ['80.0'], ['4321abc'], ['0b1']])(
    'PORT=%s',
    (value) => {
      expect(refusal({ PORT: value })).toBe(
        `PORT must be a port number from 0 to 65535, not "${value}".`,
      );
    },
  );

  it.each([
    ['http://127.0.0.1'],
    ['127.0.0.1:4321'],
    ['*'],
    ['-bad.example'],
    ['a b'],
    ['[not-ipv6]'],
    ['1::2::3'],
    ['x'.repeat(254)],
  ])('HOST=%s', (value) => {
    expect(refusal({ HOST: value })).toMatch(
      /^HOST must be an IP address or host name to listen on, such as 127\.0\.0\.1 \(this machine only\) or 0\.0\.0\.0 \(every interface\), not ".*"\.$/,
    );
  });

  it.each([['.data/'], ['/srv/dateline/'], ['comments\0.sqlite']])(
    'DATELINE_DB=%j',
    (value) => {
      expect(refusal({ DATELINE_DB: value })).toMatch(
        /^DATELINE_DB must be the path of the SQLite file, not of a folder, not ".*"\.$/,
      );
    },
  );

  it.each([['sometimes'], ['first_time'], ['constructor'], ['__proto__']])(
    'DATELINE_MODERATION=%s',
    (value) => {
      expect(refusal({ DATELINE_MODERATION: value })).toBe(
        `DATELINE_MODERATION must be one of first-time, all, none, not "${value}".`,
      );
    },
  );

  it('DATELINE_ADMIN_TOKEN too short, without echoing the secret', () => {
    const message = refusal({ DATELINE_ADMIN_TOKEN: 'short-secret' });
    expect(message).toBe(
      'DATELINE_ADMIN_TOKEN must be at least 16 characters long; make one with `openssl rand -hex 32`.',
    );
    expect(message).not.toContain('short-secret');
  });

  it('DATELINE_ADMIN_TOKEN with a space or a character no header can carry', () => {
    for (const token of [
      'correct horse battery staple',
      'moderator-token-ü-0123456789',
    ]) {
      const message = refusal({ DATELINE_ADMIN_TOKEN: token });
      expect(message).toBe(
        'DATELINE_ADMIN_TOKEN may hold only visible ASCII characters, without spaces; make one with `openssl rand -hex 32`.',
      );
      expect(message).not.toContain(token);
    }
  });

  it.each([
    ['news.example'],
    ['https://news.example/comments'],
    ['https://news.example?x'],
    ['https://user@news.example'],
    ['ftp://news.example'],
    ['*'],
    ['https://*.news.example'],
    ['javascript:alert(1)'],
  ])('DATELINE_ORIGINS=%s, naming the entry', (value) => {
    expect(
      refusal({ DATELINE_ORIGINS: `https://good.example, ${value}` }),
    ).toBe(
      `DATELINE_ORIGINS lists "${value}", which is not an origin such as https://news.example (a scheme, a host and an optional port; no path, no "*").`,
    );
  });

  it.each([['abc'], ['-1'], ['1.0'], ['100'], ['maybe']])(
    'DATELINE_TRUST_PROXY=%s',
    (value) => {
      expect(refusal({ DATELINE_TRUST_PROXY: value })).toBe(
        `DATELINE_TRUST_PROXY must be the number of reverse proxies in front of Dateline (0 for none, 1 for one such as nginx), not "${value}".`,
      );
    },
  );

  it.each([['0'], ['301'], ['ten']])('DATELINE_REQUEST_SECONDS=%s', (value) => {
    expect(refusal({ DATELINE_REQUEST_SECONDS: value })).toBe(
      `DATELINE_REQUEST_SECONDS must be a whole number of seconds from 1 to 300, not "${value}".`,
    );
  });

  it.each([['601'], ['-5'], ['soon']])(
    'DATELINE_SHUTDOWN_SECONDS=%s',
    (value) => {
      expect(refusal({ DATELINE_SHUTDOWN_SECONDS: value })).toBe(
        `DATELINE_SHUTDOWN_SECONDS must be a whole number of seconds from 0 to 600, not "${value}".`,
      );
    },
  );

  it.each([
    ['http://mailer:hunter2-secret@mail.example'],
    ['smtp://mailer:hunter2-secret@mail.example/inbox'],
    ['smtp://mailer:hunter2-secret@mail.example?pool=true'],
    ['smtp://mailer:hunter2-secret@-bad-.example'],
    ['smtp://mailer:hunter2 secret@mail.example:99999'],
    ['smtp://mailer:12/hunter2@mail.example'],
    ['smtp://mailer:hunter2@secret@mail.example/x'],
  ])('DATELINE_SMTP_URL=%s, with the password masked', (value) => {
    const message = refusal({ DATELINE_SMTP_URL: value });
    expect(message).toMatch(
      /^DATELINE_SMTP_URL must be a mail server URL such as smtp:\/\/user:password@mail\.example:587 .*, not ".*mailer:\*\*\*\*@.*"\.$/,
    );
    expect(message).not.toContain('hunter2');
  });

  it('DATELINE_SMTP_URL that is no URL at all, without showing any of it', () => {
    for (const value of [
      'mailer:hunter2-secret@mail.example',
      'smtp:/mailer:hunter2@mail.example',
    ]) {
      const message = refusal({ DATELINE_SMTP_URL: value });
      expect(message).toContain(
        'not what it is (not shown: it may hold a password)',
      );
      expect(message).not.toContain('hunter2');
    }
  });

  it('shows an SMTP URL with its password masked', () => {
    expect(shownSmtpUrl('smtp://u:secret@mail.example:587')).toBe(
      'smtp://u:****@mail.example:587',
    );
    expect(shownSmtpUrl('smtp://mail.example')).toBe('smtp://mail.example');
    expect(shownSmtpUrl('smtp://u:a/b?c@d@mail.example')).toBe(
      'smtp://u:****@mail.example',
    );
    expect(shownSmtpUrl('not a url, secret')).toBeUndefined();
  });

  it('needs a sender and a public address before it sends mail', () => {
    const message = refusal({
      DATELINE_SMTP_URL: 'smtp://mailer:hunter2@mail.example:587',
    });
    expect(message).toBe(
      'DATELINE_MAIL_FROM must be set when DATELINE_SMTP_URL is: the address mail comes from, such as Dateline <comments@news.example>. DATELINE_PUBLIC_URL must be set when DATELINE_SMTP_URL is: the address people open the service at, which the links in mail use, such as https://comments.news.example.',
    );
    expect(
      readConfig({
        DATELINE_SMTP_URL: 'smtp://mail.example:25',
        DATELINE_MAIL_FROM: 'comments@news.example',
        DATELINE_PUBLIC_URL: 'https://comments.news.example',
      }).smtpUrl,
    ).toBe('smtp://mail.example:25');
  });

  it.each([
    ['editor'],
    ['editor@'],
    ['Editor <editor@news.example>'],
    ['constructor'],
    ['__proto__'],
  ])('DATELINE_MODERATORS lists %s, naming the entry', (value) => {
    expect(
      refusal({ DATELINE_MODERATORS: `desk@news.example, ${value}` }),
    ).toBe(
      `DATELINE_MODERATORS lists "${value}", which is not an email address such as editor@news.example.`,
    );
  });

  it.each([
    ['comments'],
    ['Dateline <comments>'],
    ['Dateline <comments@news.example'],
    ['Dateline\r\nBcc: all@example.com <comments@news.example>'],
    ['Date<line <comments@news.example>'],
  ])('DATELINE_MAIL_FROM=%j', (value) => {
    expect(refusal({ DATELINE_MAIL_FROM: value })).toMatch(
      /^DATELINE_MAIL_FROM must be the address mail comes from, such as comments@news\.example or Dateline <comments@news\.example>, not ".*"\.$/,
    );
  });

  it.each([
    ['comments.news.example'],
    ['ftp://news.example'],
    ['https://user:pw@news.example'],
    ['https://news.example/?page=1'],
    ['https://news.example/#top'],
    ['javascript:alert(1)'],
    ['https://*.news.example'],
  ])('DATELINE_PUBLIC_URL=%s', (value) => {
    expect(refusal({ DATELINE_PUBLIC_URL: value })).toMatch(
      /^DATELINE_PUBLIC_URL must be the address people open the service at, such as https:\/\/comments\.news\.example .*, not ".*"\.$/,
    );
  });

  it.each([['0'], ['3601'], ['soon']])(
    'DATELINE_MAIL_RETRY_SECONDS=%s',
    (value) => {
      expect(refusal({ DATELINE_MAIL_RETRY_SECONDS: value })).toBe(
        `DATELINE_MAIL_RETRY_SECONDS must be a whole number of seconds from 1 to 3600, not "${value}".`,
      );
    },
  );

  it('names every bad setting at once, on one line', () => {
    const message = refusal({
      PORT: 'eighty',
      DATELINE_FLOOD_SECONDS: 'abc',
    });
    expect(message).toContain('PORT must be');
    expect(message).toContain('DATELINE_FLOOD_SECONDS must be');
    expect(message).not.toContain('\n');
  });

  it('quotes a value with line breaks or control characters on one line, and shortens a long one', () => {
    const message = refusal({ PORT: `80\n\u001b[2Jrm -rf ${'x'.repeat(200)}` });
    expect(message).not.toContain('\n');
    expect(message).not.toContain('\u001b');
    expect(message).toContain('\\n\\u001b[2J');
    expect(message.length).toBeLessThan(200);
  });

  it('ignores inherited keys: only the environment’s own values count', () => {
    const env = Object.create({ DATELINE_FLOOD_SECONDS: 'abc' }) as Record<
      string,
      string
    >;
    expect(readConfig(env).floodSeconds).toBe(15);
  });
});

describe('unknownSettings', () => {
  it('warns about a misspelt setting and suggests the one meant', () => {
    expect(
      unknownSettings({
        DATELINE_FLOOD_SECOND: '30',
        DATELINE_FLOOD_SECONDS: '30',
        PATH: '/usr/bin',
      }),
    ).toEqual([
      'DATELINE_FLOOD_SECOND is not a Dateline setting and is ignored (did you mean DATELINE_FLOOD_SECONDS?).',
    ]);
  });

  it('warns without a suggestion when nothing is close', () => {
    expect(unknownSettings({ DATELINE_COLOUR: 'blue' })).toEqual([
      'DATELINE_COLOUR is not a Dateline setting and is ignored.',
    ]);
  });

  it('knows every setting it reads', () => {
    expect(
      unknownSettings(Object.fromEntries(SETTING_NAMES.map((n) => [n, '1']))),
    ).toEqual([]);
  });
});
