import { type Job, Worker } from 'bullmq';
import type { BatchOutcome, DeliveryJobs } from './delivery-job.ts';
import { connectRedis, type DeliveryJobData, QUEUE_NAME } from './delivery-queue.ts';

/** Options of startQueueSender. */
export interface QueueSenderOptions {
  redisUrl: string;
  /** Batch jobs run at once in this process (their messages share DeliveryJobs' lanes). Default 2. */
  jobsAtOnce?: number;
  /** How long this sender may go silent before its jobs in flight go to another sender, ms. */
  lockMs: number;
  /** Told each job's outcome (for logs and counts). */
  onOutcome?: (outcome: BatchOutcome, data: DeliveryJobData) => void;
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

/**
 * Drains the delivery queue with a BullMQ Worker: any number of these, in any number of
 * processes on any machines, share the work (the rate limit and the pause rule are shared
 * through Redis, see DeliveryJobs' options). A sender killed with a job in flight loses its lock
 * after `lockMs`; BullMQ then hands the job to another sender, which claims again the
 * deliveries left "sending": at most the messages that were in flight go out twice.
 * Two jobs at a time by default, so the next batch's claim overlaps the last one's sends.
 */
export function startQueueSender(jobs: DeliveryJobs, options: QueueSenderOptions): QueueSender {
  const connection = connectRedis(options.redisUrl);
  const worker = new Worker<DeliveryJobData, BatchOutcome>(
    QUEUE_NAME,
    async (job: Job<DeliveryJobData>) => {
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const outcome = await jobs.runBatch(job.data.editionId, job.data.subscriberIds, lastTry);
      options.onOutcome?.(outcome, job.data);
      // Thrown so BullMQ keeps the job and runs it again after our backoff (see backoffStrategy).
      if (outcome.retryInMs !== null && !outcome.paused) {
        throw new RetryLater('some deliveries wait for a retry', outcome.retryInMs);
      }
      return outcome;
    },
    {
      connection,
      concurrency: Math.max(1, options.jobsAtOnce ?? 2),
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
