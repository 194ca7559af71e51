import type Database from 'better-sqlite3';
import type { SignupStore } from './signups.ts';

/** store.signups on SQLite. */
export function createSqliteSignups(db: Database.Database): SignupStore {
  return {
    async lastConfirmationSent(subscriberId) {
      const row = db
        .prepare(
          `SELECT max(at) AS at FROM subscriber_events WHERE subscriber_id = ? AND kind = 'confirmation-sent'`,
        )
        .get(subscriberId) as { at: string | null };
      return row.at;
    },
    async purgeUnconfirmed(before) {
      const cutoff = before.toISOString();
      return db.transaction(() => {
        // Unconfirmed rows never get deliveries (only active ones are enqueued): the history is all.
        const doomed = `SELECT id FROM subscribers WHERE status = 'unconfirmed' AND created_at < ?`;
        db.prepare(`DELETE FROM subscriber_events WHERE subscriber_id IN (${doomed})`).run(cutoff);
        return db
          .prepare(`DELETE FROM subscribers WHERE status = 'unconfirmed' AND created_at < ?`)
          .run(cutoff).changes;
      })();
    },
  };
}
