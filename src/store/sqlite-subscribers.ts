import type Database from 'better-sqlite3';
import { normalizeEmailAddress } from './email-address.ts';
import { type AddOrigin, addedKind, type StatusCause, statusChangeKind } from './history.ts';
import { type SubscriberRow, toSubscriber } from './rows.ts';
import { insertEvent } from './sqlite-history.ts';
import { statement } from './sqlite-outbox.ts';
import type { NewSubscriber, StatusChange, SubscriberStatus } from './store.ts';
import { checkSubscriberFields } from './subscriber-fields.ts';

/**
 * Subscriber writes on SQLite: every insert and status change writes its history row in the
 * same transaction, and every address is stored in its normalised form.
 */

/** Inserts the addresses not on the list yet, in one transaction; returns how many were added. */
export function insertSubscribers(db: Database.Database, batch: NewSubscriber[], origin: AddOrigin): number {
  const insert = statement(
    db,
    `INSERT INTO subscribers (email, name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (email) DO NOTHING`,
  );
  const rows = batch.map((s) => checkSubscriberFields({ ...s, email: normalizeEmailAddress(s.email) }));
  const now = new Date().toISOString();
  return db.transaction(() => {
    let added = 0;
    for (const s of rows) {
      const status = s.status ?? 'active';
      const info = insert.run(s.email, s.name, status, now, now);
      if (info.changes === 0) continue;
      added++;
      insertEvent(db, {
        ...origin,
        subscriberId: Number(info.lastInsertRowid),
        at: now,
        kind: addedKind(origin, status),
        toStatus: status,
      });
    }
    return added;
  })();
}

/** The subscriber of an address (in any of its forms), or undefined. */
export function selectSubscriber(db: Database.Database, email: string): SubscriberRow | undefined {
  return statement(db, 'SELECT * FROM subscribers WHERE email = ?').get(normalizeEmailAddress(email)) as
    | SubscriberRow
    | undefined;
}

/** Sets a subscriber's status and records the change (see DigestStore.setSubscriberStatus). */
export function changeStatus(
  db: Database.Database,
  email: string,
  status: SubscriberStatus,
  cause: StatusCause,
): StatusChange | null {
  return db
    .transaction((): StatusChange | null => {
      const row = selectSubscriber(db, email);
      if (!row) return null;
      const from = row.status;
      if (from === status || (cause.onlyFrom && !cause.onlyFrom.includes(from))) {
        return { subscriber: toSubscriber(row), from, changed: false };
      }
      const now = new Date().toISOString();
      statement(db, 'UPDATE subscribers SET status = ?, updated_at = ? WHERE id = ?').run(
        status,
        now,
        row.id,
      );
      const { onlyFrom: _onlyFrom, kind, ...rest } = cause;
      insertEvent(db, {
        ...rest,
        subscriberId: row.id,
        at: now,
        kind: kind ?? statusChangeKind(from, status),
        fromStatus: from,
        toStatus: status,
      });
      return { subscriber: toSubscriber({ ...row, status, updated_at: now }), from, changed: true };
    })
    .immediate();
}
