import { createTask, type ScheduledTask } from 'node-cron';
import type { Article } from '../models/article.ts';
import { type PipelineContext, resumeEditions, sendEdition } from '../pipeline.ts';

/** Options of the worker. */
export interface WorkerOptions {
  /** Reads the configured sources anew at each slot. */
  loadSources: () => Promise<Article[]>;
  /** Send one edition at start when the store has never had one (the first-run demo). Default true. */
  sendOnFirstStart?: boolean;
  signal?: AbortSignal;
}

/** A running worker; stop() waits for the run in progress. */
export interface Worker {
  task: ScheduledTask;
  /** Resolves when the start-up work (resume, first edition) is done. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Fires one edition per DIGEST_CRON slot in DIGEST_TZ (node-cron, no overlapping runs).
 * On start it finishes unfinished editions, and sends a first edition when none exists.
 */
export function startWorker(ctx: PipelineContext, options: WorkerOptions): Worker {
  let running: Promise<unknown> = Promise.resolve();
  const run = (slot: string | null) => {
    running = running
      .then(() => runSlot(ctx, options, slot))
      .catch((e: unknown) => ctx.log(`run failed: ${String(e)}`));
    return running;
  };
  const task = createTask(ctx.config.cron, (context) => run(context.date.toISOString().slice(0, 16)), {
    timezone: ctx.config.timeZone,
    noOverlap: true,
    name: 'digest',
  });
  const ready = (async () => {
    await resumeEditions(ctx, { signal: options.signal });
    const first = (await ctx.store.listEditions(1)).length === 0;
    if (first && (options.sendOnFirstStart ?? true)) await run(null);
    if (!options.signal?.aborted) await task.start();
    ctx.log(
      `next edition at ${task.getNextRun()?.toISOString() ?? 'never'} (${ctx.config.cron}, ${ctx.config.timeZone})`,
    );
  })();
  return {
    task,
    ready,
    async stop() {
      await task.stop();
      await ready.catch(() => {});
      await running;
    },
  };
}

async function runSlot(ctx: PipelineContext, options: WorkerOptions, slot: string | null): Promise<void> {
  if (options.signal?.aborted) return;
  const articles = await options.loadSources();
  await sendEdition(ctx, articles, { slot, deliver: { signal: options.signal } });
}
