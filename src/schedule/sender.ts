import { DeliveryJobs, type JobOutcome } from '../deliver/queue/delivery-job.ts';
import { type QueueSender, startQueueSender } from '../deliver/queue/sender.ts';
import { DigestError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { buildMessage, type PipelineContext, renderOptions } from '../pipeline.ts';
import { type RenderedEdition, renderEdition } from '../render/render-edition.ts';

/** Editions kept rendered per sender: the ones being sent now. */
const RENDER_CACHE = 4;

/** How often a sender logs its counts while it works, ms. */
const REPORT_EVERY_MS = 10_000;

/**
 * A queue sender wired to the pipeline: each job's message is built exactly as the embedded
 * outbox builds it (the edition rendered once per process, personalized per recipient).
 * Needs REDIS_URL. close() stops taking jobs and lets those in flight finish.
 */
export function startSender(ctx: PipelineContext, logger: Logger): QueueSender {
  const { config } = ctx;
  if (!config.redisUrl) throw new DigestError('CONFIG_INVALID', 'REDIS_URL must be set to run a sender');
  const render = renderCache(ctx);
  const jobs = new DeliveryJobs(
    ctx.store,
    ctx.mailer,
    async (delivery) => {
      const rendered = await render(delivery.editionId);
      // The Date header is the time of sending, as in the embedded outbox.
      return rendered && { ...buildMessage(rendered, delivery, config, ctx.secret), date: new Date() };
    },
    {
      maxAttempts: config.smtpMaxAttempts,
      backoffMs: config.smtpRetryBaseMs,
      pauseFailureRatio: config.smtpPauseFailureRatio,
    },
  );
  const counts = new Map<JobOutcome['kind'], number>();
  let dirty = false;
  const timer = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    logger.info(Object.fromEntries(counts), `sender: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  }, REPORT_EVERY_MS);
  timer.unref();
  const sender = startQueueSender(jobs, {
    redisUrl: config.redisUrl,
    concurrency: config.smtpPoolSize,
    ratePerSecond: config.smtpRatePerSecond,
    lockMs: config.senderLockMs,
    onOutcome: (outcome, data) => {
      counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
      dirty = true;
      if (outcome.kind === 'edition-paused') logger.debug(data, 'job skipped: its edition is paused');
    },
    onError: (error) => logger.error({ err: error }, 'sender: queue error'),
  });
  logger.info(
    { concurrency: config.smtpPoolSize, ratePerSecond: config.smtpRatePerSecond },
    `sender: taking delivery jobs (${config.smtpPoolSize} at a time)`,
  );
  return {
    async close() {
      clearInterval(timer);
      await sender.close();
    },
  };
}

/** Renders each edition once per process (the last few kept), loading it from the store. */
function renderCache(ctx: PipelineContext): (editionId: string) => Promise<RenderedEdition | null> {
  const cache = new Map<string, Promise<RenderedEdition | null>>();
  return (editionId) => {
    const hit = cache.get(editionId);
    if (hit) return hit;
    const rendered = ctx.store
      .getEdition(editionId)
      .then((record) =>
        record ? renderEdition(record.edition, renderOptions(ctx.config, ctx.secret)) : null,
      );
    // A failed render is not kept: the next job tries again.
    rendered.catch(() => cache.delete(editionId));
    cache.set(editionId, rendered);
    for (const key of cache.keys()) if (cache.size > RENDER_CACHE) cache.delete(key);
    return rendered;
  };
}
