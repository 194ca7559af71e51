import type Database from 'better-sqlite3';
import {
  containsPattern,
  type DeskReads,
  SUBSCRIBER_DELIVERIES,
  type SubscriberDeliveryRow,
  toSubscriberDelivery,
} from './desk-reads.ts';
import { type SubscriberRow, toSubscriber } from './rows.ts';

/** The desk's reads on SQLite. */
export class SqliteDeskReads implements DeskReads {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async searchSubscribers(text: string, limit: number) {
    const rows = this.#db
      .prepare("SELECT * FROM subscribers WHERE lower(email) LIKE ? ESCAPE '\\' ORDER BY email LIMIT ?")
      .all(containsPattern(text), limit) as SubscriberRow[];
    return rows.map(toSubscriber);
  }

  async subscriberDeliveries(subscriberId: number, limit: number) {
    const rows = this.#db.prepare(SUBSCRIBER_DELIVERIES.replace(/\$\d/g, '?')).all(subscriberId, limit);
    return (rows as SubscriberDeliveryRow[]).map(toSubscriberDelivery);
  }

  async sentSince(editionId: string, since: Date) {
    const row = this.#db
      .prepare(
        "SELECT COUNT(*) AS n FROM deliveries WHERE edition_id = ? AND status = 'sent' AND sent_at >= ?",
      )
      .get(editionId, since.toISOString()) as { n: number };
    return row.n;
  }
}
