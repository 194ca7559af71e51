import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extractPageArticle, resolveExtractOptions } from '../../src/ingest/extract.ts';
import { ExtractPool } from '../../src/ingest/extract-pool.ts';
import { parseArticleHtml } from '../../src/ingest/html.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { medianMs, round } from '../measure.ts';

const PAGE = readFileSync(
  new URL('../../tests/fixtures/ingest/harbour-bridge.html', import.meta.url),
  'utf8',
);

/**
 * Ingest speed: article extraction (Readability on linkedom) of a small and a 150 KiB page,
 * in this thread and through the extraction worker, a hostile page, and a 50-item feed whose
 * item pages are all fetched over loopback (4 requests in flight).
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
      ...(await measureWorker(url)),
    };
  } finally {
    server.close();
  }
}

/**
 * The extraction worker: a normal page's round trip, the hostile page of issue 12 (16 KiB of
 * nested divs, refused by the depth bound), and the event loop's delay while the worker burns
 * a whole deadline on a page with the bounds lifted (what the loop would have suffered before).
 */
async function measureWorker(url: string): Promise<Record<string, number>> {
  const pool = new ExtractPool({ size: 1 });
  const options = resolveExtractOptions({ pool });
  const hostile = `<html><body>${'<div>'.repeat(1_400)}<p>${'word '.repeat(200)}</p>${'</div>'.repeat(1_400)}</body></html>`;
  const refused = () => extractPageArticle(hostile, url, 'hostile', options).catch(() => undefined);
  try {
    const figures = {
      ingest_extract_worker_page_ms: await medianMs(
        () => extractPageArticle(PAGE, url, 'page', options),
        50,
        5,
      ),
      ingest_extract_hostile_16k_ms: await medianMs(refused, 20, 2),
    };
    const runaway = resolveExtractOptions({ pool, maxDepth: Number.POSITIVE_INFINITY, timeoutMs: 3_000 });
    const busy = await loopDelayDuring(() =>
      extractPageArticle(hostile, url, 'hostile', runaway).catch(() => {}),
    );
    // The same span with nothing to do: on a shared machine the loop is late by this much anyway.
    const idle = await loopDelayDuring(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
    return {
      ...figures,
      ingest_runaway_loop_delay_p99_ms: busy.p99,
      ingest_runaway_loop_delay_max_ms: busy.max,
      ingest_idle_loop_delay_p99_ms: idle.p99,
      ingest_idle_loop_delay_max_ms: idle.max,
    };
  } finally {
    await pool.close();
  }
}

/** The event loop's delay (p99 and max, in ms, 10 ms resolution) while `work` runs. */
async function loopDelayDuring(work: () => Promise<unknown>): Promise<{ p99: number; max: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await work();
  delay.disable();
  return { p99: round(delay.percentile(99) / 1e6, 1), max: round(delay.max / 1e6, 1) };
}

function feedOf(n: number): string {
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Story ${i}</title><link>/story/${i}</link><pubDate>01 Mar 2024 08:00:00 GMT</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`;
}
