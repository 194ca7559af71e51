/**
 * building: the owning process is at it (and refreshes updatedAt); settled: it ended with an
 * answer; failed: it threw; interrupted: its process was found gone before it ended.
 */
export type RunRowStatus = 'building' | 'settled' | 'failed' | 'interrupted';

/** One triggered run of the ops API as stored. */
export interface RunRow {
  id: string;
  dryRun: boolean;
  /** When the run began, epoch ms. */
  since: number;
  status: RunRowStatus;
  /** settled: the answer as JSON; failed, interrupted: `{"error": …}`; building: null. */
  outcome: string | null;
  /** The process that runs it (host:pid:tag, see makeHolderName). */
  owner: string;
  /** Its last refresh while building, or when it ended; epoch ms. */
  updatedAt: number;
}

/** A building run's owner, and when it last refreshed any of its runs. */
export interface RunOwner {
  owner: string;
  lastSeenAt: number;
}

/** What prune keeps: ended runs for `keepMs`, the newest `max` of them; see RunStore.prune. */
export interface RunPrunePolicy {
  /** epoch ms. */
  now: number;
  keepMs: number;
  /** A building run not refreshed for this long counts as ended (at its last refresh). */
  leaseMs: number;
  max: number;
}

/**
 * The ops API's triggered runs in the database, on the store as `store.runs` (both backends):
 * every process on the database answers GET /api/runs/ID, and a restart forgets none.
 * Times are the caller's clock (tests move it).
 */
export interface RunStore {
  /** Records a run as building, owned by `owner`, refreshed at `now`. */
  add(run: { id: string; dryRun: boolean; since: number; owner: string; now: number }): Promise<void>;
  /** The owner's heartbeat: sets updatedAt of those of `ids` it owns that are still building. */
  refresh(owner: string, ids: readonly string[], now: number): Promise<void>;
  /** Records how the run ended (replacing whatever it said). */
  end(id: string, status: Exclude<RunRowStatus, 'building'>, outcome: string, now: number): Promise<void>;
  get(id: string): Promise<RunRow | null>;
  /** The owners of building runs (at most 100), each with its latest refresh. */
  buildingOwners(): Promise<RunOwner[]>;
  /** Marks the owner's building runs interrupted with `outcome`; returns how many. */
  interruptOwner(owner: string, outcome: string, now: number): Promise<number>;
  /**
   * Deletes ended runs (a building one not refreshed within leaseMs counts as ended) that ended
   * more than keepMs ago, then all but the newest `max` ended ones; returns how many went.
   * Building runs are never deleted while refreshed.
   */
  prune(policy: RunPrunePolicy): Promise<number>;
}

/** The SQL condition of an ended run, given the stale cut-off as parameter `stale`. */
export function endedRunSql(stale: string): string {
  return `(status <> 'building' OR updated_at < ${stale})`;
}
