import type { Pool, PoolClient } from 'pg';
import type { ClaimedBatch, ClaimedDelivery, OpenEditionInput, PendingDelivery } from './store.ts';
import { SUBSCRIBER_LIMITS } from './subscriber-fields.ts';

/**
 * The Postgres outbox and bulk subscriber writes: the statements whose cost grows with the
 * list, and the claims many sender processes run at once (FOR UPDATE SKIP LOCKED: a row one
 * transaction claims is passed over by the others instead of waited for).
 */

type Db = Pool | PoolClient;

/** Runs `work` in one transaction on one connection of the pool. */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Records the edition, its seen articles and its deliveries in one transaction (see DigestStore). */
export async function openEditionTx(
  pool: Pool,
  input: OpenEditionInput & { limit?: number },
): Promise<{ created: boolean; queued: number }> {
  const now = new Date().toISOString();
  return transaction(pool, async (client) => {
    // No conflict target: a taken id or a taken slot both mean "another worker fired it".
    const created = await client.query(
      `INSERT INTO editions (id, slot, status, subject, payload, created_at) VALUES ($1, $2, 'sending', $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [input.edition.id, input.slot, input.subject, JSON.stringify(input.edition), now],
    );
    if (created.rowCount !== 1) return { created: false, queued: 0 };
    await markSeen(client, input.articleIds, input.edition.id);
    return {
      created: true,
      queued: await enqueue(client, input.edition.id, input.messageIdDomain, input.limit),
    };
  });
}

/** Remembers articles as carried by an edition. */
export async function markSeen(db: Db, articleIds: string[], editionId: string): Promise<void> {
  await db.query(
    `INSERT INTO seen_articles (article_id, edition_id, seen_at) SELECT a, $2, $3 FROM unnest($1::text[]) AS a
     ON CONFLICT DO NOTHING`,
    [articleIds, editionId, new Date().toISOString()],
  );
}

/** One queued delivery per active subscriber (the first `limit` by id); existing ones stay. */
export async function enqueue(db: Db, editionId: string, domain: string, limit?: number): Promise<number> {
  // One INSERT … SELECT: the subscriber list never passes through JavaScript. LIMIT NULL = all.
  const result = await db.query(
    `INSERT INTO deliveries (edition_id, subscriber_id, message_id, updated_at)
       SELECT $1::text, id, '<' || $1::text || '.' || id || '@' || $2::text || '>', $3
     FROM subscribers WHERE status = 'active' ORDER BY id LIMIT $4
     ON CONFLICT DO NOTHING`,
    [editionId, domain, new Date().toISOString(), limit ?? null],
  );
  return result.rowCount ?? 0;
}

interface ClaimRow {
  subscriberId: number;
  email: string;
  name: string | null;
  messageId: string;
  attempts: number;
  status: string;
}

const CLAIM_SET = `status = CASE WHEN s.status = 'active' THEN 'sending' ELSE 'skipped' END,
  attempts = d.attempts + CASE WHEN s.status = 'active' THEN 1 ELSE 0 END, updated_at = $2`;
// The name is cut in SQL: a huge name stored before names were bounded never reaches memory.
const CLAIM_RETURNING = `RETURNING d.subscriber_id AS "subscriberId", s.email,
  substr(s.name, 1, ${SUBSCRIBER_LIMITS.name}) AS name,
  d.message_id AS "messageId", d.attempts, d.status`;

const toClaimed = (editionId: string, rows: ClaimRow[]): ClaimedDelivery[] =>
  rows
    .filter((r) => r.status === 'sending')
    .map(({ status: _status, ...r }) => ({ editionId, ...r }))
    .sort((a, b) => a.subscriberId - b.subscriberId);

/**
 * Moves up to `limit` due deliveries to "sending" in one statement. SKIP LOCKED: senders
 * claiming at once each get other rows. Subscribers who left since enqueueing are skipped.
 */
export async function claim(db: Db, editionId: string, limit: number, now: Date): Promise<ClaimedDelivery[]> {
  const { rows } = await db.query<ClaimRow>(
    `WITH picked AS (
       SELECT subscriber_id FROM deliveries
       WHERE edition_id = $1 AND status = 'queued' AND due_at <= $3
       ORDER BY due_at, subscriber_id LIMIT $4
       FOR UPDATE SKIP LOCKED
     )
     UPDATE deliveries d SET ${CLAIM_SET}
     FROM picked p, subscribers s
     WHERE d.edition_id = $1 AND d.subscriber_id = p.subscriber_id AND s.id = d.subscriber_id
     ${CLAIM_RETURNING}`,
    [editionId, now.toISOString(), now.getTime(), limit],
  );
  return toClaimed(editionId, rows);
}

/**
 * Claims a queue job's deliveries (see DigestStore.claimDeliveryBatch): those queued and due,
 * and those left "sending" by a sender that died, in one statement; then when the rest is due.
 */
export async function claimBatch(
  db: Db,
  editionId: string,
  subscriberIds: number[],
  now: Date,
): Promise<ClaimedBatch> {
  const { rows } = await db.query<ClaimRow>(
    `UPDATE deliveries d SET ${CLAIM_SET}
     FROM subscribers s
     WHERE d.edition_id = $1 AND d.subscriber_id = ANY($3::int[]) AND s.id = d.subscriber_id
       AND (d.status = 'sending' OR (d.status = 'queued' AND d.due_at <= $4))
     ${CLAIM_RETURNING}`,
    [editionId, now.toISOString(), subscriberIds, now.getTime()],
  );
  const later = await db.query<{ due: string | null }>(
    `SELECT MIN(due_at) AS due FROM deliveries
     WHERE edition_id = $1 AND subscriber_id = ANY($2::int[]) AND status = 'queued'`,
    [editionId, subscriberIds],
  );
  const due = later.rows[0]?.due ?? null;
  return { claimed: toClaimed(editionId, rows), nextDueAt: due === null ? null : new Date(Number(due)) };
}

/** Claimed deliveries go back to the queue as they were (the attempt is given back). */
export async function release(db: Db, editionId: string, subscriberIds: number[]): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = 'queued', attempts = GREATEST(attempts - 1, 0), updated_at = $3
     WHERE edition_id = $1 AND subscriber_id = ANY ($2::int[]) AND status = 'sending'`,
    [editionId, subscriberIds, new Date().toISOString()],
  );
}

/** Of these subscribers, those no longer active (they unsubscribed or bounced): one SELECT. */
export async function leftOf(db: Db, subscriberIds: number[]): Promise<number[]> {
  if (subscriberIds.length === 0) return [];
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM subscribers WHERE id = ANY ($1::int[]) AND status <> 'active'`,
    [subscriberIds],
  );
  return rows.map((r) => r.id);
}

/** A claimed delivery whose subscriber left before it went out: skipped, never sent. */
export async function recordSkipped(db: Db, editionId: string, subscriberId: number): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = 'skipped', updated_at = $3
     WHERE edition_id = $1 AND subscriber_id = $2 AND status = 'sending'`,
    [editionId, subscriberId, new Date().toISOString()],
  );
}

/** Records deliveries of one edition as sent: one statement for the whole batch. */
export async function recordSent(db: Db, editionId: string, subscriberIds: number[]): Promise<void> {
  const now = new Date().toISOString();
  await db.query(
    `UPDATE deliveries SET status = 'sent', due_at = 0, updated_at = $3, sent_at = $3
     WHERE edition_id = $1 AND subscriber_id = ANY ($2::int[])`,
    [editionId, subscriberIds, now],
  );
}

/** Records a failed attempt: back in the queue (retry at `dueAt`), or failed (sent: recordSent). */
export async function recordOutcome(
  db: Db,
  key: { editionId: string; subscriberId: number },
  outcome: { status: 'queued' | 'failed'; error: string | null; dueAt: number },
): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = $3, last_error = COALESCE($4, last_error), due_at = $5, updated_at = $6
     WHERE edition_id = $1 AND subscriber_id = $2`,
    [key.editionId, key.subscriberId, outcome.status, outcome.error, outcome.dueAt, new Date().toISOString()],
  );
}

/** Deliveries still to send, a keyset page at a time (see DigestStore.pendingDeliveries). */
export async function* pending(db: Db, editionId: string, pageSize = 1000): AsyncGenerator<PendingDelivery> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<{ subscriberId: number; dueAt: number }>(
      `SELECT subscriber_id AS "subscriberId", due_at AS "dueAt" FROM deliveries
       WHERE edition_id = $1 AND subscriber_id > $2 AND status IN ('queued', 'sending')
       ORDER BY subscriber_id LIMIT $3`,
      [editionId, after, pageSize],
    );
    for (const r of rows) yield { subscriberId: r.subscriberId, dueAt: new Date(r.dueAt) };
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.subscriberId;
  }
}
