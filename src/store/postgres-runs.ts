import type { Pool } from 'pg';
import { endedRunSql, type RunRow, type RunStore } from './runs.ts';

const COLUMNS = `id, dry_run AS "dryRun", since, status, outcome, owner, updated_at AS "updatedAt"`;

/** store.runs on Postgres. */
export function createPostgresRuns(pool: Pool): RunStore {
  return {
    async add({ id, dryRun, since, owner, now }) {
      await pool.query(
        `INSERT INTO triggered_runs (id, dry_run, since, status, outcome, owner, updated_at)
         VALUES ($1, $2, $3, 'building', NULL, $4, $5)`,
        [id, dryRun, since, owner, now],
      );
    },
    async refresh(owner, ids, now) {
      if (ids.length === 0) return;
      await pool.query(
        `UPDATE triggered_runs SET updated_at = $1
         WHERE owner = $2 AND status = 'building' AND id = ANY($3::text[])`,
        [now, owner, [...ids]],
      );
    },
    async end(id, status, outcome, now) {
      await pool.query('UPDATE triggered_runs SET status = $1, outcome = $2, updated_at = $3 WHERE id = $4', [
        status,
        outcome,
        now,
        id,
      ]);
    },
    async get(id) {
      const { rows } = await pool.query<RunRow>(`SELECT ${COLUMNS} FROM triggered_runs WHERE id = $1`, [id]);
      return rows[0] ?? null;
    },
    async buildingOwners() {
      const { rows } = await pool.query<{ owner: string; lastSeenAt: number }>(
        `SELECT owner, max(updated_at) AS "lastSeenAt" FROM triggered_runs WHERE status = 'building'
         GROUP BY owner ORDER BY "lastSeenAt" DESC LIMIT 100`,
      );
      return rows;
    },
    async interruptOwner(owner, outcome, now) {
      const result = await pool.query(
        `UPDATE triggered_runs SET status = 'interrupted', outcome = $1, updated_at = $2
         WHERE owner = $3 AND status = 'building'`,
        [outcome, now, owner],
      );
      return result.rowCount ?? 0;
    },
    async prune({ now, keepMs, leaseMs, max }) {
      // One statement: both deletions see the same rows, so a run is counted once.
      const { rows } = await pool.query<{ gone: number }>(
        `WITH ended AS (
           SELECT id, updated_at, row_number() OVER (ORDER BY updated_at DESC, id DESC) AS rank
           FROM triggered_runs WHERE ${endedRunSql('$1::bigint')}
         ), gone AS (
           DELETE FROM triggered_runs WHERE id IN (
             SELECT id FROM ended WHERE updated_at < $2::bigint OR rank > $3::bigint)
           RETURNING 1
         )
         SELECT count(*)::int AS gone FROM gone`,
        [now - leaseMs, now - keepMs, max],
      );
      return rows[0]?.gone ?? 0;
    },
  };
}
