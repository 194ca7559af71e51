import type { Pool } from 'pg';
import type { FetchRecord } from '../models/source.ts';
import { normalizeEmailAddress } from './email-address.ts';
import { selectSubscriber } from './postgres-subscribers.ts';
import {
  type EditionRow,
  type FetchRecordRow,
  type SubscriberRow,
  toEdition,
  toFetchRecord,
  toSubscriber,
} from './rows.ts';
import type {
  DeliveryErrorRecord,
  EditionProgress,
  EditionRecord,
  Subscriber,
  SubscriberStatus,
} from './store.ts';

/** Rows per page when streaming the subscriber list. */
const PAGE_SIZE = 500;

/** The read side of the Postgres store: queries that change nothing. */
export class PostgresReads {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async findSubscriber(email: string): Promise<Subscriber | null> {
    const row = await selectSubscriber(this.#pool, email);
    return row ? toSubscriber(row) : null;
  }

  async findSubscribers(emails: string[]): Promise<Subscriber[]> {
    const { rows } = await this.#pool.query<SubscriberRow>(
      'SELECT * FROM subscribers WHERE lower(email) = ANY ($1::text[])',
      [emails.map(normalizeEmailAddress)],
    );
    return rows.map(toSubscriber);
  }

  async *listSubscribers(status?: SubscriberStatus): AsyncGenerator<Subscriber> {
    // Keyset pages: memory holds one page whatever the list size, and no cursor stays open.
    let after = 0;
    for (;;) {
      const { rows } = await this.#pool.query<SubscriberRow>(
        `SELECT * FROM subscribers WHERE id > $1 AND ($2::text IS NULL OR status = $2)
         ORDER BY id LIMIT ${PAGE_SIZE}`,
        [after, status ?? null],
      );
      for (const row of rows) yield toSubscriber(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      after = last.id;
    }
  }

  async countSubscribers(status?: SubscriberStatus): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM subscribers WHERE $1::text IS NULL OR status = $1',
      [status ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  async getEdition(id: string): Promise<EditionRecord | null> {
    const { rows } = await this.#pool.query<EditionRow>('SELECT * FROM editions WHERE id = $1', [id]);
    return rows[0] ? toEdition(rows[0]) : null;
  }

  async listEditions(limit: number): Promise<EditionRecord[]> {
    const { rows } = await this.#pool.query<EditionRow>(
      'SELECT * FROM editions ORDER BY created_at DESC LIMIT $1',
      [limit],
    );
    return rows.map(toEdition);
  }

  async unfinishedEditions(options: { includePaused?: boolean } = {}): Promise<EditionRecord[]> {
    const statuses = options.includePaused ? ['sending', 'paused'] : ['sending'];
    const { rows } = await this.#pool.query<EditionRow>(
      'SELECT * FROM editions WHERE status = ANY ($1::text[]) ORDER BY created_at',
      [statuses],
    );
    return rows.map(toEdition);
  }

  async editionProgress(editionId: string): Promise<EditionProgress> {
    const { rows } = await this.#pool.query<{ status: keyof EditionProgress; n: number }>(
      'SELECT status, COUNT(*)::int AS n FROM deliveries WHERE edition_id = $1 GROUP BY status',
      [editionId],
    );
    const progress: EditionProgress = { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, total: 0 };
    for (const { status, n } of rows) {
      progress[status] = n;
      progress.total += n;
    }
    return progress;
  }

  async nextDueAt(editionId: string): Promise<Date | null> {
    const { rows } = await this.#pool.query<{ due: number | null }>(
      "SELECT MIN(due_at) AS due FROM deliveries WHERE edition_id = $1 AND status = 'queued'",
      [editionId],
    );
    const due = rows[0]?.due ?? null;
    return due === null ? null : new Date(due);
  }

  async deliveryErrors(editionId: string, limit: number): Promise<DeliveryErrorRecord[]> {
    const { rows } = await this.#pool.query<DeliveryErrorRecord>(
      `SELECT s.email, d.status, d.last_error AS error, d.updated_at AS at
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.edition_id = $1 AND d.last_error IS NOT NULL AND d.status <> 'sent'
       ORDER BY d.updated_at DESC, d.subscriber_id LIMIT $2`,
      [editionId, limit],
    );
    return rows;
  }

  async countRetryable(editionId: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.edition_id = $1 AND d.status = 'failed' AND s.status = 'active'`,
      [editionId],
    );
    return rows[0]?.n ?? 0;
  }

  async countBounced(editionId: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.edition_id = $1 AND s.status = 'bounced'`,
      [editionId],
    );
    return rows[0]?.n ?? 0;
  }

  async filterUnseenArticles(articleIds: string[]): Promise<string[]> {
    const { rows } = await this.#pool.query<{ id: string }>(
      'SELECT article_id AS id FROM seen_articles WHERE article_id = ANY ($1::text[])',
      [articleIds],
    );
    const seen = new Set(rows.map((r) => r.id));
    return articleIds.filter((id) => !seen.has(id));
  }

  async getFetchRecord(url: string): Promise<FetchRecord | null> {
    const { rows } = await this.#pool.query<FetchRecordRow>('SELECT * FROM fetch_records WHERE url = $1', [
      url,
    ]);
    return rows[0] ? toFetchRecord(rows[0]) : null;
  }

  async getSetting(key: string): Promise<string | null> {
    const { rows } = await this.#pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
      key,
    ]);
    return rows[0]?.value ?? null;
  }

  async leaseHolder(name: string): Promise<string | null> {
    const { rows } = await this.#pool.query<{ holder: string }>(
      'SELECT holder FROM leases WHERE name = $1 AND expires_at > $2',
      [name, Date.now()],
    );
    return rows[0]?.holder ?? null;
  }
}
