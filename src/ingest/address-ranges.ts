import { BlockList, isIP } from 'node:net';

/**
 * IPv4 blocks of IANA's IPv4 Special-Purpose Address Registry (RFC 6890 and its updates) and
 * of the multicast and reserved space: this host, private networks, shared address space,
 * link-local (cloud metadata services), protocol assignments, documentation, benchmarking,
 * AS112 and AMT anycast, the 6to4 relay anycast, multicast, reserved and broadcast. None
 * serves news; all are refused for links found in feeds.
 */
const SPECIAL_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.31.196.0', 24],
  ['192.52.193.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['192.175.48.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/**
 * IPv6: IANA allocates only 2000::/3 as global unicast; everything outside it (unspecified,
 * loopback, IPv4-compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d, discard 100::/64, local-use
 * NAT64 64:ff9b:1::/48, SRv6 5f00::/16, unique-local fc00::/7, link-local fe80::/10,
 * site-local fec0::/10, multicast ff00::/8, the reserved rest) is refused. Inside it, these
 * special-purpose blocks are refused too: IETF protocol assignments 2001::/23 (Teredo, ORCHID,
 * benchmarking...), documentation 2001:db8::/32 and 3fff::/20, 6to4 2002::/16 (it embeds any
 * IPv4 address, loopback included; its relays are gone, RFC 7526), AS112 2620:4f:8000::/48.
 */
const SPECIAL_V6: [string, number][] = [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['2620:4f:8000::', 48],
  ['3fff::', 20],
];

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of SPECIAL_V4) NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of SPECIAL_V6) NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

/**
 * True when the address is outside the public internet (see the tables above). IPv4-mapped
 * (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96, RFC 6052) addresses are judged by the IPv4 address
 * they carry: DNS64 resolvers give every IPv4-only site a 64:ff9b:: address, so refusing the
 * whole prefix would refuse every such site on an IPv6-only network. Anything that is not an
 * IP address is non-public.
 */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return NOT_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return true;
  const words = ipv6Words(bare);
  const embedded = embeddedIpv4(words);
  if (embedded) return NOT_PUBLIC.check(embedded, 'ipv4');
  return !GLOBAL_UNICAST.check(bare, 'ipv6') || NOT_PUBLIC.check(bare, 'ipv6');
}

/** The IPv4 address in an IPv4-mapped or NAT64 well-known-prefix address, else null. */
function embeddedIpv4(words: number[]): string | null {
  const mapped = words.slice(0, 6).join(':') === '0:0:0:0:0:65535';
  const nat64 = words.slice(0, 6).join(':') === `${0x64}:${0xff9b}:0:0:0:0`;
  if (!mapped && !nat64) return null;
  const [high = 0, low = 0] = words.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit words of a valid IPv6 address (a trailing dotted quad counts as two). */
function ipv6Words(address: string): number[] {
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}
