import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startWorker, type Worker } from '../../src/schedule/worker.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { ingestSample, openTestContext } from './context.ts';

type Ctx = Awaited<ReturnType<typeof openTestContext>>;

// The first-run demo (the demo subscriber, an edition at once) is for the dev inbox only.
describe('the first start', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const open: Ctx[] = [];
  const workers: Worker[] = [];

  /** A context sending to the sink; `devInbox` leaves SMTP_URL unset, as the dev inbox runs. */
  const context = async (devInbox: boolean) => {
    const ctx = await openTestContext(temp.dir, sink.url, {
      DIGEST_CRON: '0 7 1 1 *',
      ...(devInbox ? { SMTP_URL: '' } : {}),
    });
    open.push(ctx);
    return ctx;
  };
  const startOn = (ctx: Ctx) => {
    const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
    const worker = startWorker(ctx, { runner, logger: ctx.logger });
    workers.push(worker);
    return worker.ready;
  };

  beforeEach(async () => {
    temp = makeTempDir('digest-first-');
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const c of open.splice(0)) await c.close();
    await sink.close();
    temp.remove();
  });

  it('sends no edition at start on a fresh database with SMTP_URL set: only the schedule sends', async () => {
    const ctx = await context(false);
    await ctx.store.addSubscribers([
      { email: 'ana@example.org', name: null },
      { email: 'ben@example.org', name: null },
    ]);
    await startOn(ctx);
    expect(await ctx.store.listEditions(5)).toHaveLength(0);
    expect(sink.received).toHaveLength(0);
    expect(ctx.lines.map((l) => String(l.msg))).toContain(
      'no edition yet: the first goes out at the first DIGEST_CRON slot (none at start with SMTP_URL set)',
    );
  });

  it('sends the first-run edition at once in dev-inbox mode', async () => {
    const ctx = await context(true);
    await ctx.store.addSubscriber('reader@example.com', 'Demo Reader', { source: 'demo' });
    await startOn(ctx);
    expect(await ctx.store.listEditions(5)).toHaveLength(1);
    expect(sink.received.flatMap((m) => m.to)).toEqual(['reader@example.com']);
  });

  it('never mails the demo subscriber through a real relay, though dev-inbox mode added it earlier', async () => {
    const ctx = await context(false);
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
    expect(ctx.lines.map((l) => String(l.msg)).join('\n')).toMatch(
      /skipped the demo subscriber reader@example\.com: it gets mail only from the dev inbox, and SMTP_URL is set/,
    );
  });
});
