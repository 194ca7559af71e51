import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestError } from '../../src/errors.ts';
import { extractPageArticle, resolveExtractOptions } from '../../src/ingest/extract.ts';
import { ExtractPool } from '../../src/ingest/extract-pool.ts';
import { checkHtmlBounds } from '../../src/ingest/html-bounds.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';
import { nestedPage } from './hostile-pages.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

const rejectionOf = async (promise: Promise<unknown>): Promise<DigestError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DigestError)) throw new Error(`expected a DigestError, got ${String(error)}`);
  return error;
};

describe('checkHtmlBounds', () => {
  const bounds = { maxDepth: 20, maxElements: 5_000 };

  it('passes real pages, and markup whose ends are implied (<p>, <li>, <td>, void elements)', () => {
    for (const name of ['harbour-bridge.html', 'library-hours.html', 'market-square.html']) {
      expect(() => checkHtmlBounds(fixture(name), bounds, name)).not.toThrow();
    }
    // Counted as linkedom builds the tree (the tree Readability walks): a <li> ends the <li>
    // before it, a <p> the <p> before it.
    const implied = `<ul>${'<li>one<br><img src=x>'.repeat(500)}</ul>${'<p>two'.repeat(500)}<table>${'<tr><td>a<td>b'.repeat(200)}</table>`;
    expect(() => checkHtmlBounds(implied, bounds, 'implied')).not.toThrow();
  });

  it('refuses nesting past maxDepth and elements past maxElements, naming the page and the limit', () => {
    expect(() => checkHtmlBounds(nestedPage(21), bounds, 'deep.html')).toThrow(
      /deep\.html: the page nests elements more than 20 deep/,
    );
    const many = `<body>${'<span>x</span>'.repeat(5_001)}</body>`;
    const error = (() => {
      try {
        checkHtmlBounds(many, bounds, 'many.html');
      } catch (e) {
        return e as DigestError;
      }
    })();
    expect(error?.code).toBe('PAGE_TOO_COMPLEX');
    expect(error?.message).toMatch(/many\.html: the page has more than 5000 elements/);
  });
});

describe('article extraction in a worker thread', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('refuses a 100,000-deep page at once with PAGE_TOO_COMPLEX and still reads the other sources', async () => {
    server.route('/hostile/deep', 'text/html', nestedPage(100_000));
    const { articles, failures } = await loadArticles([
      `${server.base}/hostile/deep`,
      `${server.base}/news/market-square`,
    ]);
    expect(articles.map((a) => a.title)).toEqual(['Market square to be closed to cars']);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.error.code).toBe('PAGE_TOO_COMPLEX');
    expect(failures[0]?.error.message).toContain(`${server.base}/hostile/deep: the page nests elements`);
  });

  it("applies the same bounds to a feed item's own content", async () => {
    const deep = `${'<div>'.repeat(5_000)}<p>${'Too deep to read. '.repeat(20)}</p>${'</div>'.repeat(5_000)}`;
    const ok = `<p>${'The ferry runs every hour from the quay until the end of March. '.repeat(5)}</p>`;
    const item = (title: string, html: string) =>
      `<item><title>${title}</title><guid>${title}</guid><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
    server.route(
      '/feeds/deep-content.xml',
      'application/rss+xml',
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>F</title>${item('Deep', deep)}${item('Ferry', ok)}</channel></rss>`,
    );
    const { articles, failures } = await loadArticles([`${server.base}/feeds/deep-content.xml`]);
    expect(articles.map((a) => a.title)).toEqual(['Ferry']);
    expect(failures.map((f) => f.error.code)).toEqual(['PAGE_TOO_COMPLEX']);
  });

  it('stops a runaway page at its deadline (EXTRACT_TIMEOUT), and a fresh worker reads the next page', async () => {
    const pool = new ExtractPool({ size: 1 });
    try {
      // Without bounds, 2,000 nested divs keep Readability busy for over a minute.
      const unbounded = resolveExtractOptions({ maxDepth: Infinity, timeoutMs: 1_500, pool });
      const runaway = extractPageArticle(nestedPage(2_000), 'http://x.example/deep', 'deep page', unbounded);
      const next = extractPageArticle(
        fixture('market-square.html'),
        'http://x.example/market',
        'market',
        resolveExtractOptions({ pool }),
      );
      const error = await rejectionOf(runaway);
      expect(error.code).toBe('EXTRACT_TIMEOUT');
      expect(error.message).toBe('deep page: extracting the article took longer than 1500 ms; stopped');
      expect((await next).title).toBe('Market square to be closed to cars');
    } finally {
      await pool.close();
    }
  });

  it("fails only the page that exhausts a worker's heap (EXTRACT_FAILED), then goes on", async () => {
    const pool = new ExtractPool({ size: 1, heapMb: 16 });
    try {
      const rows = '<tr><td>cell</td><td><a href="/x">link</a></td></tr>'.repeat(60_000);
      const huge = `<html><body><table>${rows}</table></body></html>`;
      const options = resolveExtractOptions({ maxElements: Infinity, pool });
      const error = await rejectionOf(
        extractPageArticle(huge, 'http://x.example/huge', 'huge page', options),
      );
      expect(error.code).toBe('EXTRACT_FAILED');
      expect(error.message).toMatch(
        /^huge page: the page needed more than the extraction worker's 16 MB heap/,
      );
      const after = await extractPageArticle(
        fixture('market-square.html'),
        'http://x.example/m',
        'm',
        options,
      );
      expect(after.title).toBe('Market square to be closed to cars');
    } finally {
      await pool.close();
    }
  });
});
