import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DigestError } from '../errors.ts';
import { isGoneHolder, makeHolderName } from '../holder-name.ts';
import type { RunRowStatus, RunStore } from '../store/runs.ts';
import type { TriggerOutcome } from './ops-api.ts';
import { type RunView, viewOf } from './run-view.ts';

export type { RunView };

/** Options of PendingRuns; all optional (tests shorten the times and move the clock). */
export interface PendingRunsOptions {
  /** A building run its process has not refreshed for this long reads "interrupted", ms. Default 60 s. */
  leaseMs?: number;
  /** How often this process refreshes its building runs, ms. Default a third of leaseMs. */
  refreshMs?: number;
  /** How long an ended run is kept, ms. Default an hour. */
  keepMs?: number;
  /** Ended runs kept at most (the oldest go first). Default 50. */
  maxRuns?: number;
  /**
   * The waits before each new try at recording how a run ended while the database refuses it,
   * ms; after the last, the outcome goes to the log instead. Default 1, 4, 15 and 30 s of the
   * 60 s lease (scaled to leaseMs): about 50 s in all, within one lease.
   */
  endRetryMs?: readonly number[];
  /** How long close() waits for the writes under way (a dead database may never answer), ms. Default 5 s. */
  closeWithinMs?: number;
  /** This process's name on its runs. Default makeHolderName() (host:pid:tag). */
  owner?: string;
  /** The clock, epoch ms. Default Date.now. */
  now?: () => number;
}

type ResolvedOptions = Required<PendingRunsOptions>;

/** The defaults of PendingRunsOptions. */
export function resolvePendingRunsOptions(options: PendingRunsOptions = {}): ResolvedOptions {
  const leaseMs = options.leaseMs ?? 60_000;
  return {
    leaseMs,
    refreshMs: options.refreshMs ?? Math.max(1, Math.floor(leaseMs / 3)),
    keepMs: options.keepMs ?? 3_600_000,
    maxRuns: options.maxRuns ?? 50,
    endRetryMs: options.endRetryMs ?? [60, 15, 4, 2].map((part) => Math.max(1, Math.round(leaseMs / part))),
    closeWithinMs: options.closeWithinMs ?? 5_000,
    owner: options.owner ?? makeHolderName(),
    now: options.now ?? Date.now,
  };
}

/** What a run id looks like (9 random bytes, base64url): anything else is looked up nowhere. */
const RUN_ID = /^[A-Za-z0-9_-]{12}$/;

/** How a run ended, as store.end records it. */
type EndStatus = Exclude<RunRowStatus, 'building'>;

/**
 * The runs that outlived the request that started them, in the store (store.runs): any process
 * on the database answers for them, and a restart forgets none. The process running one
 * refreshes it while it works; one not refreshed for leaseMs reads "interrupted". Ended runs
 * are kept keepMs, at most maxRuns of them (pruned each time a run is accepted). When the
 * database fails: a failed refresh is logged once until one succeeds; a failed end is tried
 * again after each of endRetryMs, then its outcome is logged (error) so it is not lost.
 */
export class PendingRuns {
  readonly #store: RunStore;
  readonly #options: ResolvedOptions;
  readonly #onError: (error: Error) => void;
  readonly #building = new Set<string>();
  readonly #writes = new Set<Promise<void>>();
  /** The ends not recorded yet (being tried), as JSON: what goes to the log if they never are. */
  readonly #unrecorded = new Map<string, { status: EndStatus; outcome: string }>();
  /** Aborted by close(): an end waiting to be tried again is tried once more at once. */
  readonly #closing = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** The last refresh failed: the outage is logged already. */
  #refreshFailing = false;

  constructor(store: RunStore, options: PendingRunsOptions = {}, onError: (error: Error) => void = () => {}) {
    this.#store = store;
    this.#options = resolvePendingRunsOptions(options);
    this.#onError = onError;
  }

  /**
   * At start-up: the building runs of a process known to be gone (one of this host that exited,
   * an earlier process of this host with this pid) read "interrupted" at once, not after the
   * lease. Those of other hosts' processes wait for the lease. Returns how many.
   */
  async recover(): Promise<number> {
    const { owner: self, now } = this.#options;
    let count = 0;
    for (const { owner, lastSeenAt } of await this.#store.buildingOwners()) {
      if (!isGoneHolder(owner, lastSeenAt, self)) continue;
      const error = `the process running it (${owner}) stopped before the run ended: whether it made an edition is in GET /api/editions`;
      count += await this.#store.interruptOwner(owner, JSON.stringify({ error }), now());
    }
    return count;
  }

  /** Records `work`, begun at `since` (epoch ms; when the request started it), as building; returns the id to give the caller. */
  async track(work: Promise<TriggerOutcome>, dryRun: boolean, since: number = Date.now()): Promise<string> {
    const { keepMs, leaseMs, maxRuns, owner, now } = this.#options;
    // A failed prune costs only space: the run is recorded all the same.
    await this.#store
      .prune({ now: now(), keepMs, leaseMs, max: maxRuns })
      .catch((error: unknown) => this.#onError(storeError('could not prune the ended runs', error)));
    const id = randomBytes(9).toString('base64url');
    await this.#store.add({ id, dryRun, since, owner, now: now() });
    this.#building.add(id);
    this.#beat();
    work.then(
      (outcome) => this.#end(id, 'settled', outcome),
      (error: unknown) =>
        // A DigestError's message is for people; anything else stays in the log.
        this.#end(id, 'failed', {
          error: error instanceof DigestError ? error.message : 'internal error (see the log)',
        }),
    );
    return id;
  }

  /** The run's state, or null when there is no such run (or it ended more than keepMs ago). */
  async get(id: string): Promise<RunView | null> {
    if (!RUN_ID.test(id)) return null;
    const row = await this.#store.get(id);
    return row ? viewOf(row, this.#options) : null;
  }

  /**
   * Stops refreshing and recording (what follows of its runs is a gone process's); tries once
   * more at once the ends waiting to be tried again, and waits for the writes under way, at
   * most closeWithinMs: the ends still not recorded then go to the log.
   */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#closing.abort();
    let bound: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      bound = setTimeout(resolve, this.#options.closeWithinMs, false);
    });
    const done = await Promise.race([Promise.all(this.#writes).then(() => true), late]);
    clearTimeout(bound);
    if (done) return;
    const why = `the database had not answered when the server closed, ${this.#options.closeWithinMs} ms on`;
    for (const id of [...this.#unrecorded.keys()]) this.#giveUp(id, why, undefined);
  }

  #end(id: string, status: EndStatus, outcome: unknown): void {
    if (this.#closed) {
      this.#forget(id);
      return;
    }
    this.#unrecorded.set(id, { status, outcome: JSON.stringify(outcome) });
    // Still refreshed while its end is tried: it reads "building" while the database is only slow.
    this.#track(this.#recordEnd(id).finally(() => this.#forget(id)));
  }

  /** Tries store.end after each of endRetryMs (at once once closing) until it takes; else logs the outcome. */
  async #recordEnd(id: string): Promise<void> {
    const { endRetryMs, now } = this.#options;
    for (let tries = 1; ; tries++) {
      const end = this.#unrecorded.get(id);
      if (!end) return;
      try {
        await this.#store.end(id, end.status, end.outcome, now());
        this.#unrecorded.delete(id);
        return;
      } catch (error) {
        const wait = endRetryMs[tries - 1];
        if (wait === undefined || this.#closing.signal.aborted) {
          this.#giveUp(id, `${tries} ${tries === 1 ? 'try' : 'tries'}`, error);
          return;
        }
        if (tries === 1) {
          const total = endRetryMs.reduce((sum, ms) => sum + ms, 0);
          const again = `trying again ${endRetryMs.length} times within ${total} ms`;
          this.#onError(storeError(`could not record the end of run ${id} of the ops API (${again})`, error));
        }
        await sleep(wait, undefined, { signal: this.#closing.signal }).catch(() => undefined);
      }
    }
  }

  /** The end of run `id` will not be recorded: its outcome goes to the log, for ops to find. */
  #giveUp(id: string, why: string, cause: unknown): void {
    const end = this.#unrecorded.get(id);
    if (!end) return;
    this.#unrecorded.delete(id);
    const message = `could not record the end of run ${id} of the ops API (${why}): it reads "interrupted" once its lease runs out, though it ended ${end.status}: ${end.outcome}`;
    this.#onError(new DigestError('STORE_FAILED', message, { cause, data: { run: id, ...end } }));
  }

  /** Stops refreshing run `id`, and the beat once none is left. */
  #forget(id: string): void {
    this.#building.delete(id);
    if (this.#building.size > 0) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Refreshes this process's building runs every refreshMs while there are any. */
  #beat(): void {
    if (this.#timer || this.#closed) return;
    const { owner, now, refreshMs, leaseMs } = this.#options;
    let busy = false;
    this.#timer = setInterval(() => {
      // A slow database: never two refreshes at once.
      if (busy || this.#building.size === 0) return;
      busy = true;
      const write = this.#store.refresh(owner, [...this.#building], now()).then(
        () => {
          this.#refreshFailing = false;
        },
        (error: unknown) => {
          // Once per outage, not once per beat: the next refresh that takes re-arms it.
          if (this.#refreshFailing) return;
          this.#refreshFailing = true;
          const effect = `logged once until one succeeds; unrefreshed for ${leaseMs} ms, they read "interrupted"`;
          this.#onError(storeError(`could not refresh the building runs of the ops API (${effect})`, error));
        },
      );
      this.#track(
        write.finally(() => {
          busy = false;
        }),
      );
    }, refreshMs);
    // A building run does not keep the process alive: the work it follows does, or nothing.
    this.#timer.unref();
  }

  /** Keeps `write` (which handles its own errors) for close() to wait for. */
  #track(write: Promise<unknown>): void {
    const tracked = write.then(
      () => undefined,
      (error: unknown) => this.#onError(storeError('could not record a run of the ops API', error)),
    );
    this.#writes.add(tracked);
    void tracked.finally(() => this.#writes.delete(tracked));
  }
}

function storeError(message: string, cause: unknown): DigestError {
  return new DigestError('STORE_FAILED', message, { cause });
}
