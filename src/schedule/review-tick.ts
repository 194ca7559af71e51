import type { ScheduledTask } from 'node-cron';
import type { Logger } from '../log.ts';
import type { PipelineContext } from '../pipeline.ts';
import { asSlotText } from '../store/drafts.ts';
import type { EditionRunner } from './runner.ts';

/** The running review tick. */
export interface ReviewTick {
  /** Resolves when the tick's run in progress (if any) has ended. */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * DIGEST_REVIEW=required: every `everyMs` (and at once), sends the approved drafts that are
 * due and, once the next slot is DIGEST_REVIEW_LEAD away or closer, makes its draft (one try
 * per slot per process: no new articles now, the slot itself tries again).
 */
export function startReviewTick(
  ctx: PipelineContext,
  options: { runner: EditionRunner; logger: Logger; task: ScheduledTask; everyMs: number },
): ReviewTick {
  const { runner, logger, task } = options;
  let tried: string | null = null;
  let current: Promise<void> | null = null;
  const tick = async () => {
    const next = task.getNextRun();
    const slot = next ? asSlotText(next) : null;
    const due = next !== null && slot !== tried && next.getTime() - ctx.config.reviewLeadMs <= Date.now();
    const draftFor = due ? slot : null;
    const result = await runner.run({ tick: { draftFor } });
    if (result.kind === 'busy') return;
    if (draftFor) tried = draftFor;
    if (result.kind === 'drafted' && result.draft && result.created) {
      logger.info(
        { slot: draftFor, draftId: result.draft.id },
        `draft ${result.draft.id} for slot ${draftFor} made`,
      );
    } else if (result.kind === 'drafted' && draftFor) {
      logger.info({ slot: draftFor }, `no draft for slot ${draftFor} yet: no new articles`);
    }
  };
  const run = () => {
    if (current || runner.busy) return;
    current = tick()
      .catch((error: unknown) => logger.error({ err: error }, 'the review tick failed'))
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(run, options.everyMs);
  timer.unref();
  run();
  return {
    idle: async () => {
      await current;
    },
    stop: () => clearInterval(timer),
  };
}
