import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log.ts';
import type { DigestStore } from '../store/store.ts';

/** The one lease every edition run takes: scheduled slots, manual sends, resumes, retries. */
export const RUN_LEASE = 'edition-run';

/** Options of withLease; all optional. */
export interface LeaseOptions {
  /** How long the lease lasts unless renewed; a crashed holder blocks others this long. Default 60 s. */
  ttlMs?: number;
  /** How often it is renewed while the work goes on. Default a third of ttlMs. */
  renewMs?: number;
}

/** What withLease ended with: the work's value, or who holds the lease instead. */
export type LeaseOutcome<T> = { acquired: true; value: T } | { acquired: false; holder: string | null };

/** A holder name that tells ops which process runs: host, pid and a random part per instance. */
export function makeHolderName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Runs `work` while holding the named lease in the store, renewing it as the work goes on
 * and releasing it after. When the lease is lost (renewal refused or failed) the signal given
 * to `work` aborts, so it stops taking work rather than run beside another holder.
 */
export async function withLease<T>(
  store: DigestStore,
  holder: string,
  log: Logger,
  work: (signal: AbortSignal) => Promise<T>,
  options: LeaseOptions = {},
): Promise<LeaseOutcome<T>> {
  const ttlMs = options.ttlMs ?? 60_000;
  if (!(await store.acquireLease(RUN_LEASE, holder, ttlMs))) {
    return { acquired: false, holder: await store.leaseHolder(RUN_LEASE) };
  }
  const lost = new AbortController();
  const renew = async () => {
    try {
      if (!(await store.acquireLease(RUN_LEASE, holder, ttlMs))) throw new Error('held by another worker');
    } catch (error) {
      log.error({ err: error, holder }, 'lost the run lease: stopping this run');
      lost.abort(error);
    }
  };
  const timer = setInterval(() => void renew(), options.renewMs ?? Math.floor(ttlMs / 3));
  try {
    return { acquired: true, value: await work(lost.signal) };
  } finally {
    clearInterval(timer);
    await store.releaseLease(RUN_LEASE, holder);
  }
}
