import type { PoolClient } from 'pg';
import { type AddressMerge, type AddressRow, planAddressMerge } from './address-merge.ts';

/**
 * The data step of the "one form per address" migration on Postgres (see address-merge.ts):
 * runs inside the migration's transaction, under the migration lock.
 */
export async function mergeAddressesPostgres(client: PoolClient): Promise<void> {
  const { rows } = await client.query<AddressRow>(
    'SELECT id, email, name, status FROM subscribers ORDER BY id',
  );
  const plan = planAddressMerge(rows);
  const now = new Date().toISOString();
  for (const merge of plan.merges) await mergeOne(client, merge, now);
  if (plan.renames.length > 0) {
    await client.query(
      `UPDATE subscribers s SET email = r.email, updated_at = $3
       FROM unnest($1::int[], $2::text[]) AS r (id, email) WHERE s.id = r.id`,
      [plan.renames.map((r) => r.id), plan.renames.map((r) => r.email), now],
    );
  }
}

async function mergeOne(client: PoolClient, merge: AddressMerge, now: string): Promise<void> {
  const keep = merge.keep.id;
  for (const { id: drop } of merge.drop) {
    // Both rows got the same edition: if either was sent, the mailbox has it.
    await client.query(
      `UPDATE deliveries d SET status = 'sent', updated_at = $3, sent_at = o.sent_at
       FROM deliveries o
       WHERE d.subscriber_id = $1 AND d.status <> 'sent'
         AND o.subscriber_id = $2 AND o.edition_id = d.edition_id AND o.status = 'sent'`,
      [keep, drop, now],
    );
    await client.query(
      `DELETE FROM deliveries WHERE subscriber_id = $2
         AND edition_id IN (SELECT edition_id FROM deliveries WHERE subscriber_id = $1)`,
      [keep, drop],
    );
    await client.query('UPDATE deliveries SET subscriber_id = $1 WHERE subscriber_id = $2', [keep, drop]);
    await client.query('UPDATE subscriber_events SET subscriber_id = $1 WHERE subscriber_id = $2', [
      keep,
      drop,
    ]);
    await client.query('DELETE FROM subscribers WHERE id = $1', [drop]);
  }
  await client.query(
    'UPDATE subscribers SET email = $1, name = $2, status = $3, updated_at = $4 WHERE id = $5',
    [merge.email, merge.name, merge.status, now, keep],
  );
  await client.query(
    `INSERT INTO subscriber_events (subscriber_id, at, kind, from_status, to_status, source, note)
     VALUES ($1, $2, 'merged', $3, $4, 'migration', $5)`,
    [keep, now, merge.keep.status, merge.status, merge.note],
  );
}
