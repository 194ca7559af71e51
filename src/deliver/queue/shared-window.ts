import type { Redis } from 'ioredis';
import { FailureWindow } from '../failure-window.ts';

/**
 * The recent outcomes of an edition's attempts, as the pause rule reads them. With several
 * senders the window is shared (kept in Redis), so an edition pauses when the share of failures
 * across ALL senders crosses the ratio, as the README promises, not per process.
 */
export interface OutcomeWindow {
  /** Records an attempt; resolves to a description when the edition should pause, else null. */
  record(editionId: string, failed: boolean): Promise<string | null>;
  /** Writes what record() still holds in memory (a sender's batch ended). */
  flush(editionId: string): Promise<string | null>;
}

/** A window per edition in this process alone (one sender, or tests). */
export function localOutcomeWindow(size: number, ratio: number): OutcomeWindow {
  const windows = new Map<string, FailureWindow>();
  return {
    async record(editionId, failed) {
      const window = windows.get(editionId) ?? new FailureWindow(size);
      windows.set(editionId, window);
      window.record(failed);
      return window.exceeds(ratio) ? window.describe() : null;
    },
    async flush() {
      return null;
    },
  };
}

/** Successes written to Redis per round trip at most; a failure is written at once. */
const BUFFERED_SUCCESSES = 16;

/**
 * The window in Redis: a list per edition of its last `size` outcomes ("1" failed, "0" sent),
 * pushed by every sender. Successes are buffered and written with the next failure or every
 * BUFFERED_SUCCESSES, so a healthy send costs one round trip per 16 messages; a failure is
 * written and judged at once, since pausing is what the window is for.
 */
export function redisOutcomeWindow(redis: Redis, size: number, ratio: number): OutcomeWindow {
  const buffered = new Map<string, string[]>();
  const key = (editionId: string) => `digest:outcomes:${editionId}`;
  async function write(editionId: string): Promise<string | null> {
    const outcomes = buffered.get(editionId) ?? [];
    buffered.delete(editionId);
    if (outcomes.length === 0) return null;
    const results = await redis
      .multi()
      .lpush(key(editionId), ...outcomes)
      .ltrim(key(editionId), 0, size - 1)
      .lrange(key(editionId), 0, -1)
      .pexpire(key(editionId), 86_400_000)
      .exec();
    const recent = (results?.[2]?.[1] as string[] | undefined) ?? [];
    const failures = recent.filter((o) => o === '1').length;
    if (recent.length < size || failures / size < ratio) return null;
    return `${failures} of the last ${recent.length} attempts across all senders failed`;
  }
  return {
    async record(editionId, failed) {
      const outcomes = buffered.get(editionId) ?? [];
      outcomes.push(failed ? '1' : '0');
      buffered.set(editionId, outcomes);
      return failed || outcomes.length >= BUFFERED_SUCCESSES ? write(editionId) : null;
    },
    flush: write,
  };
}
