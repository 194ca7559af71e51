import type Database from 'better-sqlite3';
import { endedRunSql, type RunRow, type RunStore } from './runs.ts';

const COLUMNS = `id, dry_run AS dryRun, since, status, outcome, owner, updated_at AS updatedAt`;

/** store.runs on SQLite. */
export function createSqliteRuns(db: Database.Database): RunStore {
  const insert = db.prepare(
    `INSERT INTO triggered_runs (id, dry_run, since, status, outcome, owner, updated_at)
     VALUES (@id, @dryRun, @since, 'building', NULL, @owner, @now)`,
  );
  const select = db.prepare(`SELECT ${COLUMNS} FROM triggered_runs WHERE id = ?`);
  const finish = db.prepare('UPDATE triggered_runs SET status = ?, outcome = ?, updated_at = ? WHERE id = ?');
  const owners = db.prepare(
    `SELECT owner, max(updated_at) AS lastSeenAt FROM triggered_runs WHERE status = 'building'
     GROUP BY owner ORDER BY lastSeenAt DESC LIMIT 100`,
  );
  const interrupt = db.prepare(
    `UPDATE triggered_runs SET status = 'interrupted', outcome = ?, updated_at = ?
     WHERE owner = ? AND status = 'building'`,
  );
  const expire = db.prepare(
    `DELETE FROM triggered_runs WHERE ${endedRunSql('@stale')} AND updated_at < @expired`,
  );
  // LIMIT -1: SQLite takes an OFFSET only after a LIMIT; -1 is none.
  const bound = db.prepare(
    `DELETE FROM triggered_runs WHERE id IN (
       SELECT id FROM triggered_runs WHERE ${endedRunSql('@stale')}
       ORDER BY updated_at DESC, id DESC LIMIT -1 OFFSET @max)`,
  );
  return {
    async add(run) {
      insert.run({ ...run, dryRun: run.dryRun ? 1 : 0 });
    },
    async refresh(owner, ids, now) {
      if (ids.length === 0) return;
      db.prepare(
        `UPDATE triggered_runs SET updated_at = ? WHERE owner = ? AND status = 'building'
         AND id IN (${ids.map(() => '?').join(', ')})`,
      ).run(now, owner, ...ids);
    },
    async end(id, status, outcome, now) {
      finish.run(status, outcome, now, id);
    },
    async get(id) {
      const row = select.get(id) as (Omit<RunRow, 'dryRun'> & { dryRun: number }) | undefined;
      return row ? { ...row, dryRun: row.dryRun === 1 } : null;
    },
    async buildingOwners() {
      return owners.all() as { owner: string; lastSeenAt: number }[];
    },
    async interruptOwner(owner, outcome, now) {
      return interrupt.run(outcome, now, owner).changes;
    },
    async prune({ now, keepMs, leaseMs, max }) {
      return db.transaction(() => {
        const stale = now - leaseMs;
        const expired = expire.run({ stale, expired: now - keepMs }).changes;
        return expired + bound.run({ stale, max }).changes;
      })();
    },
  };
}
