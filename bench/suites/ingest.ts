import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArticleHtml } from '../../src/ingest/html.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { medianMs } from '../measure.ts';

const PAGE = readFileSync(
  new URL('../../tests/fixtures/ingest/harbour-bridge.html', import.meta.url),
  'utf8',
);

/**
 * Ingest speed: article extraction (Readability on linkedom) of a small and a 150 KiB page,
 * and a 50-item feed whose item pages are all fetched over loopback (4 requests in flight).
 */
export async function measureIngest(): Promise<Record<string, number>> {
  const paragraph = /<p>The harbour bridge reopened[\s\S]*?<\/p>/.exec(PAGE)?.[0] ?? '';
  const big = PAGE.replace('</article>', `${paragraph.repeat(600)}</article>`);
  const url = 'http://127.0.0.1:1/news/harbour-bridge-reopens';
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feedOf(50));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE.replace('{{BASE}}/news/harbour-bridge-reopens', `{{BASE}}${req.url}`));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  try {
    return {
      ingest_page_ms: await medianMs(() => parseArticleHtml(PAGE, url), 100, 10),
      ingest_page_150k_ms: await medianMs(() => parseArticleHtml(big, url), 10, 2),
      ingest_feed_50_pages_ms: await medianMs(() => loadArticles([feed]), 5, 1),
    };
  } finally {
    server.close();
  }
}

function feedOf(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Story ${i}</title><link>/story/${i}</link><pubDate>01 Mar 2024 08:00:00 GMT</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`;
}
