import type Database from 'better-sqlite3';
import type { ClaimedBatch, ClaimedDelivery, OpenEditionInput, PendingDelivery } from './store.ts';
import { SUBSCRIBER_LIMITS } from './subscriber-fields.ts';

/**
 * The SQLite outbox and bulk subscriber writes: the statements whose cost grows with the
 * list, kept here so sqlite-store.ts stays a thin mapping of the DigestStore interface.
 */

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: the outbox runs them per message. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  const statements = cache.get(db) ?? new Map<string, Database.Statement>();
  cache.set(db, statements);
  const prepared = statements.get(sql) ?? db.prepare(sql);
  statements.set(sql, prepared);
  return prepared;
}

/** Records a failed attempt: back in the queue (retry at `dueAt`), or failed (sent: recordSent). */
export function recordOutcome(
  db: Database.Database,
  key: { editionId: string; subscriberId: number },
  outcome: { status: 'queued' | 'failed'; error: string | null; dueAt: number },
): void {
  statement(
    db,
    `UPDATE deliveries SET status = @status, last_error = COALESCE(@error, last_error), due_at = @dueAt,
       updated_at = @now
     WHERE edition_id = @editionId AND subscriber_id = @subscriberId`,
  ).run({ ...key, ...outcome, now: new Date().toISOString() });
}

/** Of these subscribers, those no longer active (they unsubscribed or bounced): one SELECT. */
export function leftOf(db: Database.Database, subscriberIds: number[]): number[] {
  if (subscriberIds.length === 0) return [];
  const rows = statement(
    db,
    `SELECT id FROM subscribers WHERE id IN (SELECT value FROM json_each(?)) AND status <> 'active'`,
  ).all(JSON.stringify(subscriberIds)) as { id: number }[];
  return rows.map((r) => r.id);
}

/** A claimed delivery whose subscriber left before it went out: skipped, never sent. */
export function recordSkipped(db: Database.Database, editionId: string, subscriberId: number): void {
  statement(
    db,
    `UPDATE deliveries SET status = 'skipped', updated_at = ?
     WHERE edition_id = ? AND subscriber_id = ? AND status = 'sending'`,
  ).run(new Date().toISOString(), editionId, subscriberId);
}

/** Records deliveries of one edition as sent: one statement for the whole batch. */
export function recordSent(db: Database.Database, editionId: string, subscriberIds: number[]): void {
  statement(
    db,
    `UPDATE deliveries SET status = 'sent', due_at = 0, updated_at = @now, sent_at = @now
     WHERE edition_id = @editionId AND subscriber_id IN (SELECT value FROM json_each(@ids))`,
  ).run({ editionId, ids: JSON.stringify(subscriberIds), now: new Date().toISOString() });
}

/** Records the edition, its seen articles and its deliveries in one transaction (see DigestStore). */
export function openEditionTx(
  db: Database.Database,
  input: OpenEditionInput & { limit?: number },
): { created: boolean; queued: number } {
  const now = new Date().toISOString();
  return db
    .transaction(() => {
      const created = db
        .prepare(
          `INSERT INTO editions (id, slot, status, subject, payload, created_at) VALUES (?, ?, 'sending', ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        )
        .run(input.edition.id, input.slot, input.subject, JSON.stringify(input.edition), now);
      if (created.changes !== 1) return { created: false, queued: 0 };
      const seen = db.prepare(
        'INSERT INTO seen_articles (article_id, edition_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      );
      for (const id of input.articleIds) seen.run(id, input.edition.id, now);
      return { created: true, queued: enqueue(db, input.edition.id, input.messageIdDomain, input.limit) };
    })
    .immediate();
}

/** One queued delivery per active subscriber (the first `limit` by id); existing ones stay. */
export function enqueue(db: Database.Database, editionId: string, domain: string, limit?: number): number {
  // One INSERT … SELECT: the subscriber list never passes through JavaScript.
  return statement(
    db,
    `INSERT INTO deliveries (edition_id, subscriber_id, message_id, updated_at)
       SELECT @edition, id, '<' || @edition || '.' || id || '@' || @domain || '>', @now
     FROM subscribers WHERE status = 'active' ORDER BY id LIMIT @limit
     ON CONFLICT DO NOTHING`,
  ).run({ edition: editionId, domain, now: new Date().toISOString(), limit: limit ?? -1 }).changes;
}

interface ClaimRow extends ClaimedDelivery {
  subscriberStatus: string;
}

/** The columns a claim reads: the delivery and what the message needs of its subscriber. */
// The name is cut in SQL: a huge name stored before names were bounded never reaches memory.
const CLAIM_SELECT = `SELECT d.edition_id AS editionId, d.subscriber_id AS subscriberId, s.email,
            substr(s.name, 1, ${SUBSCRIBER_LIMITS.name}) AS name,
            d.message_id AS messageId, d.attempts, s.status AS subscriberStatus
     FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id`;

/**
 * Marks selected rows claimed: "sending" with one more attempt, or "skipped" when their
 * subscriber left since enqueueing; one UPDATE for each. Returns the claims.
 */
function markClaimed(
  db: Database.Database,
  editionId: string,
  found: ClaimRow[],
  stamp: string,
): ClaimedDelivery[] {
  const mark = statement(
    db,
    `UPDATE deliveries SET status = @status, attempts = attempts + @add, updated_at = @stamp
     WHERE edition_id = @editionId AND subscriber_id IN (SELECT value FROM json_each(@ids))`,
  );
  const claimed: ClaimedDelivery[] = [];
  const skipped: number[] = [];
  for (const { subscriberStatus, ...row } of found) {
    if (subscriberStatus === 'active') claimed.push({ ...row, attempts: row.attempts + 1 });
    else skipped.push(row.subscriberId);
  }
  for (const [status, add, ids] of [
    ['sending', 1, claimed.map((c) => c.subscriberId)],
    ['skipped', 0, skipped],
  ] as const) {
    if (ids.length > 0) mark.run({ status, add, stamp, editionId, ids: JSON.stringify(ids) });
  }
  return claimed;
}

/**
 * Moves up to `limit` due deliveries to "sending" in one immediate transaction, so two
 * senders never claim the same row. Subscribers who left since enqueueing are skipped.
 */
export function claim(db: Database.Database, editionId: string, limit: number, now: Date): ClaimedDelivery[] {
  const select = statement(
    db,
    `${CLAIM_SELECT}
     WHERE d.edition_id = ? AND d.status = 'queued' AND d.due_at <= ?
     ORDER BY d.due_at, d.subscriber_id LIMIT ?`,
  );
  return db
    .transaction(() => {
      const stamp = now.toISOString();
      const rows = select.all(editionId, now.getTime(), limit) as ClaimRow[];
      return markClaimed(db, editionId, rows, stamp);
    })
    .immediate();
}

/** Claimed deliveries go back to the queue as they were (the attempt is given back). */
export function release(db: Database.Database, editionId: string, subscriberIds: number[]): void {
  const update = statement(
    db,
    `UPDATE deliveries SET status = 'queued', attempts = MAX(attempts - 1, 0), updated_at = ?
     WHERE edition_id = ? AND subscriber_id = ? AND status = 'sending'`,
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const id of subscriberIds) update.run(now, editionId, id);
  })();
}

/**
 * Claims a queue job's deliveries (see DigestStore.claimDeliveryBatch): those queued and due,
 * and those left "sending" by a sender that died, in one immediate transaction.
 */
export function claimBatch(
  db: Database.Database,
  editionId: string,
  subscriberIds: number[],
  now: Date,
): ClaimedBatch {
  const select = statement(
    db,
    `${CLAIM_SELECT}
     WHERE d.edition_id = @editionId AND d.subscriber_id IN (SELECT value FROM json_each(@ids))
       AND (d.status = 'sending' OR (d.status = 'queued' AND d.due_at <= @now))
     ORDER BY d.subscriber_id`,
  );
  const later = statement(
    db,
    `SELECT MIN(due_at) AS due FROM deliveries
     WHERE edition_id = @editionId AND subscriber_id IN (SELECT value FROM json_each(@ids))
       AND status = 'queued'`,
  );
  return db
    .transaction(() => {
      const key = { editionId, ids: JSON.stringify(subscriberIds), now: now.getTime() };
      const rows = select.all(key) as ClaimRow[];
      const claimed = markClaimed(db, editionId, rows, now.toISOString());
      const { due } = later.get(key) as { due: number | null };
      return { claimed, nextDueAt: due === null ? null : new Date(due) };
    })
    .immediate();
}

/** Deliveries still to send, a keyset page at a time (see DigestStore.pendingDeliveries). */
export function* pending(
  db: Database.Database,
  editionId: string,
  pageSize = 1000,
): Generator<PendingDelivery> {
  const page = statement(
    db,
    `SELECT subscriber_id AS subscriberId, due_at AS dueAt FROM deliveries
     WHERE edition_id = ? AND subscriber_id > ? AND status IN ('queued', 'sending')
     ORDER BY subscriber_id LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(editionId, after, pageSize) as { subscriberId: number; dueAt: number }[];
    for (const r of rows) yield { subscriberId: r.subscriberId, dueAt: new Date(r.dueAt) };
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.subscriberId;
  }
}
