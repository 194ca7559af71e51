import { createTask, type ScheduledTask, type TaskContext } from 'node-cron';
import { DigestError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { PipelineContext } from '../pipeline.ts';
import { asSlotText } from '../store/drafts.ts';
import { startReviewTick } from './review-tick.ts';
import type { EditionRunner, RunResult } from './runner.ts';
import { unreadSources } from './source-reads.ts';

/** Settings keys the worker keeps in the store. */
export const LAST_SLOT_KEY = 'schedule.last_slot';
export const NEXT_SLOT_KEY = 'schedule.next_slot';

/** After downtime: skip the missed slots, or run one edition at start for them. */
export type CatchUpPolicy = 'skip' | 'once';

/** Options of the worker. */
export interface WorkerOptions {
  runner: EditionRunner;
  logger: Logger;
  /** Default: the configuration's DIGEST_CATCH_UP. */
  catchUp?: CatchUpPolicy;
  /**
   * Send one edition at start when the store has never had one: the first-run demo, for the
   * dev inbox only. Default: true without SMTP_URL, false with it (an operator who imported a
   * list and starts the service must not mail everyone before the first slot).
   */
  sendOnFirstStart?: boolean;
  /** Aborted = stop taking work (the runner's signal stops deliveries in flight). */
  signal?: AbortSignal;
  /** DIGEST_REVIEW=required: how often due drafts and the next slot's draft are looked at, ms. Default 30 s. */
  reviewTickMs?: number;
}

/** A running worker; stop() stops the schedule and waits for the run in progress. */
export interface Worker {
  task: ScheduledTask;
  /** Resolves when the start-up work (resume, catch-up, first edition) is done and the schedule runs. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** A slot's key: its fire time to the second, in UTC (`2026-01-06T07:00:00Z`). */
export const slotKey: (date: Date) => string = asSlotText;

/**
 * Fires one edition per DIGEST_CRON slot in DIGEST_TZ. node-cron's noOverlap skips a slot
 * while the previous run goes on; the runner's lease keeps workers on one database from
 * running twice; the slot key keeps a slot to one edition. On start: finish unfinished
 * editions, apply the catch-up policy, and send a first edition when none exists.
 */
export function startWorker(ctx: PipelineContext, options: WorkerOptions): Worker {
  const { logger, runner } = options;
  let tick: ReturnType<typeof startReviewTick> | null = null;
  const task: ScheduledTask = makeTask(ctx, logger, async (context) => {
    // The review tick's own short run must not make the slot find the runner busy.
    await tick?.idle();
    await fire(ctx, options, task, slotKey(context.date));
  });
  task.on('execution:missed', (c) => {
    logger.warn({ slot: slotKey(c.date) }, `slot ${slotKey(c.date)} missed: the process was busy or asleep`);
    void ctx.notifier?.alert({ type: 'slot.missed', slot: slotKey(c.date), reason: 'asleep', draftId: null });
  });
  task.on('execution:overlap', (c) => {
    logger.warn(
      { slot: slotKey(c.date) },
      `slot ${slotKey(c.date)} skipped: the previous run is still going on`,
    );
    void ctx.notifier?.alert({ type: 'slot.missed', slot: slotKey(c.date), reason: 'busy', draftId: null });
  });
  const ready = startUp(ctx, options, task).then(() => {
    if (ctx.config.reviewRequired && !options.signal?.aborted) {
      tick = startReviewTick(ctx, { runner, logger, task, everyMs: options.reviewTickMs ?? 30_000 });
    }
  });
  return {
    task,
    ready,
    async stop() {
      tick?.stop();
      await task.stop();
      // A failed start-up is reported to whoever awaits `ready` (the service logs it and exits 1).
      await ready.catch(() => undefined);
      await runner.idle();
    },
  };
}

/** Resume, then the first edition or the catch-up, then the schedule. */
async function startUp(ctx: PipelineContext, options: WorkerOptions, task: ScheduledTask): Promise<void> {
  const { logger, runner } = options;
  const missed = await missedSlot(ctx);
  report(logger, null, await runner.run({ resumeOnly: true }));
  if (options.signal?.aborted) return;
  const first = (await ctx.store.listEditions(1)).length === 0;
  const demo = options.sendOnFirstStart ?? ctx.config.smtpUrl === null;
  if (first && demo) {
    report(logger, null, await runner.run({}));
  } else if (first && !missed) {
    logger.info(
      'no edition yet: the first goes out at the first DIGEST_CRON slot (none at start with SMTP_URL set)',
    );
  } else if (missed) {
    await catchUp(ctx, options, missed);
  }
  if (options.signal?.aborted) return;
  await task.start();
  await recordNextSlot(ctx, task);
  const next = task.getNextRun();
  logger.info(
    { cron: ctx.config.cron, timeZone: ctx.config.timeZone, next: next?.toISOString() ?? null },
    `next edition at ${next?.toISOString() ?? 'never'} (${ctx.config.cron}, ${ctx.config.timeZone})`,
  );
}

function makeTask(
  ctx: PipelineContext,
  logger: Logger,
  run: (context: TaskContext) => Promise<void>,
): ScheduledTask {
  // node-cron's own messages go to our log; its warnings (overlap, missed) are logged with the slot.
  const cronLogger = {
    info: (m: string) => logger.debug({ component: 'node-cron' }, m),
    warn: (m: string) => logger.debug({ component: 'node-cron' }, m),
    error: (m: string | Error) => logger.error({ component: 'node-cron', err: m }, String(m)),
    debug: (m: string | Error) => logger.debug({ component: 'node-cron' }, String(m)),
  };
  try {
    return createTask(ctx.config.cron, run, {
      timezone: ctx.config.timeZone,
      noOverlap: true,
      name: 'digest',
      logger: cronLogger,
    });
  } catch (cause) {
    throw new DigestError(
      'CRON_INVALID',
      `DIGEST_CRON "${ctx.config.cron}" in DIGEST_TZ ${ctx.config.timeZone} cannot be scheduled`,
      { cause },
    );
  }
}

async function fire(ctx: PipelineContext, options: WorkerOptions, task: ScheduledTask, slot: string) {
  if (options.signal?.aborted) return;
  await ctx.store.setSetting(LAST_SLOT_KEY, slot);
  await recordNextSlot(ctx, task);
  try {
    report(options.logger, slot, await options.runner.run({ slot }));
  } catch (error) {
    // One failed slot is logged; the schedule goes on with the next one.
    options.logger.error({ err: error, slot }, `slot ${slot} failed`);
  }
}

/** The slot that should have fired while no worker ran, or null. */
async function missedSlot(ctx: PipelineContext): Promise<string | null> {
  const next = await ctx.store.getSetting(NEXT_SLOT_KEY);
  return next !== null && Date.parse(next) < Date.now() ? next : null;
}

async function catchUp(ctx: PipelineContext, options: WorkerOptions, missed: string): Promise<void> {
  const policy = options.catchUp ?? ctx.config.catchUp;
  if (policy === 'skip') {
    options.logger.info({ missed }, `missed slot ${missed} (and any after it) skipped: DIGEST_CATCH_UP=skip`);
    return;
  }
  // Keyed by the missed slot: two workers catching up at once still make one edition.
  options.logger.info({ missed }, `missed slot ${missed}: one catch-up edition now (DIGEST_CATCH_UP=once)`);
  report(options.logger, missed, await options.runner.run({ slot: missed }));
}

async function recordNextSlot(ctx: PipelineContext, task: ScheduledTask): Promise<void> {
  const next = task.getNextRun();
  if (next) await ctx.store.setSetting(NEXT_SLOT_KEY, slotKey(next));
}

function report(logger: Logger, slot: string | null, result: RunResult): void {
  const label = slot ? `slot ${slot}` : 'start-up';
  if (result.kind === 'busy') {
    logger.warn(
      { slot, holder: result.holder },
      `${label} skipped: another run is in progress (${result.holder})`,
    );
  } else if (result.kind === 'ran' && result.editionId === null && slot !== null) {
    // "No new articles" only when every source was read: a failed one is said, with why.
    if (result.unread?.length)
      logger.warn({ slot, unread: result.unread }, `${label} skipped: ${unreadSources(result.unread)}`);
    else logger.info({ slot }, `${label} skipped: no new articles`);
  } else if (result.kind === 'held') {
    logger.info({ slot, draftId: result.draftId }, `${label}: draft ${result.draftId} held`);
  } else if (result.kind === 'drafted' && !result.draft && result.unread?.length) {
    logger.warn({ slot, unread: result.unread }, `${label}: no draft, ${unreadSources(result.unread)}`);
  } else if (result.kind === 'drafted') {
    const { draft } = result;
    logger.info(
      { slot, draftId: draft?.id ?? null },
      draft ? `${label}: draft ${draft.id} waits for an editor` : `${label}: no new articles for a draft`,
    );
  } else if (result.kind === 'ran' && result.editionId) {
    const outcome = result.reports.find((r) => r.editionId === result.editionId)?.outcome ?? 'done';
    logger.info(
      { slot, editionId: result.editionId, outcome },
      `${label}: edition ${result.editionId} ${outcome}`,
    );
    // Made from the sources that were read: the others are said, not only in a debug line.
    if (result.unread?.length)
      logger.warn(
        { slot, editionId: result.editionId, unread: result.unread },
        `${label}: not in the edition, ${unreadSources(result.unread)}`,
      );
  }
}
