import { randomBytes } from 'node:crypto';
import { DigestError } from '../errors.ts';
import { isGoneHolder, makeHolderName } from '../holder-name.ts';
import type { RunRow, RunRowStatus, RunStore } from '../store/runs.ts';
import type { TriggerOutcome } from './ops-api.ts';

/** A triggered run the ops API answered before it got under way: GET /api/runs/ID follows it. */
export type RunView =
  | { run: string; status: 'building'; dryRun: boolean; since: string }
  | ({ run: string } & TriggerOutcome)
  | { run: string; status: 'failed'; error: string }
  /** Its process stopped (or stopped refreshing it) before it ended: the outcome is not known. */
  | { run: string; status: 'interrupted'; dryRun: boolean; since: string; error: string };

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
    owner: options.owner ?? makeHolderName(),
    now: options.now ?? Date.now,
  };
}

/** What a run id looks like (9 random bytes, base64url): anything else is looked up nowhere. */
const RUN_ID = /^[A-Za-z0-9_-]{12}$/;

/**
 * The runs that outlived the request that started them, in the store (store.runs): any process
 * on the database answers for them, and a restart forgets none. The process running one
 * refreshes it while it works; one not refreshed for leaseMs reads "interrupted". Ended runs
 * are kept keepMs, at most maxRuns of them (pruned each time a run is accepted).
 */
export class PendingRuns {
  readonly #store: RunStore;
  readonly #options: ResolvedOptions;
  readonly #onError: (error: Error) => void;
  readonly #building = new Set<string>();
  readonly #writes = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

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

  /** Stops refreshing and recording (what follows of its runs is a gone process's); waits for writes under way. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    await Promise.all(this.#writes);
  }

  #end(id: string, status: Exclude<RunRowStatus, 'building'>, outcome: unknown): void {
    this.#building.delete(id);
    if (this.#building.size === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
    if (this.#closed) return;
    this.#write(this.#store.end(id, status, JSON.stringify(outcome), this.#options.now()), `run ${id}`);
  }

  /** Refreshes this process's building runs every refreshMs while there are any. */
  #beat(): void {
    if (this.#timer || this.#closed) return;
    const { owner, now, refreshMs } = this.#options;
    let busy = false;
    this.#timer = setInterval(() => {
      // A slow database: never two refreshes at once.
      if (busy || this.#building.size === 0) return;
      busy = true;
      const write = this.#store.refresh(owner, [...this.#building], now()).finally(() => {
        busy = false;
      });
      this.#write(write, 'the building runs');
    }, refreshMs);
    // A building run does not keep the process alive: the work it follows does, or nothing.
    this.#timer.unref();
  }

  #write(write: Promise<void>, what: string): void {
    const tracked = write.catch((error: unknown) =>
      this.#onError(storeError(`could not record ${what} of the ops API`, error)),
    );
    this.#writes.add(tracked);
    void tracked.finally(() => this.#writes.delete(tracked));
  }
}

/** What GET /api/runs/ID answers for a stored run, at the clock's now; null once it is past keepMs. */
function viewOf(row: RunRow, options: ResolvedOptions): RunView | null {
  const now = options.now();
  const { id: run, dryRun } = row;
  const since = new Date(row.since).toISOString();
  const age = now - row.updatedAt;
  // A building run not refreshed counts as ended at its last refresh.
  if (row.status === 'building' && age <= options.leaseMs) return { run, status: 'building', dryRun, since };
  if (age > options.keepMs) return null;
  if (row.status === 'building') {
    const error = `the process running it (${row.owner}) has not refreshed it for ${Math.round(age / 1000)} s (it stopped, or hangs): whether it made an edition is in GET /api/editions`;
    return { run, status: 'interrupted', dryRun, since, error };
  }
  const outcome = parseOutcome(row);
  if (row.status === 'settled') return { run, ...(outcome as TriggerOutcome) };
  const error = typeof outcome.error === 'string' ? outcome.error : 'unknown error';
  return row.status === 'failed'
    ? { run, status: 'failed', error }
    : { run, status: 'interrupted', dryRun, since, error };
}

function parseOutcome(row: RunRow): Record<string, unknown> {
  const parsed: unknown = JSON.parse(row.outcome ?? 'null');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new DigestError('STORE_FAILED', `run ${row.id}'s stored outcome is not an object`);
  return parsed as Record<string, unknown>;
}

function storeError(message: string, cause: unknown): DigestError {
  return new DigestError('STORE_FAILED', message, { cause });
}
