import { type Job, Worker } from 'bullmq';
import type { DeliveryJobs, JobOutcome } from './delivery-job.ts';
import { connectRedis, type DeliveryJobData, QUEUE_NAME } from './delivery-queue.ts';

/** Options of startQueueSender. */
export interface QueueSenderOptions {
  redisUrl: string;
  /** Jobs (messages) in flight at once in this process: match the SMTP pool. */
  concurrency: number;
  /** Messages per second across ALL senders (BullMQ's limiter is global per queue); 0 = unlimited. */
  ratePerSecond: number;
  /** How long this sender may go silent before its jobs in flight go to another sender, ms. */
  lockMs: number;
  /** Told each job's outcome (for logs and counts). */
  onOutcome?: (outcome: JobOutcome, data: DeliveryJobData) => void;
  /** Told errors the worker cannot hand to a job (Redis down, say). */
  onError?: (error: Error) => void;
}

/** A running sender; close() stops taking jobs and waits for those in flight. */
export interface QueueSender {
  close(): Promise<void>;
}

/** A job that should run again after `delayMs` (our backoff, computed from the store's attempts). */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/** BullMQ's limiter window for a rate: 0.5/s = 1 per 2 s, 20/s = 20 per second. */
export function limiterFor(rate: number): { max: number; duration: number } | undefined {
  if (rate <= 0) return undefined;
  if (rate < 1) return { max: 1, duration: Math.round(1000 / rate) };
  return { max: Math.round(rate), duration: 1000 };
}

/**
 * Drains the delivery queue with a BullMQ Worker: any number of these, in any number of
 * processes on any machines, share the work (and the rate limit). A sender killed with jobs in
 * flight loses its lock after `lockMs`; BullMQ then hands those jobs to another sender.
 */
export function startQueueSender(jobs: DeliveryJobs, options: QueueSenderOptions): QueueSender {
  const connection = connectRedis(options.redisUrl);
  const limiter = limiterFor(options.ratePerSecond);
  const worker = new Worker<DeliveryJobData, JobOutcome>(
    QUEUE_NAME,
    async (job: Job<DeliveryJobData>) => {
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = await jobs.run(job.data.editionId, job.data.subscriberId, lastTry);
      options.onOutcome?.(outcome, job.data);
      // Thrown so BullMQ keeps the job and runs it again after our backoff (see backoffStrategy).
      if (outcome.kind === 'retry') throw new RetryLater('temporary failure: retry later', outcome.retryInMs);
      return outcome;
    },
    {
      connection,
      concurrency: Math.max(1, options.concurrency),
      ...(limiter ? { limiter } : {}),
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // A job is handed on at most this often when its senders keep dying with it.
      maxStalledCount: 5,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) =>
          error instanceof RetryLater
            ? error.delayMs
            : Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), 60_000),
      },
    },
  );
  worker.on('error', (error) => options.onError?.(error));
  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
