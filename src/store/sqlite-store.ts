import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DigestError } from '../errors.ts';
import type { Edition } from '../models/edition.ts';
import { migrate } from './migrations.ts';
import type {
  ClaimedDelivery,
  DigestStore,
  EditionProgress,
  EditionRecord,
  EditionStatus,
  Subscriber,
  SubscriberStatus,
} from './store.ts';

interface SubscriberRow {
  id: number;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  created_at: string;
  updated_at: string;
}

interface EditionRow {
  id: string;
  slot: string | null;
  status: EditionStatus;
  subject: string;
  payload: string;
  created_at: string;
  finished_at: string | null;
}

const toSubscriber = (r: SubscriberRow): Subscriber => ({
  id: r.id,
  email: r.email,
  name: r.name,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toEdition = (r: EditionRow): EditionRecord => ({
  id: r.id,
  slot: r.slot,
  status: r.status,
  subject: r.subject,
  edition: JSON.parse(r.payload) as Edition,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

/** Opens (creating when missing) the SQLite store at `path` and runs its migrations. */
export function openSqliteStore(path: string): DigestStore {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return new SqliteStore(db);
  } catch (cause) {
    throw new DigestError('STORE_FAILED', `cannot open the database ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

class SqliteStore implements DigestStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  async addSubscriber(email: string, name: string | null) {
    const now = new Date().toISOString();
    const info = this.#db
      .prepare(
        `INSERT INTO subscribers (email, name, status, created_at, updated_at) VALUES (?, ?, 'active', ?, ?)
         ON CONFLICT (email) DO NOTHING`,
      )
      .run(email, name, now, now);
    const subscriber = await this.findSubscriber(email);
    if (!subscriber) throw new DigestError('STORE_FAILED', `subscriber ${email} vanished after insert`);
    return { subscriber, created: info.changes === 1 };
  }

  async setSubscriberStatus(email: string, status: SubscriberStatus) {
    const info = this.#db
      .prepare('UPDATE subscribers SET status = ?, updated_at = ? WHERE email = ?')
      .run(status, new Date().toISOString(), email);
    return info.changes > 0;
  }

  async findSubscriber(email: string) {
    const row = this.#db.prepare('SELECT * FROM subscribers WHERE email = ?').get(email) as
      | SubscriberRow
      | undefined;
    return row ? toSubscriber(row) : null;
  }

  async *listSubscribers(status?: SubscriberStatus) {
    const sql = status
      ? 'SELECT * FROM subscribers WHERE status = ? ORDER BY id'
      : 'SELECT * FROM subscribers ORDER BY id';
    const rows = this.#db
      .prepare(sql)
      .iterate(...(status ? [status] : [])) as IterableIterator<SubscriberRow>;
    for (const row of rows) yield toSubscriber(row);
  }

  async countSubscribers(status?: SubscriberStatus) {
    const sql = status
      ? 'SELECT COUNT(*) AS n FROM subscribers WHERE status = ?'
      : 'SELECT COUNT(*) AS n FROM subscribers';
    return (this.#db.prepare(sql).get(...(status ? [status] : [])) as { n: number }).n;
  }

  async createEdition(edition: Edition, subject: string, slot: string | null) {
    const info = this.#db
      .prepare(
        `INSERT INTO editions (id, slot, status, subject, payload, created_at) VALUES (?, ?, 'sending', ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(edition.id, slot, subject, JSON.stringify(edition), new Date().toISOString());
    return info.changes === 1;
  }

  async getEdition(id: string) {
    const row = this.#db.prepare('SELECT * FROM editions WHERE id = ?').get(id) as EditionRow | undefined;
    return row ? toEdition(row) : null;
  }

  async listEditions(limit: number) {
    const rows = this.#db.prepare('SELECT * FROM editions ORDER BY created_at DESC LIMIT ?').all(limit);
    return (rows as EditionRow[]).map(toEdition);
  }

  async unfinishedEditions() {
    const rows = this.#db
      .prepare("SELECT * FROM editions WHERE status = 'sending' ORDER BY created_at")
      .all();
    return (rows as EditionRow[]).map(toEdition);
  }

  async setEditionStatus(id: string, status: EditionStatus) {
    const finished = status === 'done' ? new Date().toISOString() : null;
    this.#db
      .prepare('UPDATE editions SET status = ?, finished_at = ? WHERE id = ?')
      .run(status, finished, id);
  }

  async enqueueDeliveries(editionId: string, messageIdDomain: string) {
    const info = this.#db
      .prepare(
        `INSERT INTO deliveries (edition_id, subscriber_id, message_id, updated_at)
         SELECT @edition, id, '<' || @edition || '.' || id || '@' || @domain || '>', @now
         FROM subscribers WHERE status = 'active'
         ON CONFLICT DO NOTHING`,
      )
      .run({ edition: editionId, domain: messageIdDomain, now: new Date().toISOString() });
    return info.changes;
  }

  async claimDeliveries(editionId: string, limit: number, now: Date) {
    const claim = this.#db.transaction(() => {
      const rows = this.#db
        .prepare(
          `SELECT d.edition_id AS editionId, d.subscriber_id AS subscriberId, s.email, s.name,
                  d.message_id AS messageId, d.attempts
           FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
           WHERE d.edition_id = ? AND d.status = 'queued' AND d.due_at <= ? AND s.status = 'active'
           ORDER BY d.due_at, d.subscriber_id LIMIT ?`,
        )
        .all(editionId, now.getTime(), limit) as ClaimedDelivery[];
      const mark = this.#db.prepare(
        `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = ?
         WHERE edition_id = ? AND subscriber_id = ?`,
      );
      const stamp = now.toISOString();
      for (const row of rows) mark.run(stamp, editionId, row.subscriberId);
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
    return claim.immediate();
  }

  async markSent(editionId: string, subscriberId: number) {
    this.#setDelivery(editionId, subscriberId, 'sent', null, 0);
  }

  async markRetry(editionId: string, subscriberId: number, error: string, retryAt: Date) {
    this.#setDelivery(editionId, subscriberId, 'queued', error, retryAt.getTime());
  }

  async markFailed(editionId: string, subscriberId: number, error: string) {
    this.#setDelivery(editionId, subscriberId, 'failed', error, 0);
  }

  #setDelivery(editionId: string, subscriberId: number, status: string, error: string | null, dueAt: number) {
    this.#db
      .prepare(
        `UPDATE deliveries SET status = ?, last_error = COALESCE(?, last_error), due_at = ?, updated_at = ?
         WHERE edition_id = ? AND subscriber_id = ?`,
      )
      .run(status, error, dueAt, new Date().toISOString(), editionId, subscriberId);
  }

  async requeueSending(editionId: string) {
    return this.#db
      .prepare(
        "UPDATE deliveries SET status = 'queued', updated_at = ? WHERE edition_id = ? AND status = 'sending'",
      )
      .run(new Date().toISOString(), editionId).changes;
  }

  async editionProgress(editionId: string) {
    const rows = this.#db
      .prepare('SELECT status, COUNT(*) AS n FROM deliveries WHERE edition_id = ? GROUP BY status')
      .all(editionId) as { status: keyof EditionProgress; n: number }[];
    const progress: EditionProgress = { queued: 0, sending: 0, sent: 0, failed: 0, total: 0 };
    for (const { status, n } of rows) {
      progress[status] = n;
      progress.total += n;
    }
    return progress;
  }

  async nextDueAt(editionId: string) {
    const row = this.#db
      .prepare("SELECT MIN(due_at) AS due FROM deliveries WHERE edition_id = ? AND status = 'queued'")
      .get(editionId) as { due: number | null };
    return row.due === null ? null : new Date(row.due);
  }

  async filterUnseenArticles(articleIds: string[]) {
    const seen = this.#db.prepare('SELECT 1 FROM seen_articles WHERE article_id = ?');
    return articleIds.filter((id) => seen.get(id) === undefined);
  }

  async markArticlesSeen(articleIds: string[], editionId: string) {
    const insert = this.#db.prepare(
      'INSERT INTO seen_articles (article_id, edition_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const now = new Date().toISOString();
    this.#db.transaction(() => {
      for (const id of articleIds) insert.run(id, editionId, now);
    })();
  }

  async getSetting(key: string) {
    const row = this.#db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  async setSettingIfAbsent(key: string, value: string) {
    this.#db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(key, value);
    return (await this.getSetting(key)) ?? value;
  }

  async close() {
    this.#db.close();
  }
}
