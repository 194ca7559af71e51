import pg, { type Pool } from 'pg';
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
import { PostgresAccounts } from './postgres-accounts.ts';
import { PostgresAudit } from './postgres-audit.ts';
import { createPostgresBounces } from './postgres-bounces.ts';
import { PostgresDeskReads } from './postgres-desk-reads.ts';
import { PostgresDrafts } from './postgres-drafts.ts';
import { createPostgresHistory } from './postgres-history.ts';
import { createPostgresLimits } from './postgres-limits.ts';
import { ensureSchema, migratePostgres } from './postgres-migrate.ts';
import {
  claim,
  claimBatch,
  enqueue,
  leftOf,
  markSeen,
  openEditionTx,
  pending,
  recordOutcome,
  recordSent,
  recordSkipped,
  release,
} from './postgres-outbox.ts';
import { PostgresReads } from './postgres-reads.ts';
import { createPostgresRuns } from './postgres-runs.ts';
import { createPostgresSignups } from './postgres-signups.ts';
import { changeStatus, insertSubscribers } from './postgres-subscribers.ts';
import type { RunStore } from './runs.ts';
import type { SignupStore } from './signups.ts';
import type {
  DigestStore,
  EditionStatus,
  NewSubscriber,
  OpenEditionInput,
  SubscriberStatus,
} from './store.ts';
import { sentRecorder } from './turn-batch.ts';

/** Options of openPostgresStore; all optional. */
export interface PostgresStoreOptions {
  /** Connections kept open at most. Default 10. */
  maxConnections?: number;
  /** A schema to work in (created when missing) instead of the user's default: tests use one each. */
  schema?: string;
}

const INT8 = 20;

/** Opens the Postgres store at `url` (postgres://user:pass@host:port/db) and runs its migrations. */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<DigestStore> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new DigestError('STORE_FAILED', `schema name ${schema} must be lowercase letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // BIGINT (epoch milliseconds, counts) as numbers: every value we keep fits in a double.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (schema) await ensureSchema(pool, schema);
    await migratePostgres(pool);
    return new PostgresStore(pool);
  } catch (cause) {
    await pool.end().catch(() => undefined);
    // The message names host and database, never the password.
    throw new DigestError(
      'STORE_FAILED',
      `cannot open the database ${describeUrl(url)}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

/** host:port/database of a Postgres URL, without credentials. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

class PostgresStore extends PostgresReads implements DigestStore {
  readonly #pool: Pool;
  /** Sends finished in one turn of the event loop: one UPDATE per edition (see sentRecorder). */
  readonly #markSent = sentRecorder((editionId, ids) => recordSent(this.#pool, editionId, ids));

  readonly history: SubscriberHistory;
  readonly signups: SignupStore;
  readonly drafts: DraftStore;
  readonly accounts: AccountStore;
  readonly audit: AuditLog;
  readonly deskReads: DeskReads;
  readonly bounces: BounceStore;
  readonly limits: LimitStore;
  readonly runs: RunStore;

  constructor(pool: Pool) {
    super(pool);
    this.#pool = pool;
    this.history = createPostgresHistory(pool);
    this.signups = createPostgresSignups(pool);
    this.drafts = new PostgresDrafts(pool);
    this.accounts = new PostgresAccounts(pool);
    this.audit = new PostgresAudit(pool);
    this.deskReads = new PostgresDeskReads(pool);
    this.bounces = createPostgresBounces(pool);
    this.limits = createPostgresLimits(pool);
    this.runs = createPostgresRuns(pool);
  }

  async addSubscriber(email: string, name: string | null, origin: AddOrigin = { source: 'cli' }) {
    const created = (await insertSubscribers(this.#pool, [{ email, name }], origin)) === 1;
    const subscriber = await this.findSubscriber(email);
    if (!subscriber) throw new DigestError('STORE_FAILED', `subscriber ${email} vanished after insert`);
    return { subscriber, created };
  }

  async addSubscribers(batch: NewSubscriber[], origin: AddOrigin = { source: 'import' }) {
    return insertSubscribers(this.#pool, batch, origin);
  }

  async setSubscriberStatus(email: string, status: SubscriberStatus, cause: StatusCause) {
    return changeStatus(this.#pool, email, status, cause);
  }

  async openEdition(input: OpenEditionInput & { limit?: number }) {
    return openEditionTx(this.#pool, input);
  }

  async createEdition(edition: Edition, subject: string, slot: string | null) {
    const result = await this.#pool.query(
      `INSERT INTO editions (id, slot, status, subject, payload, created_at) VALUES ($1, $2, 'sending', $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [edition.id, slot, subject, JSON.stringify(edition), new Date().toISOString()],
    );
    return result.rowCount === 1;
  }

  async enqueueDeliveries(editionId: string, messageIdDomain: string, limit?: number) {
    return enqueue(this.#pool, editionId, messageIdDomain, limit);
  }

  async markArticlesSeen(articleIds: string[], editionId: string) {
    await markSeen(this.#pool, articleIds, editionId);
  }

  async setEditionStatus(id: string, status: EditionStatus) {
    const finished = status === 'done' ? new Date().toISOString() : null;
    await this.#pool.query('UPDATE editions SET status = $1, finished_at = $2 WHERE id = $3', [
      status,
      finished,
      id,
    ]);
  }

  async claimDeliveries(editionId: string, limit: number, now: Date) {
    return claim(this.#pool, editionId, limit, now);
  }

  async claimDeliveryBatch(editionId: string, subscriberIds: number[], now: Date) {
    return claimBatch(this.#pool, editionId, subscriberIds, now);
  }

  pendingDeliveries(editionId: string) {
    return pending(this.#pool, editionId);
  }

  async markSent(editionId: string, subscriberId: number) {
    return this.#markSent(editionId, subscriberId);
  }

  async markRetry(editionId: string, subscriberId: number, error: string, retryAt: Date) {
    const dueAt = retryAt.getTime();
    await recordOutcome(this.#pool, { editionId, subscriberId }, { status: 'queued', error, dueAt });
  }

  async markFailed(editionId: string, subscriberId: number, error: string) {
    await recordOutcome(this.#pool, { editionId, subscriberId }, { status: 'failed', error, dueAt: 0 });
  }

  async leftSubscribers(subscriberIds: number[]) {
    return leftOf(this.#pool, subscriberIds);
  }

  async markSkipped(editionId: string, subscriberId: number) {
    await recordSkipped(this.#pool, editionId, subscriberId);
  }

  async skipDemoDeliveries(editionId: string, emails: string[]) {
    const result = await this.#pool.query(
      `UPDATE deliveries SET status = 'skipped', updated_at = $3
       WHERE edition_id = $1 AND status = 'queued' AND subscriber_id IN
         (SELECT id FROM subscribers WHERE lower(email) = ANY ($2::text[]) UNION ${DEMO_ADDED})`,
      [editionId, emails.map(normalizeEmailAddress), new Date().toISOString()],
    );
    return result.rowCount ?? 0;
  }

  async releaseDeliveries(editionId: string, subscriberIds: number[]) {
    await release(this.#pool, editionId, subscriberIds);
  }

  async requeueSending(editionId: string) {
    const result = await this.#pool.query(
      "UPDATE deliveries SET status = 'queued', updated_at = $1 WHERE edition_id = $2 AND status = 'sending'",
      [new Date().toISOString(), editionId],
    );
    return result.rowCount ?? 0;
  }

  async requeueFailed(editionId: string) {
    const result = await this.#pool.query(
      `UPDATE deliveries SET status = 'queued', attempts = 0, due_at = 0, updated_at = $1
       WHERE edition_id = $2 AND status = 'failed'
         AND subscriber_id IN (SELECT id FROM subscribers WHERE status = 'active')`,
      [new Date().toISOString(), editionId],
    );
    return result.rowCount ?? 0;
  }

  async putFetchRecord(r: FetchRecord) {
    await this.#pool.query(
      `INSERT INTO fetch_records (url, final_url, etag, last_modified, content_type, body, fetched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, etag = excluded.etag,
         last_modified = excluded.last_modified, content_type = excluded.content_type,
         body = excluded.body, fetched_at = excluded.fetched_at`,
      [r.url, r.finalUrl, r.etag, r.lastModified, r.contentType, r.body, r.fetchedAt],
    );
  }

  async setSettingIfAbsent(key: string, value: string) {
    await this.#pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      key,
      value,
    ]);
    return (await this.getSetting(key)) ?? value;
  }

  async setSetting(key: string, value: string) {
    await this.#pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async acquireLease(name: string, holder: string, ttlMs: number) {
    const now = Date.now();
    // One statement: the upsert only overwrites an expired lease or the holder's own.
    const result = await this.#pool.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.expires_at <= $4 OR leases.holder = excluded.holder`,
      [name, holder, now + ttlMs, now],
    );
    return result.rowCount === 1;
  }

  async releaseLease(name: string, holder: string) {
    await this.#pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  async close() {
    await this.#pool.end();
  }
}
