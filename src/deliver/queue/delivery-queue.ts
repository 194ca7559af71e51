import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DigestError } from '../../errors.ts';
import type { DigestStore } from '../../store/store.ts';

/** The BullMQ queue every edition's deliveries go through. */
export const QUEUE_NAME = 'digest-deliveries';
/** The name of the backoff strategy senders register (see retryDelay). */
export const BACKOFF_TYPE = 'digest';

/** One job: one delivery. The store holds the rest (address, attempts, status). */
export interface DeliveryJobData {
  editionId: string;
  subscriberId: number;
}

/** Jobs added per round trip when an edition fans out. */
const FAN_OUT_BATCH = 500;

/** Fans an edition's deliveries out into queue jobs; senders (see sender.ts) drain them. */
export interface DeliveryQueue {
  /**
   * Adds one job per delivery still to send (queued or sending), streaming the outbox a page
   * at a time. Idempotent: a delivery whose job is still in the queue is not added twice, and
   * a job whose delivery was sent meanwhile does nothing. Returns how many jobs were offered.
   */
  enqueueEdition(store: DigestStore, editionId: string): Promise<number>;
  close(): Promise<void>;
}

/** Options of createDeliveryQueue. */
export interface DeliveryQueueOptions {
  /** BullMQ attempts per job: a few more than SMTP_MAX_ATTEMPTS, since the store decides when to stop. */
  maxAttempts: number;
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

/** The stable job id of a delivery: adding it twice while it waits adds it once. */
export function jobId(data: DeliveryJobData): string {
  return `${data.editionId}.${data.subscriberId}`;
}

/** The producer side of the delivery queue, on the Redis at `redisUrl`. */
export function createDeliveryQueue(redisUrl: string, options: DeliveryQueueOptions): DeliveryQueue {
  const connection = connectRedis(redisUrl);
  const queue = new Queue<DeliveryJobData>(QUEUE_NAME, {
    connection,
    defaultJobOptions: {
      attempts: options.maxAttempts + 2,
      backoff: { type: BACKOFF_TYPE },
      // The store keeps the outcome; Redis keeps only what is still to do.
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  return {
    async enqueueEdition(store, editionId) {
      let batch: { name: string; data: DeliveryJobData; opts: { jobId: string; delay: number } }[] = [];
      let offered = 0;
      const flush = async () => {
        await queue.addBulk(batch);
        offered += batch.length;
        batch = [];
      };
      try {
        for await (const pending of store.pendingDeliveries(editionId)) {
          const data = { editionId, subscriberId: pending.subscriberId };
          const delay = Math.max(0, pending.dueAt.getTime() - Date.now());
          batch.push({ name: 'deliver', data, opts: { jobId: jobId(data), delay } });
          if (batch.length >= FAN_OUT_BATCH) await flush();
        }
        if (batch.length > 0) await flush();
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
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
