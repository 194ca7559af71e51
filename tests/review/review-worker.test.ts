import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareEdition } from '../../src/pipeline.ts';
import { approveDraft } from '../../src/review/approve-draft.ts';
import { createEditionRunner } from '../../src/schedule/runner.ts';
import { startWorker, type Worker } from '../../src/schedule/worker.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { STORE_BACKENDS } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { until } from '../helpers/until.ts';
import { ingestSample } from '../schedule/context.ts';
import { EDITOR, mailsTo, OPS, openReviewContext, type ReviewContext } from './review-context.ts';

describe('the worker with DIGEST_REVIEW=required, on the real clock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let ctx: ReviewContext;
  let worker: Worker;

  beforeEach(async () => {
    temp = makeTempDir('digest-review-worker-');
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await worker?.stop();
    await ctx?.close();
    await sink.close();
    temp.remove();
  });

  it('drafts ahead of the slot, holds the unapproved draft at the slot, and sends it once approved', async () => {
    const sqlite = STORE_BACKENDS[0];
    if (!sqlite) throw new Error('no SQLite backend');
    // A slot every second and a lead of five: the next slot is always within the lead.
    ctx = await openReviewContext(sqlite, temp.dir, sink.url, {
      DIGEST_CRON: '* * * * * *',
      DIGEST_REVIEW_LEAD: '5s',
    });
    await ctx.store.addSubscriber('ana@example.org', null);
    // The draft must be made before its slot, a second or less away: warm the analysis and the
    // rendering first, so that a loaded machine's first, cold preparation does not outlast it.
    await prepareEdition(await ingestSample(), ctx.config);
    const runner = createEditionRunner(ctx, { logger: ctx.logger, loadSources: ingestSample });
    worker = startWorker(ctx, { runner, logger: ctx.logger, sendOnFirstStart: false, reviewTickMs: 100 });
    await worker.ready;

    await until(async () => (await ctx.store.drafts.list(1))[0]?.heldAt != null);
    const [draft] = await ctx.store.drafts.list(1);
    expect(draft?.slot).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(sink.received.flatMap((m) => m.to)).not.toContain('ana@example.org');
    await until(async () => (await mailsTo(sink.received, EDITOR)).length >= 2);
    const subjects = (await mailsTo(sink.received, EDITOR)).map((m) => m.subject ?? '');
    expect(subjects[0]).toMatch(/Draft ready for review/);
    expect(subjects[1]).toMatch(/Draft held/);
    // Under load a tick may also find the worker busy ("missed: busy"): the held draft's own
    // alert is the one that must come.
    await until(async () =>
      (await mailsTo(sink.received, OPS)).some((m) => /missed: unapproved/.test(m.subject ?? '')),
    );

    await approveDraft(ctx.store, draft?.id ?? '', { actor: EDITOR });
    await until(() => sink.received.some((m) => m.to.includes('ana@example.org')));
    await until(async () => (await ctx.store.drafts.get(draft?.id ?? ''))?.status === 'sent');
    expect((await ctx.store.getEdition(draft?.id ?? ''))?.slot).toBe(draft?.slot);
    expect(sink.received.filter((m) => m.to.includes('ana@example.org'))).toHaveLength(1);
  });
});
