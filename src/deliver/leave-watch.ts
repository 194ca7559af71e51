import { DigestError } from '../errors.ts';
import type { OutgoingMessage } from '../models/message.ts';
import type { DigestStore } from '../store/store.ts';
import type { Mailer } from './deliver-edition.ts';

/** How stale the answer "still subscribed" may be, ms: one query per this long, not one per message. */
export const LEAVE_CHECK_MS = 250;

/**
 * Says, just before a claimed delivery goes out, whether its subscriber left since the claim
 * (an unsubscribe or a bounce while the edition is sending). One SELECT covers every delivery
 * waiting at the time, at most every LEAVE_CHECK_MS: so someone who leaves is not mailed once
 * that long has passed, bar a message already being transferred to the SMTP server. One watch
 * per delivery run; it holds only the ids claimed and not yet sent.
 */
export class LeaveWatch {
  /** Waiting ids, with the start of the latest check that covered each (-Infinity: none yet). */
  readonly #checkedAt = new Map<number, number>();
  readonly #left = new Set<number>();
  #checking: Promise<void> | null = null;

  constructor(
    readonly store: Pick<DigestStore, 'leftSubscribers'>,
    readonly everyMs = LEAVE_CHECK_MS,
  ) {}

  /** These deliveries were claimed: the next check covers them too. */
  watch(subscriberIds: Iterable<number>): void {
    for (const id of subscriberIds) if (!this.#checkedAt.has(id)) this.#checkedAt.set(id, -Infinity);
  }

  /** These will not be asked about (released back to the queue). */
  forget(subscriberIds: Iterable<number>): void {
    for (const id of subscriberIds) {
      this.#checkedAt.delete(id);
      this.#left.delete(id);
    }
  }

  /** True when the subscriber left: their delivery must not be sent. Forgets the id either way. */
  async hasLeft(subscriberId: number): Promise<boolean> {
    this.watch([subscriberId]);
    const askedAt = Date.now();
    // Only a check that began at most everyMs before the question, and that covered this id.
    while ((this.#checkedAt.get(subscriberId) ?? -Infinity) < askedAt - this.everyMs) {
      this.#checking ??= this.#check().finally(() => {
        this.#checking = null;
      });
      await this.#checking;
    }
    const left = this.#left.has(subscriberId);
    this.forget([subscriberId]);
    return left;
  }

  async #check(): Promise<void> {
    const startedAt = Date.now();
    const ids = [...this.#checkedAt.keys()];
    const left = await this.store.leftSubscribers(ids);
    // Ids forgotten meanwhile stay forgotten.
    for (const id of left) if (this.#checkedAt.has(id)) this.#left.add(id);
    for (const id of ids) if (this.#checkedAt.has(id)) this.#checkedAt.set(id, startedAt);
  }
}

/**
 * Sends one claimed delivery's message unless its subscriber left since the claim (asked at the
 * last moment, see SendOptions): "sent", "withdrawn", or the SMTP failure as a DigestError for
 * the caller's retry rules. A failure of the question itself (the database) is thrown as it is,
 * never taken for the SMTP server's.
 */
export async function sendUnlessLeft(
  mailer: Mailer,
  message: OutgoingMessage,
  watch: LeaveWatch,
  subscriberId: number,
): Promise<'sent' | 'withdrawn' | DigestError> {
  let askFailure: unknown = null;
  const stillWanted = async () => {
    try {
      return !(await watch.hasLeft(subscriberId));
    } catch (error) {
      askFailure = error ?? new Error('the subscriber check failed');
      throw error;
    }
  };
  try {
    return await mailer.send(message, { stillWanted });
  } catch (cause) {
    if (askFailure !== null) throw askFailure;
    return cause instanceof DigestError ? cause : new DigestError('SMTP_TEMPORARY', String(cause), { cause });
  }
}
