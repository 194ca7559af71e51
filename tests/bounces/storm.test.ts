import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestBounceStream } from '../../src/bounces/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startCli } from '../cli/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { STORM_SECRET, seedStorm, stormMailbox, watchPeakRss } from './storm.ts';

/** The live heap after a full collection, MB. */
function liveHeapMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('a bounce storm', () => {
  const temp = makeTempDir('digest-storm-');
  afterAll(() => temp.remove());

  it('takes 10,000 DSNs piped into one real CLI process, each applied, in bounded memory', {
    timeout: 120_000,
  }, async () => {
    const { db, readers } = await seedStorm(temp.dir, 10_000);
    const env = {
      DIGEST_DB: db,
      MAIL_FROM: 'Digest <digest@news.example>',
      UNSUBSCRIBE_SECRET: STORM_SECRET,
      LOG_LEVEL: 'silent',
    };
    const { child, done } = startCli(['bounces', 'ingest', '-'], env, stormMailbox(readers, 10_000));
    const rss = watchPeakRss(child.pid ?? 0);
    const result = await done;
    const peakMb = rss.stop();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('10000 mail(s): 10000 hard');
    const store = openSqliteStore(db);
    expect(await store.countSubscribers('bounced')).toBe(10_000);
    expect((await store.bounces.counts()).hard).toBe(10_000);
    await store.close();
    // tsx and the libraries take about 150 MB before the first mail (measured: 164 MB after
    // 1,000 mails, 208 MB after 10,000, 210 MB after 30,000: V8's heap settles, no mail is kept).
    expect(peakMb).toBeLessThan(320);
  });

  it('keeps no mail in memory: the live heap after 10,000 DSNs is the one after 1,000', {
    timeout: 120_000,
  }, async () => {
    const { db, readers } = await seedStorm(makeTempDir('digest-storm-heap-').dir, 2_000);
    const store = openSqliteStore(db);
    const ctx = {
      store,
      secret: STORM_SECRET,
      bounceAddress: 'bounces@news.example',
      verp: true,
      rules: { softLimit: 3, softWindow: 5 },
    };
    await ingestBounceStream(ctx, stormMailbox(readers, 1_000), () => undefined);
    const after1k = liveHeapMb();
    await ingestBounceStream(ctx, stormMailbox(readers, 9_000), () => undefined);
    const after10k = liveHeapMb();
    await store.close();
    expect(after10k - after1k).toBeLessThan(4);
  });
});
