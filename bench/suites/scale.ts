import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { deliverEdition } from '../../src/deliver/deliver-edition.ts';
import { deliverThroughQueue } from '../../src/deliver/queue/await-edition.ts';
import { createDeliveryQueue } from '../../src/deliver/queue/delivery-queue.ts';
import { createSmtpMailer } from '../../src/deliver/smtp.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { buildMessage, mailDomain, prepareEdition } from '../../src/pipeline.ts';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import type { ClaimedDelivery } from '../../src/store/store.ts';
import { type DigestProcess, startDigest } from '../../tests/helpers/child.ts';
import { freeLoopbackPort, waitForPort } from '../../tests/helpers/ports.ts';
import { findPostgresBin, type PostgresServer, startPostgres } from '../../tests/helpers/postgres-server.ts';
import { findRedisServer, type RedisServer, startRedis } from '../../tests/helpers/redis-server.ts';

/**
 * Scaling out: messages per second through BullMQ with 1, 2 and 3 sender processes
 * (`digest worker --role sender`) on a real Postgres and Redis, into Postfix's smtp-sink.
 * Each run is a fresh database of MESSAGES subscribers and a fresh Redis database; the time
 * runs from the fan-out to the store saying every delivery is sent, after a warm-up edition.
 */
const MESSAGES = 6000;
const POOL = 10;
const SECRET = 'bench-secret-0123456789';
const NOW = new Date('2022-01-06T07:00:00Z');

export async function measureScale(): Promise<Record<string, number>> {
  const pgBin = findPostgresBin();
  const redisBin = findRedisServer();
  const sink = spawnSync('which', ['smtp-sink'], { encoding: 'utf8' }).stdout.trim() || null;
  if (!pgBin || !redisBin || !sink) {
    const missing = [!pgBin && 'Postgres', !redisBin && 'redis-server', !sink && "Postfix's smtp-sink"];
    process.stderr.write(`scale: skipped, ${missing.filter(Boolean).join(', ')} not found\n`);
    return {};
  }
  const port = await freeLoopbackPort();
  const sinkProcess = spawn(sink, ['-u', 'nobody', '-c', `127.0.0.1:${port}`, '1000'], { stdio: 'ignore' });
  let postgres: PostgresServer | null = null;
  let redis: RedisServer | null = null;
  try {
    await waitForPort(port);
    postgres = await startPostgres(pgBin);
    redis = await startRedis(redisBin);
    const figures: Record<string, number> = {};
    // The embedded sender on the same Postgres, pool size and sink, before and after the
    // queue runs: the queue's share is judged against the mean of the two.
    const before = await runEmbedded(postgres.url, 'bench_embedded_a', port);
    for (const senders of [1, 2, 3]) {
      figures[`queue_send_per_s_${senders}_senders`] = await run(
        senders,
        postgres.url,
        `${redis.url}/${senders}`,
        port,
      );
    }
    const after = await runEmbedded(postgres.url, 'bench_embedded_b', port);
    const embeddedRate = Math.round((before + after) / 2);
    figures.embedded_send_per_s_same_pool = embeddedRate;
    figures.queue_send_pct_of_embedded_1 = Math.round(
      (100 * (figures.queue_send_per_s_1_senders ?? 0)) / embeddedRate,
    );
    return figures;
  } finally {
    sinkProcess.kill();
    await redis?.stop();
    postgres?.stop();
  }
}

/** A fresh database of MESSAGES subscribers with one edition opened to all of them (and a warm-up). */
async function seedEdition(db: string, env: Record<string, string>) {
  const config = loadConfig(env);
  const store = await openPostgresStore(db);
  for (let i = 0; i < MESSAGES; i += 2000) {
    await store.addSubscribers(
      Array.from({ length: 2000 }, (_, j) => ({
        email: `reader${i + j}@example.org`,
        name: `Reader ${i + j}`,
      })),
    );
  }
  const { articles } = await loadArticles(['examples/articles']);
  const rendered = await prepareEdition(articles, config, NOW, SECRET);
  const { edition, subject } = rendered;
  const domain = mailDomain(config.mailFrom);
  // A warm-up edition to the first 1,000 first, so the clock times warm senders (JIT, pools).
  const warmUp = { ...edition, id: `${edition.id}-warm-up` };
  // openEdition takes a limit beside its input (a bench-only use): the first 1,000 subscribers.
  const warmUpInput = {
    edition: warmUp,
    subject,
    slot: null,
    articleIds: [],
    messageIdDomain: domain,
    limit: 1000,
  };
  await store.openEdition(warmUpInput);
  await store.openEdition({ edition, subject, slot: null, articleIds: [], messageIdDomain: domain });
  return { config, store, rendered, warmUp, edition };
}

/**
 * The embedded sender (no queue: claim batches from the outbox, pooled SMTP, grouped commits)
 * draining the same MESSAGES on the same Postgres with the same pool, in this process.
 */
async function runEmbedded(adminUrl: string, name: string, smtpPort: number): Promise<number> {
  const db = await createDatabase(adminUrl, name);
  const env = {
    DIGEST_DB: db,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_POOL_SIZE: String(POOL),
    UNSUBSCRIBE_SECRET: SECRET,
  };
  const { config, store, rendered, warmUp, edition } = await seedEdition(db, env);
  const mailer = createSmtpMailer(config.smtpUrl ?? '', { maxConnections: POOL });
  const build = (d: ClaimedDelivery) => ({ ...buildMessage(rendered, d, config, SECRET), date: new Date() });
  try {
    await deliverEdition(store, mailer, warmUp.id, build, { concurrency: POOL });
    const start = performance.now();
    const report = await deliverEdition(store, mailer, edition.id, build, { concurrency: POOL });
    const seconds = (performance.now() - start) / 1000;
    if (report.progress.sent !== MESSAGES)
      throw new Error(`embedded run sent ${report.progress.sent} of ${MESSAGES}`);
    return Math.round(MESSAGES / seconds);
  } finally {
    mailer.close();
    await store.close();
  }
}

/** One measured send of MESSAGES deliveries with `senders` sender processes. */
async function run(senders: number, adminUrl: string, redisUrl: string, smtpPort: number): Promise<number> {
  const db = await createDatabase(adminUrl, `bench_${senders}`);
  const env = {
    DIGEST_DB: db,
    REDIS_URL: redisUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_POOL_SIZE: String(POOL),
    UNSUBSCRIBE_SECRET: SECRET,
    LOG_LEVEL: 'info',
  };
  const { config, store, warmUp, edition } = await seedEdition(db, env);
  const processes: DigestProcess[] = [];
  const queue = createDeliveryQueue(redisUrl, { maxAttempts: config.smtpMaxAttempts });
  try {
    for (let i = 0; i < senders; i++) processes.push(startDigest(['worker', '--role', 'sender'], env));
    await Promise.all(processes.map((p) => p.waitFor(/taking delivery jobs/)));
    await deliverThroughQueue(store, queue, warmUp.id, { pollMs: 50 });
    const start = performance.now();
    const report = await deliverThroughQueue(store, queue, edition.id, { pollMs: 50 });
    const seconds = (performance.now() - start) / 1000;
    if (report.progress.sent !== MESSAGES)
      throw new Error(`scale run sent ${report.progress.sent} of ${MESSAGES}`);
    return Math.round(MESSAGES / seconds);
  } finally {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await queue.close();
    await store.close();
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
