import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { deliverEdition } from '../../src/deliver/deliver-edition.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { buildMessage, mailDomain, prepareEdition } from '../../src/pipeline.ts';
import { composeMime } from '../../src/render/mime.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';

/**
 * Delivery into Postfix's smtp-sink (a C SMTP server that discards what it gets): our send rate
 * at 5 and 20 connections beside Postfix's own smtp-source into the same sink (its small
 * default messages, and messages of our size over as many sessions as we use), and the peak
 * RSS of `npm run digest -- send` to 50,000 and to 200,000 subscribers.
 */
const RATE_MESSAGES = 10_000;
const SECRET = 'bench-secret-0123456789';
const NOW = new Date('2022-01-06T07:00:00Z');

export async function measureDelivery(): Promise<Record<string, number>> {
  const sink = findTool('smtp-sink');
  const source = findTool('smtp-source');
  if (!sink || !source) {
    process.stderr.write('delivery: skipped, smtp-sink/smtp-source not found (apt-get install postfix)\n');
    return {};
  }
  const port = await freePort();
  const sinkProcess = spawn(sink, ['-u', 'nobody', `127.0.0.1:${port}`, '1000'], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  try {
    await waitForPort(port);
    const bytes = await digestBytes();
    // This machine's speed drifts between runs: each of our runs is compared with smtp-source
    // at the same size and sessions, taken just before and just after it (the mean).
    const small = baseline(source, port);
    const [ours5, same5] = await beside(source, port, bytes, 5, () =>
      sendRate(port, 5, join(dir, 'rate5.db')),
    );
    const [ours20, same20] = await beside(source, port, bytes, 20, () =>
      sendRate(port, 20, join(dir, 'rate20.db')),
    );
    return {
      smtp_source_baseline_per_s: small,
      smtp_source_digest_size_per_s_5: same5,
      smtp_source_digest_size_per_s_20: same20,
      digest_message_bytes: bytes,
      smtp_send_per_s_5: ours5,
      smtp_send_per_s_20: ours20,
      smtp_send_pct_of_same_size_5: Math.round((100 * ours5) / same5),
      smtp_send_pct_of_same_size_20: Math.round((100 * ours20) / same20),
      send_rss_mb_50k: await sendRss(port, 50_000, join(dir, 'rss50k.db')),
      send_rss_mb_200k: await sendRss(port, 200_000, join(dir, 'rss200k.db')),
    };
  } finally {
    sinkProcess.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our rate, and smtp-source's at the same size and sessions (mean of just before and after). */
async function beside(
  source: string,
  port: number,
  bytes: number,
  sessions: number,
  ours: () => Promise<number>,
): Promise<[number, number]> {
  const before = baseline(source, port, bytes, sessions);
  const rate = await ours();
  return [rate, Math.round((before + baseline(source, port, bytes, sessions)) / 2)];
}

/** Postfix's smtp-source, connections reused (-d); small messages unless `bytes`. */
function baseline(source: string, port: number, bytes?: number, sessions = 20): number {
  const start = performance.now();
  const size = bytes ? ['-l', String(bytes)] : [];
  const args = ['-d', '-s', String(sessions), '-m', String(RATE_MESSAGES), ...size, `127.0.0.1:${port}`];
  execFileSync(source, args, {
    stdio: 'ignore',
  });
  return Math.round(RATE_MESSAGES / ((performance.now() - start) / 1000));
}

/** The size of one digest of the sample as sent, so the baseline can send the same bytes. */
async function digestBytes(): Promise<number> {
  const config = loadConfig({ UNSUBSCRIBE_SECRET: SECRET });
  const { articles } = await loadArticles(['examples/articles']);
  const rendered = await prepareEdition(articles, config, NOW);
  const recipient = { email: 'reader1@example.org', name: 'Reader 1', messageId: '<m1@example.org>' };
  return (await composeMime(buildMessage(rendered, recipient, config, SECRET))).length;
}

/** Our pipeline (claim, personalize, MIME, pooled SMTP, record) draining one edition. */
async function sendRate(port: number, connections: number, dbPath: string): Promise<number> {
  const config = loadConfig({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    DIGEST_DB: dbPath,
    UNSUBSCRIBE_SECRET: SECRET,
  });
  const store = openSqliteStore(dbPath);
  await seed(store, RATE_MESSAGES);
  const { articles } = await loadArticles(['examples/articles']);
  const rendered = await prepareEdition(articles, config, NOW);
  const { edition } = rendered;
  await store.openEdition({
    edition,
    subject: rendered.subject,
    slot: null,
    articleIds: [],
    messageIdDomain: mailDomain(config.mailFrom),
  });
  const mailer = createSmtpMailer(config.smtpUrl ?? '', { maxConnections: connections });
  const start = performance.now();
  const report = await deliverEdition(
    store,
    mailer,
    edition.id,
    (d) => buildMessage(rendered, d, config, SECRET),
    {
      concurrency: connections,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  mailer.close();
  await store.close();
  return Math.round(report.progress.sent / seconds);
}

/**
 * Peak RSS (MB) of `npm run digest -- send` (the production build, with the flags the
 * package.json script gives it) sending the sample's edition to `subscribers` into the sink.
 */
async function sendRss(port: number, subscribers: number, dbPath: string): Promise<number> {
  const store = openSqliteStore(dbPath);
  await seed(store, subscribers);
  await store.close();
  const report = `${dbPath}.rss.json`;
  const args = ['run', '--silent', 'digest', '--', 'send', 'examples/articles', '--now', NOW.toISOString()];
  const child = spawn('npm', args, {
    env: {
      ...process.env,
      NODE_OPTIONS: `--require ${new URL('../rss-report.cjs', import.meta.url).pathname}`,
      RSS_REPORT: report,
      DIGEST_DB: dbPath,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      UNSUBSCRIBE_SECRET: SECRET,
      SMTP_POOL_SIZE: '20',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`digest send exited ${code}`);
  const check = openSqliteStore(dbPath);
  const [edition] = await check.listEditions(1);
  const progress = edition ? await check.editionProgress(edition.id) : null;
  await check.close();
  if (progress?.sent !== subscribers) throw new Error(`RSS run sent ${progress?.sent} of ${subscribers}`);
  const { maxRssKb } = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number };
  return Math.round(maxRssKb / 1024);
}

async function seed(store: ReturnType<typeof openSqliteStore>, count: number): Promise<void> {
  for (let i = 0; i < count; i += 5000) {
    const batch = Array.from({ length: Math.min(5000, count - i) }, (_, j) => ({
      email: `reader${i + j}@example.org`,
      name: `Reader ${i + j}`,
    }));
    await store.addSubscribers(batch);
  }
}

function findTool(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/local/sbin'])) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`smtp-sink did not listen on ${port}`);
}
