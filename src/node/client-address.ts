import { isIP } from 'node:net';

/** The eight 16-bit groups of an address `isIP` accepted as IPv6. */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [
    ...front,
    ...new Array<number>(8 - front.length - back.length).fill(0),
    ...back,
  ];
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/**
 * An address as proxies and sockets write it, in one canonical form, or `undefined` when the
 * text is not an address. Brackets and a port are dropped, and an IPv4-mapped IPv6 address
 * becomes the IPv4 address it is, so one client never counts as two.
 *
 * @example
 * parseAddress('[2001:DB8::1]:443') // '2001:db8::1'
 * parseAddress('::ffff:203.0.113.9') // '203.0.113.9'
 * parseAddress('unknown') // undefined
 */
export function parseAddress(text: string): string | undefined {
  let s = text.trim();
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else {
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s);
    if (withPort) s = withPort[1]!;
  }
  const kind = isIP(s);
  if (kind === 4) return s;
  if (kind !== 6) return undefined;
  const groups = ipv6Groups(s);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [, , , , , , hi, lo] = groups as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return formatIpv6(groups);
}

/**
 * The address of the client, for rate limits. Behind `hops` reverse proxies, each proxy
 * appends the address it saw to X-Forwarded-For, so the `hops`-th entry from the right was
 * written by the outermost proxy we trust; everything to its left the client wrote itself and
 * is never read. With fewer entries than hops, the leftmost is the furthest any proxy saw.
 * When that entry is not an address, or there is no header, the socket's address is used.
 *
 * @example
 * clientAddress('6.6.6.6, 203.0.113.9', '127.0.0.1', 1) // '203.0.113.9'
 * clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', '10.0.0.3', 2) // '203.0.113.9'
 * clientAddress(undefined, '::ffff:127.0.0.1', 1) // '127.0.0.1'
 */
export function clientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  hops: number,
): string | undefined {
  const socket =
    socketAddress === undefined ? undefined : parseAddress(socketAddress);
  if (hops < 1 || forwardedFor === undefined) return socket;
  const entries = forwardedFor.split(',');
  const entry = entries[Math.max(0, entries.length - hops)]!;
  return parseAddress(entry) ?? socket;
}

/**
 * What the rate limits count as one poster: an IPv4 address, or an IPv6 address's /64
 * network, since every home connection is given a whole /64 and could otherwise post from a
 * new address each time.
 *
 * @example
 * addressForLimits('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function addressForLimits(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  return `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}
