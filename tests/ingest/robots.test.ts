import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/ingest/load.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

describe('robots.txt of the pages a feed links to', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  /** rss.xml links (without content) to /news/ferry-timetable-changes and /news/market-square. */
  const load = () => loadArticles([`${server.base}/feeds/rss.xml`], { fetch: { retries: 0 } });

  it('skips a disallowed page unrequested, fetches the others, and reads robots.txt once', async () => {
    server.route(
      '/robots.txt',
      'text/plain',
      'User-agent: SomeOtherBot\nDisallow: /\n\nUser-agent: ArticleDigest\nDisallow: /news/market-square\n',
    );
    const robotsBefore = server.hits('/robots.txt');
    const pageBefore = server.hits('/news/market-square');
    const { articles, failures } = await load();
    expect(articles.map((a) => a.title)).toContain('Ferry timetable changes for March');
    expect(articles.map((a) => a.title)).not.toContain('Market square to be closed to cars');
    expect(failures.map((f) => f.error.code)).toEqual(['ROBOTS_DISALLOWED']);
    expect(failures[0]?.error.message).toMatch(/market-square: the site's robots\.txt disallows it/);
    expect(server.hits('/news/market-square')).toBe(pageBefore);
    expect(server.hits('/robots.txt')).toBe(robotsBefore + 1);
  });

  it('follows the rules for every robot when none names us', async () => {
    server.route('/robots.txt', 'text/plain', 'User-agent: *\nDisallow: /news/\n');
    const { articles, failures } = await load();
    // The first item carries its content: nothing to fetch. The two others are refused.
    expect(articles).toHaveLength(1);
    expect(failures.map((f) => f.error.code)).toEqual(['ROBOTS_DISALLOWED', 'ROBOTS_DISALLOWED']);
  });

  it('fetches everything when the site allows it', async () => {
    server.route('/robots.txt', 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    const { articles, failures } = await load();
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(3);
  });
});
