import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { type LoadOptions, loadArticles } from '../../src/ingest/load.ts';
import { resolveUnsubscribeSecret, sendEdition } from '../../src/pipeline.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

const FAST: LoadOptions['fetch'] = { timeoutMs: 400, retries: 1, retryDelayMs: 5, maxBytes: 256 * 1024 };

/** A feed of `n` dated items with their text, item 1 the oldest. */
function manyItemsFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return `<item><title>Council note ${i + 1}</title><guid>note-${i + 1}</guid>
      <pubDate>${day} Jan 2024 08:00:00 GMT</pubDate>
      <description>The council published note ${i + 1} about the harbour works on the ${day}th, the clerk said.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>${items.join('')}</channel></rss>`;
}

describe('editions from feeds and pages', () => {
  let server: FixtureServer;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const temp = makeTempDir('digest-ingest-');
  beforeAll(async () => {
    server = await startFixtureServer();
    sink = await startSmtpSink();
    server.route('/feeds/many.xml', 'application/rss+xml', manyItemsFeed(25));
  });
  afterAll(async () => {
    await server.close();
    await sink.close();
    temp.remove();
  });

  async function openPipeline(name: string, env: Record<string, string> = {}) {
    const config = loadConfig({ SMTP_URL: sink.url, DIGEST_DB: join(temp.dir, `${name}.db`), ...env });
    const store = openSqliteStore(config.dbPath);
    await store.addSubscriber('ana@example.org', 'Ana');
    const mailer = createSmtpMailer(sink.url);
    const lines: string[] = [];
    const ctx = {
      config,
      store,
      mailer,
      secret: await resolveUnsubscribeSecret(config, store),
      log: (l: string) => lines.push(l),
    };
    const load = (inputs: string[]) =>
      loadArticles(inputs, { store, fetch: FAST, log: (l) => lines.push(l) });
    const close = async () => {
      mailer.close();
      await store.close();
    };
    return { ctx, store, load, lines, close };
  }

  /** Runs a test on a fresh pipeline, closing it even when an assertion fails. */
  async function withPipeline(
    name: string,
    env: Record<string, string>,
    test: (p: Awaited<ReturnType<typeof openPipeline>>) => Promise<void>,
  ): Promise<void> {
    const p = await openPipeline(name, env);
    try {
      await test(p);
    } finally {
      await p.close();
    }
  }

  it('caps an edition at DIGEST_MAX_ARTICLES, newest first; the older ones go in the next edition', async () => {
    await withPipeline('cap', { DIGEST_MAX_ARTICLES: '20' }, async (p) => {
      const now = new Date('2024-02-01T07:00:00Z');
      const first = await sendEdition(p.ctx, (await p.load([`${server.base}/feeds/many.xml`])).articles, {
        now,
      });
      const firstEdition = await p.store.getEdition(first?.editionId ?? '');
      expect(firstEdition?.edition.items).toHaveLength(20);
      expect(p.lines).toContain('5 older new article(s) wait for the next edition (DIGEST_MAX_ARTICLES)');
      const second = await sendEdition(p.ctx, (await p.load([`${server.base}/feeds/many.xml`])).articles, {
        now,
      });
      const titles = (await p.store.getEdition(second?.editionId ?? ''))?.edition.items.map(
        (i) => i.analysis.title,
      );
      expect(titles).toEqual([
        'Council note 5',
        'Council note 4',
        'Council note 3',
        'Council note 2',
        'Council note 1',
      ]);
      const third = await sendEdition(p.ctx, (await p.load([`${server.base}/feeds/many.xml`])).articles, {
        now,
      });
      expect(third).toBeNull();
    });
  });

  it('sends the good articles when other sources fail, and never the same article twice', async () => {
    await withPipeline('mixed', {}, async (p) => {
      const inputs = [
        `${server.base}/feeds/malformed.xml`,
        `${server.base}/broken`,
        `${server.base}/feeds/rss.xml`,
      ];
      const { articles, failures } = await p.load(inputs);
      expect(failures.map((f) => f.source)).toEqual([
        `${server.base}/feeds/malformed.xml`,
        `${server.base}/broken`,
      ]);
      const before = sink.received.length;
      const report = await sendEdition(p.ctx, articles, { now: new Date('2024-03-05T07:00:00Z') });
      expect(report?.outcome).toBe('done');
      expect(sink.received.length).toBe(before + 1);
      const pageHits = server.hits('/news/ferry-timetable-changes');
      const again = await p.load([`${server.base}/feeds/rss.xml`]);
      // Items already sent: their pages are not fetched again, and no edition repeats them.
      expect(server.hits('/news/ferry-timetable-changes')).toBe(pageHits);
      expect(p.lines.some((l) => /2 item\(s\) sent before, their pages not fetched/.test(l))).toBe(true);
      expect(await sendEdition(p.ctx, again.articles)).toBeNull();
    });
  });

  it('asks a feed conditionally and reads the remembered copy on a 304', async () => {
    await withPipeline('etag', {}, async (p) => {
      const first = await p.load([`${server.base}/etag-feed`]);
      expect(first.articles.map((a) => a.title)).toEqual(['Tide tables printed', 'Lighthouse open day']);
      const second = await p.load([`${server.base}/etag-feed`]);
      const last = server.requests.filter((r) => r.path === '/etag-feed').at(-1);
      expect(last?.headers['if-none-match']).toBe('"feed-v1"');
      expect(p.lines.some((l) => l.includes('not modified since') && l.includes('HTTP 304'))).toBe(true);
      expect(second.articles.map((a) => a.id)).toEqual(first.articles.map((a) => a.id));
    });
  });
});
