import { DigestError } from '../../errors.ts';
import type { OutgoingMessage } from '../../models/message.ts';
import type { ClaimedDelivery, DigestStore } from '../../store/store.ts';
import { markDeliveryBounced } from '../bounce-status.ts';
import type { Mailer } from '../deliver-edition.ts';
import { FailureWindow } from '../failure-window.ts';

/** Options of DeliveryJobs: the same rules as the embedded outbox (see DeliverOptions). */
export interface DeliveryJobOptions {
  /** Attempts per delivery before a temporary failure counts as failed for good. Default 5. */
  maxAttempts?: number;
  /** First retry delay, doubled each attempt. Default 2,000 ms. */
  backoffMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  maxBackoffMs?: number;
  /** Pause the edition when this share of this sender's last `pauseWindow` attempts failed. Default 0.5. */
  pauseFailureRatio?: number;
  /** How many recent attempts the failure ratio looks at. Default 20. */
  pauseWindow?: number;
}

/** What one job did. retry: the delivery is queued again, due in `retryInMs`. */
export type JobOutcome =
  | { kind: 'sent' | 'failed' | 'nothing-to-do' | 'edition-paused' }
  | { kind: 'retry'; retryInMs: number };

/** The settings key holding why an edition paused (read by the waiting side for its report). */
export const pauseReasonKey = (editionId: string) => `edition.${editionId}.pause_reason`;

/**
 * One delivery per job, with the store as the truth: the job claims its delivery (nothing to
 * do when it was sent already, so a redelivered job does not mail twice), sends, records the
 * outcome. Retries, bounces and pauses follow the embedded outbox's rules.
 */
export class DeliveryJobs {
  readonly #windows = new Map<string, FailureWindow>();
  readonly #sending = new Map<string, number>();

  constructor(
    readonly store: DigestStore,
    readonly mailer: Mailer,
    /** The message of a claimed delivery; null when its edition is unknown. */
    readonly build: (delivery: ClaimedDelivery) => Promise<OutgoingMessage | null>,
    readonly options: DeliveryJobOptions = {},
  ) {}

  /** Runs one job. `lastTry`: the queue will not run it again, so a temporary failure is final. */
  async run(editionId: string, subscriberId: number, lastTry = false): Promise<JobOutcome> {
    if (!(await this.#editionSending(editionId))) return { kind: 'edition-paused' };
    const delivery = await this.store.claimDelivery(editionId, subscriberId, new Date());
    if (!delivery) return { kind: 'nothing-to-do' };
    let message: OutgoingMessage | null;
    try {
      message = await this.build(delivery);
    } catch (error) {
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      throw error;
    }
    if (!message) {
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      return { kind: 'nothing-to-do' };
    }
    try {
      await this.mailer.send(message);
    } catch (cause) {
      const error =
        cause instanceof DigestError ? cause : new DigestError('SMTP_TEMPORARY', String(cause), { cause });
      return this.#onFailure(delivery, error, lastTry);
    }
    await this.store.markSent(editionId, subscriberId);
    this.#window(editionId).record(false);
    return { kind: 'sent' };
  }

  async #onFailure(delivery: ClaimedDelivery, error: DigestError, lastTry: boolean): Promise<JobOutcome> {
    const { editionId, subscriberId } = delivery;
    const window = this.#window(editionId);
    window.record(true);
    if (error.code === 'SMTP_SETUP') {
      // Not the recipient's fault: the delivery goes back as it was, and the edition pauses.
      await this.store.releaseDeliveries(editionId, [subscriberId]);
      await this.#pause(editionId, `the SMTP server refused the session: ${error.message}`);
      return { kind: 'edition-paused' };
    }
    let outcome: JobOutcome;
    if (error.retryable && !lastTry && delivery.attempts < (this.options.maxAttempts ?? 5)) {
      const retryInMs = Math.min(
        (this.options.backoffMs ?? 2000) * 2 ** (delivery.attempts - 1),
        this.options.maxBackoffMs ?? 300_000,
      );
      await this.store.markRetry(editionId, subscriberId, error.message, new Date(Date.now() + retryInMs));
      outcome = { kind: 'retry', retryInMs };
    } else {
      await this.store.markFailed(editionId, subscriberId, error.message);
      if (error.data.bounce === true) await markDeliveryBounced(this.store, delivery, error);
      outcome = { kind: 'failed' };
    }
    if (window.exceeds(this.options.pauseFailureRatio ?? 0.5)) {
      await this.#pause(editionId, `${window.describe()} on one sender; last: ${error.message}`);
    }
    return outcome;
  }

  async #pause(editionId: string, why: string): Promise<void> {
    this.#sending.delete(editionId);
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

  #window(editionId: string): FailureWindow {
    let window = this.#windows.get(editionId);
    if (!window) {
      window = new FailureWindow(this.options.pauseWindow ?? 20);
      this.#windows.set(editionId, window);
    }
    return window;
  }
}
