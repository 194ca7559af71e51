import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleHtml, parseHtmlFragment } from '../../src/ingest/html.ts';

const BASE = 'http://127.0.0.1:8099';
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8').replaceAll('{{BASE}}', BASE);

describe('parseArticleHtml', () => {
  const bridge = parseArticleHtml(fixture('harbour-bridge.html'), `${BASE}/news/harbour-bridge-reopens`);

  it('takes title, date and author from JSON-LD and the canonical URL from the link tag', () => {
    expect(bridge.title).toBe('Harbour bridge reopens after eight months of repairs');
    expect(bridge.publishedAt).toBe('2024-03-01');
    expect(bridge.author).toBe('Mara Olsen, Tomas Reyes');
    expect(bridge.url).toBe(`${BASE}/news/harbour-bridge-reopens`);
    expect(bridge.id).toBe(bridge.url);
  });

  it('keeps the article as blank-line-separated paragraphs, without navigation, byline or scripts', () => {
    const paragraphs = bridge.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^The harbour bridge reopened to traffic on Friday evening/);
    expect(paragraphs).toContain(
      "“We are glad to have it back, and we thank everyone for their patience,” said Ines Varga, the city's transport councillor. She added that the repairs had finished two weeks ahead of the schedule agreed with the contractor.",
    );
    expect(bridge.body).toContain('the end of the month, the harbour office said.\nCyclists can use');
    expect(bridge.body).toContain('The council will meet on March 12 in the town hall');
    for (const junk of ['Home', 'By Mara Olsen', 'window.analytics', 'Privacy', 'Related', 'Read more']) {
      expect(bridge.body).not.toContain(junk);
    }
  });

  it('keeps "Read more" and "Related" links with absolute URLs, in page order', () => {
    expect(bridge.links).toEqual([
      { title: 'Ferry timetable changes for March', url: `${BASE}/news/ferry-timetable-changes` },
      { title: 'Bridge tolls to rise in April', url: 'https://other-paper.example/tolls-to-rise' },
      { title: 'Night works on the coast road', url: `${BASE}/news/night-works.html` },
    ]);
  });

  it('falls back to Open Graph, the author meta tag and <time datetime> without JSON-LD', () => {
    const page = parseArticleHtml(
      fixture('library-hours.html'),
      `${BASE}/pages/library-hours.html?utm_medium=x`,
    );
    expect(page.title).toBe('Library extends its evening hours');
    expect(page.publishedAt).toBe('2024-02-20');
    expect(page.author).toBe('Priya Nandakumar');
    expect(page.url).toBe(`${BASE}/pages/library-hours.html`);
    expect(page.body.split('\n\n')).toHaveLength(3);
    expect(page.links.map((l) => l.url)).toEqual([
      `${BASE}/2024/01/library-budget`,
      `${BASE}/2023/12/new-reading-room`,
    ]);
  });

  it('reads the page despite a broken JSON-LD block', () => {
    const page = parseArticleHtml(fixture('market-square.html'), `${BASE}/news/market-square`);
    expect(page.title).toBe('Market square to be closed to cars');
    expect(page.publishedAt).toBe('2024-03-04');
    expect(page.author).toBe('Leena Halvorsen');
    expect(page.body).toMatch(/^Cars will no longer be allowed/);
  });

  it('refuses a page with no article, naming it', () => {
    expect(() => parseArticleHtml(fixture('no-article.html'), `${BASE}/pages/sign-in`)).toThrow(
      /sign-in: no article found in the page/,
    );
  });

  it('survives deeply nested markup', () => {
    const deep = `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`;
    expect(parseHtmlFragment(deep, BASE).text).toBe('deep');
  });
});
