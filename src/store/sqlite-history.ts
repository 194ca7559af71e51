import type Database from 'better-sqlite3';
import {
  EVENT_COLUMNS,
  type NewSubscriberEvent,
  type SubscriberEventRow,
  type SubscriberHistory,
  toEventRow,
  toEventValues,
  toSubscriberEvent,
} from './history.ts';

/** Writes one history row on `db` (inside the caller's transaction, when there is one). */
export function insertEvent(db: Database.Database, event: NewSubscriberEvent): void {
  db.prepare(`INSERT INTO subscriber_events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    ...toEventValues(toEventRow(event)),
  );
}

/** The subscriber history on SQLite (store.history). */
export function createSqliteHistory(db: Database.Database): SubscriberHistory {
  return {
    async record(event) {
      insertEvent(db, event);
    },
    async list(subscriberId) {
      const rows = db
        .prepare('SELECT * FROM subscriber_events WHERE subscriber_id = ? ORDER BY id')
        .all(subscriberId) as SubscriberEventRow[];
      return rows.map(toSubscriberEvent);
    },
  };
}
