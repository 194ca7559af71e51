import { isDeadLocalHolder } from '../holder-name.ts';
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

// Also what the ops API's runs are owned by (src/server/pending-runs.ts): one home for both.
export { isDeadLocalHolder, makeHolderName } from '../holder-name.ts';

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
  const refused = await takeLease(store, holder, ttlMs, log);
  if (refused) return refused;
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

/**
 * Takes the run lease; null when taken, else who holds it. A lease left by a process of this
 * host that no longer runs (killed with -9, say) is taken over at once instead of blocking
 * every restart until it expires. The release is a compare-and-delete on the dead holder's
 * name, so of two processes doing this at once only one gets the lease.
 */
async function takeLease(
  store: DigestStore,
  holder: string,
  ttlMs: number,
  log: Logger,
): Promise<{ acquired: false; holder: string | null } | null> {
  if (await store.acquireLease(RUN_LEASE, holder, ttlMs)) return null;
  const current = await store.leaseHolder(RUN_LEASE);
  if (current && isDeadLocalHolder(current)) {
    log.warn({ holder: current }, 'the run lease is held by a process that no longer runs: taking it over');
    await store.releaseLease(RUN_LEASE, current);
    if (await store.acquireLease(RUN_LEASE, holder, ttlMs)) return null;
  }
  return { acquired: false, holder: await store.leaseHolder(RUN_LEASE) };
}
