import { DigestError } from '../errors.ts';
import type { RunRow } from '../store/runs.ts';
import type { TriggerOutcome } from './ops-api.ts';

/** A triggered run the ops API answered before it got under way: GET /api/runs/ID follows it. */
export type RunView =
  | { run: string; status: 'building'; dryRun: boolean; since: string }
  | ({ run: string } & TriggerOutcome)
  | { run: string; status: 'failed'; error: string }
  /** Its process stopped (or stopped refreshing it) before it ended: the outcome is not known. */
  | { run: string; status: 'interrupted'; dryRun: boolean; since: string; error: string };

/** What GET /api/runs/ID answers for a stored run, at the clock's now; null once it is past keepMs. */
export function viewOf(
  row: RunRow,
  options: { now: () => number; leaseMs: number; keepMs: number },
): RunView | null {
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
