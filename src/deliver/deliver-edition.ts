import { setTimeout as sleep } from 'node:timers/promises';
import { DigestError } from '../errors.ts';
import type { OutgoingMessage } from '../models/message.ts';
import type { ClaimedDelivery, DigestStore, EditionProgress } from '../store/store.ts';

/** Sends one message; throws a DigestError (SMTP_TEMPORARY / SMTP_PERMANENT) on failure. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
}

/** Options of deliverEdition; all optional. */
export interface DeliverOptions {
  /** Messages in flight at once. Default 5 (match the SMTP pool). */
  concurrency?: number;
  /** Attempts per delivery before it fails for good. Default 5. */
  maxAttempts?: number;
  /** First retry delay, doubled each attempt. Default 2,000 ms. */
  backoffMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  maxBackoffMs?: number;
  /** Pause the edition when this share of attempts in this run failed (after 20 attempts). Default 0.5. */
  pauseFailureRatio?: number;
  /** Stop taking new work when aborted; in-flight sends finish and are recorded. */
  signal?: AbortSignal;
  onProgress?: (progress: EditionProgress) => void;
}

/** What one delivery run ended with. */
export interface DeliveryReport {
  editionId: string;
  progress: EditionProgress;
  /** done: nothing left; paused: too many failures; stopped: aborted by signal. */
  outcome: 'done' | 'paused' | 'stopped';
  lastErrors: string[];
}

/**
 * Drains an edition's outbox: claims due deliveries, sends them with bounded concurrency,
 * records each outcome before taking more. Crash-safe: a restart requeues what was "sending"
 * (resume), so at most the messages in flight at a crash are sent twice.
 */
export async function deliverEdition(
  store: DigestStore,
  mailer: Mailer,
  editionId: string,
  buildMessage: (delivery: ClaimedDelivery) => OutgoingMessage,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const concurrency = options.concurrency ?? 5;
  const stats = { attempts: 0, failures: 0, lastErrors: [] as string[] };
  await store.requeueSending(editionId);
  for (;;) {
    if (options.signal?.aborted) return finish(store, editionId, 'stopped', stats.lastErrors);
    if (stats.attempts >= 20 && stats.failures / stats.attempts >= (options.pauseFailureRatio ?? 0.5)) {
      await store.setEditionStatus(editionId, 'paused');
      return finish(store, editionId, 'paused', stats.lastErrors);
    }
    const batch = await store.claimDeliveries(editionId, concurrency * 4, new Date());
    if (batch.length === 0) {
      const due = await store.nextDueAt(editionId);
      if (!due) break;
      await sleep(Math.max(10, Math.min(due.getTime() - Date.now(), 1000)), undefined, { ref: true });
      continue;
    }
    await runPool(batch, concurrency, (d) => sendOne(store, mailer, d, buildMessage, options, stats));
    options.onProgress?.(await store.editionProgress(editionId));
  }
  await store.setEditionStatus(editionId, 'done');
  return finish(store, editionId, 'done', stats.lastErrors);
}

async function sendOne(
  store: DigestStore,
  mailer: Mailer,
  delivery: ClaimedDelivery,
  buildMessage: (delivery: ClaimedDelivery) => OutgoingMessage,
  options: DeliverOptions,
  stats: { attempts: number; failures: number; lastErrors: string[] },
): Promise<void> {
  stats.attempts++;
  try {
    await mailer.send(buildMessage(delivery));
    await store.markSent(delivery.editionId, delivery.subscriberId);
  } catch (cause) {
    stats.failures++;
    const error =
      cause instanceof DigestError ? cause : new DigestError('SMTP_TEMPORARY', String(cause), { cause });
    const line = `${delivery.email}: ${error.message}`;
    stats.lastErrors = [...stats.lastErrors.slice(-9), line];
    const maxAttempts = options.maxAttempts ?? 5;
    if (error.retryable && delivery.attempts < maxAttempts) {
      const delay = Math.min(
        (options.backoffMs ?? 2000) * 2 ** (delivery.attempts - 1),
        options.maxBackoffMs ?? 300_000,
      );
      await store.markRetry(
        delivery.editionId,
        delivery.subscriberId,
        error.message,
        new Date(Date.now() + delay),
      );
      return;
    }
    await store.markFailed(delivery.editionId, delivery.subscriberId, error.message);
    if (error.data.bounce === true) await store.setSubscriberStatus(delivery.email, 'bounced');
  }
}

/** Runs `work` over items with at most `limit` in flight. */
async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

async function finish(
  store: DigestStore,
  editionId: string,
  outcome: DeliveryReport['outcome'],
  lastErrors: string[],
): Promise<DeliveryReport> {
  return { editionId, progress: await store.editionProgress(editionId), outcome, lastErrors };
}
