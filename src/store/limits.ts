import { createHash } from 'node:crypto';
import { DigestError } from '../errors.ts';

/**
 * The outcome of one hit: allowed, or refused with the seconds until the window ends (for
 * Retry-After) and its end itself (epoch ms).
 */
export type LimitDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; resetAt: number };

/** The window a hit counts in. */
export interface LimitWindow {
  /** Hits allowed per key and window. */
  max: number;
  /** Window length, ms. */
  windowMs: number;
  /** The caller's clock, epoch ms (tests move it). */
  now: number;
}

/**
 * Rate-limit counters in the database, on the store as `store.limits` (both backends): every
 * process on one database counts in the same window, and a restart forgets nothing.
 */
export interface LimitStore {
  /**
   * Counts a hit for `key` in a fixed window, in one statement (an upsert that starts a new
   * window when the key's has ended, else adds one): two processes never both get the last
   * allowed hit. Keys are stored as SHA-256 hashes, so any key takes 43 characters. Windows
   * that ended are deleted now and then by a hit (see PURGE_EVERY_MS).
   */
  hit(key: string, window: LimitWindow): Promise<LimitDecision>;
  /** Deletes the windows that ended at or before `now` (epoch ms); returns how many. */
  purgeExpired(now: number): Promise<number>;
}

/** How often, at most, a process's hits also delete the windows that ended. */
export const PURGE_EVERY_MS = 10 * 60_000;

/** What a key is stored as: its SHA-256, so an attacker's 10 KB address takes 43 characters. */
export function hashLimitKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Refuses a window no limiter means (a bug in the caller, never user input). */
export function checkLimitWindow(window: LimitWindow): void {
  const { max, windowMs, now } = window;
  if (!Number.isSafeInteger(max) || max < 1 || !Number.isSafeInteger(windowMs) || windowMs < 1)
    throw new DigestError(
      'STORE_FAILED',
      `a rate limit needs a whole max and windowMs of 1 or more (got ${max}, ${windowMs})`,
    );
  if (!Number.isFinite(now))
    throw new DigestError('STORE_FAILED', `a rate limit's clock must be a number (got ${now})`);
}

/** The decision of a window that holds `hits` and ends at `resetAt`. */
export function decideLimit(hits: number, resetAt: number, window: LimitWindow): LimitDecision {
  if (hits <= window.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: secondsUntil(resetAt, window.now), resetAt };
}

/** Whole seconds from `now` to `resetAt`, at least 1: what Retry-After says. */
export function secondsUntil(resetAt: number, now: number): number {
  return Math.max(1, Math.ceil((resetAt - now) / 1000));
}

/** Runs `purge` on the first hit and then at most once per PURGE_EVERY_MS of the hits' clock. */
export function purgeNowAndThen(purge: (now: number) => Promise<number>): (now: number) => Promise<void> {
  let last = Number.NEGATIVE_INFINITY;
  return async (now) => {
    // A clock moved back (tests, a corrected host clock) starts the interval again.
    if (now - last < PURGE_EVERY_MS && now >= last) return;
    last = now;
    await purge(now);
  };
}
