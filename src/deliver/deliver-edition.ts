import { setTimeout as sleep } from 'node:timers/promises';
import { DigestError } from '../errors.ts';
import type { OutgoingMessage } from '../models/message.ts';
import type { ClaimedDelivery, DigestStore, EditionProgress } from '../store/store.ts';
import { markDeliveryBounced } from './bounce-status.ts';
import { FailureWindow } from './failure-window.ts';
import { readLastErrors } from './last-errors.ts';
import { LeaveWatch, sendUnlessLeft } from './leave-watch.ts';

/** Options of one send. */
export interface SendOptions {
  /**
   * Asked after any rate-limit wait, just before the SMTP transaction: false withdraws the
   * message (nothing is sent; send resolves "withdrawn"). The recipient may have left meanwhile.
   */
  stillWanted?: () => Promise<boolean>;
}

/**
 * Sends one message ("sent"), or withdraws it when `stillWanted` says no ("withdrawn"); throws a
 * DigestError (SMTP_TEMPORARY / SMTP_PERMANENT / SMTP_SETUP) on failure.
 */
export interface Mailer {
  send(message: OutgoingMessage, options?: SendOptions): Promise<'sent' | 'withdrawn'>;
}

/** Options of deliverEdition; all optional. */
export interface DeliverOptions {
  /** Messages in flight at once. Default 5 (match the SMTP pool). */
  concurrency?: number;
  /** Deliveries claimed per store transaction. Default max(50, concurrency × 10). */
  batchSize?: number;
  /** Attempts per delivery before a temporary failure counts as failed for good. Default 5. */
  maxAttempts?: number;
  /** First retry delay, doubled each attempt. Default 2,000 ms. */
  backoffMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  maxBackoffMs?: number;
  /** Pause the edition when this share of the last `pauseWindow` attempts failed. Default 0.5. */
  pauseFailureRatio?: number;
  /** How many recent attempts the failure ratio looks at. Default 20. */
  pauseWindow?: number;
  /** Stop taking new work when aborted; in-flight sends finish and are recorded. */
  signal?: AbortSignal;
  /** Told the counts after each claimed batch (kept in memory: no query per message). */
  onProgress?: (progress: EditionProgress) => void;
}

/** What one delivery run ended with. */
export interface DeliveryReport {
  editionId: string;
  progress: EditionProgress;
  /** done: nothing left; paused: too many failures or the SMTP session refused; stopped: aborted. */
  outcome: 'done' | 'paused' | 'stopped';
  /** Why it paused or stopped, one line for people; null when done. */
  reason: string | null;
  /** `email: error` of deliveries not sent (oldest first, at most 10): see readLastErrors. */
  lastErrors: string[];
}

/**
 * Drains an edition's outbox with `concurrency` lanes fed from claimed batches; each outcome
 * is recorded before the lane takes more. Crash-safe: a restart requeues what was "sending",
 * so at most the messages in flight at a crash are sent twice. Assumes one sender per edition.
 */
export async function deliverEdition(
  store: DigestStore,
  mailer: Mailer,
  editionId: string,
  buildMessage: (delivery: ClaimedDelivery) => OutgoingMessage,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  await store.requeueSending(editionId);
  const run = new DeliveryRun(store, mailer, editionId, buildMessage, options);
  await run.drain();
  return run.finish();
}

class DeliveryRun {
  readonly #queue: ClaimedDelivery[] = [];
  readonly #window: FailureWindow;
  readonly #leaving: LeaveWatch;
  #refilling: Promise<void> | null = null;
  #exhausted = false;
  #pauseReason: string | null = null;
  #progress: EditionProgress | null = null;

  constructor(
    readonly store: DigestStore,
    readonly mailer: Mailer,
    readonly editionId: string,
    readonly build: (delivery: ClaimedDelivery) => OutgoingMessage,
    readonly options: DeliverOptions,
  ) {
    this.#window = new FailureWindow(options.pauseWindow ?? 20);
    this.#leaving = new LeaveWatch(store);
  }

  /** Runs the lanes until nothing is queued, the edition pauses, or the signal aborts. */
  async drain(): Promise<void> {
    this.#progress = await this.store.editionProgress(this.editionId);
    const lanes = Math.max(1, this.options.concurrency ?? 5);
    for (;;) {
      this.#exhausted = false;
      const results = await Promise.allSettled(Array.from({ length: lanes }, () => this.#lane()));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) {
        await this.#releaseQueued();
        throw failed.reason;
      }
      // A lane may have requeued a retry after the others found the queue empty.
      if (this.#stopped() || (await this.store.nextDueAt(this.editionId)) === null) return;
    }
  }

  async finish(): Promise<DeliveryReport> {
    await this.#releaseQueued();
    const aborted = this.options.signal?.aborted === true;
    const outcome = this.#pauseReason ? 'paused' : aborted ? 'stopped' : 'done';
    if (outcome !== 'stopped') await this.store.setEditionStatus(this.editionId, outcome);
    const progress = await this.store.editionProgress(this.editionId);
    this.options.onProgress?.(progress);
    const reason = this.#pauseReason ?? (aborted ? 'stopped: the process is shutting down' : null);
    const lastErrors = await readLastErrors(this.store, this.editionId);
    return { editionId: this.editionId, progress, outcome, reason, lastErrors };
  }

  #stopped(): boolean {
    return this.#pauseReason !== null || this.options.signal?.aborted === true;
  }

  async #lane(): Promise<void> {
    for (;;) {
      const delivery = await this.#take();
      if (!delivery) return;
      await this.#sendOne(delivery);
    }
  }

  async #take(): Promise<ClaimedDelivery | null> {
    while (!this.#stopped()) {
      const next = this.#queue.shift();
      if (next) return next;
      if (this.#exhausted) return null;
      this.#refilling ??= this.#refill().finally(() => {
        this.#refilling = null;
      });
      await this.#refilling;
    }
    return null;
  }

  /** Claims the next batch; when none is due yet, waits for the earliest retry. */
  async #refill(): Promise<void> {
    const size = this.options.batchSize ?? Math.max(50, (this.options.concurrency ?? 5) * 10);
    while (!this.#stopped()) {
      const batch = await this.store.claimDeliveries(this.editionId, size, new Date());
      if (batch.length > 0) {
        this.#queue.push(...batch);
        this.#leaving.watch(batch.map((d) => d.subscriberId));
        if (this.#progress) this.options.onProgress?.({ ...this.#progress });
        return;
      }
      const due = await this.store.nextDueAt(this.editionId);
      if (!due) {
        this.#exhausted = true;
        return;
      }
      await this.#wait(Math.max(10, Math.min(due.getTime() - Date.now(), 1000)));
    }
  }

  async #wait(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.options.signal });
    } catch (error) {
      // Aborted: the caller's loop sees the signal and stops; anything else is a real error.
      if (!this.options.signal?.aborted) throw error;
    }
  }

  async #sendOne(delivery: ClaimedDelivery): Promise<void> {
    // Someone who unsubscribed since the claim is not mailed.
    const sent = await sendUnlessLeft(
      this.mailer,
      this.build(delivery),
      this.#leaving,
      delivery.subscriberId,
    );
    if (sent instanceof DigestError) return this.#onFailure(delivery, sent);
    if (sent === 'withdrawn') {
      await this.store.markSkipped(delivery.editionId, delivery.subscriberId);
      this.#count('skipped');
      return;
    }
    await this.store.markSent(delivery.editionId, delivery.subscriberId);
    this.#window.record(false);
    this.#count('sent');
  }

  async #onFailure(delivery: ClaimedDelivery, error: DigestError): Promise<void> {
    this.#window.record(true);
    if (error.code === 'SMTP_SETUP') {
      // Not the recipient's fault: the delivery goes back as it was, and the edition pauses.
      await this.store.releaseDeliveries(delivery.editionId, [delivery.subscriberId]);
      this.#pause(`the SMTP server refused the session: ${error.message}`);
      return;
    }
    if (error.retryable && delivery.attempts < (this.options.maxAttempts ?? 5)) {
      const delay = Math.min(
        (this.options.backoffMs ?? 2000) * 2 ** (delivery.attempts - 1),
        this.options.maxBackoffMs ?? 300_000,
      );
      await this.store.markRetry(
        delivery.editionId,
        delivery.subscriberId,
        error.message,
        new Date(Date.now() + delay),
      );
    } else {
      await this.store.markFailed(delivery.editionId, delivery.subscriberId, error.message);
      if (error.data.bounce === true) await markDeliveryBounced(this.store, delivery, error);
      this.#count('failed');
    }
    if (this.#window.exceeds(this.options.pauseFailureRatio ?? 0.5)) {
      this.#pause(`${this.#window.describe()}; last: ${error.message}`);
    }
  }

  #pause(why: string): void {
    this.#pauseReason ??= `paused: ${why}. Fix the cause, then run \`digest send --resume\``;
  }

  #count(status: 'sent' | 'failed' | 'skipped'): void {
    if (!this.#progress) return;
    this.#progress[status]++;
    this.#progress.queued = Math.max(0, this.#progress.queued - 1);
  }

  async #releaseQueued(): Promise<void> {
    const ids = this.#queue.splice(0).map((d) => d.subscriberId);
    this.#leaving.forget(ids);
    if (ids.length > 0) await this.store.releaseDeliveries(this.editionId, ids);
  }
}
