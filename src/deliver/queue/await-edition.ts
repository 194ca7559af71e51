import { setTimeout as sleep } from 'node:timers/promises';
import type { DigestStore, EditionProgress } from '../../store/store.ts';
import type { DeliveryReport } from '../deliver-edition.ts';
import { readLastErrors } from '../last-errors.ts';
import { pauseReasonKey } from './delivery-job.ts';
import type { DeliveryQueue } from './delivery-queue.ts';

/** Options of deliverThroughQueue; all optional. */
export interface QueueDeliverOptions {
  /** Stop waiting when aborted: the jobs stay queued for the senders. */
  signal?: AbortSignal;
  /** Told the counts at each look at the store. */
  onProgress?: (progress: EditionProgress) => void;
  /** How often the store is asked for progress, ms. Default 500. */
  pollMs?: number;
  /** Offer the jobs again after this long without progress (a job lost with Redis, say), ms. Default 60 s. */
  stallMs?: number;
  /** On a resume, how long to wait for the jobs that saw the pause to finish, ms. Default 30 s. */
  settleMs?: number;
}

const left = (p: EditionProgress) => p.queued + p.sending;

/**
 * Delivers an edition through the queue: fans it out into jobs, then follows its progress in
 * the store (the truth, whoever sends) until nothing is left, it pauses, or the signal aborts.
 * A paused edition given here (`send --resume`) is set sending again first.
 */
export async function deliverThroughQueue(
  store: DigestStore,
  queue: DeliveryQueue,
  editionId: string,
  options: QueueDeliverOptions = {},
): Promise<DeliveryReport> {
  const record = await store.getEdition(editionId);
  if (record?.status !== 'sending') {
    // A resume: the jobs that saw the pause may still be finishing; their ids must be free.
    await queue.settle(editionId, options.settleMs ?? 30_000);
    await store.setEditionStatus(editionId, 'sending');
  }
  await queue.enqueueEdition(store, editionId);
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const progress = await store.editionProgress(editionId);
    options.onProgress?.(progress);
    if (left(progress) === 0) {
      await store.setEditionStatus(editionId, 'done');
      return report(store, editionId, progress, 'done', null);
    }
    if ((await store.getEdition(editionId))?.status === 'paused') {
      const reason = (await store.getSetting(pauseReasonKey(editionId))) ?? 'paused by a sender';
      return report(store, editionId, progress, 'paused', reason);
    }
    if (options.signal?.aborted) {
      return report(store, editionId, progress, 'stopped', 'stopped: the jobs stay queued for the senders');
    }
    const done = progress.sent + progress.failed + progress.skipped;
    if (done !== last) [last, lastChange] = [done, Date.now()];
    if (Date.now() - lastChange > (options.stallMs ?? 60_000)) {
      await queue.enqueueEdition(store, editionId);
      lastChange = Date.now();
    }
    await sleep(options.pollMs ?? 500, undefined, options.signal ? { signal: options.signal } : {}).catch(
      () => undefined,
    );
  }
}

async function report(
  store: DigestStore,
  editionId: string,
  progress: EditionProgress,
  outcome: DeliveryReport['outcome'],
  reason: string | null,
): Promise<DeliveryReport> {
  return { editionId, progress, outcome, reason, lastErrors: await readLastErrors(store, editionId) };
}
