import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress, publicAddressGuard, type Resolver } from '../../src/ingest/address-guard.ts';
import { fetchText } from '../../src/ingest/fetch.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

describe('isNonPublicAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.5', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['[::1]', true],
    ['fe80::1%eth0', true],
    // NAT64 of the metadata address and of loopback; 6to4 of loopback; IPv4-compatible; SIIT.
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::127.0.0.1', true],
    ['2002:7f00:1::1', true],
    ['::127.0.0.1', true],
    ['::ffff:0:127.0.0.1', true],
    ['::ffff:0:93.184.216.34', true],
    ['fec0::1', true],
    // Documentation, Teredo, discard, local-use NAT64, SRv6, ULA, multicast.
    ['2001:db8::1', true],
    ['3fff::1', true],
    ['2001::1', true],
    ['100::1', true],
    ['64:ff9b:1::1', true],
    ['5f00::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['192.0.2.1', true],
    ['198.51.100.7', true],
    ['203.0.113.9', true],
    ['192.88.99.1', true],
    ['198.19.0.1', true],
    ['255.255.255.255', true],
    ['not-an-address', true],
    ['93.184.216.34', false],
    ['172.32.0.1', false],
    ['198.20.0.1', false],
    ['2606:4700:4700::1111', false],
    ['2a00:1450:4001:80b::200e', false],
    ['::ffff:93.184.216.34', false],
    // A DNS64 resolver gives an IPv4-only public site this address: judged by the IPv4 inside.
    ['64:ff9b::5db8:d822', false],
  ])('%s is non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

const FAST_FETCH = {
  timeoutMs: 2_000,
  retries: 0,
  retryDelayMs: 5,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'test',
  allowPrivateLinks: false,
};

/** A feed on the fixture server (127.0.0.1) whose one item has no content, only a link. */
function feedLinkingTo(link: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
<item><title>An item</title><link>${link}</link><guid>item-1</guid></item></channel></rss>`;
}

describe("a feed's links to private and local addresses", () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  // "localhost" is another host than the feed's 127.0.0.1, on this machine.
  const localhost = () => server.base.replace('127.0.0.1', 'localhost');

  it('refuses an item page on another host that resolves to this machine, before any request', async () => {
    server.route(
      '/feeds/to-localhost.xml',
      'application/rss+xml',
      feedLinkingTo(`${localhost()}/news/market-square`),
    );
    const before = server.hits('/news/market-square');
    const { articles, failures } = await loadArticles([`${server.base}/feeds/to-localhost.xml`]);
    expect(articles).toEqual([]);
    expect(failures[0]?.error.code).toBe('URL_FORBIDDEN');
    expect(failures[0]?.error.message).toMatch(
      /localhost is a private or local address \((127\.0\.0\.1|::1)\)/,
    );
    expect(server.hits('/news/market-square')).toBe(before);
  });

  it('refuses a redirect from the feed host to a private one', async () => {
    const target = encodeURIComponent(`${localhost()}/news/market-square`);
    server.route(
      '/feeds/redirecting.xml',
      'application/rss+xml',
      feedLinkingTo(`${server.base}/redirect-to/${target}`),
    );
    const { failures } = await loadArticles([`${server.base}/feeds/redirecting.xml`]);
    expect(failures[0]?.error.code).toBe('URL_FORBIDDEN');
  });

  it("fetches item pages on the feed's own host, and anywhere with allowPrivateLinks", async () => {
    const own = await loadArticles([`${server.base}/feeds/rss.xml`], { fetch: { retries: 0 } });
    expect(own.failures).toEqual([]);
    expect(own.articles.length).toBeGreaterThan(1);
    server.route(
      '/feeds/to-localhost-2.xml',
      'application/rss+xml',
      feedLinkingTo(`${localhost()}/news/market-square`),
    );
    const allowed = await loadArticles([`${server.base}/feeds/to-localhost-2.xml`], {
      fetch: { allowPrivateLinks: true },
    });
    expect(allowed.failures).toEqual([]);
    expect(allowed.articles).toHaveLength(1);
  });
});

/** A resolver stub: answers from the table and counts the questions; unknown names fail. */
function stubResolver(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

describe('the address guard at connect time (real loopback sockets, a resolver stub)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());
  const port = () => new URL(server.base).port;
  const get = (url: string, resolver: Resolver) =>
    fetchText(url, { accept: 'text/html', guard: publicAddressGuard([], resolver) }, { ...FAST_FETCH });

  it('refuses a name on the addresses the socket itself resolved, before any request', async () => {
    const resolver = stubResolver({
      'rebound.test': ['127.0.0.1'],
      'mixed.test': ['93.184.216.34', '127.0.0.1'],
    });
    const before = server.requests.length;
    for (const host of ['rebound.test', 'mixed.test']) {
      const error = await get(`http://${host}:${port()}/news/market-square`, resolver).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'URL_FORBIDDEN' });
      // The address named is the stub's answer: no other lookup stood between check and connect.
      expect((error as Error).message).toContain(`${host} is a private or local address (127.0.0.1)`);
    }
    expect(resolver.asked).toEqual(['rebound.test', 'mixed.test']);
    expect(server.requests.length).toBe(before);
  });

  it('fails the request when the lookup fails, instead of letting it through', async () => {
    const error = await get(`http://nowhere.test:${port()}/news/market-square`, stubResolver({})).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'FETCH_FAILED' });
    expect((error as Error).message).toMatch(/ENOTFOUND/);
  });

  it('refuses loopback written as an address in any form, before any request', async () => {
    const before = server.requests.length;
    for (const host of ['[::ffff:127.0.0.1]', '[64:ff9b::7f00:1]', '[::127.0.0.1]', '2130706433', '0x7f.1']) {
      const error = await get(`http://${host}:${port()}/news/market-square`, stubResolver({})).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'URL_FORBIDDEN' });
    }
    expect(server.requests.length).toBe(before);
  });

  it("trusts the configured origin's host and port, and its https upgrade, nothing else", () => {
    const guard = publicAddressGuard(['http://10.0.0.7/feed.xml', 'http://127.0.0.1:8080/feed.xml']);
    expect(() => guard.dispatcherFor(new URL('http://10.0.0.7/a'))).not.toThrow();
    expect(() => guard.dispatcherFor(new URL('https://10.0.0.7/a'))).not.toThrow();
    expect(() => guard.dispatcherFor(new URL('http://127.0.0.1:8080/a'))).not.toThrow();
    expect(() => guard.dispatcherFor(new URL('http://10.0.0.7:8025/inbox'))).toThrow(
      /URL_FORBIDDEN|private or local/,
    );
    expect(() => guard.dispatcherFor(new URL('http://127.0.0.1:8025/inbox'))).toThrow(/private or local/);
    expect(() => guard.dispatcherFor(new URL('http://127.0.0.1/a'))).toThrow(/private or local/);
  });
});

describe('a configured feed is trusted on its own host and port, not where it redirects', () => {
  let feedServer: FixtureServer;
  let other: FixtureServer;
  beforeAll(async () => {
    [feedServer, other] = await Promise.all([startFixtureServer(), startFixtureServer()]);
  });
  afterAll(() => Promise.all([feedServer.close(), other.close()]));

  it("does not pull pages from another port of the feed's host (the dev inbox, say) into a digest", async () => {
    feedServer.route(
      '/feeds/to-other-port.xml',
      'application/rss+xml',
      feedLinkingTo(`${other.base}/news/market-square`),
    );
    const { articles, failures } = await loadArticles([`${feedServer.base}/feeds/to-other-port.xml`]);
    expect(articles).toEqual([]);
    expect(failures.map((f) => f.error.code)).toEqual(['URL_FORBIDDEN']);
    expect(other.requests).toEqual([]);
  });

  it('does not follow the feed itself to a loopback address it redirects to, nor read its items', async () => {
    const moved = encodeURIComponent(`${other.base}/feeds/rss.xml`);
    const { articles, failures } = await loadArticles([`${feedServer.base}/redirect-to/${moved}`]);
    expect(articles).toEqual([]);
    expect(failures.map((f) => f.error.code)).toEqual(['URL_FORBIDDEN']);
    expect(other.requests).toEqual([]);
  });

  it('follows redirects within the configured origin and reads its items there', async () => {
    const moved = encodeURIComponent('/feeds/rss.xml');
    const { articles, failures } = await loadArticles([`${feedServer.base}/redirect-to/${moved}`]);
    expect(failures).toEqual([]);
    expect(articles.length).toBeGreaterThan(1);
  });
});
