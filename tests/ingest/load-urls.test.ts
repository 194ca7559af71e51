import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadOptions, loadArticles } from '../../src/ingest/load.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

const FAST: LoadOptions = { fetch: { timeoutMs: 400, retries: 1, retryDelayMs: 5, maxBytes: 256 * 1024 } };

describe('loadArticles with URLs', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('reads a page URL into an article with its canonical URL as identity', async () => {
    const { articles, failures } = await loadArticles([`${server.base}/news/harbour-bridge-reopens`], FAST);
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.id).toBe(`${server.base}/news/harbour-bridge-reopens`);
    expect(articles[0]?.source).toBe(`${server.base}/news/harbour-bridge-reopens`);
    expect(articles[0]?.links).toHaveLength(3);
  });

  it('reads an RSS feed newest first: full content when present, otherwise the item page fetched', async () => {
    const pageHits = server.hits('/news/harbour-bridge-reopens');
    const { articles, failures } = await loadArticles([`${server.base}/feeds/rss.xml`], FAST);
    expect(failures).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual([
      'Market square to be closed to cars',
      'Ferry timetable changes for March',
      'Harbour bridge reopens after eight months of repairs',
    ]);
    const [square, ferry, bridge] = articles;
    expect(square?.body).toMatch(/^Cars will no longer be allowed on the market square/);
    expect(ferry?.body).toContain('Olav Lind');
    expect(ferry?.publishedAt).toBe('2024-03-03');
    // Full content from the feed: the page itself is never asked for.
    expect(bridge?.body).toMatch(/^The harbour bridge reopened to traffic on Friday evening/);
    expect(server.hits('/news/harbour-bridge-reopens')).toBe(pageHits);
    expect(bridge?.id).toBe(`${server.base}/news/harbour-bridge-reopens`);
    expect(bridge?.links).toEqual([
      { title: 'Ferry timetable changes for March', url: `${server.base}/news/ferry-timetable-changes` },
    ]);
  });

  it('reads an Atom feed: HTML content as paragraphs, a summary-only entry from its page', async () => {
    const { articles, failures } = await loadArticles([`${server.base}/feeds/atom.xml`], FAST);
    expect(failures).toEqual([]);
    const [pool, library] = articles;
    expect(pool?.title).toBe('Swimming pool & gym to share one ticket');
    expect(pool?.url).toBe(`${server.base}/2024/02/pool-gym`);
    expect(pool?.body.split('\n\n')).toHaveLength(2);
    expect(library?.body).toContain('Hanne Brekke');
    expect(library?.id).toBe(`${server.base}/pages/library-hours.html`);
  });

  it('tells feeds from pages by content when the content type is vague or wrong', async () => {
    const { articles, failures } = await loadArticles(
      [`${server.base}/feeds/as-text`, `${server.base}/octet-page`, `${server.base}/notes.md`],
      FAST,
    );
    expect(failures).toEqual([]);
    expect(articles.map((a) => a.title)).toEqual([
      'Market square to be closed to cars',
      'Ferry timetable changes for March',
      'Harbour bridge reopens after eight months of repairs',
      'Library extends its evening hours',
      'Allotment waiting list opens',
    ]);
    expect(articles[4]?.url).toBe(`${server.base}/notes.md`);
    expect(articles[4]?.publishedAt).toBe('2024-03-05');
  });

  it('insists on the kind a source declares', async () => {
    const { articles, failures } = await loadArticles(
      [
        { type: 'feed', url: `${server.base}/news/market-square` },
        { type: 'page', url: `${server.base}/feeds/atom.xml` },
        { type: 'feed', url: `${server.base}/feeds/rss.xml`, maxItems: 1 },
      ],
      FAST,
    );
    expect(failures.map((f) => f.error.message)).toEqual([
      `${server.base}/news/market-square: expected a feed, got text/html content`,
      `${server.base}/feeds/atom.xml: expected a page, got a feed`,
    ]);
    expect(articles.map((a) => a.title)).toEqual(['Market square to be closed to cars']);
  });

  it('skips every bad input with its reason and still reads the good ones', async () => {
    const b = server.base;
    const inputs = [
      `${b}/feeds/malformed.xml`,
      `${b}/pages/sign-in`,
      `${b}/gone`,
      `${b}/broken`,
      `${b}/slow`,
      `${b}/huge`,
      `${b}/image.png`,
      'file:///etc/passwd',
      `${b}/news/market-square`,
      `${b}/feeds/partly-broken.xml`,
    ];
    const { articles, failures } = await loadArticles(inputs, FAST);
    expect(articles.map((a) => a.title)).toEqual([
      'Market square to be closed to cars',
      'This item carries its text',
    ]);
    const reasons = Object.fromEntries(
      failures.map((f) => [f.source, `${f.error.code}: ${f.error.message}`]),
    );
    expect(reasons[`${b}/feeds/malformed.xml`]).toMatch(/^FEED_MALFORMED: .*malformed XML at line/);
    expect(reasons[`${b}/pages/sign-in`]).toMatch(/^ARTICLE_UNREADABLE: .*no article found in the page/);
    expect(reasons[`${b}/gone`]).toMatch(/^ARTICLE_NOT_FOUND: .*HTTP 404/);
    expect(reasons[`${b}/broken`]).toMatch(/^FETCH_FAILED: .*HTTP 500/);
    expect(reasons[`${b}/slow`]).toMatch(/^FETCH_TIMEOUT: .*within 400 ms/);
    expect(reasons[`${b}/huge`]).toMatch(/^FETCH_TOO_LARGE: /);
    expect(reasons[`${b}/image.png`]).toMatch(/^CONTENT_UNSUPPORTED: .*image\/png/);
    expect(reasons['file:///etc/passwd']).toMatch(/^URL_UNSUPPORTED: .*only http and https/);
    expect(reasons[`${b}/missing`]).toMatch(/^ARTICLE_NOT_FOUND: /);
    expect(failures).toHaveLength(9);
  });

  it('reads each article once when two sources give the same one', async () => {
    const { articles } = await loadArticles(
      [`${server.base}/feeds/rss.xml`, `${server.base}/news/ferry-timetable-changes`],
      FAST,
    );
    expect(articles.filter((a) => a.title.startsWith('Ferry'))).toHaveLength(1);
  });
});
