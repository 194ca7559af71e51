import { DeliveryJobs } from '../deliver/queue/delivery-job.ts';
import { connectRedis } from '../deliver/queue/delivery-queue.ts';
import { redisRateGate } from '../deliver/queue/rate-limit.ts';
import { type QueueSender, startQueueSender } from '../deliver/queue/sender.ts';
import { redisOutcomeWindow } from '../deliver/queue/shared-window.ts';
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
  // The pause rule and the rate limit count across every sender, through Redis.
  const redis = connectRedis(config.redisUrl);
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
      concurrency: config.smtpPoolSize,
      outcomes: redisOutcomeWindow(redis, 20, config.smtpPauseFailureRatio),
      rateGate: redisRateGate(redis, config.smtpRatePerSecond),
    },
  );
  const counts = new Map<'sent' | 'failed' | 'retried' | 'paused jobs', number>();
  const count = (kind: 'sent' | 'failed' | 'retried' | 'paused jobs', n: number) => {
    if (n > 0) counts.set(kind, (counts.get(kind) ?? 0) + n);
  };
  let dirty = false;
  const timer = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    logger.info(Object.fromEntries(counts), `sender: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  }, REPORT_EVERY_MS);
  timer.unref();
  const sender = startQueueSender(jobs, {
    redisUrl: config.redisUrl,
    lockMs: config.senderLockMs,
    onOutcome: (outcome, data) => {
      count('sent', outcome.sent);
      count('failed', outcome.failed);
      count('retried', outcome.retried);
      count('paused jobs', outcome.paused ? 1 : 0);
      dirty = true;
      if (outcome.paused) logger.debug({ editionId: data.editionId }, 'job stopped: its edition is paused');
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
      redis.disconnect();
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
