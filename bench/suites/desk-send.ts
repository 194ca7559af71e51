import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/ingest/load.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startSmtpSink } from '../../tests/helpers/smtp-sink.ts';
import { makeTempDir } from '../../tests/helpers/temp-dir.ts';
import { openTestContext } from '../../tests/schedule/context.ts';
import { median, round } from '../measure.ts';

const ARTICLES = 10;
const RUNS = 7;
const NOW = new Date('2024-03-05T07:00:00Z');
const EVAL_DIR = fileURLToPath(new URL('../../tests/fixtures/eval/', import.meta.url));

/**
 * The desk's Send now as the runner makes it (POST /desk/send): one run with the dry run's
 * edition id, on ARTICLES articles of the synthetic set, from reading them to the last of two
 * deliveries, on a fresh SQLite file each time (a send marks its articles seen) into a real
 * SMTP server on loopback (in this process: its CPU time counts too). The dry run shown before
 * it is not timed. Median milliseconds, wall and CPU.
 */
export async function measureDeskSend(): Promise<Record<string, number>> {
  const paths = readdirSync(EVAL_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .slice(0, ARTICLES)
    .map((name) => join(EVAL_DIR, name));
  const { articles } = await loadArticles(paths);
  const sink = await startSmtpSink();
  const wall: number[] = [];
  const cpu: number[] = [];
  try {
    // The first run warms the JIT and the templates; it is not counted.
    for (let i = 0; i <= RUNS; i++) {
      const took = await timeSendNow(sink.url, articles);
      if (i === 0) continue;
      wall.push(took.wallMs);
      cpu.push(took.cpuMs);
    }
  } finally {
    await sink.close();
  }
  // CPU time too: on a shared machine the wall time says as much about the neighbours.
  return {
    desk_send_now_10_articles_ms: round(median(wall)),
    desk_send_now_10_articles_cpu_ms: round(median(cpu)),
  };
}

async function timeSendNow(
  smtpUrl: string,
  articles: Awaited<ReturnType<typeof loadArticles>>['articles'],
): Promise<{ wallMs: number; cpuMs: number }> {
  const temp = makeTempDir('digest-bench-send-');
  const ctx = await openTestContext(temp.dir, smtpUrl, {
    UNSUBSCRIBE_SECRET: 'bench-secret-0123456789',
    LOG_LEVEL: 'silent',
  });
  try {
    for (const email of ['ana@example.org', 'ben@example.org']) await ctx.store.addSubscriber(email, null);
    const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: async () => articles });
    const dry = await runner.run({ dryRun: true, now: NOW });
    const expectEditionId = dry.kind === 'planned' ? dry.plan?.editionId : undefined;
    if (!expectEditionId) throw new Error('the bench dry run made no edition');
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    const sent = await runner.run({ expectEditionId, now: NOW, review: false, actor: 'bench' });
    const used = process.cpuUsage(startCpu);
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (sent.kind !== 'ran' || sent.editionId !== expectEditionId)
      throw new Error(`bench send: ${sent.kind}`);
    return { wallMs, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await ctx.close();
    temp.remove();
  }
}
