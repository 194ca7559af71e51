import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DigestError } from '../errors.ts';
import type { Edition } from '../models/edition.ts';
import type { FetchRecord } from '../models/source.ts';
import type { AccountStore } from './accounts.ts';
import type { AuditLog } from './audit.ts';
import type { BounceStore } from './bounce-store.ts';
import type { DeskReads } from './desk-reads.ts';
import type { DraftStore } from './drafts.ts';
import { normalizeEmailAddress } from './email-address.ts';
import { type AddOrigin, DEMO_ADDED, type StatusCause, type SubscriberHistory } from './history.ts';
import type { LimitStore } from './limits.ts';
import { migrateSqlite } from './migrations.ts';
import {
  type EditionRow,
  type FetchRecordRow,
  type SubscriberRow,
  toEdition,
  toFetchRecord,
  toSubscriber,
} from './rows.ts';
import type { RunStore } from './runs.ts';
import type { SignupStore } from './signups.ts';
import { SqliteAccounts } from './sqlite-accounts.ts';
import { SqliteAudit } from './sqlite-audit.ts';
import { createSqliteBounces } from './sqlite-bounces.ts';
import { SqliteDeskReads } from './sqlite-desk-reads.ts';
import { foldWriteAheadLog, openFailure, recoverWhenDiskFull } from './sqlite-disk-full.ts';
import { SqliteDrafts } from './sqlite-drafts.ts';
import { createSqliteHistory } from './sqlite-history.ts';
import { createSqliteLimits } from './sqlite-limits.ts';
import {
  claim,
  claimBatch,
  enqueue,
  leftOf,
  openEditionTx,
  pending,
  recordOutcome,
  recordSent,
  recordSkipped,
  release,
} from './sqlite-outbox.ts';
import { createSqliteRuns } from './sqlite-runs.ts';
import { createSqliteSignups } from './sqlite-signups.ts';
import { changeStatus, insertSubscribers, selectSubscriber } from './sqlite-subscribers.ts';
import type {
  DeliveryErrorRecord,
  DigestStore,
  EditionProgress,
  EditionStatus,
  NewSubscriber,
  OpenEditionInput,
  SubscriberStatus,
} from './store.ts';
import { sentRecorder } from './turn-batch.ts';

/** Rows per page when streaming the subscriber list. */
const PAGE_SIZE = 500;

/** Opens (creating when missing) the SQLite store at `path` and runs its migrations. */
export function openSqliteStore(path: string): DigestStore {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    refuseEmptyFile(path);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // A checkpoint syncs the WAL and the database: SQLite's default of one every 1,000 pages
    // ran several a second during a send (one small commit per batch of replies) and cost
    // 15 % of the send rate at 5 connections. 10,000 pages: a WAL of up to 40 MB on disk.
    db.pragma('wal_autocheckpoint = 10000');
    // A WAL left large by a run that stopped (a full disk) is folded now, giving its space
    // back; with no wait, so opening never stalls behind another process's writes.
    db.pragma('busy_timeout = 0');
    foldWriteAheadLog(db);
    db.pragma('busy_timeout = 5000');
    migrateSqlite(db);
    return recoverWhenDiskFull(new SqliteStore(db), db, path);
  } catch (cause) {
    throw openFailure(path, cause);
  }
}

/**
 * A database file of 0 bytes is not a new database: SQLite would take it as one and a new
 * unsubscribe secret would be made, so every link already mailed would stop working. It
 * is what a full disk, a failed copy or a truncating redirect leaves.
 */
function refuseEmptyFile(path: string): void {
  if (path === ':memory:' || statSync(path, { throwIfNoEntry: false })?.size !== 0) return;
  throw new Error(
    'the file is empty (0 bytes), so it is not a database: restore it from a backup, or delete it to start a new list (with a new unsubscribe secret, so links already sent stop working)',
  );
}

class SqliteStore implements DigestStore {
  readonly #db: Database.Database;
  /** Sends finished in one turn of the event loop: one UPDATE per edition (see sentRecorder). */
  readonly #markSent = sentRecorder((editionId, ids) => recordSent(this.#db, editionId, ids));

  readonly history: SubscriberHistory;
  readonly signups: SignupStore;
  readonly bounces: BounceStore;

  readonly drafts: DraftStore;
  readonly accounts: AccountStore;
  readonly audit: AuditLog;
  readonly deskReads: DeskReads;
  readonly limits: LimitStore;
  readonly runs: RunStore;

  constructor(db: Database.Database) {
    this.#db = db;
    this.history = createSqliteHistory(db);
    this.signups = createSqliteSignups(db);
    this.drafts = new SqliteDrafts(db);
    this.accounts = new SqliteAccounts(db);
    this.audit = new SqliteAudit(db);
    this.deskReads = new SqliteDeskReads(db);
    this.bounces = createSqliteBounces(db);
    this.limits = createSqliteLimits(db);
    this.runs = createSqliteRuns(db);
  }

  async addSubscriber(email: string, name: string | null, origin: AddOrigin = { source: 'cli' }) {
    const created = insertSubscribers(this.#db, [{ email, name }], origin) === 1;
    const subscriber = await this.findSubscriber(email);
    if (!subscriber) throw new DigestError('STORE_FAILED', `subscriber ${email} vanished after insert`);
    return { subscriber, created };
  }

  async setSubscriberStatus(email: string, status: SubscriberStatus, cause: StatusCause) {
    return changeStatus(this.#db, email, status, cause);
  }

  async findSubscriber(email: string) {
    const row = selectSubscriber(this.#db, email);
    return row ? toSubscriber(row) : null;
  }

  async findSubscribers(emails: string[]) {
    const rows = this.#db
      .prepare('SELECT * FROM subscribers WHERE email IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(emails.map(normalizeEmailAddress))) as SubscriberRow[];
    return rows.map(toSubscriber);
  }

  async addSubscribers(batch: NewSubscriber[], origin: AddOrigin = { source: 'import' }) {
    return insertSubscribers(this.#db, batch, origin);
  }

  async *listSubscribers(status?: SubscriberStatus) {
    // Keyset pages, not one long-running iterate(): the connection stays free for writes
    // between pages, and memory holds one page whatever the list size.
    const page = this.#db.prepare(
      `SELECT * FROM subscribers WHERE id > @after AND (@status IS NULL OR status = @status)
       ORDER BY id LIMIT ${PAGE_SIZE}`,
    );
    let after = 0;
    for (;;) {
      const rows = page.all({ after, status: status ?? null }) as SubscriberRow[];
      for (const row of rows) yield toSubscriber(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      after = last.id;
    }
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

  async openEdition(input: OpenEditionInput & { limit?: number }) {
    return openEditionTx(this.#db, input);
  }

  async unfinishedEditions(options: { includePaused?: boolean } = {}) {
    const statuses = options.includePaused ? "('sending', 'paused')" : "('sending')";
    const rows = this.#db
      .prepare(`SELECT * FROM editions WHERE status IN ${statuses} ORDER BY created_at`)
      .all();
    return (rows as EditionRow[]).map(toEdition);
  }

  async setEditionStatus(id: string, status: EditionStatus) {
    const finished = status === 'done' ? new Date().toISOString() : null;
    this.#db
      .prepare('UPDATE editions SET status = ?, finished_at = ? WHERE id = ?')
      .run(status, finished, id);
  }

  async enqueueDeliveries(editionId: string, messageIdDomain: string, limit?: number) {
    return enqueue(this.#db, editionId, messageIdDomain, limit);
  }

  async claimDeliveries(editionId: string, limit: number, now: Date) {
    return claim(this.#db, editionId, limit, now);
  }

  async claimDeliveryBatch(editionId: string, subscriberIds: number[], now: Date) {
    return claimBatch(this.#db, editionId, subscriberIds, now);
  }

  async *pendingDeliveries(editionId: string) {
    // Pages, not one long iterate(): each page's read ends before the caller writes.
    yield* pending(this.#db, editionId);
  }

  async skipDemoDeliveries(editionId: string, emails: string[]) {
    return this.#db
      .prepare(
        `UPDATE deliveries SET status = 'skipped', updated_at = @now
         WHERE edition_id = @editionId AND status = 'queued' AND subscriber_id IN
           (SELECT id FROM subscribers WHERE email IN (SELECT value FROM json_each(@emails))
            UNION ${DEMO_ADDED})`,
      )
      .run({
        editionId,
        emails: JSON.stringify(emails.map(normalizeEmailAddress)),
        now: new Date().toISOString(),
      }).changes;
  }

  async releaseDeliveries(editionId: string, subscriberIds: number[]) {
    release(this.#db, editionId, subscriberIds);
  }

  async markSent(editionId: string, subscriberId: number) {
    return this.#markSent(editionId, subscriberId);
  }

  async markRetry(editionId: string, subscriberId: number, error: string, retryAt: Date) {
    const dueAt = retryAt.getTime();
    recordOutcome(this.#db, { editionId, subscriberId }, { status: 'queued', error, dueAt });
  }

  async markFailed(editionId: string, subscriberId: number, error: string) {
    recordOutcome(this.#db, { editionId, subscriberId }, { status: 'failed', error, dueAt: 0 });
  }

  async leftSubscribers(subscriberIds: number[]) {
    return leftOf(this.#db, subscriberIds);
  }

  async markSkipped(editionId: string, subscriberId: number) {
    recordSkipped(this.#db, editionId, subscriberId);
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
    const progress: EditionProgress = { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, total: 0 };
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

  async getFetchRecord(url: string): Promise<FetchRecord | null> {
    const row = this.#db.prepare('SELECT * FROM fetch_records WHERE url = ?').get(url) as
      | FetchRecordRow
      | undefined;
    return row ? toFetchRecord(row) : null;
  }

  async putFetchRecord(r: FetchRecord) {
    this.#db
      .prepare(
        `INSERT INTO fetch_records (url, final_url, etag, last_modified, content_type, body, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, etag = excluded.etag,
           last_modified = excluded.last_modified, content_type = excluded.content_type,
           body = excluded.body, fetched_at = excluded.fetched_at`,
      )
      .run(r.url, r.finalUrl, r.etag, r.lastModified, r.contentType, r.body, r.fetchedAt);
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

  async setSetting(key: string, value: string) {
    this.#db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  async acquireLease(name: string, holder: string, ttlMs: number) {
    const now = Date.now();
    // One statement: the upsert only overwrites an expired lease or the holder's own.
    const info = this.#db
      .prepare(
        `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.expires_at <= @now OR leases.holder = excluded.holder`,
      )
      .run({ name, holder, expires: now + ttlMs, now });
    return info.changes === 1;
  }

  async releaseLease(name: string, holder: string) {
    this.#db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
  }

  async leaseHolder(name: string) {
    const row = this.#db
      .prepare('SELECT holder FROM leases WHERE name = ? AND expires_at > ?')
      .get(name, Date.now()) as { holder: string } | undefined;
    return row?.holder ?? null;
  }

  async requeueFailed(editionId: string) {
    return this.#db
      .prepare(
        `UPDATE deliveries SET status = 'queued', attempts = 0, due_at = 0, updated_at = ?
         WHERE edition_id = ? AND status = 'failed'
           AND subscriber_id IN (SELECT id FROM subscribers WHERE status = 'active')`,
      )
      .run(new Date().toISOString(), editionId).changes;
  }

  async deliveryErrors(editionId: string, limit: number) {
    return this.#db
      .prepare(
        `SELECT s.email, d.status, d.last_error AS error, d.updated_at AS at
         FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
         WHERE d.edition_id = ? AND d.last_error IS NOT NULL AND d.status <> 'sent'
         ORDER BY d.updated_at DESC, d.subscriber_id LIMIT ?`,
      )
      .all(editionId, limit) as DeliveryErrorRecord[];
  }

  async countRetryable(editionId: string) {
    const row = this.#db
      .prepare(
        `SELECT COUNT(*) AS n FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
         WHERE d.edition_id = ? AND d.status = 'failed' AND s.status = 'active'`,
      )
      .get(editionId) as { n: number };
    return row.n;
  }

  async countBounced(editionId: string) {
    const row = this.#db
      .prepare(
        `SELECT COUNT(*) AS n FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
         WHERE d.edition_id = ? AND s.status = 'bounced'`,
      )
      .get(editionId) as { n: number };
    return row.n;
  }

  async close() {
    this.#db.close();
  }
}
