import type { Pool, PoolClient } from 'pg';
import {
  EVENT_COLUMNS,
  type NewSubscriberEvent,
  type SubscriberEventRow,
  type SubscriberHistory,
  toEventRow,
  toEventValues,
  toSubscriberEvent,
} from './history.ts';

/** Writes one history row (on the caller's transaction client, when there is one). */
export async function insertEvent(db: Pool | PoolClient, event: NewSubscriberEvent): Promise<void> {
  await db.query(
    `INSERT INTO subscriber_events (${EVENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    toEventValues(toEventRow(event)),
  );
}

/** The subscriber history on Postgres (store.history). */
export function createPostgresHistory(pool: Pool): SubscriberHistory {
  return {
    record: (event) => insertEvent(pool, event),
    async list(subscriberId) {
      const { rows } = await pool.query<SubscriberEventRow>(
        'SELECT * FROM subscriber_events WHERE subscriber_id = $1 ORDER BY id',
        [subscriberId],
      );
      return rows.map(toSubscriberEvent);
    },
  };
}
