import type Database from 'better-sqlite3';
import { type AddressMerge, type AddressRow, planAddressMerge } from './address-merge.ts';

/**
 * The data step of the "one form per address" migration on SQLite (see address-merge.ts):
 * runs inside the migration's transaction, so a crash leaves the old rows untouched.
 */
export function mergeAddressesSqlite(db: Database.Database): void {
  const rows = db.prepare('SELECT id, email, name, status FROM subscribers ORDER BY id').iterate();
  const plan = planAddressMerge(rows as Iterable<AddressRow>);
  const now = new Date().toISOString();
  for (const merge of plan.merges) mergeOne(db, merge, now);
  const rename = db.prepare('UPDATE subscribers SET email = ?, updated_at = ? WHERE id = ?');
  for (const r of plan.renames) rename.run(r.email, now, r.id);
}

function mergeOne(db: Database.Database, merge: AddressMerge, now: string): void {
  const keep = merge.keep.id;
  for (const { id: drop } of merge.drop) {
    // Both rows got the same edition: if either was sent, the mailbox has it.
    db.prepare(
      `UPDATE deliveries SET status = 'sent', updated_at = @now,
         sent_at = (SELECT o.sent_at FROM deliveries o WHERE o.edition_id = deliveries.edition_id AND o.subscriber_id = @drop)
       WHERE subscriber_id = @keep AND status <> 'sent'
         AND edition_id IN (SELECT edition_id FROM deliveries WHERE subscriber_id = @drop AND status = 'sent')`,
    ).run({ keep, drop, now });
    db.prepare(
      `DELETE FROM deliveries WHERE subscriber_id = @drop
         AND edition_id IN (SELECT edition_id FROM deliveries WHERE subscriber_id = @keep)`,
    ).run({ keep, drop });
    db.prepare('UPDATE deliveries SET subscriber_id = @keep WHERE subscriber_id = @drop').run({ keep, drop });
    db.prepare('UPDATE subscriber_events SET subscriber_id = @keep WHERE subscriber_id = @drop').run({
      keep,
      drop,
    });
    db.prepare('DELETE FROM subscribers WHERE id = ?').run(drop);
  }
  db.prepare('UPDATE subscribers SET email = ?, name = ?, status = ?, updated_at = ? WHERE id = ?').run(
    merge.email,
    merge.name,
    merge.status,
    now,
    keep,
  );
  db.prepare(
    `INSERT INTO subscriber_events (subscriber_id, at, kind, from_status, to_status, source, note)
     VALUES (?, ?, 'merged', ?, ?, 'migration', ?)`,
  ).run(keep, now, merge.keep.status, merge.status, merge.note);
}
