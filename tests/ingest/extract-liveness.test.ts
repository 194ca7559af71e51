import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { extractPageArticle, resolveExtractOptions } from '../../src/ingest/extract.ts';
import { ExtractPool } from '../../src/ingest/extract-pool.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import { addresses, makeOutbox } from '../deliver/outbox-fixture.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { nestedPage } from './hostile-pages.ts';

const MARKET = readFileSync(new URL('../fixtures/ingest/market-square.html', import.meta.url), 'utf8');

describe('a hostile page being extracted', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('leaves the HTTP server answering and a send in progress going, in the same process', async () => {
    const outbox = await makeOutbox(addresses(30));
    cleanup.push(() => outbox.close());
    const smtp = await startSmtpSink();
    cleanup.push(() => smtp.close());
    const mailer = createSmtpMailer(smtp.url, { maxConnections: 2, ratePerSecond: 10 });
    cleanup.push(() => mailer.close());
    const http = await startHttpServer({ port: 0, store: outbox.store, secret: 's', newsletterName: 'D' });
    cleanup.push(() => http.close());
    const pool = new ExtractPool({ size: 1 });
    cleanup.push(() => pool.close());
    // A started worker: the deadline below is all spent on the hostile page.
    await extractPageArticle(MARKET, 'http://x.example/m', 'm', resolveExtractOptions({ pool }));

    const sending = outbox.deliver(mailer, await outbox.open());
    // Unbounded, 2,000 nested divs keep Readability busy for over a minute (on the event loop, before).
    const options = resolveExtractOptions({ maxDepth: Infinity, timeoutMs: 2_500, pool });
    let settled = false;
    const extraction = extractPageArticle(nestedPage(2_000), 'http://x.example/deep', 'deep', options).then(
      () => 'extracted',
      (error: { code?: string }) => error.code,
    );
    void extraction.finally(() => {
      settled = true;
    });
    const mailsBefore = smtp.received.length;
    let healthAnswers = 0;
    let mailsDuring = 0;
    while (!settled) {
      const health = await fetch(`${http.url}/health`);
      if (!settled && health.status === 200) healthAnswers++;
      if (!settled) mailsDuring = smtp.received.length - mailsBefore;
      await sleep(100);
    }

    expect(healthAnswers).toBeGreaterThanOrEqual(5);
    expect(mailsDuring).toBeGreaterThanOrEqual(3);
    expect(await extraction).toBe('EXTRACT_TIMEOUT');
    const report = await sending;
    expect(report.outcome).toBe('done');
    expect(smtp.received).toHaveLength(30);
  });
});
