import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULTS,
  readConfig,
  SETTING_NAMES,
  unknownSettings,
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
      adminToken: undefined,
      moderation: 'first-time',
      origins: [],
      trustProxy: 0,
      floodSeconds: 15,
      maxLinks: 2,
      requestSeconds: 30,
      shutdownSeconds: 10,
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
    });
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
