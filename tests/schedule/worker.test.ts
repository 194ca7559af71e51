import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { NEXT_SLOT_KEY, startWorker, type Worker } from '../../src/schedule/worker.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { freshPostgresDatabase, STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from './context.ts';

type Ctx = Awaited<ReturnType<typeof openTestContext>>;

/** Polls until `check` holds (the schedule runs on the real clock), failing after `ms`. */
async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(50);
  }
}

const messages = (ctx: Ctx) => ctx.lines.map((l) => String(l.msg));

describe('the scheduled worker', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const open: Ctx[] = [];
  const workers: Worker[] = [];

  const context = async (env: Record<string, string> = {}) => {
    const ctx = await openTestContext(temp.dir, sink.url, env);
    open.push(ctx);
    return ctx;
  };
  /** `firstStart: 'default'` leaves the first-run edition to the worker's own rule. */
  const start = (
    ctx: Ctx,
    options: { catchUp?: 'skip' | 'once'; holder?: string; firstStart?: 'default' } = {},
  ) => {
    const runner = createEditionRunner(ctx, {
      logger: ctx.logger,
      loadSources: ingestSample,
      ...(options.holder ? { holder: options.holder } : {}),
    });
    const worker = startWorker(ctx, {
      runner,
      logger: ctx.logger,
      ...(options.firstStart === 'default' ? {} : { sendOnFirstStart: false }),
      ...(options.catchUp ? { catchUp: options.catchUp } : {}),
    });
    workers.push(worker);
    return worker;
  };

  beforeEach(async () => {
    temp = makeTempDir('digest-worker-');
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const c of open.splice(0)) await c.close();
    await sink.close();
    temp.remove();
  });

  it('fires an edition at a slot, then skips and logs a slot with no new articles', async () => {
    const ctx = await context({ DIGEST_CRON: '* * * * * *' });
    await ctx.store.addSubscriber('ana@example.org', 'Ana');
    await ctx.store.addSubscriber('ben@example.org', null);
    await start(ctx).ready;

    await until(async () => (await ctx.store.listEditions(5)).some((e) => e.status === 'done'));
    await until(() => messages(ctx).some((m) => /^slot .* skipped: no new articles$/.test(m)));

    const editions = await ctx.store.listEditions(5);
    expect(editions).toHaveLength(1);
    expect(editions[0]?.slot).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(sink.received.flatMap((m) => m.to).sort()).toEqual(['ana@example.org', 'ben@example.org']);
    expect(await ctx.store.getSetting('schedule.last_slot')).toMatch(/Z$/);
  });

  // On SQLite and on Postgres: the lease and the unique slot hold on both.
  it.for(STORE_BACKENDS)(
    'makes one edition when two workers share one $name database, even while a slow send runs',
    async (backend, test) => {
      if (backend.skipReason) return test.skip(backend.skipReason);
      const db: Record<string, string> =
        backend.name === 'Postgres' ? { DIGEST_DB: await freshPostgresDatabase() } : {};
      await sink.close();
      // Each message takes 150 ms: the first run spans several one-second slots.
      sink = await startSmtpSink({
        onData(stream, session, callback) {
          stream.resume();
          stream.on('end', () => {
            sink.received.push({
              from: '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: Buffer.alloc(0),
            });
            setTimeout(callback, 150);
          });
        },
      });
      const env = { DIGEST_CRON: '* * * * * *', SMTP_POOL_SIZE: '1', ...db };
      const a = await context(env);
      const b = await context(env);
      for (let i = 0; i < 8; i++) await a.store.addSubscriber(`reader${i}@example.org`, null);
      await Promise.all([start(a, { holder: 'worker-a' }).ready, start(b, { holder: 'worker-b' }).ready]);

      await until(async () => (await a.store.listEditions(5)).some((e) => e.status === 'done'));
      const skipped = () => [...messages(a), ...messages(b)].filter((m) => m.includes('no new articles'));
      await until(() => skipped().length >= 2);

      expect(await a.store.listEditions(5)).toHaveLength(1);
      const recipients = sink.received.flatMap((m) => m.to);
      expect(recipients).toHaveLength(8);
      expect(new Set(recipients).size).toBe(8);
      const busy = [...messages(a), ...messages(b)].filter((m) => m.includes('another run is in progress'));
      expect(busy.length).toBeGreaterThan(0);
    },
  );

  it('runs one catch-up edition at start for a slot missed while down (DIGEST_CATCH_UP=once)', async () => {
    const ctx = await context({ DIGEST_CRON: '0 7 * * *' });
    await ctx.store.addSubscriber('ana@example.org', null);
    await ctx.store.setSetting(NEXT_SLOT_KEY, '2024-03-01T07:00:00Z');
    await start(ctx, { catchUp: 'once' }).ready;

    const editions = await ctx.store.listEditions(5);
    expect(editions.map((e) => e.slot)).toEqual(['2024-03-01T07:00:00Z']);
    expect(sink.received).toHaveLength(1);
    const next = await ctx.store.getSetting(NEXT_SLOT_KEY);
    expect(Date.parse(next ?? '')).toBeGreaterThan(Date.now());
  });

  it('skips the missed slots with DIGEST_CATCH_UP=skip, and says so', async () => {
    const ctx = await context({ DIGEST_CRON: '0 7 * * *', DIGEST_CATCH_UP: 'skip' });
    await ctx.store.addSubscriber('ana@example.org', null);
    await ctx.store.setSetting(NEXT_SLOT_KEY, '2024-03-01T07:00:00Z');
    await start(ctx).ready;

    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
    expect(
      messages(ctx).some((m) => m.includes('missed slot 2024-03-01T07:00:00Z') && m.includes('skip')),
    ).toBe(true);
  });

  it('never overlaps two runs of one runner', async () => {
    const ctx = await context();
    await ctx.store.addSubscriber('ana@example.org', null);
    const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
    const [first, second] = await Promise.all([runner.run({}), runner.run({})]);
    expect(first.kind).toBe('ran');
    expect(second.kind).toBe('busy');
    expect(sink.received).toHaveLength(1);
  });

  // The first-run demo (the demo subscriber, an edition at once) is for the dev inbox only.
  it('sends no edition at start on a fresh database with SMTP_URL set: only the schedule sends', async () => {
    const ctx = await context({ DIGEST_CRON: '0 7 1 1 *' });
    await ctx.store.addSubscribers([
      { email: 'ana@example.org', name: null },
      { email: 'ben@example.org', name: null },
    ]);
    await start(ctx, { firstStart: 'default' }).ready;
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
    expect(messages(ctx)).toContain(
      'no edition yet: the first goes out at the first DIGEST_CRON slot (none at start with SMTP_URL set)',
    );
  });

  it('sends the first-run edition at once in dev-inbox mode (no SMTP_URL)', async () => {
    const ctx = await context({ DIGEST_CRON: '0 7 1 1 *', SMTP_URL: '' });
    await ctx.store.addSubscriber('reader@example.com', 'Demo Reader', { source: 'demo' });
    await start(ctx, { firstStart: 'default' }).ready;
    expect(await ctx.store.listEditions(5)).toHaveLength(1);
    expect(sink.received.flatMap((m) => m.to)).toEqual(['reader@example.com']);
  });

  it('never mails the demo subscriber through a real relay, though dev-inbox mode added it earlier', async () => {
    const ctx = await context();
    await ctx.store.addSubscriber('Reader@Example.com', 'Demo Reader', { source: 'demo' });
    await ctx.store.addSubscriber('ana@example.org', null);
    const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
    const result = await runner.run({});
    expect(sink.received.flatMap((m) => m.to)).toEqual(['ana@example.org']);
    expect(result.kind === 'ran' ? result.reports[0]?.progress : null).toMatchObject({
      sent: 1,
      skipped: 1,
      queued: 0,
    });
    expect(messages(ctx).join('\n')).toMatch(
      /skipped 1 demo subscriber\(s\) \(DEMO_SUBSCRIBER, or added by the dev-inbox demo\): they get mail only from the dev inbox, and SMTP_URL is set/,
    );
  });
});
