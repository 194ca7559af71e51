import type Database from 'better-sqlite3';
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

/** The bounce events of the SQLite store. */
export function createSqliteBounces(db: Database.Database): BounceStore {
  const insert = db.prepare(
    `INSERT INTO bounce_events (subscriber_id, edition_id, email, kind, matched_by, code, diagnostic, source,
       action, occurred_at, received_at)
     VALUES (@subscriberId, @editionId, @email, @kind, @matchedBy, @code, @diagnostic, @source, @action,
       @occurredAt, @receivedAt)
     RETURNING *`,
  );
  const setAction = db.prepare('UPDATE bounce_events SET action = ? WHERE id = ? RETURNING *');
  const delivery = db.prepare(
    `SELECT d.edition_id, d.subscriber_id, s.email, s.status, d.message_id
     FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
     WHERE d.edition_id = ? AND d.subscriber_id = ?`,
  );
  // Newest editions first, each looked up by the deliveries' primary key: no scan of deliveries.
  const latest = db.prepare(
    `SELECT e.id FROM editions e JOIN deliveries d ON d.edition_id = e.id AND d.subscriber_id = ?
     WHERE d.status = 'sent' ORDER BY e.created_at DESC, e.id DESC LIMIT 1`,
  );
  const softWindow = db.prepare(SOFT_WINDOW_SQL);
  const countsBy = (where: string) =>
    db.prepare(
      `SELECT kind, matched_by, COUNT(*) AS n FROM bounce_events ${where} GROUP BY kind, matched_by`,
    );
  const editionCounts = countsBy('WHERE edition_id = ?');
  const allCounts = countsBy('');
  return {
    async record(event: NewBounceEvent): Promise<BounceEvent> {
      const row = insert.get({
        ...event,
        occurredAt: event.occurredAt.toISOString(),
        receivedAt: new Date().toISOString(),
      }) as BounceEventRow;
      return toBounceEvent(row);
    },
    async setAction(id: number, action: BounceAction) {
      return toBounceEvent(setAction.get(action, id) as BounceEventRow);
    },
    async findDelivery(editionId: string, subscriberId: number): Promise<BouncedDelivery | null> {
      const row = delivery.get(editionId, subscriberId) as DeliveryRow | undefined;
      return row ? toBouncedDelivery(row) : null;
    },
    async latestSentEdition(subscriberId: number) {
      return (latest.get(subscriberId) as { id: string } | undefined)?.id ?? null;
    },
    async softBouncedEditions(subscriberId: number, window: number) {
      return (softWindow.get({ sub: subscriberId, window }) as { n: number }).n;
    },
    async counts(editionId?: string) {
      const rows = editionId === undefined ? allCounts.all() : editionCounts.all(editionId);
      return toBounceCounts(rows as Parameters<typeof toBounceCounts>[0]);
    },
    async reasons(subscriberIds: number[]) {
      const reasons = new Map<number, BounceEvent>();
      if (subscriberIds.length === 0) return reasons;
      const rows = db
        .prepare(
          `SELECT * FROM bounce_events WHERE action IS NOT NULL
           AND subscriber_id IN (${subscriberIds.map(() => '?').join(', ')}) ORDER BY id`,
        )
        .all(...subscriberIds) as BounceEventRow[];
      for (const row of rows)
        if (row.subscriber_id !== null) reasons.set(row.subscriber_id, toBounceEvent(row));
      return reasons;
    },
  };
}
