import { randomBytes } from 'node:crypto';
import { DigestError } from '../errors.ts';
import type { TriggerOutcome } from './ops-api.ts';

/** A triggered run the ops API answered before it got under way: GET /api/runs/ID follows it. */
export type RunView =
  | { run: string; status: 'building'; dryRun: boolean; since: string }
  | ({ run: string } & TriggerOutcome)
  | { run: string; status: 'failed'; error: string };

/** Runs kept, newest first; the oldest settled ones go first. */
const MAX_RUNS = 50;
/** How long a settled run is kept, ms. */
const KEEP_MS = 3_600_000;

interface Entry {
  id: string;
  dryRun: boolean;
  since: number;
  settledAt: number | null;
  view: RunView;
}

/**
 * The runs of this process that outlived the request that started them, in memory (a restart
 * forgets them: their editions are in GET /api/editions), at most MAX_RUNS, each kept an hour
 * after it settles.
 */
export class PendingRuns {
  readonly #entries = new Map<string, Entry>();

  /** Follows `work`, begun at `since` (ms; when the request started it, not when it was answered); returns the id to give the caller. */
  track(work: Promise<TriggerOutcome>, dryRun: boolean, since: number = Date.now()): string {
    this.#prune();
    const id = randomBytes(9).toString('base64url');
    const entry: Entry = {
      id,
      dryRun,
      since,
      settledAt: null,
      view: { run: id, status: 'building', dryRun, since: new Date(since).toISOString() },
    };
    this.#entries.set(id, entry);
    work.then(
      (outcome) => this.#settle(entry, { run: id, ...outcome }),
      (error: unknown) =>
        // A DigestError's message is for people; anything else stays in the log.
        this.#settle(entry, {
          run: id,
          status: 'failed',
          error: error instanceof DigestError ? error.message : 'internal error (see the log)',
        }),
    );
    return id;
  }

  /** The run's state, or null when there is no such run (or it was forgotten). */
  get(id: string): RunView | null {
    this.#prune();
    return this.#entries.get(id)?.view ?? null;
  }

  #settle(entry: Entry, view: RunView): void {
    entry.view = view;
    entry.settledAt = Date.now();
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, e] of this.#entries)
      if (e.settledAt !== null && now - e.settledAt > KEEP_MS) this.#entries.delete(id);
    const settled = [...this.#entries.values()].filter((e) => e.settledAt !== null);
    while (this.#entries.size >= MAX_RUNS && settled.length > 0) {
      const oldest = settled.shift() as Entry;
      this.#entries.delete(oldest.id);
    }
  }
}
