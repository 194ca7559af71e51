import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/ingest/load.ts';

const BASE = 'https://coastal-ledger.example';
const fixture = (name: string, base = BASE) =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8').replaceAll('{{BASE}}', base);

describe('saved pages and feeds on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-local-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extracts a saved HTML page as a fetched one, without addresses into this disk', async () => {
    const file = join(dir, 'bridge.html');
    writeFileSync(file, fixture('harbour-bridge.html'));
    const { articles, failures } = await loadArticles([file]);
    expect(failures).toEqual([]);
    const [article] = articles;
    expect(article?.title).toBe('Harbour bridge reopens after eight months of repairs');
    expect(article?.body).toMatch(/^The harbour bridge reopened/);
    expect(article?.body).not.toMatch(/Home News Sport/);
    expect(article?.publishedAt).toBe('2024-03-01');
    const urls = [article?.url, article?.id, ...(article?.links ?? []).map((l) => l.url)];
    expect(urls.filter((u) => u?.startsWith('file:'))).toEqual([]);
    expect(article?.links).toContainEqual({
      title: 'Bridge tolls to rise in April',
      url: 'https://other-paper.example/tolls-to-rise',
    });
    // Relative links of a saved page resolve against its published address.
    expect(article?.links).toContainEqual({
      title: 'Night works on the coast road',
      url: `${BASE}/news/night-works.html`,
    });
  });

  it('reads .html files of a folder beside .md articles', async () => {
    const folder = mkdtempSync(join(dir, 'mixed-'));
    writeFileSync(join(folder, 'a-bridge.html'), fixture('harbour-bridge.html'));
    writeFileSync(join(folder, 'b-notes.md'), fixture('notes.md'));
    writeFileSync(join(folder, 'c-image.png'), 'not an article');
    const { articles, failures } = await loadArticles([folder]);
    expect(failures).toEqual([]);
    expect(articles.map((a) => a.source)).toEqual([
      join(folder, 'a-bridge.html'),
      join(folder, 'b-notes.md'),
    ]);
  });

  it('reads an HTML page given on standard input', async () => {
    const html = fixture('harbour-bridge.html');
    const { articles } = await loadArticles(['-'], { readStdin: async () => html });
    expect(articles[0]?.title).toBe('Harbour bridge reopens after eight months of repairs');
  });

  it('reads a saved feed: items with full content, and reports the pages it cannot fetch', async () => {
    const file = join(dir, 'ledger.rss');
    // Item pages on a loopback port where nothing listens: fetching them fails at once.
    writeFileSync(file, fixture('rss.xml', 'http://127.0.0.1:9'));
    const { articles, failures } = await loadArticles([file], { fetch: { retries: 0 } });
    expect(articles.map((a) => a.title)).toEqual(['Harbour bridge reopens after eight months of repairs']);
    expect(articles[0]?.body).toMatch(/council will meet on March 12/);
    expect(failures.length).toBeGreaterThan(0);
  });

  it('still reads a .txt file that starts with an HTML-looking line as text', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'Council sets budget\n\nThe council set its budget on Monday, the mayor said.\n');
    const { articles } = await loadArticles([file]);
    expect(articles[0]?.title).toBe('Council sets budget');
  });
});
