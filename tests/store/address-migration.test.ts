import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openPostgresStore } from '../../src/store/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { DigestStore } from '../../src/store/store.ts';
import { testDatabaseUrl } from '../helpers/store-backends.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** The schema before the history and the address normal form: four migrations. */
const BEFORE = 4;

/**
 * A list the old comparison let split: one mailbox as three rows (one of which unsubscribed),
 * an address in upper case that bounced, and the deliveries of two editions.
 */
const OLD_ROWS = [
  `INSERT INTO subscribers (id, email, name, status, created_at, updated_at) VALUES
     (1, 'uni@bücher.example', NULL, 'active', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
     (2, 'uni@xn--bcher-kva.example', 'Uni', 'unsubscribed', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z'),
     (3, 'ana@example.org', 'Ana', 'active', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
     (4, 'Bob@Example.org', NULL, 'bounced', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  `INSERT INTO editions (id, slot, status, subject, payload, created_at) VALUES
     ('e1', NULL, 'done', 'S', '{}', '2024-04-01T00:00:00Z'),
     ('e2', NULL, 'done', 'S', '{}', '2024-05-01T00:00:00Z')`,
  `INSERT INTO deliveries (edition_id, subscriber_id, status, attempts, message_id, due_at, updated_at, sent_at) VALUES
     ('e1', 1, 'failed', 1, '<e1.1@x>', 0, 't', NULL),
     ('e1', 2, 'sent', 1, '<e1.2@x>', 0, 't', '2024-04-01T07:00:00Z'),
     ('e1', 3, 'sent', 1, '<e1.3@x>', 0, 't', '2024-04-01T07:00:00Z'),
     ('e2', 2, 'sent', 1, '<e2.2@x>', 0, 't', '2024-05-01T07:00:00Z')`,
];

/** SQLite's old NOCASE compared ASCII only: the upper-case Unicode form was a fourth row. */
const SQLITE_ONLY = `INSERT INTO subscribers (id, email, name, status, created_at, updated_at) VALUES
  (5, 'UNI@BÜCHER.example', NULL, 'active', '2024-06-01T00:00:00Z', '2024-06-01T00:00:00Z')`;

const temps: ReturnType<typeof makeTempDir>[] = [];

async function oldSqlite(): Promise<DigestStore> {
  const temp = makeTempDir('digest-merge-');
  temps.push(temp);
  const path = join(temp.dir, 'old.db');
  const db = new Database(path);
  for (const m of MIGRATIONS.slice(0, BEFORE)) db.exec(m.sqlite);
  db.pragma(`user_version = ${BEFORE}`);
  for (const sql of [...OLD_ROWS, SQLITE_ONLY]) db.exec(sql);
  db.close();
  return openSqliteStore(path);
}

async function oldPostgres(): Promise<DigestStore> {
  const url = await testDatabaseUrl();
  const schema = `old_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  await client.query(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  for (const [i, m] of MIGRATIONS.slice(0, BEFORE).entries()) {
    await client.query(m.postgres);
    await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [i + 1, m.name, 't']);
  }
  for (const sql of OLD_ROWS) await client.query(sql);
  await client.end();
  return openPostgresStore(url, { schema });
}

const BACKENDS = [
  { name: 'SQLite', skip: null, open: oldSqlite },
  {
    name: 'Postgres',
    skip: inject('postgresUrl') ? null : `Postgres tests skipped: ${inject('servicesNote')}`,
    open: () => oldPostgres(),
  },
] as const;

describe.each(BACKENDS)('the address migration on $name', (backend) => {
  let store: DigestStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    for (const t of temps.splice(0)) t.remove();
  });

  it.skipIf(backend.skip !== null)(
    'merges the rows of one address into the oldest: leaving wins, deliveries and history follow',
    async () => {
      store = await backend.open();
      expect(await store.countSubscribers()).toBe(3);
      const uni = await store.findSubscriber('UNI@BÜCHER.example');
      expect(uni).toMatchObject({
        id: 1,
        email: 'uni@xn--bcher-kva.example',
        name: 'Uni',
        status: 'unsubscribed',
      });
      // Row 2 had e1 sent: the mailbox has it, so the kept delivery says sent, and e2 moved over.
      expect(await store.editionProgress('e1')).toMatchObject({ sent: 2, failed: 0, total: 2 });
      expect(await store.editionProgress('e2')).toMatchObject({ sent: 1, total: 1 });
      const history = await store.history.list(1);
      expect(history.filter((e) => e.kind === 'imported')).toHaveLength(backend.name === 'SQLite' ? 3 : 2);
      expect(history.at(-1)).toMatchObject({
        kind: 'merged',
        fromStatus: 'active',
        toStatus: 'unsubscribed',
        source: 'migration',
      });
      expect(history.at(-1)?.note).toMatch(
        /#1 uni@bücher\.example \(active\), #2 uni@xn--bcher-kva\.example/,
      );
    },
  );

  it.skipIf(backend.skip !== null)(
    'writes every other address in normal form and keeps its status; the merged one is never mailed',
    async () => {
      store = await backend.open();
      expect(await store.findSubscriber('bob@example.org')).toMatchObject({
        email: 'bob@example.org',
        status: 'bounced',
      });
      const opened = await store.openEdition({
        edition: { id: 'e3', date: '2024-07-01', composedAt: 't', newsletterName: 'D', items: [] },
        subject: 'S',
        slot: null,
        articleIds: [],
        messageIdDomain: 'x',
      });
      expect(opened.queued).toBe(1);
      const claimed = await store.claimDeliveries('e3', 10, new Date());
      expect(claimed.map((d) => d.email)).toEqual(['ana@example.org']);
    },
  );
});
