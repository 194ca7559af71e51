import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DigestError } from '../../errors.ts';
import type { DigestStore } from '../../store/store.ts';

/** The BullMQ queue every edition's deliveries go through. */
export const QUEUE_NAME = 'digest-deliveries';
/** The name of the backoff strategy senders register (see retryDelay). */
export const BACKOFF_TYPE = 'digest';

/** One job: the deliveries of one edition to a range of subscriber ids. The store holds the rest. */
export interface DeliveryJobData {
  editionId: string;
  subscriberIds: number[];
}

/**
 * Subscriber ids per job. A job costs a few Redis round trips and one claim statement, so
 * one per delivery cost more than the SMTP exchange (798 msg/s against 2,825 for the embedded
 * sender in the same bench run); a batch of 100 shares that cost.
 */
export const JOB_BATCH = 100;

/** Fans an edition's deliveries out into queue jobs; senders (see sender.ts) drain them. */
export interface DeliveryQueue {
  /**
   * Adds one job per range of JOB_BATCH subscriber ids that has deliveries still to send (queued
   * or sending), streaming the outbox a page at a time. Idempotent: a range whose job is still
   * in the queue is not added twice (its job id is the range's), and a job whose deliveries were
   * sent meanwhile does nothing. Returns how many deliveries the added jobs carry.
   */
  enqueueEdition(store: DigestStore, editionId: string): Promise<number>;
  /**
   * Resolves once no job of the edition is running (or after `timeoutMs`): a paused edition's
   * jobs finish their turn (giving their deliveries back) after the pause is visible, and a
   * resume fanned out before they are gone would be ignored, their job ids still taken.
   */
  settle(editionId: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Options of createDeliveryQueue. */
export interface DeliveryQueueOptions {
  /**
   * BullMQ attempts per job: a job runs again whenever some of its deliveries wait for a
   * retry, so this allows twice SMTP_MAX_ATTEMPTS and more; the store decides when to stop.
   */
  maxAttempts: number;
  /** Subscriber ids per job (a range of ids, so sparse ids make smaller jobs). Default JOB_BATCH. */
  batchSize?: number;
}

/**
 * A Redis connection for BullMQ. maxRetriesPerRequest null: a worker's blocking commands wait
 * out a Redis restart instead of failing. Errors are reported by the calls that hit them.
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', () => undefined);
  return redis;
}

/**
 * The stable job id of a range of subscriber ids: while its job waits, runs or waits for a
 * retry, offering the range again adds nothing, so no delivery is ever in two live jobs.
 */
export function jobId(editionId: string, range: number): string {
  return `${editionId}.r${range}`;
}

interface PendingJob {
  range: number;
  subscriberIds: number[];
  dueAt: number;
}

/** The producer side of the delivery queue, on the Redis at `redisUrl`. */
export function createDeliveryQueue(redisUrl: string, options: DeliveryQueueOptions): DeliveryQueue {
  const connection = connectRedis(redisUrl);
  const queue = new Queue<DeliveryJobData>(QUEUE_NAME, {
    connection,
    defaultJobOptions: {
      attempts: (options.maxAttempts + 2) * 2,
      backoff: { type: BACKOFF_TYPE },
      // The store keeps the outcome; Redis keeps only what is still to do.
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  return {
    async enqueueEdition(store, editionId) {
      let offered = 0;
      let jobs: PendingJob[] = [];
      const flush = async () => {
        await queue.addBulk(
          jobs.map((job) => ({
            name: 'deliver',
            data: { editionId, subscriberIds: job.subscriberIds },
            opts: { jobId: jobId(editionId, job.range), delay: Math.max(0, job.dueAt - Date.now()) },
          })),
        );
        offered += jobs.reduce((n, job) => n + job.subscriberIds.length, 0);
        jobs = [];
      };
      try {
        for await (const pending of store.pendingDeliveries(editionId)) {
          const range = Math.floor(pending.subscriberId / (options.batchSize ?? JOB_BATCH));
          let job = jobs.at(-1);
          if (job?.range !== range) {
            if (jobs.length >= 50) await flush();
            job = { range, subscriberIds: [], dueAt: Number.POSITIVE_INFINITY };
            jobs.push(job);
          }
          job.subscriberIds.push(pending.subscriberId);
          job.dueAt = Math.min(job.dueAt, pending.dueAt.getTime());
        }
        if (jobs.length > 0) await flush();
      } catch (cause) {
        throw new DigestError(
          'STORE_FAILED',
          `cannot queue edition ${editionId}: ${(cause as Error).message}`,
          {
            cause,
            retryable: true,
          },
        );
      }
      return offered;
    },
    async settle(editionId, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const active = await queue.getJobs(['active'], 0, -1);
        if (!active.some((job) => (job.data as DeliveryJobData | undefined)?.editionId === editionId)) return;
        await sleep(50);
      }
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
