import { describe, expect, it } from 'vitest';
import {
  addressForLimits,
  clientAddress,
  parseAddress,
} from './client-address.js';

describe('clientAddress', () => {
  it('reads the socket when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('6.6.6.6', '203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('takes the entry the proxy wrote, the rightmost, not the one the client wrote', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9', '127.0.0.1', 1)).toBe(
      '203.0.113.9',
    );
    expect(clientAddress('1.1.1.1,2.2.2.2,203.0.113.9', '127.0.0.1', 1)).toBe(
      '203.0.113.9',
    );
  });

  it('gives the same address however the client rotates what it writes', () => {
    const seen = new Set(
      ['1.1.1.1', '2.2.2.2', '3.3.3.3, 4.4.4.4', 'unknown', '', ',,,'].map(
        (forged) =>
          clientAddress(
            `${forged}${forged ? ', ' : ''}203.0.113.9`,
            '127.0.0.1',
            1,
          ),
      ),
    );
    expect([...seen]).toEqual(['203.0.113.9']);
  });

  it('counts hops from the right: two proxies, the second entry from the right', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', '10.0.0.3', 2)).toBe(
      '203.0.113.9',
    );
  });

  it('takes the leftmost entry when there are fewer entries than proxies', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.3', 2)).toBe('203.0.113.9');
  });

  it('falls back to the socket when the header is missing', () => {
    expect(clientAddress(undefined, '203.0.113.9', 1)).toBe('203.0.113.9');
  });

  it('falls back to the socket when the trusted entry is not an address, never to an entry further left', () => {
    for (const header of [
      '6.6.6.6, unknown',
      '6.6.6.6, ',
      '6.6.6.6,',
      '6.6.6.6, 999.1.1.1',
      '6.6.6.6, _hidden',
      '6.6.6.6, 203.0.113.9 evil',
      '',
    ])
      expect(clientAddress(header, '10.0.0.3', 1)).toBe('10.0.0.3');
  });

  it('is undefined when neither the header nor the socket gives an address', () => {
    expect(clientAddress(undefined, undefined, 1)).toBeUndefined();
    expect(clientAddress('garbage', undefined, 1)).toBeUndefined();
  });

  it('finds the proxy’s entry after 10,000 forged ones', () => {
    const forged = `${'6.6.6.6, '.repeat(10_000)}203.0.113.9`;
    expect(clientAddress(forged, '127.0.0.1', 1)).toBe('203.0.113.9');
  });
});

describe('parseAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:51234', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['::FFFF:cb00:7109', '203.0.113.9'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8::0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::1', '::1'],
    ['::', '::'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('%s is %s', (text, address) => {
    expect(parseAddress(text)).toBe(address);
  });

  it.each([
    ['unknown'],
    [''],
    ['_hidden'],
    ['999.1.1.1'],
    ['1.2.3'],
    ['01.2.3.4'],
    ['1::2::3'],
    ['2001:db8::1:443'.repeat(3)],
    ['constructor'],
    ['__proto__'],
    [`[${':'.repeat(10_000)}`],
  ])('%j is not an address', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});

describe('addressForLimits', () => {
  it('counts a whole IPv6 /64 as one poster', () => {
    expect(addressForLimits('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressForLimits('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe(
      '2001:db8:1:2::/64',
    );
    expect(addressForLimits('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });

  it('keeps an IPv4 address as it is', () => {
    expect(addressForLimits('203.0.113.9')).toBe('203.0.113.9');
  });
});
