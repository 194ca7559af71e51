import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DigestError } from '../errors.ts';

/**
 * Addresses no link found in a feed may make us fetch: this host, private networks, link-local
 * (cloud metadata services), shared, multicast and reserved ranges (RFC 6890).
 */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True when the address (v4, v6, or v4-mapped v6) is outside the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NOT_PUBLIC.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Decides, before each request (redirects too), whether a URL may be fetched. */
export type AddressGuard = (url: URL) => Promise<void>;

/**
 * The guard for pages that a feed's items link to: the feed is the operator's choice, its
 * links are not. Hosts in `trusted` (the feed's own) pass; any other host must resolve only
 * to public addresses, or the request is refused (URL_FORBIDDEN) before it is made.
 */
export function publicAddressGuard(trusted: string[]): AddressGuard {
  const allowed = new Set(trusted.map((h) => h.toLowerCase()));
  // One resolution per host for the guard's life (one feed's load), not one per link.
  const verdicts = new Map<string, Promise<string | undefined>>();
  const firstNonPublic = async (host: string) => {
    const addresses = isIP(host)
      ? [host]
      : (await lookup(host, { all: true, verbatim: true }).catch(() => [])).map((a) => a.address);
    return addresses.find(isNonPublicAddress);
  };
  return async (url) => {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (allowed.has(host)) return;
    let verdict = verdicts.get(host);
    if (!verdict) {
      verdict = firstNonPublic(host);
      verdicts.set(host, verdict);
    }
    const blocked = await verdict;
    if (blocked) {
      throw new DigestError(
        'URL_FORBIDDEN',
        `${url.href}: ${host} is a private or local address (${blocked}); a feed's links may only lead to public hosts (DIGEST_FETCH_PRIVATE=allow lifts this)`,
        { data: { url: url.href, address: blocked } },
      );
    }
  };
}
