import type { Pool } from 'pg';
import {
  type BounceAction,
  type BouncedDelivery,
  type BounceEvent,
  type BounceEventRow,
  type BounceStore,
  type DeliveryRow,
  type NewBounceEvent,
  SOFT_WINDOW_SQL,
  toBounceCounts,
  toBouncedDelivery,
  toBounceEvent,
} from './bounce-store.ts';

type CountRow = Parameters<typeof toBounceCounts>[0][number];

/** The bounce events of the Postgres store. */
export function createPostgresBounces(pool: Pool): BounceStore {
  const softWindow = SOFT_WINDOW_SQL.replaceAll(':sub', '$1').replaceAll(':window', '$2');
  return {
    async record(e: NewBounceEvent): Promise<BounceEvent> {
      const { rows } = await pool.query<BounceEventRow>(
        `INSERT INTO bounce_events (subscriber_id, edition_id, email, kind, matched_by, code, diagnostic,
           source, action, occurred_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          e.subscriberId,
          e.editionId,
          e.email,
          e.kind,
          e.matchedBy,
          e.code,
          e.diagnostic,
          e.source,
          e.action,
          e.occurredAt.toISOString(),
          new Date().toISOString(),
        ],
      );
      return toBounceEvent(rows[0] as BounceEventRow);
    },
    async setAction(id: number, action: BounceAction) {
      const { rows } = await pool.query<BounceEventRow>(
        'UPDATE bounce_events SET action = $1 WHERE id = $2 RETURNING *',
        [action, id],
      );
      return toBounceEvent(rows[0] as BounceEventRow);
    },
    async findDelivery(editionId: string, subscriberId: number): Promise<BouncedDelivery | null> {
      const { rows } = await pool.query<DeliveryRow>(
        `SELECT d.edition_id, d.subscriber_id, s.email, s.status, d.message_id
         FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
         WHERE d.edition_id = $1 AND d.subscriber_id = $2`,
        [editionId, subscriberId],
      );
      return rows[0] ? toBouncedDelivery(rows[0]) : null;
    },
    async latestSentEdition(subscriberId: number) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT e.id FROM editions e JOIN deliveries d ON d.edition_id = e.id AND d.subscriber_id = $1
         WHERE d.status = 'sent' ORDER BY e.created_at DESC, e.id DESC LIMIT 1`,
        [subscriberId],
      );
      return rows[0]?.id ?? null;
    },
    async softBouncedEditions(subscriberId: number, window: number) {
      const { rows } = await pool.query<{ n: number }>(softWindow, [subscriberId, window]);
      return Number(rows[0]?.n ?? 0);
    },
    async counts(editionId?: string) {
      const { rows } = await pool.query<CountRow>(
        `SELECT kind, matched_by, COUNT(*)::int AS n FROM bounce_events
         WHERE $1::text IS NULL OR edition_id = $1 GROUP BY kind, matched_by`,
        [editionId ?? null],
      );
      return toBounceCounts(rows);
    },
    async reasons(subscriberIds: number[]) {
      const reasons = new Map<number, BounceEvent>();
      if (subscriberIds.length === 0) return reasons;
      const { rows } = await pool.query<BounceEventRow>(
        `SELECT DISTINCT ON (subscriber_id) * FROM bounce_events
         WHERE action IS NOT NULL AND subscriber_id = ANY ($1::int[]) ORDER BY subscriber_id, id DESC`,
        [subscriberIds],
      );
      for (const row of rows)
        if (row.subscriber_id !== null) reasons.set(row.subscriber_id, toBounceEvent(row));
      return reasons;
    },
  };
}
