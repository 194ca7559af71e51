import type { Pool } from 'pg';
import {
  containsPattern,
  type DeskReads,
  SUBSCRIBER_DELIVERIES,
  type SubscriberDeliveryRow,
  toSubscriberDelivery,
} from './desk-reads.ts';
import { type SubscriberRow, toSubscriber } from './rows.ts';

/** The desk's reads on Postgres. */
export class PostgresDeskReads implements DeskReads {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async searchSubscribers(text: string, limit: number) {
    const { rows } = await this.#pool.query<SubscriberRow>(
      "SELECT * FROM subscribers WHERE lower(email) LIKE $1 ESCAPE '\\' ORDER BY email LIMIT $2",
      [containsPattern(text), limit],
    );
    return rows.map(toSubscriber);
  }

  async subscriberDeliveries(subscriberId: number, limit: number) {
    const { rows } = await this.#pool.query<SubscriberDeliveryRow>(SUBSCRIBER_DELIVERIES, [
      subscriberId,
      limit,
    ]);
    return rows.map(toSubscriberDelivery);
  }

  async sentSince(editionId: string, since: Date) {
    const { rows } = await this.#pool.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM deliveries WHERE edition_id = $1 AND status = 'sent' AND sent_at >= $2",
      [editionId, since.toISOString()],
    );
    return rows[0]?.n ?? 0;
  }
}
