import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBounceMail } from '../../src/bounces/read-report.ts';
import { verpAddress } from '../../src/bounces/verp.ts';
import { sample } from '../../tests/bounces/samples.ts';
import { STORM_SECRET, seedStorm, stormMailbox } from '../../tests/bounces/storm.ts';
import { makeTempDir } from '../../tests/helpers/temp-dir.ts';
import { medianMs, round } from '../measure.ts';

const STORM = 10_000;

/**
 * Bounces: reading one Postfix DSN (in process), and a storm of 10,000 DSNs piped as an mbox
 * into one production `digest bounces ingest -` (dist/, with the heap flags of `npm run
 * digest`), each matched by its VERP token and applied to the SQLite store: time per mail
 * (process start included) and peak resident memory.
 */
export async function measureBounces(): Promise<Record<string, number>> {
  const verp = verpAddress(
    'bounces@news.example',
    { editionId: '2024-01-04-abcdef01', subscriberId: 7 },
    STORM_SECRET,
  );
  const mail = sample('postfix-hard', {
    verp,
    rcpt: 'ana@reader.example',
    messageId: '<2024-01-04-abcdef01.7@news.example>',
  });
  const parseMs = await medianMs(
    () => readBounceMail(mail, { bounceAddress: 'bounces@news.example' }),
    500,
    50,
  );
  const temp = makeTempDir('digest-bench-bounces-');
  try {
    const { db, readers } = await seedStorm(temp.dir, STORM);
    const storm = await ingestStorm(db, readers, temp.dir);
    return {
      bounce_parse_ms: parseMs,
      bounce_storm_ms_per_msg: round(storm.ms / STORM),
      bounce_storm_rss_mb_10k: storm.rssMb,
    };
  } finally {
    temp.remove();
  }
}

async function ingestStorm(
  db: string,
  readers: Awaited<ReturnType<typeof seedStorm>>['readers'],
  dir: string,
) {
  await run('node', ['scripts/build.js', '--if-stale'], {});
  const report = join(dir, 'rss.json');
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=160', '--max-semi-space-size=8', 'dist/main.js', 'bounces', 'ingest', '-'],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: `--require ${new URL('../rss-report.cjs', import.meta.url).pathname}`,
        RSS_REPORT: report,
        DIGEST_DB: db,
        MAIL_FROM: 'Digest <digest@news.example>',
        UNSUBSCRIBE_SECRET: STORM_SECRET,
        LOG_LEVEL: 'warn',
      },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for await (const chunk of stormMailbox(readers, STORM)) {
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await exited;
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`digest bounces ingest exited ${code}`);
  const { maxRssKb } = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number };
  return { ms, rssMb: Math.round(maxRssKb / 1024) };
}

function run(file: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${file} exited ${code}`))));
  });
}
