import type { Pool, PoolClient } from 'pg';
import { normalizeEmailAddress } from './email-address.ts';
import { type AddOrigin, addedKind, type StatusCause, statusChangeKind, toEventRow } from './history.ts';
import { insertEvent } from './postgres-history.ts';
import { transaction } from './postgres-outbox.ts';
import { type SubscriberRow, toSubscriber } from './rows.ts';
import type { NewSubscriber, StatusChange, SubscriberStatus } from './store.ts';
import { checkSubscriberFields } from './subscriber-fields.ts';

/**
 * Subscriber writes on Postgres: every insert and status change writes its history row in the
 * same statement or transaction, and every address is stored in its normalised form.
 */

type Db = Pool | PoolClient;

/** Inserts the addresses not on the list yet, in one statement; returns how many were added. */
export async function insertSubscribers(db: Db, batch: NewSubscriber[], origin: AddOrigin): Promise<number> {
  if (batch.length === 0) return 0;
  const rows = batch.map((s) => checkSubscriberFields({ ...s, email: normalizeEmailAddress(s.email) }));
  const event = toEventRow({
    ...origin,
    subscriberId: 0,
    // Per row in SQL below: a sign-up (unconfirmed) records 'signed-up' instead.
    kind: addedKind(origin, 'active'),
  });
  // unnest keeps the batch order (ids grow as the file goes); duplicates in the batch collapse.
  // The history rows come from the same statement: what was added, and nothing else.
  const result = await db.query(
    `WITH added AS (
       INSERT INTO subscribers (email, name, status, created_at, updated_at)
       SELECT e, n, st, $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t (e, n, st, ord)
       ORDER BY ord
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id, status
     )
     INSERT INTO subscriber_events (subscriber_id, at, kind, from_status, to_status, source, actor, ip, note)
     SELECT id, $4, CASE WHEN status = 'unconfirmed' AND $5 = 'subscribed' THEN 'signed-up' ELSE $5 END,
       NULL, status, $6, $7, $8, $9 FROM added ORDER BY id`,
    [
      rows.map((s) => s.email),
      rows.map((s) => s.name),
      rows.map((s) => s.status ?? 'active'),
      new Date().toISOString(),
      event.kind,
      event.source,
      event.actor,
      event.ip,
      event.note,
    ],
  );
  return result.rowCount ?? 0;
}

/** The subscriber of an address (in any of its forms), or undefined; `lock` for an update. */
export async function selectSubscriber(
  db: Db,
  email: string,
  lock = false,
): Promise<SubscriberRow | undefined> {
  const { rows } = await db.query<SubscriberRow>(
    `SELECT * FROM subscribers WHERE lower(email) = lower($1)${lock ? ' FOR UPDATE' : ''}`,
    [normalizeEmailAddress(email)],
  );
  return rows[0];
}

/** Sets a subscriber's status and records the change (see DigestStore.setSubscriberStatus). */
export async function changeStatus(
  pool: Pool,
  email: string,
  status: SubscriberStatus,
  cause: StatusCause,
): Promise<StatusChange | null> {
  return transaction(pool, async (client): Promise<StatusChange | null> => {
    const row = await selectSubscriber(client, email, true);
    if (!row) return null;
    const from = row.status;
    if (from === status || (cause.onlyFrom && !cause.onlyFrom.includes(from))) {
      return { subscriber: toSubscriber(row), from, changed: false };
    }
    const now = new Date().toISOString();
    await client.query('UPDATE subscribers SET status = $1, updated_at = $2 WHERE id = $3', [
      status,
      now,
      row.id,
    ]);
    const { onlyFrom: _onlyFrom, kind, ...rest } = cause;
    await insertEvent(client, {
      ...rest,
      subscriberId: row.id,
      at: now,
      kind: kind ?? statusChangeKind(from, status),
      fromStatus: from,
      toStatus: status,
    });
    return { subscriber: toSubscriber({ ...row, status, updated_at: now }), from, changed: true };
  });
}
