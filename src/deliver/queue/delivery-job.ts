import { DigestError } from '../../errors.ts';
import type { OutgoingMessage } from '../../models/message.ts';
import type { ClaimedDelivery, DigestStore } from '../../store/store.ts';
import { markDeliveryBounced } from '../bounce-status.ts';
import type { Mailer } from '../deliver-edition.ts';
import { LeaveWatch, sendUnlessLeft } from '../leave-watch.ts';
import type { RateGate } from './rate-limit.ts';
import { localOutcomeWindow, type OutcomeWindow } from './shared-window.ts';

/** Options of DeliveryJobs: the same rules as the embedded outbox (see DeliverOptions). */
export interface DeliveryJobOptions {
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
  /** Messages in flight at once in this process, across its jobs (match the SMTP pool). Default 5. */
  concurrency?: number;
  /** Where outcomes are counted for the pause rule. Default: this process alone. */
  outcomes?: OutcomeWindow;
  /** Waits for the right to send each message (the global rate limit). Default: none. */
  rateGate?: RateGate;
}

/** What one batch job did; retryInMs: some of its deliveries are due again then (null: none left). */
export interface BatchOutcome {
  sent: number;
  failed: number;
  /** Not sent: the subscriber left after the claim (unsubscribed, bounced). */
  skipped: number;
  retried: number;
  /** The edition is paused (it was, or this batch paused it): the rest waits for a resume. */
  paused: boolean;
  retryInMs: number | null;
}

/** The settings key holding why an edition paused (read by the waiting side for its report). */
export const pauseReasonKey = (editionId: string) => `edition.${editionId}.pause_reason`;

/**
 * A batch of deliveries per job, with the store as the truth: the job claims its deliveries
 * in one statement (those sent already are left out, so a redelivered job does not mail them
 * twice), sends them through the shared lanes, records each outcome (sent ones grouped per
 * event-loop turn by the store). Retries, bounces and pauses follow the embedded outbox's rules.
 */
export class DeliveryJobs {
  readonly #sending = new Map<string, number>();
  readonly #pausedAt = new Map<string, number>();
  readonly #lanes: Lanes;
  readonly #outcomes: OutcomeWindow;
  readonly #leaving: LeaveWatch;

  constructor(
    readonly store: DigestStore,
    readonly mailer: Mailer,
    /** The message of a claimed delivery; null when its edition is unknown. */
    readonly build: (delivery: ClaimedDelivery) => Promise<OutgoingMessage | null>,
    readonly options: DeliveryJobOptions = {},
  ) {
    this.#lanes = new Lanes(options.concurrency ?? 5);
    this.#leaving = new LeaveWatch(store);
    this.#outcomes =
      options.outcomes ?? localOutcomeWindow(options.pauseWindow ?? 20, options.pauseFailureRatio ?? 0.5);
  }

  /**
   * Runs one batch job. `lastTry`: the queue will not run it again, so a temporary failure is
   * final. A delivery not due yet stays queued; retryInMs says when the job should run again.
   */
  async runBatch(editionId: string, subscriberIds: number[], lastTry = false): Promise<BatchOutcome> {
    const outcome: BatchOutcome = {
      sent: 0,
      failed: 0,
      skipped: 0,
      retried: 0,
      paused: false,
      retryInMs: null,
    };
    if (!(await this.#editionSending(editionId))) return { ...outcome, paused: true };
    const { claimed, nextDueAt } = await this.store.claimDeliveryBatch(editionId, subscriberIds, new Date());
    const retryAt: number[] = nextDueAt ? [nextDueAt.getTime()] : [];
    const ids = claimed.map((d) => d.subscriberId);
    this.#leaving.watch(ids);
    try {
      await Promise.all(
        claimed.map((delivery) => this.#lanes.run(() => this.#deliver(delivery, lastTry, outcome, retryAt))),
      );
    } finally {
      // Those given back unsent were never asked about.
      this.#leaving.forget(ids);
      const why = await this.#outcomes.flush(editionId).catch(() => null);
      if (why) await this.#pause(editionId, why);
    }
    if ((await this.store.getEdition(editionId))?.status === 'paused') outcome.paused = true;
    if (retryAt.length > 0) outcome.retryInMs = Math.max(0, Math.min(...retryAt) - Date.now());
    return outcome;
  }

  /** Sends one claimed delivery and records how it went; a paused edition gives it back. */
  async #deliver(
    delivery: ClaimedDelivery,
    lastTry: boolean,
    outcome: BatchOutcome,
    retryAt: number[],
  ): Promise<void> {
    const { editionId, subscriberId } = delivery;
    if (!(await this.#editionSending(editionId))) {
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      return;
    }
    let message: OutgoingMessage | null;
    try {
      message = await this.build(delivery);
    } catch (error) {
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      throw error;
    }
    if (!message) {
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      return;
    }
    await this.options.rateGate?.();
    // Someone who unsubscribed since the claim is not mailed. A database failure of that check
    // is thrown: the delivery stays claimed for the job's retry.
    const sent = await sendUnlessLeft(this.mailer, message, this.#leaving, subscriberId);
    if (sent instanceof DigestError) return this.#onFailure(delivery, sent, lastTry, outcome, retryAt);
    if (sent === 'withdrawn') {
      await this.store.markSkipped(editionId, subscriberId);
      outcome.skipped++;
      return;
    }
    await this.store.markSent(editionId, subscriberId);
    outcome.sent++;
    const why = await this.#outcomes.record(editionId, false);
    if (why) await this.#pause(editionId, why);
  }

  async #onFailure(
    delivery: ClaimedDelivery,
    error: DigestError,
    lastTry: boolean,
    outcome: BatchOutcome,
    retryAt: number[],
  ): Promise<void> {
    const { editionId, subscriberId } = delivery;
    if (error.code === 'SMTP_SETUP') {
      // Not the recipient's fault: the delivery goes back as it was, and the edition pauses.
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      await this.#outcomes.record(editionId, true);
      await this.#pause(editionId, `the SMTP server refused the session: ${error.message}`);
      return;
    }
    if (error.retryable && !lastTry && delivery.attempts < (this.options.maxAttempts ?? 5)) {
      const retryInMs = Math.min(
        (this.options.backoffMs ?? 2000) * 2 ** (delivery.attempts - 1),
        this.options.maxBackoffMs ?? 300_000,
      );
      await this.store.markRetry(editionId, subscriberId, error.message, new Date(Date.now() + retryInMs));
      retryAt.push(Date.now() + retryInMs);
      outcome.retried++;
    } else {
      await this.store.markFailed(editionId, subscriberId, error.message);
      if (error.data.bounce === true) await markDeliveryBounced(this.store, delivery, error);
      outcome.failed++;
    }
    const why = await this.#outcomes.record(editionId, true);
    if (why) await this.#pause(editionId, `${why}; last: ${error.message}`);
  }

  async #pause(editionId: string, why: string): Promise<void> {
    this.#sending.delete(editionId);
    // Lanes failing together pause once: the first reason is the one kept.
    if (Date.now() - (this.#pausedAt.get(editionId) ?? 0) < 1000) return;
    this.#pausedAt.set(editionId, Date.now());
    await this.store.setSetting(
      pauseReasonKey(editionId),
      `paused: ${why}. Fix the cause, then run \`digest send --resume\``,
    );
    await this.store.setEditionStatus(editionId, 'paused');
  }

  /** True while the edition is sending; a "sending" answer is trusted for a second, a pause never. */
  async #editionSending(editionId: string): Promise<boolean> {
    const checked = this.#sending.get(editionId);
    if (checked !== undefined && Date.now() - checked < 1000) return true;
    const record = await this.store.getEdition(editionId);
    if (record?.status !== 'sending') return false;
    this.#sending.set(editionId, Date.now());
    return true;
  }
}

/** At most `size` tasks at once, across every job of the process: the SMTP pool's lanes. */
class Lanes {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = Math.max(1, size);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
