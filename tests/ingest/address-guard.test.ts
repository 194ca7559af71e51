import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../../src/ingest/address-guard.ts';
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
    ['93.184.216.34', false],
    ['172.32.0.1', false],
    ['2001:db8::1', false],
    ['::ffff:93.184.216.34', false],
  ])('%s is non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

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
