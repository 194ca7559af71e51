import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { DigestError } from '../errors.ts';
import { isNonPublicAddress } from './address-ranges.ts';

export { isNonPublicAddress } from './address-ranges.ts';

/** Resolves a host name to every address it has (dns.lookup with `all`). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Decides, before each request (redirects too), how a URL may be fetched. */
export interface AddressGuard {
  /**
   * The dispatcher of a request to `url`. Throws URL_FORBIDDEN for an address written in the
   * URL that is not public; a host name is checked when the socket connects (see guardedLookup).
   */
  dispatcherFor(url: URL): Dispatcher;
}

/**
 * The guard of a configured source (none with DIGEST_FETCH_PRIVATE=allow): `configuredUrl` is
 * trusted, a source read from a file trusts no host.
 */
export function sourceGuard(configuredUrl: string | null, allowPrivate: boolean): AddressGuard | undefined {
  return allowPrivate ? undefined : publicAddressGuard(configuredUrl ? [configuredUrl] : []);
}

/**
 * The guard for what a configured source leads to: its redirects and the pages its feed items
 * link to. The origins of `trustedUrls` (the operator's own: host and port, and the https
 * upgrade of an http URL on the default port) pass; any other host may only be reached at
 * public addresses. The decision is taken on the very addresses the socket connects to, so a
 * host that answers a public address to one lookup and a private one to the next (DNS
 * rebinding) is caught; a lookup that fails fails the request.
 */
export function publicAddressGuard(trustedUrls: readonly string[], resolver = systemResolver): AddressGuard {
  const trusted = new Set(trustedUrls.flatMap(trustedOrigins));
  return {
    dispatcherFor(url) {
      if (trusted.has(originOf(url))) return plainAgent();
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && isNonPublicAddress(host)) throw findForbidden(forbidden(host, host), url.href);
      return guardedAgent(resolver);
    },
  };
}

/** The URL_FORBIDDEN error of a request to `url` refused by the guard, found in an error's causes. */
export function findForbidden(error: unknown, url: string): DigestError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DigestError && e.code === 'URL_FORBIDDEN') {
      return new DigestError('URL_FORBIDDEN', `${url}: ${e.message}`, { data: { ...e.data, url } });
    }
  }
  return null;
}

function forbidden(host: string, address: string): DigestError {
  return new DigestError(
    'URL_FORBIDDEN',
    `${host} is a private or local address (${address}); only the configured source's own host and port, or public hosts, may be fetched (DIGEST_FETCH_PRIVATE=allow lifts this)`,
    { data: { host, address } },
  );
}

const agents = new WeakMap<Resolver, Agent>();
let plain: Agent | undefined;

/** Connections to the trusted origins, and every request when no guard applies. */
export function plainAgent(): Agent {
  plain ??= new Agent();
  return plain;
}

/** One connection pool per resolver (one for the process in production), reused by every load. */
function guardedAgent(resolver: Resolver): Agent {
  let agent = agents.get(resolver);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(resolver) } });
    agents.set(resolver, agent);
  }
  return agent;
}

/**
 * The socket's own name resolution: every address of the host must be public, and the socket
 * is given only those addresses, so what was checked is what it connects to.
 */
function guardedLookup(resolver: Resolver): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolver(hostname).then(
      (all) => {
        const blocked = all.find((a) => isNonPublicAddress(a.address));
        const usable = all.filter((a) => !options.family || a.family === options.family);
        const first = usable[0];
        if (blocked) callback(forbidden(hostname, blocked.address), '', 0);
        else if (!first) callback(notFound(hostname), '', 0);
        else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}

function originOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname.toLowerCase()}:${port}`;
}

function trustedOrigins(configured: string): string[] {
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const origin = originOf(url);
  return url.protocol === 'http:' && !url.port ? [origin, `${url.hostname.toLowerCase()}:443`] : [origin];
}
